import { describe, expect, it } from "vitest";
import { anniversaryStart, findYears, isWholeYearResult, namesCurrentYear, readYear, reportedYear, type YearContext } from "../../src/reading/index.js";

const feb2024: YearContext = { publishedOn: "2024-02-01" };
const jun2024: YearContext = { publishedOn: "2024-06-15" };

/** The years findYears reads in text, in order. */
function years(text: string, context: YearContext): (number | null)[] {
  return findYears(text, context).map((s) => s.year);
}

describe("findYears", () => {
  // [text, context, years read in order]
  const rows: [string, YearContext, (number | null)[]][] = [
    // Written years.
    ["2023年全区实现地区生产总值800亿元", jun2024, [2023]],
    ["二〇二三年，园区新落户企业30家", jun2024, [2023]],
    ["2023年度考核结果公布", jun2024, [2023]],
    ["2022年和2023年分别完成投资12亿元、15亿元", jun2024, [2022, 2023]],
    ["２０２３年外贸进出口额增长5%", jun2024, [2023]],
    ["12023年", jun2024, []],
    ["计划用3年时间建成", jun2024, []],
    // Relative words against the publication date.
    ["今年，新区将新签约项目50个", jun2024, [2024]],
    ["本年度新增企业80家", jun2024, [2024]],
    ["去年新增企业80家", jun2024, [2023]],
    ["本年新增企业80家", jun2024, [2024]],
    ["上年实现营收12亿元", jun2024, [2023]],
    ["上年同期为8亿元", jun2024, [2023]],
    ["年底前建成投产", jun2024, [2024]],
    ["年内开工项目20个", jun2024, [2024]],
    ["上年度完成投资10亿元", jun2024, [2023]],
    ["上一年度完成投资10亿元", jun2024, [2023]],
    ["前年开工项目12个", jun2024, [2022]],
    ["明年力争突破100亿元", jun2024, [2025]],
    // 「新的一年」 in a work-conference report is the year it opens: the one published in.
    ["过去一年稳中有进；新的一年，园区将把新材料作为主攻方向", feb2024, [2023, 2024]],
    ["过去一年，园区引进项目40个", jun2024, [2023]],
    ["今年以来，累计完成投资5亿元", jun2024, [2024]],
    ["去年同期为105.6亿元", jun2024, [2023]],
    ["力争全年新签约项目30个", jun2024, [2024]],
    ["年初，园区制定了行动方案", jun2024, [2024]],
    // A baseline is no year of the figure; a duration is no year.
    ["比上年增长10%", jun2024, []],
    ["较去年提高2个百分点", jun2024, []],
    ["5年内建成国际一流园区", jun2024, []],
    ["三年内建成", jun2024, []],
    // A yearless word after a named year restates it.
    ["2023年全年完成投资20亿元", jun2024, [2023]],
    ["去年年底，园区企业达500家", jun2024, [2023]],
    ["2023年底", jun2024, [2023]],
    // Five-year plans name no single year.
    ["“十四五”期间建成产业园5个", jun2024, [null]],
    // No reference date: relative words cannot be resolved.
    ["今年力争引进项目20个", {}, [null]],
    ["今年力争引进项目20个", { referenceYear: 2022 }, [2022]],
    // The look-back rule: a whole-year result published in January–March is last year's.
    ["全年实现地区生产总值1000亿元，增长6%", feb2024, [2023]],
    ["今年全年完成固定资产投资50亿元", feb2024, [2023]],
    ["今年，全区将力争地区生产总值增长7%", feb2024, [2024]],
    ["全年力争实现外贸进出口总额增长20%以上", feb2024, [2024]],
    ["今年以来，累计完成投资5000万元", feb2024, [2024]],
    ["今年一季度完成投资3亿元", feb2024, [2024]],
    ["今年已签约项目5个", feb2024, [2024]],
    ["全年实现地区生产总值1000亿元", jun2024, [2024]],
    ["全年实现地区生产总值1000亿元", { ...feb2024, lookBack: "off" }, [2024]],
  ];

  it.each(rows)("%s (%o) → %o", (text, context, expected) => {
    expect(years(text, context)).toEqual(expected);
  });

  it("gives each span its offsets, its words and whether it is relative", () => {
    const text = "去年，园区实现产值50亿元；2024年力争60亿元";
    const spans = findYears(text, jun2024);
    expect(spans.map((s) => ({ evidence: text.slice(s.start, s.end), relative: s.relative }))).toEqual([
      { evidence: "去年", relative: true },
      { evidence: "2024年", relative: false },
    ]);
    expect(spans.map((s) => s.evidence)).toEqual(["去年", "2024年"]);
  });

  it("marks a year named only to compare", () => {
    const [baseline] = findYears("2020年为30亿元", jun2024);
    expect(baseline?.comparison).toBe(true);
    const [own] = findYears("2020年完成30亿元", jun2024);
    expect(own?.comparison).toBe(false);
    const [current] = findYears("今年是项目攻坚年", jun2024);
    expect(current?.comparison).toBe(false);
    // 「上年同期」 names the year before only to compare, whatever follows it.
    const [sameTerm] = findYears("扭转了上年同期下降的局面", jun2024);
    expect(sameTerm?.comparison).toBe(true);
  });

  it.each([
    ["实际使用外资8.6亿美元，较2023年的7.9亿美元明显回升", true],
    ["比2022年增长12%", true],
    ["相比2021年翻了一番", true],
    // Where a change started (由…降至…) is a baseline too.
    ["增城经开区由2024年度的第1名降至第2名", true],
    ["2023年实际使用外资7.9亿美元", false],
    ["到2025年，力争突破10亿美元", false],
  ])("a year after 比/较/由 is a baseline: %s → %s", (text, baseline) => {
    const [span] = findYears(text, jun2024).filter((s) => !s.relative);
    expect(span?.baseline).toBe(baseline);
    if (baseline) expect(span?.comparison).toBe(true);
  });

  it("marks spans moved by the look-back rule", () => {
    const [moved] = findYears("全年实现地区生产总值1000亿元", feb2024);
    expect(moved).toMatchObject({ year: 2023, lookBack: true, relative: true });
  });
});

