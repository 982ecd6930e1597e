import { describe, expect, it } from "vitest";
import { markdownToText } from "../../src/ingest/index.js";

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
