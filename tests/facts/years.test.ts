import { describe, expect, it } from "vitest";
import { detectPeriod, nearestYearCue, resolveYear } from "../../src/facts/index.js";

describe("resolveYear", () => {
  const april2023 = "2023-04-15";
  it("reads relative years against the article date", () => {
    expect(resolveYear("今年以来，班子成员外出招商80次", april2023)).toBe(2023);
    expect(resolveYear("去年完成进出口1130亿元", april2023)).toBe(2022);
    expect(resolveYear("明年力争突破", april2023)).toBe(2024);
    expect(resolveYear("前年", april2023)).toBe(2021);
    expect(resolveYear("过去一年，青岛开发区精准聚焦", april2023)).toBe(2022);
    expect(resolveYear("力争全年新签约入驻企业100家以上", april2023)).toBe(2023);
  });

  it("lets an explicit year override relative words", () => {
    expect(resolveYear("2022年，青岛开发区将紧扣高质量发展主题，今年", april2023)).toBe(2022);
    expect(resolveYear("2021年以来累计引进", april2023)).toBe(2021);
  });

  it("ignores 上年 used as a comparison baseline", () => {
    expect(resolveYear("比上年增长10%", april2023)).toBeNull();
  });

  it("leaves multi-year plans and undated text null", () => {
    expect(resolveYear("“十四五”期间建成", april2023)).toBeNull();
    expect(resolveYear("今年力争", null)).toBeNull();
  });

  it("picks the cue nearest before a position", () => {
    const text = "2021年完成30个，今年力争50个";
    expect(nearestYearCue(text, text.indexOf("30"), april2023)?.year).toBe(2021);
    expect(nearestYearCue(text, text.indexOf("50"), april2023)?.year).toBe(2023);
  });
});

describe("detectPeriod", () => {
  it.each([
    ["一季度形成制度创新成果32项", "Q1"],
    ["上半年实现", "H1"],
    ["1至4月份完成", "months"],
    ["前5个月", "months"],
    ["今年以来", "ytd"],
    ["3月底总资产达320亿元", "point"],
    ["力争全年新签约", "year"],
  ])("%s → %s", (text, period) => {
    expect(detectPeriod(text)).toBe(period);
  });

  it("returns null when no period word is present", () => {
    expect(detectPeriod("推动112个重点项目建设")).toBeNull();
  });
});
