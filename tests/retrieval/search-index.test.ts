import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import type { Chunk } from "../../src/domain/types.js";
import { chunkArticle } from "../../src/retrieval/chunk.js";
import { LocalEmbedder } from "../../src/retrieval/embedders/local.js";
import { IndexMismatchError, SearchIndex } from "../../src/retrieval/hybrid.js";
import { readManifest } from "../../src/retrieval/persist.js";
import { seedArticles } from "./seed-fixtures.js";

const gazetteer = Gazetteer.load();
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "search-index-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

let chunks: Chunk[];
let index: SearchIndex;
beforeAll(async () => {
  const articles = seedArticles(gazetteer).map((article, i) => ({ ...article, date: `${2020 + i}-04-15` }));
  chunks = articles.flatMap((article) => chunkArticle(article, gazetteer));
  index = await SearchIndex.build(chunks, new LocalEmbedder());
});

const QUERY = "上合示范区开行中欧班列多少列";

describe("SearchIndex search", () => {
  it("finds the chunk holding the answer in every mode", async () => {
    for (const mode of ["hybrid", "bm25", "vector"] as const) {
      const hits = await index.search(QUERY, { k: 3, mode });
      expect(hits[0]?.chunk.text, mode).toContain("中欧班列203列");
    }
  });

  it("reports ranks from each ranker in hybrid mode and scores in descending order", async () => {
    const hits = await index.search(QUERY, { k: 5 });
    expect(hits).toHaveLength(5);
    expect(hits[0]?.bm25Rank).toBeDefined();
    expect(hits[0]?.vectorRank).toBeDefined();
    expect(hits.map((hit) => hit.score)).toEqual([...hits.map((hit) => hit.score)].sort((a, b) => b - a));
    const rrf = await index.search(QUERY, { k: 5, fusion: "rrf" });
    expect(rrf[0]?.chunk.text).toContain("中欧班列203列");
  });

  it("filters by zone and year before ranking", async () => {
    const zoned = await index.search(QUERY, { k: 10, zones: ["青岛蓝谷"] });
    expect(zoned.length).toBeGreaterThan(0);
    expect(zoned.every((hit) => hit.chunk.zones.includes("青岛蓝谷"))).toBe(true);
    const dated = await index.search("重点项目", { k: 10, years: [2020] });
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.every((hit) => hit.chunk.years.includes(2020))).toBe(true);
    expect(await index.search(QUERY, { zones: ["没有这个区"] })).toEqual([]);
  });

  it("returns nothing for a query without content words", async () => {
    expect(await index.search("是多少？", { k: 5 })).toEqual([]);
  });

  it("looks chunks up by id", () => {
    const chunk = chunks[7]!;
    expect(index.chunkById(chunk.id)).toEqual(chunk);
    expect(index.chunkById("nope")).toBeUndefined();
    expect(index.chunks).toHaveLength(chunks.length);
  });
});

describe("SearchIndex persistence", () => {
  it("round-trips through save and load with identical results", async () => {
    const dir = tempDir();
    await index.save(dir);
    const manifest = readManifest(dir);
    expect(manifest.embedder).toEqual({ id: "local-hash-v1-384", dimension: 384 });
    expect(manifest.chunkCount).toBe(chunks.length);
    const loaded = await SearchIndex.load(dir, new LocalEmbedder());
    for (const mode of ["hybrid", "bm25", "vector"] as const) {
      expect(await loaded.search(QUERY, { k: 5, mode })).toEqual(await index.search(QUERY, { k: 5, mode }));
    }
  });

  it("refuses to load with a different embedder", async () => {
    const dir = tempDir();
    await index.save(dir);
    await expect(SearchIndex.load(dir, new LocalEmbedder({ dimension: 128 }))).rejects.toBeInstanceOf(IndexMismatchError);
    await expect(SearchIndex.load(dir, new LocalEmbedder({ dimension: 128 }))).rejects.toThrow(/local-hash-v1-384/);
  });

  it("throws a clear error when there is no index", async () => {
    await expect(SearchIndex.load(tempDir(), new LocalEmbedder())).rejects.toThrow(/no search index/);
  });

  it("keeps the previous index loadable when a save crashes at any step", async () => {
    const dir = tempDir();
    await index.save(dir);
    const before = readManifest(dir).generation;
    const smaller = await SearchIndex.build(chunks.slice(0, 10), new LocalEmbedder());
    for (const crashAt of ["chunks.json", "bm25.json", "embedder.json", "hnsw.bin", "manifest"]) {
      const crash = (step: string): void => {
        if (step === crashAt) throw new Error(`simulated crash at ${step}`);
      };
      await expect(smaller.save(dir, { onStep: crash })).rejects.toThrow(/simulated crash/);
      expect(readManifest(dir).generation).toBe(before);
      const loaded = await SearchIndex.load(dir, new LocalEmbedder());
      expect(loaded.chunks).toHaveLength(chunks.length);
    }
  });

  it("replaces the index on a successful save and clears leftovers of crashed saves", async () => {
    const dir = tempDir();
    await index.save(dir);
    const smaller = await SearchIndex.build(chunks.slice(0, 10), new LocalEmbedder());
    await expect(smaller.save(dir, { onStep: (step) => { if (step === "manifest") throw new Error("crash"); } })).rejects.toThrow();
    await smaller.save(dir);
    await smaller.save(dir);
    const loaded = await SearchIndex.load(dir, new LocalEmbedder());
    expect(loaded.chunks).toHaveLength(10);
    const generations = readdirSync(dir).filter((entry) => entry.startsWith("gen-"));
    expect(generations.length).toBeLessThanOrEqual(2);
    expect(existsSync(join(dir, readManifest(dir).generation))).toBe(true);
  });
});
