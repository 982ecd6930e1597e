import { beforeAll, describe, expect, it } from "vitest";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import type { Article, Chunk } from "../../src/domain/types.js";
import { chunkArticle } from "../../src/retrieval/chunk.js";
import { LocalEmbedder } from "../../src/retrieval/embedders/local.js";
import { SearchIndex, type SearchOptions } from "../../src/retrieval/hybrid.js";
import { evalQuestions, locateEvidence, seedArticles, type EvalQuestion } from "./seed-fixtures.js";

const gazetteer = Gazetteer.load();
let articles: Article[];
let index: SearchIndex;
const questions = evalQuestions().filter((question) => question.evidence);

beforeAll(async () => {
  articles = seedArticles(gazetteer);
  index = await SearchIndex.build(articles.flatMap((article) => chunkArticle(article, gazetteer)), new LocalEmbedder());
});

/** A chunk counts as gold when it holds the evidence (or, for long evidence, 40+ characters of it). */
function holdsEvidence(chunk: Chunk, question: EvalQuestion): boolean {
  const article = articles.find((a) => a.source === question.source);
  const span = article ? locateEvidence(article.text, question.evidence) : null;
  if (chunk.source !== question.source || !span) return false;
  const overlap = Math.min(chunk.end, span[1]) - Math.max(chunk.start, span[0]);
  return overlap >= Math.min(span[1] - span[0], 40);
}

async function recallAt(k: number, options: SearchOptions): Promise<{ recall: number; misses: string[] }> {
  const misses: string[] = [];
  for (const question of questions) {
    const hits = await index.search(question.question, { ...options, k });
    if (!hits.some((hit) => holdsEvidence(hit.chunk, question))) misses.push(question.id);
  }
  return { recall: 1 - misses.length / questions.length, misses };
}

/** As a caller would search: restricted to the question's zone and the zones inside it. */
async function recallWithZoneFilter(k: number): Promise<{ recall: number; misses: string[] }> {
  const misses: string[] = [];
  for (const question of questions) {
    const zone = question.zone && gazetteer.zone(question.zone) ? question.zone : undefined;
    const zones = zone ? gazetteer.zones.filter((z) => gazetteer.isWithin(z.name, zone)).map((z) => z.name) : undefined;
    const hits = await index.search(question.question, { k, zones });
    if (!hits.some((hit) => holdsEvidence(hit.chunk, question))) misses.push(question.id);
  }
  return { recall: 1 - misses.length / questions.length, misses };
}

describe("recall of gold evidence on the public seed questions", () => {
  it("finds every evidence string in the test articles", () => {
    for (const question of questions) {
      const article = articles.find((a) => a.source === question.source);
      expect(article && locateEvidence(article.text, question.evidence), question.id).not.toBeNull();
    }
  });

  it("ranks the evidence chunk in the top 5 for most questions", async () => {
    const report: Record<string, string> = {};
    for (const [name, options] of Object.entries({
      hybrid: { mode: "hybrid" },
      hybridRrf: { mode: "hybrid", fusion: "rrf" },
      bm25: { mode: "bm25" },
      vector: { mode: "vector" },
    } satisfies Record<string, SearchOptions>)) {
      const at1 = await recallAt(1, options);
      const at5 = await recallAt(5, options);
      report[name] = `R@1=${at1.recall.toFixed(3)} R@5=${at5.recall.toFixed(3)} misses@5=${at5.misses.join(",")}`;
      if (name === "hybrid" || name === "bm25") expect(at5.recall, name).toBeGreaterThanOrEqual(0.85);
      if (name === "vector") expect(at5.recall, name).toBeGreaterThanOrEqual(0.6);
    }
    const zoned = await recallWithZoneFilter(5);
    report.hybridZoneFiltered = `R@5=${zoned.recall.toFixed(3)} misses@5=${zoned.misses.join(",")}`;
    expect(zoned.recall, "zone-filtered").toBeGreaterThanOrEqual(0.85);
    console.log(`recall on ${questions.length} questions\n` + Object.entries(report).map(([name, line]) => `  ${name}: ${line}`).join("\n"));
  });
});
