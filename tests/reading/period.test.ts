import { describe, expect, it } from "vitest";
import { coarsePeriod, leadPeriod, findPeriods, lastPeriod, periodInForce, periodsAgree, readPeriod } from "../../src/reading/index.js";

describe("readPeriod", () => {
  // [text, key the fact store uses]
  const rows: [string, string | undefined][] = [
    ["一季度实现产值20亿元", "M1-3"],
    ["第一季度实现产值20亿元", "M1-3"],
    ["1季度实现产值20亿元", "M1-3"],
    ["2023Q1园区营收增长", "M1-3"],
    ["1至3月新增企业30家", "M1-3"],
    ["1-5月完成投资", "M1-5"],
    ["1—5月完成投资", "M1-5"],
    ["1至5月完成投资", "M1-5"],
    ["1到5月完成投资", "M1-5"],
    ["1~5月完成投资", "M1-5"],
    ["1月至5月完成投资", "M1-5"],
    ["1至4月份完成", "M1-4"],
    ["一至十一月，全市新签约", "M1-11"],
    ["前5个月外贸增长", "M1-5"],
    ["前五个月外贸增长", "M1-5"],
    ["上半年实现", "M1-6"],
    ["1—6月实现", "M1-6"],
    ["前6个月", "M1-6"],
    ["下半年将开工", "H2"],
    ["前三季度完成", "M1-9"],
    ["1至9月完成", "M1-9"],
    ["二季度完成", "Q2"],
    ["第三季度完成", "Q3"],
    ["四季度集中开工项目53个", "Q4"],
    ["7至9月完成", "Q3"],
    ["10—12月完成", "Q4"],
    ["全年完成", "Y"],
    ["1至12月完成", "Y"],
    ["2023年度考核", "Y"],
    ["今年以来累计完成", "ytd"],
    ["年初以来累计完成", "ytd"],
    ["3至5月完成", undefined],
    ["年底前建成", undefined],
    ["推动112个重点项目建设", undefined],
    ["1至5月完成投资，全年力争", "M1-5"],
    // A period word inside a goal's name names no time: the progress measure sets no period for what follows.
    ["完成年度目标的82.1%；实际使用外资", undefined],
    ["全年任务的完成情况", undefined],
    ["全年目标多少？", "Y"],
    // One month's own figure, apart from the running total.
    ["其中9月当月完成产值", "M9-9"],
    ["十一月单月出口", "M11-11"],
    ["1月当月签约", "M1-1"],
    ["1—9月累计完成", "M1-9"],
  ];

  it.each(rows)("%s → %s", (text, key) => {
    expect(readPeriod(text)).toBe(key);
  });
});

describe("findPeriods", () => {
  it("gives spans with offsets; the longest reading wins where two overlap", () => {
    const text = "前三季度，园区今年以来新增企业";
    const spans = findPeriods(text);
    expect(spans.map((s) => [text.slice(s.start, s.end), s.key])).toEqual([
      ["前三季度", "M1-9"],
      ["今年以来", "ytd"],
    ]);
  });

  it("reads words that set only the coarse period without a key", () => {
    expect(findPeriods("截至3月底").map((s) => [s.evidence, s.key, s.period])).toEqual([
      ["截至", undefined, "point"],
      ["月底", undefined, "point"],
    ]);
  });
});

describe("lastPeriod", () => {
  it("is the period in force at the end of a text", () => {
    expect(lastPeriod("一季度完成投资10亿元；上半年，力争")).toBe("M1-6");
    expect(lastPeriod("园区推动项目建设")).toBeUndefined();
  });
});

describe("coarsePeriod", () => {
  it.each([
    ["一季度形成制度创新成果32项", "Q1"],
    ["上半年实现", "H1"],
    ["下半年", "H2"],
    ["1至4月份完成", "months"],
    ["前5个月", "months"],
    ["前三季度", "months"],
    ["今年以来", "ytd"],
    ["2021年以来累计引进", "ytd"],
    ["3月底总资产达320亿元", "point"],
    ["力争全年新签约", "year"],
  ])("%s → %s", (text, period) => {
    expect(coarsePeriod(text)).toBe(period);
  });

  it("is null when no period is named", () => {
    expect(coarsePeriod("推动112个重点项目建设")).toBeNull();
  });
});

describe("periodsAgree", () => {
  it("agrees when equal or when either side names none", () => {
    expect(periodsAgree("M1-3", "M1-3")).toBe(true);
    expect(periodsAgree("M1-3", undefined)).toBe(true);
    expect(periodsAgree("M1-3", "M1-6")).toBe(false);
  });
});

describe("periodInForce: the period a text sets for what follows", () => {
  it.each([
    // A period said as its clause's topic carries on.
    ["1至11月，全区实现规上工业产值300亿元。", "M1-11"],
    ["全区上半年实现地区生产总值100亿元。", "M1-6"],
    ["2023年前三季度，园区新签约项目24个。", "M1-9"],
    // Inside a clause about something else it dates only that clause.
    ["力争招引两艘邮轮下半年来青，开展邮轮推介。", undefined],
    ["一季度，园区签约项目9个；力争两艘邮轮下半年来青。", "M1-3"],
    // One month's own figure is a part of the running total: the total's period carries on.
    ["1—10月，港区完成货物吞吐量2.8亿吨；其中10月当月，完成3100万吨。", "M1-10"],
    // A period after 比/较 is a baseline: named to compare, it sets nothing.
    ["1—8月，园区进口增长9.5%，增速比上半年回落1.2个百分点，", "M1-8"],
    ["前10个月，全县出口额较一季度提高2.3个百分点。", "M1-10"],
  ])("%s → %s", (text, key) => {
    expect(periodInForce(text)).toBe(key);
  });
});

describe("baseline periods (比上半年, 较一季度)", () => {
  it.each([
    ["1—8月，园区进口增长9.5%，增速比上半年回落", "M1-8"],
    ["增速较一季度提高", undefined],
    ["二季度营收增长8%，高于一季度", "Q2"],
  ])("the period a figure is of in 「%s」 → %s", (text, key) => {
    expect(lastPeriod(text)).toBe(key);
    expect(readPeriod(text)).toBe(key);
  });

  it("are still found, and marked", () => {
    const spans = findPeriods("增速比上半年回落");
    expect(spans.map((span) => [span.key, span.baseline])).toEqual([["M1-6", true]]);
  });
});

describe("leadPeriod: the part of a year a report's lead sets", () => {
  it.each([
    ["6月23日，记者从调度会上获悉，今年1—5月，新区主要经济指标延续回升向好态势。\n消费外贸平稳。", "M1-5"],
    ["上半年，园区经济运行稳中向好。\n工业生产加快。", "M1-6"],
    ["1月20日，园区召开工作会议，总结去年工作。\n消费外贸平稳。", undefined],
    ["今年以来，园区主要指标稳中有进。\n工业生产加快。", undefined],
  ])("%s → %s", (text, key) => {
    expect(leadPeriod(text)).toBe(key);
  });
});
