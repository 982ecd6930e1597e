import { describe, expect, it } from "vitest";
import { asksForRate, loadLexicon } from "../../src/brain/lexicon.js";

const lexicon = loadLexicon();

// Made-up chat questions: how people ask for a rate rather than an amount.
describe("asksForRate", () => {
  it.each([
    ["园区去年进出口增长多少", true],
    ["园区去年进出口同比涨了多少", true],
    ["园区一季度税收涨幅是多少", true],
    ["园区上半年出口同比跌了多少", true],
    // 「从…到…涨了多少」 asks the difference of two figures, not a rate.
    ["园区产值从2021年到2024年涨了多少", false],
    ["园区高新产值占比多少", true],
    ["园区去年进出口多少亿元", false],
    ["园区有几家高新技术企业", false],
  ])("%s → %s", (question, expected) => {
    expect(asksForRate(question, lexicon)).toBe(expected);
  });
});
