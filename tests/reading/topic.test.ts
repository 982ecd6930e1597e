import { describe, expect, it } from "vitest";
import { headingYear, paragraphTopic } from "../../src/reading/index.js";

describe("paragraphTopic: the topic a paragraph names at its head", () => {
  it.each([
    ["综合排名方面，全省共有5家开发区跻身全国30强。", "综合排名方面"],
    ["分行业看，汽车制造业增长9.4%。", "分行业看"],
    ["从三次产业看，第一产业增加值95亿元。", "从三次产业看"],
    ["在招商引资方面，园区新引进项目12个。", "在招商引资方面"],
    // A time, a subject or a whole sentence is no heading.
    ["2023年，园区实现地区生产总值500亿元。", undefined],
    ["过去一年，园区新签约项目45个。", undefined],
    ["园区经济运行稳中向好。", undefined],
  ])("%s → %s", (paragraph, topic) => {
    expect(paragraphTopic(paragraph)).toBe(topic);
  });
});

describe("headingYear: the year a section heading names", () => {
  it.each([
    ["2025年：科创平台加速集聚", 2025],
    ["2026年重点项目", 2026],
    ["一、2023年工作回顾", 2023],
    // A heading with no year ends the section before it.
    ["指标对照", null],
    // Sentences, list items and lines with figures are no headings.
    ["2025年新签约项目32个", undefined],
    ["- 园区配套码头完工", undefined],
    ["过去一年，园区新签约项目45个。", undefined],
  ] as const)("%s → %s", (paragraph, year) => {
    expect(headingYear(paragraph)).toBe(year);
  });
});
