/**
 * Incremental ingestion: unchanged articles cost nothing, new ones are the only chunks embedded,
 * the HNSW graph is extended in place, and a change of the fact rules re-extracts without re-reading files.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateArchive, writeArchive } from "../../scripts/archive/generate.js";
import { ingestFiles, openCorpus, type IngestReport } from "../../src/corpus/index.js";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import { FACTS_VERSION } from "../../src/facts/index.js";
import { readManifest } from "../../src/retrieval/index.js";
import { openStoredIndex } from "../../src/retrieval/hybrid.js";
import { CorpusStore, currentGeneration } from "../../src/store/index.js";
import { ingestWorkspace, NEW_ARTICLE } from "../support/ingest.js";

const gazetteer = Gazetteer.load();
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

let articlesDir: string;
beforeAll(() => {
  const dir = mkdtempSync(path.join(tmpdir(), "zonebot-archive-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  writeArchive(generateArchive({ articles: 60, seed: 3 }), dir);
  articlesDir = path.join(dir, "articles");
});

const workspace = () => ingestWorkspace(cleanups);

type Config = ReturnType<typeof workspace>["config"];

/** Top hit of a query made from each of a few stored chunks' own text. */
async function topHits(config: Config, queries?: string[]): Promise<{ queries: string[]; top: (string | undefined)[] }> {
  const corpus = await openCorpus(config);
  try {
    const chunks = corpus.index.chunks;
    const asked = queries ?? [3, 17, 42, 101, 250].map((i) => chunks[i % chunks.length]!.text.slice(0, 40));
    const top = [];
    for (const query of asked) top.push((await corpus.index.search(query, { k: 3 }))[0]?.chunk.id);
    return { queries: asked, top };
  } finally {
    corpus.close();
  }
}

async function ingestArchive(config: Config, workers = 0): Promise<IngestReport> {
  return ingestFiles([config.seedsDir, articlesDir], { config, gazetteer, workers });
}

