import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import type { Article, Fact } from "../../src/domain/types.js";
import { extractFacts } from "../../src/facts/index.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const ingestPath = `${root}src/ingest/index.ts`;
const hasIngest = existsSync(ingestPath);
const NUMERIC_TYPES = ["numeric", "temporal", "alias", "comparison", "multi_hop"];

interface GoldQuestion {
  id: string;
  type: string;
  source: string;
  numbers: string[];
}

async function extractSeeds(): Promise<{ articles: Article[]; facts: Fact[]; rejected: number }> {
  const { loadArticleFile } = (await import("../../src/ingest/index.js")) as {
    loadArticleFile: (path: string, opts: { gazetteer: Gazetteer }) => Promise<Article[]>;
  };
  const gazetteer = Gazetteer.load();
  const files = readdirSync(`${root}seeds`).filter((name) => name.endsWith(".txt"));
  const articles = (await Promise.all(files.map((name) => loadArticleFile(`${root}seeds/${name}`, { gazetteer })))).flat();
  const results = articles.map((a) => extractFacts(a, gazetteer));
  return { articles, facts: results.flatMap((r) => r.facts), rejected: results.reduce((n, r) => n + r.rejected, 0) };
}

describe.skipIf(!hasIngest)("extractFacts over the seed articles", () => {
  it("rejects no evidence and finds every gold number of numeric questions", async () => {
    const { articles, facts, rejected } = await extractSeeds();
    expect(rejected).toBe(0);
    const byId = new Map(articles.map((a) => [a.id, a]));
    for (const fact of facts) expect(byId.get(fact.articleId)?.text.slice(fact.start, fact.end)).toBe(fact.evidence);

    const golds = readFileSync(`${root}tests/eval/seed_questions.public.jsonl`, "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as GoldQuestion)
      .filter((q) => NUMERIC_TYPES.includes(q.type));
    const missing = golds.flatMap((q) =>
      q.numbers
        .filter((n) => !facts.some((f) => f.source === q.source && f.raw.includes(n)))
        .map((n) => `${q.id}:${n}`),
    );
    expect(missing).toEqual([]);
  });
});
