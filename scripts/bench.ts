/**
 * zonebot bench: one run, figures side by side. `npm run bench` (add `-- --quick` for a smaller kNN set).
 * Prints a Markdown table for README.md and writes bench/latest.json.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { loadConfig, PROJECT_ROOT } from "../src/config/index.js";
import { ingestFiles } from "../src/corpus/index.js";
import { Gazetteer } from "../src/domain/gazetteer.js";
import { createEngine } from "../src/engine/index.js";
import { LocalEmbedder, VectorIndex, type SearchMode } from "../src/retrieval/index.js";
import { readEvalQuestions } from "../tests/support/engine.js";

const quick = process.argv.includes("--quick");
const KNN_SIZE = quick ? 20_000 : 100_000;
const rows: [string, string][] = [];
const report = (name: string, value: string) => {
  rows.push([name, value]);
  process.stderr.write(`${name}: ${value}\n`);
};

const dataDir = mkdtempSync(path.join(tmpdir(), "zonebot-bench-"));
const config = loadConfig({ ZONEBOT_SEEDS_DIR: path.join(PROJECT_ROOT, "seeds") }, { dataDir });

// 1. Seed ingest (clean, split, facts, chunks, embeddings, hnsw, SQLite, atomic commit).
let started = performance.now();
const ingest = await ingestFiles([config.seedsDir], { config, gazetteer: Gazetteer.load() });
report("seed ingest (5 files)", `${ms(performance.now() - started)} — ${ingest.articles} articles, ${ingest.facts} facts, ${ingest.chunks} chunks`);

// 2. Cold CLI ask: a new process that loads the index and answers.
started = performance.now();
const cold = spawnSync(process.execPath, [path.join(PROJECT_ROOT, "bin/zonebot.mjs"), "ask", "--json", "--data-dir", dataDir, "青岛开发区2022年计划新签约过亿元项目多少个？"], { encoding: "utf8" });
const coldMs = performance.now() - started;
report("cold `zonebot ask` (process start + index load + answer)", `${ms(coldMs)}${cold.status === 0 ? "" : " (FAILED)"}`);

// 3. Warm answers over the public questions.
const engine = await createEngine(config, { ensureSeeds: false });
const questions = readEvalQuestions();
const latencies: number[] = [];
for (let pass = 0; pass < 5; pass++) {
  for (const q of questions) {
    const t = performance.now();
    await engine.ask(q.question);
    latencies.push(performance.now() - t);
  }
}
report("warm ask p50 / p99 (42 questions × 5)", `${ms(percentile(latencies, 0.5))} / ${ms(percentile(latencies, 0.99))}`);

// 4. Retrieval recall@5 of the gold evidence: hybrid vs BM25-only vs vector-only.
const withEvidence = questions.filter((q) => q.evidence);
const recall: Record<SearchMode, number> = { hybrid: 0, bm25: 0, vector: 0 };
for (const mode of ["hybrid", "bm25", "vector"] as SearchMode[]) {
  let hits = 0;
  for (const q of withEvidence) {
    const results = await engine.corpus.index.search(q.question, { k: 5, mode });
    if (results.some((hit) => containsEvidence(hit.chunk.text, q.evidence))) hits++;
  }
  recall[mode] = hits / withEvidence.length;
}
report("retrieval recall@5 hybrid / bm25 / vector", `${recall.hybrid.toFixed(3)} / ${recall.bm25.toFixed(3)} / ${recall.vector.toFixed(3)} (${withEvidence.length} questions)`);
engine.close();

// 5. HNSW vs exact kNN on synthetic chunks (sentences of the seeds recombined), local embedder.
const knn = await benchKnn(engine.corpus.index.chunks.map((c) => c.text));
report(`hnsw vs exact kNN @ ${KNN_SIZE.toLocaleString()} chunks`, `recall@10 ${knn.recall.toFixed(3)}, ${knn.speedup.toFixed(0)}× faster (${knn.hnswMs.toFixed(2)} vs ${knn.exactMs.toFixed(1)} ms/query; build ${ms(knn.buildMs)})`);

report("peak RSS", `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
rmSync(dataDir, { recursive: true, force: true });

const table = ["| measure | result |", "|---|---|", ...rows.map(([name, value]) => `| ${name} | ${value} |`)].join("\n");
process.stdout.write(`${table}\n`);
mkdirSync(path.join(PROJECT_ROOT, "bench"), { recursive: true });
writeFileSync(path.join(PROJECT_ROOT, "bench/latest.json"), `${JSON.stringify({ at: new Date().toISOString(), quick, rows: Object.fromEntries(rows) }, null, 2)}\n`);

async function benchKnn(seedTexts: string[]) {
  const clauses = seedTexts.flatMap((t) => t.split(/[，。；]/)).filter((c) => c.length >= 6);
  let state = 42;
  const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  // Recombined clauses with fresh numbers, so that chunks differ the way real ones do (few exact ties).
  const texts = Array.from({ length: KNN_SIZE }, () =>
    Array.from({ length: 3 + Math.floor(random() * 4) }, () => clauses[Math.floor(random() * clauses.length)]!.replace(/\d+/g, () => String(Math.floor(random() * 5000)))).join("，"),
  );
  const embedder = new LocalEmbedder();
  embedder.fit(texts);
  const vectors = await embedder.embed(texts);
  let t = performance.now();
  const index = VectorIndex.build(vectors, embedder.dimension);
  const buildMs = performance.now() - t;
  const queries = Array.from({ length: 200 }, (_, i) => vectors[(i * 7919) % vectors.length]!.map((v, j) => v + (((i + j) % 7) - 3) * 0.01));
  t = performance.now();
  const approximate = queries.map((q) => index.search(q, 10));
  const hnswMs = (performance.now() - t) / queries.length;
  const exactQueries = queries.slice(0, 50);
  t = performance.now();
  const exact = exactQueries.map((q) => index.exactSearch(q, 10));
  const exactMs = (performance.now() - t) / exactQueries.length;
  // Tie-aware recall: a returned neighbour counts when it is as close as the exact 10th neighbour.
  let found = 0;
  exact.forEach((truth, i) => {
    const kth = truth[truth.length - 1]!.score - 1e-6;
    found += Math.min(truth.length, approximate[i]!.filter((h) => h.score >= kth).length);
  });
  return { recall: found / (exact.length * 10), hnswMs, exactMs, speedup: exactMs / hnswMs, buildMs };
}

function containsEvidence(text: string, evidence: string): boolean {
  const flat = text.replace(/\n/g, "");
  const probe = evidence.replace(/\n/g, "").slice(0, 30);
  return flat.includes(probe);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 2 : 0)} ms`;
}
