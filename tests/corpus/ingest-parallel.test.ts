/**
 * Ingestion on worker threads must give exactly what in-process ingestion gives (same articles,
 * facts, chunks and search results), and a worker that dies costs only the file it was on.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateArchive, writeArchive } from "../../scripts/archive/generate.js";
import { ingestFiles, openCorpus, type IngestReport } from "../../src/corpus/index.js";
import { liveIngestThreads, WorkerPool, WorkerCrashedError } from "../../src/corpus/pool.js";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import { currentGeneration } from "../../src/store/index.js";
import { tempConfig } from "../support/engine.js";

const gazetteer = Gazetteer.load();
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

let archiveDir: string;
beforeAll(() => {
  archiveDir = mkdtempSync(path.join(tmpdir(), "zonebot-archive-"));
  cleanups.push(() => rmSync(archiveDir, { recursive: true, force: true }));
  writeArchive(generateArchive({ articles: 60, seed: 3 }), archiveDir);
});

function workspace() {
  const temp = tempConfig();
  cleanups.push(temp.cleanup);
  return temp.config;
}

const QUERIES = ["上合示范区开行中欧班列多少列", "青岛高新区研发机构覆盖率", "外贸进出口总额增长", "新签约过亿元项目", "固定资产投资"];

async function snapshot(config: ReturnType<typeof workspace>) {
  const corpus = await openCorpus(config);
  try {
    const facts = corpus.store.facts().map((fact) => [fact.id, fact.articleId, fact.metric, fact.value, fact.unit, fact.year]);
    const articles = [...corpus.articles.values()].map((article) => [article.id, article.title, article.date, article.zones, article.text]);
    const searches = [];
    for (const query of QUERIES) {
      for (const mode of ["hybrid", "bm25", "vector"] as const) {
        const hits = await corpus.index.search(query, { k: 8, mode });
        searches.push(hits.map((hit) => [hit.chunk.id, hit.chunk.zones, hit.score]));
      }
      const filtered = await corpus.index.search(query, { k: 5, zones: ["上合示范区"] });
      searches.push(filtered.map((hit) => hit.chunk.id));
    }
    return { facts, articles, searches, chunks: corpus.index.chunks.map((chunk) => [chunk.id, chunk.start, chunk.end, chunk.zones, chunk.years]) };
  } finally {
    corpus.close();
  }
}

function counts(report: IngestReport) {
  return { added: report.added, errors: report.errors, articles: report.articles, facts: report.facts, chunks: report.chunks, embedded: report.embeddedChunks };
}

describe("parallel ingestion", () => {
  it("gives the same articles, facts, chunks and search results as in-process ingestion", async () => {
    const inline = workspace();
    const parallel = workspace();
    const inputs = [inline.seedsDir, path.join(archiveDir, "articles")];
    const a = await ingestFiles(inputs, { config: inline, gazetteer, workers: 0 });
    const b = await ingestFiles(inputs, { config: parallel, gazetteer, workers: 2 });
    expect(a.workers).toBe(0);
    expect(b.workers).toBeGreaterThanOrEqual(2);
    expect(a.articles).toBeGreaterThan(60);
    expect(counts(b)).toEqual(counts(a));
    expect(liveIngestThreads()).toBe(0);
    const [left, right] = [await snapshot(inline), await snapshot(parallel)];
    expect(right.articles).toEqual(left.articles);
    expect(right.facts).toEqual(left.facts);
    expect(right.chunks).toEqual(left.chunks);
    expect(right.searches).toEqual(left.searches);
  });

  it("a worker that dies on one file reports that file and ingests the others", async () => {
    const config = workspace();
    const articles = path.join(archiveDir, "articles");
    const victim = readdirSync(articles).filter((name) => !name.endsWith(".meta.json")).sort()[7]!;
    const report = await ingestFiles([articles], { config, gazetteer, workers: 2, crashWorkerOnFile: victim });
    expect(report.errors.map((error) => [path.basename(error.file), error.reason])).toEqual([[victim, "crashed"]]);
    expect(report.added).toHaveLength(59);
    expect(report.added).not.toContain(victim);
    const corpus = await openCorpus(config);
    cleanups.push(() => corpus.close());
    expect([...corpus.articles.values()].some((article) => article.source === victim)).toBe(false);
    // The file was not recorded, so the next run tries it again.
    const again = await ingestFiles([articles], { config, gazetteer, workers: 2 });
    expect(again.added).toEqual([victim]);
  });

  it("an exception before the commit leaves the previous generation current and stops the workers", async () => {
    const config = workspace();
    const seeded = await ingestFiles([config.seedsDir], { config, gazetteer, workers: 0 });
    const before = currentGeneration(config.dataDir)?.name;
    await expect(ingestFiles([path.join(archiveDir, "articles")], {
      config, gazetteer, workers: 2, beforeCommit: () => { throw new Error("simulated crash"); },
    })).rejects.toThrow("simulated crash");
    expect(currentGeneration(config.dataDir)?.name).toBe(before);
    const corpus = await openCorpus(config);
    cleanups.push(() => corpus.close());
    expect(corpus.articles.size).toBe(seeded.articles);
    expect(await corpus.index.search("中欧班列", { k: 1 })).toHaveLength(1);
    expect(liveIngestThreads()).toBe(0);
  });
});

describe("WorkerPool", () => {
  it("fails only the task whose worker died, replaces the worker and terminates on close", async () => {
    const setup = { embedding: { provider: "local" as const }, zones: [], crashOnFile: "boom.txt" };
    const pool = new WorkerPool(2, setup);
    try {
      await expect(pool.run({ type: "load", files: ["/nonexistent/boom.txt"] })).rejects.toBeInstanceOf(WorkerCrashedError);
      expect(liveIngestThreads()).toBe(2);
      const [outcome] = await pool.run({ type: "load", files: ["/nonexistent/other.txt"] });
      expect(outcome && "error" in outcome ? outcome.error.reason : "").toBe("unreadable");
    } finally {
      await pool.close();
    }
    expect(liveIngestThreads()).toBe(0);
  });
});
