import { describe, expect, it } from "vitest";
import { findMonths, readMonth } from "../../src/reading/index.js";

describe("findMonths", () => {
  // [text, [month, day, part] for each calendar month named]
  const rows: [string, [number, number | null, string | null][]][] = [
    ["3月，园区集中开工项目12个", [[3, null, null]]],
    ["10月29日，四季度重大项目集中开工", [[10, 29, null]]],
    ["3月中旬举行签约仪式", [[3, null, "mid"]]],
    ["三月份集中开工", [[3, null, null]]],
    ["十月二十九日上午", [[10, 29, null]]],
    ["10月底前建成", [[10, null, "end"]]],
    ["5月上旬", [[5, null, "early"]]],
    ["12月下旬", [[12, null, "late"]]],
    ["6月1号起施行", [[6, 1, null]]],
    ["2023年3月开工，10月竣工", [[3, null, null], [10, null, null]]],
    ["本报8月11日讯", [[8, 11, null]]],
    // Ranges and durations are periods, not months.
    ["1至5月完成投资", []],
    ["1—5月完成投资", []],
    ["3月至5月开展专项行动", []],
    ["前5个月", []],
    ["前5月", []],
    ["用时3个月", []],
    ["按月度统计", []],
    ["13月", []],
    ["二十月", []],
  ];

  it.each(rows)("%s → %o", (text, expected) => {
    expect(findMonths(text).map((s) => [s.month, s.day, s.part])).toEqual(expected);
  });

  it("gives offsets and the words as written", () => {
    const text = "园区于10月29日集中开工";
    const [span] = findMonths(text);
    expect(span && text.slice(span.start, span.end)).toBe("10月29日");
    expect(span?.evidence).toBe("10月29日");
  });
});

describe("readMonth", () => {
  it("tells two events of one year apart by their month", () => {
    expect(readMonth("3月，蓝谷集中开工项目20个")).toEqual({ month: 3, day: null });
    expect(readMonth("10月29日，蓝谷集中开工项目26个")).toEqual({ month: 10, day: 29 });
    expect(readMonth("蓝谷集中开工项目26个")).toBeUndefined();
  });
});