describe("incremental ingestion", () => {
  it("embeds only an added article's chunks, extends the graph and keeps old results", async () => {
    const { config, inbox } = workspace();
    const first = await ingestArchive(config);
    expect(first.embeddedChunks).toBe(first.chunks);
    const before = await topHits(config);
    writeFileSync(path.join(inbox, "shanghe-2024.md"), NEW_ARTICLE);
    const second = await ingestFiles([inbox], { config, gazetteer, workers: 0 });
    expect(second.added).toEqual(["shanghe-2024.md"]);
    expect(second.chunks).toBeGreaterThan(first.chunks);
    expect(second.embeddedChunks).toBe(second.chunks - first.chunks);
    expect(second.graph).toBe("extended");
    expect((await topHits(config, before.queries)).top).toEqual(before.top);
    const corpus = await openCorpus(config);
    try {
      const [hit] = await corpus.index.search("上合示范区一季度新签约过亿元项目", { k: 1, mode: "vector" });
      expect(hit?.chunk.source).toBe("shanghe-2024.md");
      // The store was the previous one plus the new rows.
      expect(corpus.store.sources()).toHaveLength(first.added.length + 1);
      expect(corpus.articles.size).toBe(second.articles);
      expect(corpus.store.facts()).toHaveLength(second.facts);
      const added = [...corpus.articles.values()].find((article) => article.source === "shanghe-2024.md")!;
      expect(corpus.store.facts({ articleIds: [added.id] }).map((fact) => fact.raw)).toEqual(expect.arrayContaining([expect.stringContaining("17个")]));
    } finally {
      corpus.close();
    }
  });

  it("reuses an index saved before the binary BM25 format (JSON postings)", async () => {
    const { config, inbox } = workspace();
    const first = await ingestArchive(config);
    const indexDir = path.join(currentGeneration(config.dataDir)!.dir, "index");
    const manifest = readManifest(indexDir);
    const stored = openStoredIndex(indexDir);
    writeFileSync(path.join(indexDir, manifest.generation, "bm25.json"), JSON.stringify(stored.bm25().state()));
    const { bm25Postings: _dropped, ...files } = manifest.files;
    writeFileSync(path.join(indexDir, "manifest.json"), JSON.stringify({ ...manifest, files }));
    const before = await topHits(config);
    writeFileSync(path.join(inbox, "shanghe-2024.md"), NEW_ARTICLE);
    const second = await ingestFiles([inbox], { config, gazetteer, workers: 0 });
    expect(second.embeddedChunks).toBe(second.chunks - first.chunks);
    expect(second.graph).toBe("extended");
    expect((await topHits(config, before.queries)).top).toEqual(before.top);
  });

  it("an unchanged re-ingest embeds nothing and keeps the generation", async () => {
    const { config } = workspace();
    const first = await ingestArchive(config);
    const again = await ingestArchive(config);
    expect(again.rebuilt).toBe(false);
    expect(again.embeddedChunks).toBe(0);
    expect(again.generation).toBe(first.generation);
    expect(again.unchanged).toHaveLength(first.added.length);
    expect([again.articles, again.facts, again.chunks]).toEqual([first.articles, first.facts, first.chunks]);
    expect(currentGeneration(config.dataDir)?.name).toBe(first.generation);
  });

  it("re-embeds only the changed chunks of an edited article and drops the old ones from the graph", async () => {
    const { config } = workspace();
    await ingestArchive(config);
    // A file is its path: the edit is made in place (the archive is put back at the end).
    const name = readdirSync(articlesDir).filter((file) => file.endsWith(".md")).sort()[4]!;
    const file = path.join(articlesDir, name);
    const original = readFileSync(file, "utf8");
    cleanups.unshift(() => writeFileSync(file, original)); // before the archive is removed
    const lines = original.split("\n");
    const body = lines.findIndex((line, i) => i > 3 && line.length > 20);
    lines.splice(body, 0, "据悉，当地还新建了一座专门服务跨境电商的智慧物流分拨中心，年处理包裹能力达到三千万件。");
    writeFileSync(file, lines.join("\n"));
    const edited = await ingestFiles([file], { config, gazetteer, workers: 0 });
    expect(edited.added).toEqual([name]);
    expect(edited.embeddedChunks).toBeGreaterThan(0);
    expect(edited.embeddedChunks).toBeLessThan(edited.chunks / 10);
    expect(edited.graph).toBe("extended");
    const generation = currentGeneration(config.dataDir)!;
    expect(readManifest(path.join(generation.dir, "index")).files.labels).toBeDefined();
    const corpus = await openCorpus(config);
    try {
      const hits = await corpus.index.search("跨境电商智慧物流分拨中心年处理包裹能力", { k: 3 });
      expect(hits[0]?.chunk.source).toBe(name);
      expect(hits[0]?.chunk.text).toContain("智慧物流分拨中心");
      const vectorHits = await corpus.index.search("跨境电商智慧物流分拨中心", { k: 50, mode: "vector" });
      expect(vectorHits.every((hit) => corpus.index.chunkById(hit.chunk.id) === hit.chunk)).toBe(true);
    } finally {
      corpus.close();
    }
    // Putting the original back is one more in-place change, not a rebuild.
    writeFileSync(file, original);
    const restored = await ingestFiles([file], { config, gazetteer, workers: 0 });
    expect(restored.added).toEqual([name]);
    expect(restored.graph).toBe("extended");
  });

  it("re-embeds everything once the chunks changed since the last full pass exceed the refit share", async () => {
    const { config } = workspace();
    await ingestFiles([config.seedsDir], { config, gazetteer, workers: 0 });
    const grown = await ingestFiles([articlesDir], { config, gazetteer, workers: 0 });
    expect(grown.embeddedChunks).toBe(grown.chunks);
    expect(grown.graph).toBe("rebuilt");
  });
});

describe("facts version", () => {
  it("re-extracts kept articles in a new generation when the rules changed, without re-reading files", async () => {
    const { config } = workspace();
    const first = await ingestArchive(config);
    const factsBefore = await factRows(config);
    const generation = currentGeneration(config.dataDir)!;
    const store = CorpusStore.open(path.join(generation.dir, "corpus.db"));
    store.setMeta("factsVersion", FACTS_VERSION - 1);
    store.close();

    const again = await ingestArchive(config, 2);
    expect(again.rebuilt).toBe(true);
    expect(again.added).toEqual([]);
    expect(again.reextracted).toBe(first.articles);
    expect(again.embeddedChunks).toBe(0);
    expect(again.graph).toBe("reused");
    expect(again.generation).not.toBe(first.generation);
    const current = currentGeneration(config.dataDir)!;
    const reopened = CorpusStore.open(path.join(current.dir, "corpus.db"), { readonly: true });
    expect(reopened.meta<number>("factsVersion")).toBe(FACTS_VERSION);
    reopened.close();
    expect(await factRows(config)).toEqual(factsBefore);
    // Now current: nothing to do.
    expect((await ingestArchive(config)).rebuilt).toBe(false);
  });
});

async function factRows(config: Config): Promise<unknown[]> {
  const corpus = await openCorpus(config);
  try {
    return corpus.store.facts().map((fact) => [fact.id, fact.metric, fact.value, fact.unit, fact.year, fact.zone]);
  } finally {
    corpus.close();
  }
}
