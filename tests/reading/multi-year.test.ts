import { describe, expect, it } from "vitest";
import { asksTotal, namesYearSpan, spansYears } from "../../src/reading/index.js";

describe("spansYears: text before a figure that speaks of several years", () => {
  it.each([
    ["五年间，园区累计引进外资", true],
    ["近三年来，新区", true],
    ["过去10年间，", true],
    ["“十四五”期间，全区", true],
    ["十四五期间，全区", true],
    ["多年来，", true],
    // An average rate over years is no one year's rate.
    ["前三季度，园区第三产业两年平均增长", true],
    ["园区五年年均增长", true],
    // 累计 alone totals a period of one year (「前三季度累计完成」), a year's look-back is one year.
    ["前三季度，高新区累计完成", false],
    ["一年来，园区", false],
    ["2023年，园区", false],
  ])("%s → %s", (text, expected) => {
    expect(spansYears(text)).toBe(expected);
  });
});

describe("asksTotal: a question that asks for a total", () => {
  it.each([
    ["园区五年间累计引进外资多少？", true],
    ["园区累计引进外资多少？", true],
    ["园区2023年引进外资多少？", false],
  ])("%s → %s", (question, expected) => {
    expect(asksTotal(question)).toBe(expected);
  });
});

describe("namesYearSpan: a question about a span of years itself", () => {
  it.each([
    ["园区十四五期间累计引进外资多少？", true],
    ["园区五年来新增企业多少家", true],
    // 累计 alone may total a part of one year; an average over years is a rate.
    ["园区前三季度累计引进外资多少？", false],
    ["园区2021年GDP多少？十四五以来年均增长多少？", false],
    ["园区规上工业增加值两年平均增速多少", false],
  ])("%s → %s", (question, expected) => {
    expect(namesYearSpan(question)).toBe(expected);
  });
});
