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
