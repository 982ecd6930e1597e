import { describe, expect, it } from "vitest";
import { SentenceBank, throughFullStop } from "../../src/brain/sentences.js";
import { Gazetteer } from "../../src/domain/gazetteer.js";

// Made-up paragraphs: the bank splits at semicolons, the writer ended the sentence at the full stop.
const text = [
  "上半年，园区接待游客212万人次，同比增长11.4%；实现旅游综合收入18.3亿元，增长9.6%。民宿营业收入0.9亿元。",
  "下一段从这里开始。",
].join("\n");
const article = { id: "a#0", source: "a.txt", part: 0, title: "t", date: "2025-08-06", dateEvidence: null, zones: ["松岭湾旅游度假区"], text, contentHash: "x" };
const sentences = new SentenceBank(new Map([["a#0", article]]), Gazetteer.load()).ofArticle("a#0");

describe("throughFullStop: a sentence cut at a semicolon goes on to its full stop", () => {
  it("takes the clauses up to the full stop, no further", () => {
    const rest = throughFullStop(sentences[0]!, sentences, 200);
    expect(rest.map((s) => s.text)).toEqual(["实现旅游综合收入18.3亿元，增长9.6%。"]);
  });

  it("takes nothing after a full stop, past the length allowed, or what goesOn refuses", () => {
    expect(throughFullStop(sentences[1]!, sentences, 200)).toEqual([]);
    expect(throughFullStop(sentences[0]!, sentences, sentences[0]!.text.length + 5)).toEqual([]);
    expect(throughFullStop(sentences[0]!, sentences, 200, () => false)).toEqual([]);
  });
});