describe("namesCurrentYear", () => {
  it.each([
    ["力争全年引进项目230个", true],
    ["今年新签约项目", true],
    ["年内建成投产", true],
    ["去年引进项目230个", false],
    ["2023年引进项目230个", false],
  ] as const)("%s → %s", (text, expected) => {
    expect(namesCurrentYear(text)).toBe(expected);
  });
});

describe("readYear (questions)", () => {
  it.each([
    ["青岛开发区2022年计划新签约过亿元项目多少个？", 2022],
    ["今年新签约多少个项目？", 2024],
    ["去年GDP多少？", 2023],
    ["前年呢？", 2022],
    ["2021年和今年比怎么样", 2021],
  ] as const)("%s → %s", (question, year) => {
    expect(readYear(question, { referenceYear: 2024 })).toBe(year);
  });

  it.each([
    // Two-digit years, as people type them in a chat, before a season, a part of a year or a month.
    ["园区23年秋季开工了几个项目？", 2023],
    ["园区22年1至5月进出口多少？", 2022],
    ["园区21年上半年外资多少？", 2021],
    ["园区21年底有多少企业？", 2021],
    // Durations and four-digit years are no two-digit years.
    ["园区成立24年来引进多少项目？", undefined],
    ["园区30年前是什么样？", undefined],
    // 「前4个月」 after it is a part of a year: the number before 年 is that year.
    ["园区21年前4个月外贸增速多少？", 2021],
    ["园区24年前七个月到位资金多少？", 2024],
    // Any other two-digit number before 年 in a question is a year, unless a word around it counts years.
    ["开发区24年GDP多少？", 2024],
    ["园区22年外资用了多少", 2022],
    ["高新区23年多少家高企？", 2023],
    ["园区这20年引进多少项目？", undefined],
    ["园区近30年GDP翻了几番？", undefined],
    ["园区20年间变化大吗", undefined],
    ["开发区30年的变化有多大？", undefined],
    ["园区上世纪80年代是什么样？", undefined],
    // A four-digit year set off by a space needs no 年 in a chat question; a count or an amount is no year.
    ["2024 开发区新签约项目多少", 2024],
    ["园区2019 新增就业多少", 2019],
    ["园区引进2024家企业了吗", undefined],
    ["2024年秋季呢？", 2024],
  ] as const)("short year: %s → %s", (question, year) => {
    expect(readYear(question, { referenceYear: 2024, shortYears: true })).toBe(year);
  });

  it.each([
    // A written range names every year in it, however it is joined; a range too long or backwards names none of its own.
    ["园区近三年（2019-2021）新增就业各是多少", [2019, 2020, 2021]],
    ["园区2018至2020年外资分别多少", [2018, 2019, 2020]],
    ["园区2022—2023年GDP多少", [2022, 2023]],
    ["园区2010-2025年变化多大", []],
    // A chat's two-digit years, the range closed by 年.
    ["园区实际使用外资22年到24年是咋变的", [2022, 2023, 2024]],
    ["园区21-23年新签约项目分别多少", [2021, 2022, 2023]],
    // Years listed before one 年 are each a year.
    ["园区21、22、23年的外贸进出口额都列一下", [2021, 2022, 2023]],
    ["园区2022和2023年GDP分别多少", [2022, 2023]],
  ] as const)("year range in a question: %s → %j", (question, years) => {
    const named = findYears(question, { referenceYear: 2024, shortYears: true }).filter((span) => !span.relative && span.year !== null);
    const inRange = [...new Set(named.map((span) => span.year))].sort();
    if (years.length === 0) expect(inRange.length).toBeLessThanOrEqual(2);
    else expect(inRange).toEqual(years);
  });

  it("reads no year range in articles (a table's 2019—2022年 heads its columns)", () => {
    const years = findYears("2019—2022年主要经济指标", { referenceYear: 2023 }).map((span) => span.year);
    expect(years).not.toContain(2020);
  });

  it("reads a year that starts a run up to now (2016年…以来) as a span's start, not a year spoken of", () => {
    const [start] = findYears("这也是2016年国考重启以来园区取得的最好成绩。", { referenceYear: 2023 });
    expect(start).toMatchObject({ year: 2016, multiYear: true });
    const [plain] = findYears("2016年，园区重启考核。", { referenceYear: 2023 });
    expect(plain).toMatchObject({ year: 2016, multiYear: false });
  });

  it("reads no two-digit year in articles", () => {
    expect(readYear("园区23年秋季开工项目9个", { referenceYear: 2024 })).toBeUndefined();
  });

  it("leaves the year open when the question names none or only 全年", () => {
    expect(readYear("全年目标是多少？", { referenceYear: 2024 })).toBeUndefined();
    expect(readYear("蓝谷引进了多少项目？", { referenceYear: 2024 })).toBeUndefined();
  });
});

