import { describe, expect, it } from "vitest";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import type { Article } from "../../src/domain/types.js";
import { chunkArticle, splitSentences } from "../../src/retrieval/chunk.js";
import { seedArticles } from "./seed-fixtures.js";

const gazetteer = Gazetteer.load();

function article(text: string, overrides: Partial<Article> = {}): Article {
  return {
    id: "t.txt#0",
    source: "t.txt",
    part: 0,
    title: "t",
    date: "2023-04-15",
    dateEvidence: null,
    zones: ["青岛蓝谷"],
    text,
    contentHash: "x",
    ...overrides,
  };
}

const SENTENCE_ENDS = /[。！？；!?;]["”’」』）)》]*$/u;

describe("splitSentences", () => {
  it("splits at sentence marks and newlines, keeps closing quotes, trims whitespace", () => {
    const text = "他说：“好。”然后走了！\n  第二段；还有";
    const sentences = splitSentences(text).map((span) => text.slice(span.start, span.end));
    expect(sentences).toEqual(["他说：“好。”", "然后走了！", "第二段；", "还有"]);
  });
});

describe("chunkArticle", () => {
  const articles = seedArticles(gazetteer);

  it("produces chunks whose text is the exact slice of the article at their offsets", () => {
    for (const a of articles) {
      const chunks = chunkArticle(a, gazetteer);
      expect(chunks.length).toBeGreaterThan(1);
      for (const chunk of chunks) expect(a.text.slice(chunk.start, chunk.end)).toBe(chunk.text);
    }
  });

  it("covers every sentence and cuts only at sentence boundaries", () => {
    for (const a of articles) {
      const chunks = chunkArticle(a, gazetteer);
      for (const span of splitSentences(a.text)) {
        expect(chunks.some((chunk) => chunk.start <= span.start && chunk.end >= span.end)).toBe(true);
      }
      for (const chunk of chunks) {
        const endsParagraph = chunk.end === a.text.length || a.text[chunk.end] === "\n";
        if (chunk.text.length <= 260 && !endsParagraph) expect(chunk.text).toMatch(SENTENCE_ENDS);
      }
    }
  });

  it("keeps chunks within the size bounds and overlaps neighbours by one sentence", () => {
    const sentence = (i: number): string => `第${i}句话说的是某个重点项目加快建设的情况。`;
    const text = Array.from({ length: 40 }, (_, i) => sentence(i)).join("");
    const chunks = chunkArticle(article(text), gazetteer);
    for (const chunk of chunks) expect(chunk.text.length).toBeLessThanOrEqual(260);
    for (const [previous, next] of chunks.slice(0, -1).map((chunk, i) => [chunk, chunks[i + 1]!] as const)) {
      expect(next.start).toBeLessThan(previous.end);
      const overlap = text.slice(next.start, previous.end);
      expect(splitSentences(overlap)).toHaveLength(1);
    }
    expect(chunks.at(-1)!.end).toBe(text.length);
  });

  it("splits a huge sentence at clause marks rather than mid-word", () => {
    const text = Array.from({ length: 60 }, (_, i) => `推进项目${i}建设`).join("，") + "。";
    const chunks = chunkArticle(article(text), gazetteer);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.text.length).toBeLessThanOrEqual(260);
    for (const chunk of chunks.slice(0, -1)) expect(chunk.text.endsWith("，")).toBe(true);
  });

  it("tags zones mentioned in the chunk, the zone carried over from earlier text, and the article's main zones", () => {
    const filler = "这是一段没有功能区名字的文字，说的是2022年的情况。".repeat(20);
    const text = `上合示范区开行中欧班列203列。\n${filler}\n青岛高新区研发机构覆盖率达到85%。`;
    const chunks = chunkArticle(article(text, { zones: ["青岛蓝谷", "青岛市", "青岛西海岸新区"] }), gazetteer);
    expect(chunks[0]!.zones).toEqual(["上合示范区", "青岛蓝谷", "青岛市"]);
    const middle = chunks.find((chunk) => !chunk.text.includes("示范区") && !chunk.text.includes("高新区"))!;
    expect(middle.zones).toEqual(["上合示范区", "青岛蓝谷", "青岛市"]);
    expect(middle.years).toEqual([2022, 2023]);
    expect(chunks.at(-1)!.zones).toContain("青岛高新区");
  });

  it("counts weak aliases only for zones the article names strongly", () => {
    const text = "青岛开发区召开会议。" + "开发区将加快项目建设，推动产业升级。".repeat(12);
    const about = chunkArticle(article(text, { zones: ["青岛经济技术开发区"] }), gazetteer);
    expect(about.every((chunk) => chunk.zones[0] === "青岛经济技术开发区")).toBe(true);
    const unrelated = chunkArticle(article("开发区将加快项目建设。".repeat(30), { zones: ["青岛蓝谷"] }), gazetteer);
    expect(unrelated.every((chunk) => !chunk.zones.includes("青岛经济技术开发区"))).toBe(true);
  });

  it("gives deterministic ids", () => {
    const a = articles[0]!;
    expect(chunkArticle(a, gazetteer).map((c) => c.id)).toEqual(chunkArticle(a, gazetteer).map((c) => c.id));
    expect(new Set(chunkArticle(a, gazetteer).map((c) => c.id)).size).toBe(chunkArticle(a, gazetteer).length);
  });
});
