import { describe, expect, it } from "vitest";
import { normalizeQuantity, parseChineseNumber, scanQuantities } from "../../src/facts/index.js";

describe("parseChineseNumber", () => {
  it.each([
    ["1,130", 1130],
    ["81.7", 81.7],
    ["１２", 12],
    ["一百二十", 120],
    ["两千", 2000],
    ["三万五千", 35000],
    ["一万零五", 10005],
    ["十余", 10],
    ["十五", 15],
    ["第一", 1],
    ["零", 0],
    ["〇", 0],
    ["廿", 20],
    ["二〇二二", 2022],
    ["1.5万", 15000],
    ["3千", 3000],
    ["46.73万", 467300],
    ["1.2万亿", 1.2e12],
  ])("%s → %d", (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  it("rejects non-numbers and 十四五-style labels", () => {
    expect(parseChineseNumber("十四五")).toBeNull();
    expect(parseChineseNumber("abc")).toBeNull();
    expect(parseChineseNumber("")).toBeNull();
  });
});

describe("normalizeQuantity", () => {
  it.each([
    ["81.7亿元", 8.17e9, "元"],
    ["46.73万人", 467300, "人"],
    ["4.5亿美元", 4.5e8, "美元"],
    ["18万平方米", 180000, "平方米"],
    ["12.7亿美元", 1.27e9, "美元"],
    ["1700多亿元", 1.7e11, "元"],
    ["10余个", 10, "个"],
    ["20%", 20, "%"],
    ["3个百分点", 3, "个百分点"],
    ["5万千瓦", 50000, "千瓦"],
    ["3千瓦", 3, "千瓦"],
    ["100万标箱", 1e6, "标箱"],
    ["两千家", 2000, "家"],
    ["1,130亿元", 1.13e11, "元"],
    ["5万吨", 50000, "吨"],
    // Films and shows are counted in 部; 部门 and 部委 are units of their own, not 部 + a word.
    ["134部", 134, "部"],
    ["12部门", 12, "部门"],
  ])("%s → %d %s", (raw, value, unit) => {
    expect(normalizeQuantity(raw)).toEqual({ value, unit });
  });

  it("returns null for things that are not quantities", () => {
    expect(normalizeQuantity("2022年")).toBeNull();
    expect(normalizeQuantity("项目")).toBeNull();
  });
});

describe("scanQuantities: proportions", () => {
  it.each([
    ["三次产业结构为1.1∶38.6∶60.3。", ["1.1∶38.6∶60.3"]],
    ["一二三产比例调整为2.5:40.1:57.4，", ["2.5:40.1:57.4"]],
    // A clock's time and a two-part score are no proportion.
    ["发布时间：2025-04-02 09:30:15", []],
    ["以3:1战胜对手", []],
  ])("%s → %j", (text, raws) => {
    expect(scanQuantities(text).map((q) => q.raw)).toEqual(raws);
  });
});

describe("scanQuantities", () => {
  it("finds numbers with units and skips dates, codes, ordinals and idioms", () => {
    const text = "2022年4月14日，5G基站3000处，地铁5号线，第五批案例，一批项目，两个维护，服务3万家企业，增长13.5%";
    expect(scanQuantities(text).map((q) => q.raw)).toEqual(["3000处", "3万家", "13.5%"]);
  });

  it("reports offsets that point at the raw text", () => {
    const text = "全区人才总量达46.73万人，连年获评";
    const [q] = scanQuantities(text);
    expect(q && text.slice(q.start, q.end)).toBe("46.73万人");
    expect(q?.value).toBe(467300);
  });
});

describe("scanQuantities: a minus sign written before a figure", () => {
  it.each([
    ["2025年增速 税收收入 -4.6%。", "-4.6%", -4.6],
    ["出口额增长-3.2%", "-3.2%", -3.2],
    ["税收收入 −4.6%", "−4.6%", -4.6],
    // A range's dash after a digit is no sign.
    ["项目投资10-20亿元", "20亿元", 2e9],
  ])("%s → %s", (text, raw, value) => {
    const [quantity] = scanQuantities(text);
    expect(quantity).toMatchObject({ raw, value });
  });
});

describe("scanQuantities: round and vague Chinese counts", () => {
  it.each([
    // Made-up phrases: a bare 百/千 after 近/上/逾 or before 余 is a round figure.
    ["累计落户企业达到近百家", [["百家", 100]]],
    ["园区集聚上千家企业", [["千家", 1000]]],
    ["新引进项目百余个", [["百余个", 100]]],
    // 数十/几十 say how many only vaguely: no figure.
    ["吸引数十个项目落地", []],
    ["几十家企业参展", []],
    // A bare 百 in a word is no figure.
    ["入选百强县", []],
  ])("%s → %j", (text, expected) => {
    expect(scanQuantities(text).map((q) => [q.raw, q.value])).toEqual(expected);
  });
});
