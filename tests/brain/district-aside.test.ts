import { describe, expect, it } from "vitest";
import { SentenceBank } from "../../src/brain/sentences.js";
import { Gazetteer } from "../../src/domain/gazetteer.js";

// Made-up piece about a park inside a district: the district is named once for comparison.
const text = [
  "松岭智造产业园位于即墨区，入驻企业320家。",
  "截至2025年底，园区集聚人才1.2万人。同期，即墨区人才总量突破30万人。",
  "问：园区对青年人才有哪些支持？",
  "答：对新引进的全日制博士，每月发放生活补贴3000元，最长36个月。",
].join("\n");

const zonesOf = (home: string[]) => {
  const article = { id: "a#0", source: "a.txt", part: 0, title: "松岭智造产业园人才政策解读", date: "2026-03-01", dateEvidence: null, zones: home, text, contentHash: "x" };
  return new SentenceBank(new Map([["a#0", article]]), Gazetteer.load()).ofArticle("a#0").map((s) => [s.text.slice(0, 8), s.zones] as const);
};

describe("the district around a park, named for comparison, holds for its own paragraph", () => {
  it("leaves the paragraphs after it to the park", () => {
    const zones = zonesOf(["松岭智造产业园", "即墨区"]);
    const after = zones.filter(([start]) => start.startsWith("答：对新引进"));
    expect(after).toHaveLength(1);
    expect(after[0]![1]).toEqual(["松岭智造产业园"]);
    // The comparison's own sentence is the district's.
    expect(zones.find(([start]) => start.startsWith("同期"))![1]).toContain("即墨区");
  });

  it("still carries a district over in a piece about the district", () => {
    const zones = zonesOf(["即墨区"]);
    expect(zones.find(([start]) => start.startsWith("答：对新引进"))![1]).toEqual(["即墨区"]);
  });
});
