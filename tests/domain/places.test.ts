import { describe, expect, it } from "vitest";
import { PlaceIndex } from "../../src/domain/index.js";

// Zone names as a corpus might hold them (listed or learnt from articles).
const zones = [
  "即墨区", "即墨经济开发区", "上海张江科学城", "亦庄新城", "重庆两江新区", "青岛市城阳区",
  "青岛经济技术开发区", "青岛高新区", "长沙经济技术开发区", "长沙高新技术产业开发区", "合肥经济技术开发区",
];
const index = new PlaceIndex(zones);
const zoneIn = (text: string) => index.find(text).map((m) => m.zone);

describe("PlaceIndex: a zone named by its place alone", () => {
  it.each([
    // The administrative area of the place, not the development zone inside it.
    ["即墨2022年GDP多少", ["即墨区"]],
    // A place written after its city in the zone's name.
    ["张江2022年规上工业总产值", ["上海张江科学城"]],
    ["亦庄新落地了哪些平台", ["亦庄新城"]],
    ["两江新区去年成绩单", ["重庆两江新区"]],
    ["城阳那次集中开工是哪天", ["青岛市城阳区"]],
    ["合肥去年外资多少", ["合肥经济技术开发区"]],
    // A place two zones of one rank share names neither: 青岛 (经开区 and 高新区), 长沙 (经开区 and 高新区).
    ["青岛2023年GDP多少", []],
    ["长沙去年新开工项目多少", []],
    // No place at all.
    ["国家级经开区考核结果", []],
  ])("%s → %j", (text, expected) => {
    expect(zoneIn(text)).toEqual(expected);
  });

  it("reports where the place stands in the text", () => {
    expect(index.find("2022年即墨和崂山谁快")).toEqual([{ start: 5, end: 7, alias: "即墨", zone: "即墨区" }]);
  });
});

describe("PlaceIndex: a place two zones share", () => {
  const shared = ["前海综合保税区", "前海深港现代服务业合作区"];

  it("names the zone more articles are about (前海 = 前海深港现代服务业合作区 when the corpus is about it)", () => {
    const index = new PlaceIndex(shared, new Map([["前海深港现代服务业合作区", 3], ["前海综合保税区", 1]]));
    expect(index.find("前海现在有多少港资企业").map((m) => m.zone)).toEqual(["前海深港现代服务业合作区"]);
  });

  it("names neither when nothing tells them apart", () => {
    expect(new PlaceIndex(shared).find("前海现在有多少港资企业")).toEqual([]);
  });
});
