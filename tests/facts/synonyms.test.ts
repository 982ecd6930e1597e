import { describe, expect, it } from "vitest";
import { canonicalMetric, metricSynonyms } from "../../src/facts/index.js";

describe("canonicalMetric", () => {
  it("maps phrasings of one metric to one key", () => {
    expect(canonicalMetric("外贸进出口总额增长")).toBe(canonicalMetric("进出口总额增长"));
    expect(canonicalMetric("GDP")).toBe(canonicalMetric("地区生产总值"));
    expect(canonicalMetric("高企")).toBe(canonicalMetric("国家高新技术企业"));
    expect(canonicalMetric("新签约入驻企业")).toBe(canonicalMetric("落户企业"));
    expect(canonicalMetric("超亿元项目")).toBe(canonicalMetric("亿元以上项目"));
  });

  it("keeps different metrics apart", () => {
    expect(canonicalMetric("过亿元项目")).not.toBe(canonicalMetric("过百亿元项目"));
    expect(canonicalMetric("人才总量")).not.toBe(canonicalMetric("进出口总额"));
  });

  it("ignores quotes and spaces", () => {
    expect(canonicalMetric("“外贸进出口” 总额")).toBe(canonicalMetric("外贸进出口总额"));
  });

  it("lists synonyms for query expansion", () => {
    expect(metricSynonyms("高企数量")).toEqual(expect.arrayContaining(["高企数量", "高新技术企业", "国家高新技术企业"]));
  });
});