describe("the look-back genre rule", () => {
  it("reads a sentence as a whole-year result only with the whole year, a result and no goal", () => {
    expect(isWholeYearResult("全年实现地区生产总值1000亿元")).toBe(true);
    expect(isWholeYearResult("回顾一年来，园区累计引进项目40个")).toBe(true);
    expect(isWholeYearResult("全年力争实现地区生产总值增长6%")).toBe(false);
    expect(isWholeYearResult("一季度实现地区生产总值200亿元")).toBe(false);
    expect(isWholeYearResult("园区实现地区生产总值1000亿元")).toBe(false);
  });

  it("files an article that reviews a year under that year when published early the next year", () => {
    expect(reportedYear("2024-02-01", true)).toBe(2023);
    expect(reportedYear("2024-02-01", false)).toBe(2024);
    expect(reportedYear("2024-07-01", true)).toBe(2024);
    expect(reportedYear(null, true)).toBeNull();
  });
});

describe("anniversaryStart: an anniversary dates its start", () => {
  it.each([
    ["今年正值园区获批设立10周年。", "2024-01-29", 2014],
    ["2023年是开发区建区三十周年。", "2023-05-10", 1993],
    ["明年将迎来园区成立20周年。", "2025-11-02", 2006],
    // No year named or implied, or no count before the word: nothing to reckon from.
    ["园区举行成立周年庆典。", "2024-03-01", undefined],
    ["园区庆祝成立10周年。", "2024-03-01", undefined],
  ] as const)("%s (%s) → %s", (text, publishedOn, year) => {
    expect(anniversaryStart(text, { publishedOn })?.year).toBe(year);
  });
});
