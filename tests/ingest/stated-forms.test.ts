import { describe, expect, it } from "vitest";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import { markdownToText, zonesOf } from "../../src/ingest/index.js";

// Newspaper text in narrow columns saved as Markdown (written for this test).
const body = ["□本报记者　王海", "　　3月2日，合肥高新", "技术产业开发区新材料", "项目开工建设。", "　　高新区坚持以商招商，", "与多家企业达成合作。"].join("\n");

describe("markdownToText on newspaper columns", () => {
  it("keeps the byline apart and opens a paragraph at each full-width indent", () => {
    expect(markdownToText(body).split("\n\n")).toEqual(["□本报记者王海", "3月2日，合肥高新技术产业开发区新材料项目开工建设。", "高新区坚持以商招商，与多家企业达成合作。"]);
  });

  it("still joins the wrapped lines of an ordinary Markdown paragraph", () => {
    expect(markdownToText("合肥高新区\n新材料项目开工。")).toBe("合肥高新区新材料项目开工。");
  });
});

describe("a zone stated with another name of it in brackets", () => {
  it.each([
    ["中德生态园（青岛国际经济合作区）", "国际经济合作区"],
    ["无锡高新区（新吴区）", "无锡高新技术产业开发区"],
    ["临港片区(滴水湖)", "临港片区"],
  ])("%s → %s", (stated, zone) => {
    expect(zonesOf("标题\n正文。", Gazetteer.load(), [stated])[0]).toBe(zone);
  });
});

describe("a front-matter zone that states many", () => {
  const gazetteer = Gazetteer.load();
  it.each([
    ["江南省国家级经开区（北湾经开区、南湾经开区等）"],
    ["全省各开发区"],
  ])("%s names no home zone: the text's zones come first", (stated) => {
    const zones = zonesOf("考核结果揭晓\n其中，北湾经开区位列全国第9位，南湾经开区位列第12位。", gazetteer, [stated]);
    expect(zones[0]).toBe("北湾经济技术开发区");
    expect(zones).not.toContain("江南经济技术开发区");
  });
});

describe("a front-matter zone of sector words alone", () => {
  it("is still that zone, not a category (临空港经开区)", () => {
    const zones = zonesOf("标题\n正文。", Gazetteer.load(), ["临空港经开区"]);
    expect(zones[0]).toBe("临空港经开区");
  });
});
