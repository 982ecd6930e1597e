import { describe, expect, it } from "vitest";
import { gateAnswer, type Answer } from "../../src/brain/index.js";

const frame = { question: "q", type: "numeric", zones: [], groupZones: [], years: [2023], year: 2023, terms: [], metricText: "", quoted: [], events: [], items: [], entities: [], solo: false, aggregate: false, followUp: false } as const;
const answer = (text: string, quote: string): Answer => ({
  question: "q", answer: text, found: true, citations: [{ source: "a.txt", title: "t", date: "2024-01-02", quote }], facts: [], brain: "offline", mode: "facts", frame: { ...frame, groupZones: [], years: [2023], zones: [], terms: [], quoted: [], events: [], items: [], entities: [] }, derived: [],
});

describe("gateAnswer: the last gate of every answer", () => {
  it("lets through an answer whose every number stands in a quote shown with it", () => {
    const ok = answer("2023年：工业产值为120亿元。", "全年实现工业产值120亿元，同比增长5%。");
    expect(gateAnswer(ok)).toBe(ok);
  });

  it("turns an answer with a number no quote contains into a decline that keeps its sources", () => {
    const gated = gateAnswer(answer("2023年：工业产值为125亿元。", "全年实现工业产值120亿元，同比增长5%。"));
    expect(gated.found).toBe(false);
    expect(gated.answer).toContain("125");
    expect(gated.answer).not.toMatch(/为125亿元/);
    expect(gated.citations).toHaveLength(1);
  });

  it("does not count a number inside a longer one as quoted (12 is not in 120)", () => {
    expect(gateAnswer(answer("产值为12亿元。", "全年实现工业产值120亿元。")).found).toBe(false);
  });

  it("leaves declines alone", () => {
    const decline = { ...answer("资料中没有找到。", ""), found: false };
    expect(gateAnswer(decline)).toBe(decline);
  });
});
