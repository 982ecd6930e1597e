import { describe, expect, it } from "vitest";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import type { Article } from "../../src/domain/types.js";
import { extractFacts } from "../../src/facts/index.js";

const gazetteer = Gazetteer.load();

function article(text: string): Article {
  return { id: "r.txt#0", source: "r.txt", part: 0, title: "关于2025年度全省开发区考核评价结果的通报", date: "2026-03-20", dateEvidence: null, zones: [], text, contentHash: "x" };
}

// Made-up roundups: 分别 pairs the figures after it with the zones before it, in order.
const CASES: [string, [string, string][]][] = [
  [
    "宁波经济技术开发区、嘉兴经济技术开发区、湖州经济技术开发区分列前三名，得分分别为92.36分、90.18分、88.05分。",
    [["92.36分", "宁波经济技术开发区"], ["90.18分", "嘉兴经济技术开发区"], ["88.05分", "湖州经济技术开发区"]],
  ],
  [
    "1—9月，潍坊高新区、烟台高新区规上工业增加值分别增长8.6%和7.9%。",
    [["8.6%", "潍坊高新技术产业开发区"], ["7.9%", "烟台高新技术产业开发区"]],
  ],
];

describe("figures after 分别 belong to the zones listed before it, in order", () => {
  it.each(CASES)("%s", (text, pairs) => {
    const { facts } = extractFacts(article(text), gazetteer);
    for (const [raw, zone] of pairs) expect(facts.find((fact) => fact.raw === raw)?.zone).toBe(zone);
  });

  it("pairs nothing when the lists differ in length", () => {
    const { facts } = extractFacts(article("宁波经济技术开发区、嘉兴经济技术开发区分别实现营业收入1200亿元、860亿元和410亿元。"), gazetteer);
    // (Three figures, two zones: the first figure is not paired with the first zone.)
    expect(facts.find((fact) => fact.raw === "1200亿元")?.zone).not.toBe("宁波经济技术开发区");
  });
});

describe("a figure after 和 closing a list", () => {
  it("measures what the list's figures before it measure", () => {
    const { facts } = extractFacts(article("1—9月，潍坊高新区、烟台高新区、威海高新区规上工业增加值分别增长8.6%、7.9%和6.4%。"), gazetteer);
    const last = facts.find((fact) => fact.raw === "6.4%");
    expect(last?.zone).toBe("威海高新技术产业开发区");
    expect(last?.metric).toContain("规上工业增加值");
  });
});

describe("a score brought in by 以", () => {
  it("is measured by the noun after its 的 (总分), the one who scored its subject", () => {
    const { facts } = extractFacts(article("第三季度竞赛成绩揭晓，宁波经济技术开发区管委会以92.6分的总分位列第一。"), gazetteer);
    const score = facts.find((fact) => fact.raw === "92.6分");
    expect(score?.metric.startsWith("总分")).toBe(true);
    expect(score?.zone).toBe("宁波经济技术开发区");
  });
});
