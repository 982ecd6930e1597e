import { describe, expect, it } from "vitest";
import { termMatch } from "../../src/brain/scoring.js";
import { weight } from "../../src/brain/weights.js";

const credit = weight("sentence", "abbreviationCredit");
const none = () => [];

// Made-up phrases: a short form takes the first character of each word of the long one.
describe("termMatch: Chinese short forms", () => {
  it.each([
    ["考评", "国家级经济技术开发区综合发展水平考核评价中", credit],
    ["社零", "社会消费品零售总额增长5%", credit],
    ["固投", "完成固定资产投资400亿元", credit],
    ["考评", "考评", 1],
    // Characters far apart, or out of order, are no short form.
    ["社零", "社会各界踊跃参与，全年零星项目", 0],
    ["投固", "完成固定资产投资400亿元", 0],
  ])("%s in %s → %s", (term, text, expected) => {
    expect(termMatch(term, text, none)).toBe(expected);
  });
});

describe("termMatch: numbers in Chinese numerals or digits", () => {
  it.each([
    ["三十年", "开发区建区30年来，管理面积扩大到73平方公里", 1],
    ["两大产业", "聚焦2大产业集群", 1],
  ])("%s in %s → %s", (term, text, expected) => {
    expect(termMatch(term, text, none)).toBe(expected);
  });
});

describe("termMatch: a change asked is covered by a change written", () => {
  it.each([
    ["变化", "十年间，园区面积从6平方公里扩展到58平方公里", 1],
    ["变化", "园区位次由第5名升至第3名", 1],
    ["变化", "全年实现规上工业总产值186亿元", 0],
  ])("%s in %s → %s", (term, text, expected) => {
    expect(termMatch(term, text, none)).toBe(expected);
  });
});

describe("termMatch: what a price is per", () => {
  it.each([
    ["每亩", "工业用地出让起始价9.6万元/亩", 1],
    ["每亩", "工业用地出让起始价每亩19.2万元", 1],
    ["每亩", "剩余可供工业用地约1800亩", 0],
  ])("%s in %s → %s", (term, text, expected) => {
    expect(termMatch(term, text, none)).toBe(expected);
  });
});

describe("termMatch: the top of a ranking, place by place", () => {
  it.each([
    ["前三", "松溪科技以2.1亿元位居首位，滨江电子以1.3亿元位列第二，云帆物流以0.9亿元位列第三", 1],
    ["前三", "综合排名第1、第2、第3的分别是A、B、C", 1],
    ["前三", "松溪科技以2.1亿元位居首位，滨江电子以1.3亿元位列第二", 0],
    ["前三", "园区实现营收120亿元，位列全省第二、全市第三", 0],
  ])("%s in %s → %s", (term, text, expected) => {
    expect(termMatch(term, text, none)).toBe(expected);
  });
});
