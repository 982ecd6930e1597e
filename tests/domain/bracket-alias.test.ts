import { describe, expect, it } from "vitest";
import { Gazetteer, zoneEntries } from "../../src/domain/index.js";
import { bracketAliases } from "../../src/domain/learn.js";

const gazetteer = Gazetteer.load();

describe("bracketAliases: a name a text defines for a zone in brackets", () => {
  it.each([
    ["7月3日，云梦高新技术产业开发区（中国声谷）召开年中会议。", [["云梦高新技术产业开发区", "中国声谷"]]],
    ["云梦高新技术产业开发区（以下简称声谷）今年新增企业80家。", [["云梦高新技术产业开发区", "声谷"]]],
    // A bracket after no zone, with digits, or holding a zone-type word defines nothing.
    ["推进渝新欧国际铁路（果园港）多式联运枢纽建设。", []],
    ["云梦高新技术产业开发区（2021年版）规划发布。", []],
    ["云梦高新技术产业开发区（开发区）", []],
  ])("%s → %j", (text, expected) => {
    expect(bracketAliases(text, gazetteer)).toEqual(expected);
  });
});

describe("zoneEntries", () => {
  it("learns a bracketed name as the zone's alias, from an iterator of articles too", () => {
    const articles = new Map([["a", { zones: ["云梦高新技术产业开发区"], title: "云梦高新区年中会议", text: "云梦高新技术产业开发区（中国声谷）召开年中会议。" }]]);
    const entries = zoneEntries(articles.values(), gazetteer);
    expect(entries.find((entry) => entry.name === "云梦高新技术产业开发区")?.aliases).toEqual(["中国声谷"]);
    expect(gazetteer.withZones(entries).canonical("中国声谷")).toBe("云梦高新技术产业开发区");
  });
});
