/**
 * Ingestion: files → a new generation (corpus.db + search index), committed atomically.
 *
 *   scan      hash every file; unchanged ones (same content hash at the same path) cost nothing
 *   load      clean and split new/changed files                           (worker pool, batches of files)
 *   process   extract facts of new articles (and of kept ones when FACTS_VERSION changed), chunk all
 *             articles with a gazetteer that knows every article's zones  (worker pool)
 *   index     BM25, IDF, vectors and HNSW from what changed (search-build.ts)
 *   write     corpus.db and the index into a new generation dir; `beforeCommit`; CURRENT swapped
 *
 * Load must finish before process: the gazetteer learns zones from all articles' metadata first.
 * Any exception before the swap leaves the previous generation current; a worker that dies while
 * loading costs only the file it was on.
 *
 * A file is its absolute path (identity.ts): two `report.md` in different folders are two files, and
 * replacing one never touches the other; a saved web page is its link. A store of layout 1 is not extended
 * but rebuilt from the files it recorded (those still on disk), which the report says (`upgrade`); a store
 * of an extendable older layout is migrated: its PDFs and saved pages, whose rows lack what this layout
 * keeps (pages, OCR marks, links as identities), are read again, the rest is kept.
 *
 * `signal` cancels: workers are terminated at once and nothing is committed (IngestCancelledError).
 */
import { createHash } from "node:crypto";
import { copyFileSync, createReadStream, rmSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Config } from "../config/index.js";
import type { Gazetteer } from "../domain/gazetteer.js";
import { zoneEntries } from "../domain/learn.js";
import type { Article, Chunk, Fact } from "../domain/types.js";
import { canonicalMetric, FACTS_VERSION } from "../facts/index.js";
import { fileIdentity, isPdfFile, listArticleFiles, readSidecar, zonesOf } from "../ingest/index.js";
import { writeSearchIndex } from "../retrieval/hybrid.js";
import {
  abandonGeneration, beginGeneration, commitGeneration, CorpusStore, STORE_VERSION, type SourceRecord,
} from "../store/index.js";
import type { IngestWarning } from "../ingest/index.js";
import { createEmbedder } from "./embedder.js";
import { Executor, PARALLEL_MIN_UNITS } from "./executor.js";
import { fileOfArticle } from "./identity.js";
import {
  describeError, type IngestError, type IngestFileWarning, type LoadOutcome, type ProcessOutcome, type WorkerSetup,
} from "./ingest-tasks.js";
import { WorkerCrashedError, type TaskRunner } from "./pool.js";
import { META, PreviousGeneration, type GenerationCounts } from "./previous.js";
import { buildSearchIndex, type GraphMode, type SearchBuild, type SearchPhase } from "./search-build.js";

export type { IngestError, IngestFileWarning } from "./ingest-tasks.js";

/** The data dir held a store of an older layout: it was rebuilt from the files that store recorded. */
export interface StoreUpgrade {
  from: number;
  to: number;
  /** Recorded files read again (they count among `added`, or `errors` when they failed). */
  reread: number;
  /** Recorded files no longer on disk: their articles are not in the new generation. */
  missing: string[];
}

export interface IngestReport {
  /** Base names (what citations show) of the files read in this call; two folders may give one name twice. */
  added: string[];
  unchanged: string[];
  errors: IngestError[];
  /** Per file read in this call, what was skipped or guessed; the file was still ingested. */
  warnings: IngestFileWarning[];
  /** Set when an older store layout was rebuilt. */
  upgrade?: StoreUpgrade;
  articles: number;
  facts: number;
  rejectedFacts: number;
  chunks: number;
  /** Generation that is current after the call (unchanged when nothing was new). */
  generation: string | undefined;
  rebuilt: boolean;
  /** Kept articles whose facts were extracted again because the extraction rules changed (FACTS_VERSION). */
  reextracted: number;
  /** Chunks embedded by this call; the others reused the previous generation's vectors. */
  embeddedChunks: number;
  /** How the HNSW graph was made ("none" when no generation was written). */
  graph: GraphMode | "none";
  /** Worker threads used (0 = everything ran in the calling thread). */
  workers: number;
  elapsedMs: number;
}

export type IngestPhase = "scan" | "load" | "process" | SearchPhase | "write";

export interface IngestProgress {
  phase: IngestPhase;
  done: number;
  total: number;
}

/**
 * Finds the facts the rules missed with a model (the LLM brain's extractor). Passed in by whoever ingests,
 * so the corpus never imports a brain.
 */
export type LlmFactExtractor = (
  article: Article,
  ruleFacts: Fact[],
  options: { llm: NonNullable<Config["llm"]>; gazetteer: Gazetteer },
) => Promise<{ facts: Fact[]; rejected: number; error?: string }>;

export interface IngestOptions {
  config: Config;
  gazetteer: Gazetteer;
  /** Used when a model is configured: facts the rules missed, verified against the text. */
  llmFacts?: LlmFactExtractor;
  date?: string;
  /** Files: `done` of `total` (unchanged ones count as done at once). */
  onProgress?: (done: number, total: number, file: string) => void;
  /** Every phase's progress (articles, chunks, graph points), for a progress display. */
  onPhase?: (progress: IngestProgress) => void;
  /**
   * Worker threads for loading, extraction, chunking and local embedding. Unset: min(2, cores), started
   * only when there is enough to do (≥ 50 files or articles); 0 or 1: all in this thread.
   */
  workers?: number;
  /** Test hook: called after the new generation is written but before it becomes current. */
  beforeCommit?: () => void;
  /** Test hook: a worker loading a file of this base name dies as if it crashed. */
  crashWorkerOnFile?: string;
  /** Test hook: a worker loading a file of this base name never finishes (a PDF that takes forever). */
  stallWorkerOnFile?: string;
  /**
   * Cancels the ingest: its workers are terminated at once, nothing is committed (the current generation
   * stays current) and ingestFiles rejects with IngestCancelledError. Too late once the new generation is current.
   */
  signal?: AbortSignal;
}

/** The ingest was cancelled (IngestOptions.signal) before its generation became current: nothing of it was kept. */
export class IngestCancelledError extends Error {
  constructor(reason: unknown) {
    super(`ingest cancelled${reason instanceof Error ? `: ${reason.message}` : typeof reason === "string" ? `: ${reason}` : ""}`);
    this.name = "IngestCancelledError";
  }
}

/** Files read at once while hashing: enough to hide latency, few enough to bound memory. */
const HASH_CONCURRENCY = 16;
const LOAD_BATCH = 16;
const PROCESS_BATCH = 48;

interface FreshFile {
  file: string;
  record: SourceRecord;
}

interface Loaded {
  record: SourceRecord;
  articles: Article[];
  warnings: IngestWarning[];
}

/**
 * Ingests files into a new generation: unchanged files are carried over, new or changed ones are
 * cleaned, split and mined for facts, the search index is updated and the generation is committed
 * atomically. Bad files are reported and skipped.
 */
export async function ingestFiles(inputs: string[], options: IngestOptions): Promise<IngestReport> {
  const started = performance.now();
  const { signal } = options;
  if (signal?.aborted) throw new IngestCancelledError(signal.reason);
  const previous = PreviousGeneration.open(options.config.dataDir);
  const executor = new Executor(workerSetup(options), options.gazetteer, options.workers);
  // Terminating the workers fails whatever they run; the checks between phases stop the rest.
  const onAbort = () => void executor.close();
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const report = emptyReport(previous.name);
    const upgrade = previous.exists && !previous.current ? await planUpgrade(previous) : undefined;
    const migration = previous.exists && previous.current && !previous.latest ? await planMigration(previous) : undefined;
    const files = await listArticleFiles([...inputs, ...(upgrade?.reread ?? []), ...(migration?.reread ?? [])]);
    const rereadKeys = new Set(migration?.keys ?? []);
    const known = new Map(upgrade ? [] : previous.sources().filter((s) => !rereadKeys.has(s.path)).map((s) => [s.path, s.contentHash]));
    const fresh = await scanFiles(files, known, report, options);
    checkCancelled(signal);
    const reextract = previous.exists && previous.factsVersion() !== FACTS_VERSION;
    if (fresh.length === 0 && previous.exists && !reextract && !upgrade && !migration) {
      fillUnchangedCounts(report, previous);
    } else {
      if (upgrade) report.upgrade = upgrade.report;
      const loaded = await loadFiles(fresh, executor, report, options, files.length - fresh.length, files.length);
      checkCancelled(signal);
      // Every new file failed: the current generation already holds all there is, and stays current.
      if (loaded.length === 0 && previous.exists && !reextract && !upgrade && !migration) fillUnchangedCounts(report, previous);
      else await rebuild(previous, loaded, { reextract, upgrade: upgrade !== undefined }, executor, report, options);
    }
    report.workers = executor.workersUsed;
    report.elapsedMs = Math.round(performance.now() - started);
    return report;
  } catch (error) {
    if (signal?.aborted) throw new IngestCancelledError(signal.reason);
    throw error;
  } finally {
    signal?.removeEventListener("abort", onAbort);
    await executor.close();
    previous.close();
  }
}

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new IngestCancelledError(signal.reason);
}

function workerSetup(options: IngestOptions): WorkerSetup {
  const setup: WorkerSetup = { embedding: options.config.embedding, zones: options.gazetteer.zones.map((zone) => zone.name) };
  if (options.date !== undefined) setup.date = options.date;
  if (options.crashWorkerOnFile !== undefined) setup.crashOnFile = options.crashWorkerOnFile;
  if (options.stallWorkerOnFile !== undefined) setup.stallOnFile = options.stallWorkerOnFile;
  return setup;
}

/**
 * An older store's files, to be read again into this code's layout: ids, keys and columns all changed, so
 * nothing of it is carried over but the list of files (and the search index, matched by article and text).
 */
async function planUpgrade(previous: PreviousGeneration): Promise<{ reread: string[]; report: StoreUpgrade }> {
  const recorded = previous.sources().map((s) => s.file ?? s.path);
  const present = await Promise.all(recorded.map((file) => stat(file).then((info) => info.isFile(), () => false)));
  const reread = recorded.filter((_, i) => present[i]);
  const missing = recorded.filter((_, i) => !present[i]);
  return { reread, report: { from: previous.storeVersion() ?? 1, to: STORE_VERSION, reread: reread.length, missing } };
}

/**
 * A store of an extendable older layout: the files whose rows lack what this layout keeps — PDFs (pages, OCR
 * marks) and saved web pages (their link as identity) — are read again; the others are kept as they are.
 * Files gone from disk keep their rows. The new generation is written in this layout either way.
 */
async function planMigration(previous: PreviousGeneration): Promise<{ reread: string[]; keys: string[] }> {
  const reread: string[] = [];
  const keys: string[] = [];
  for (const source of previous.sources()) {
    const file = source.file ?? source.path;
    const present = await stat(file).then((info) => info.isFile(), () => false);
    if (present && (isPdfFile(file) || (await isSavedPage(file)))) {
      reread.push(file);
      keys.push(source.path);
    }
  }
  return { reread, keys };
}

async function isSavedPage(file: string): Promise<boolean> {
  const sidecar = await readSidecar(file).catch(() => undefined);
  return sidecar?.url !== undefined;
}

function emptyReport(generation: string | undefined): IngestReport {
  return {
    added: [], unchanged: [], errors: [], warnings: [], articles: 0, facts: 0, rejectedFacts: 0, chunks: 0, generation, rebuilt: false,
    reextracted: 0, embeddedChunks: 0, graph: "none", workers: 0, elapsedMs: 0,
  };
}

// ---- scan ----

/** Hashes every file (a few at a time); returns the new or changed ones, in file order. */
async function scanFiles(files: string[], known: Map<string, string>, report: IngestReport, options: IngestOptions): Promise<FreshFile[]> {
  const outcomes: (FreshFile | "unchanged" | IngestError)[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const i = next++;
      const file = files[i]!;
      try {
        const { key, source } = await fileIdentity(file);
        const hash = await sourceHash(file);
        const record: SourceRecord = { source, path: key, contentHash: hash, ingestedAt: new Date().toISOString() };
        // A saved page is its link: where its copy lies is kept apart, for reading it again.
        if (key !== path.resolve(file)) record.file = path.resolve(file);
        outcomes[i] = known.get(key) === hash ? "unchanged" : { file, record };
      } catch (error) {
        outcomes[i] = describeError(file, error);
      }
      options.onPhase?.({ phase: "scan", done: ++done, total: files.length });
    }
  };
  await Promise.all(Array.from({ length: Math.min(HASH_CONCURRENCY, files.length) }, worker));
  const fresh: FreshFile[] = [];
  outcomes.forEach((outcome, i) => {
    if (outcome === "unchanged") report.unchanged.push(path.basename(files[i]!));
    else if ("record" in outcome) fresh.push(outcome);
    else report.errors.push(outcome);
  });
  return fresh;
}

function fillUnchangedCounts(report: IngestReport, previous: PreviousGeneration): void {
  const counts = previous.counts();
  if (counts) {
    Object.assign(report, counts);
    return;
  }
  report.articles = previous.articles().length;
  report.facts = previous.facts().length;
  report.chunks = previous.index()?.chunkCount ?? 0;
}

// ---- load ----

/** Cleans and splits fresh files in batches; a batch whose worker died is retried file by file. */
async function loadFiles(
  fresh: FreshFile[], executor: Executor, report: IngestReport, options: IngestOptions, alreadyDone: number, totalFiles: number,
): Promise<Loaded[]> {
  // A PDF takes seconds (pages of layout analysis): one is reason enough to read off the calling thread.
  const runner = await executor.runner(fresh.reduce((units, f) => units + (isPdfFile(f.file) ? PARALLEL_MIN_UNITS : 1), 0));
  const byFile = new Map(fresh.map((f) => [f.file, f.record]));
  const loaded: Loaded[] = [];
  let done = 0;
  const batches = sliced(fresh.map((f) => f.file), LOAD_BATCH).map((batch) => awaitedLater(loadBatch(runner, batch)));
  for (const batch of batches) {
    for (const outcome of await batch) {
      if ("error" in outcome) report.errors.push(outcome.error);
      else loaded.push({ record: byFile.get(outcome.file)!, articles: outcome.articles, warnings: outcome.warnings });
      done += 1;
      options.onProgress?.(alreadyDone + done, totalFiles, outcome.file);
      options.onPhase?.({ phase: "load", done, total: fresh.length });
    }
  }
  return loaded;
}

async function loadBatch(runner: TaskRunner, files: string[]): Promise<LoadOutcome[]> {
  try {
    return await runner.run({ type: "load", files });
  } catch (error) {
    if (!(error instanceof WorkerCrashedError)) throw error;
    if (files.length === 1) return [{ file: files[0]!, error: { file: files[0]!, reason: "crashed", message: error.message } }];
    // Which file killed the worker is unknown: one task per file finds it and loses nothing else.
    const outcomes = await Promise.all(files.map((file) => loadBatch(runner, [file])));
    return outcomes.flat();
  }
}

// ---- process, index, write ----

/** Everything a generation holds, and what this run added to it (the rows a copied store lacks). */
interface Corpus {
  sources: SourceRecord[];
  articles: Article[];
  facts: Fact[];
  chunks: Chunk[];
  fresh: Pick<Corpus, "sources" | "articles" | "facts">;
}

/** What the new corpus.db starts from: nothing, or (when files were only added) a copy of the previous one. */
type StoreBase = { kind: "empty" } | { kind: "copy"; from: string };

interface RebuildMode {
  /** The fact rules changed: kept articles are extracted again. */
  reextract: boolean;
  /** The previous store has an older layout: nothing of it is kept (its files were read again). */
  upgrade: boolean;
}

async function rebuild(
  previous: PreviousGeneration, loaded: Loaded[], mode: RebuildMode, executor: Executor, report: IngestReport, options: IngestOptions,
): Promise<void> {
  // Files read again replace everything they gave before, and only that: matched by path (or link), never by
  // base name. A saved page's copy is matched too: a store of layout 2 keyed the page by it.
  const replaced = new Set(loaded.flatMap((f) => [f.record.path, ...(f.record.file ? [f.record.file] : [])]));
  const keeps = (articleId: string): boolean => !mode.upgrade && !replaced.has(fileOfArticle(articleId));
  const kept = previous.articles().filter((article) => keeps(article.id));
  const keptFacts = previous.facts().filter((fact) => keeps(fact.articleId));
  const processed = await processArticles(kept, keptFacts, loaded, mode.reextract, executor, report, options);
  const previousSources = mode.upgrade ? [] : previous.sources();
  const corpus: Corpus = { ...processed, sources: [...previousSources.filter((s) => !replaced.has(s.path)), ...processed.fresh.sources] };
  // Only additions under the same rules and layout: the previous store holds every kept row as it should stay.
  const changedFiles = previousSources.some((s) => replaced.has(s.path));
  const copyable = !mode.upgrade && !mode.reextract && !changedFiles && previous.databasePath;
  const base: StoreBase = copyable ? { kind: "copy", from: previous.databasePath } : { kind: "empty" };
  const storedIndex = previous.index();
  const embedder = createEmbedder(options.config.embedding);
  const sameEmbedder = storedIndex && storedIndex.embedder.id === embedder.id && storedIndex.embedder.dimension === embedder.dimension;
  const search = await buildSearchIndex({
    chunks: corpus.chunks,
    previous: sameEmbedder ? { index: storedIndex, vectors: previous.vectorsMeta() } : undefined,
    embedder,
    runner: (units) => executor.chunkRunner(units),
    graphRunner: (points) => executor.graphRunner(points),
    onProgress: (phase, done, total) => options.onPhase?.({ phase, done, total }),
  });
  await executor.releaseWorkers();
  report.embeddedChunks = search.stats.embedded;
  report.graph = search.stats.graph;
  options.onPhase?.({ phase: "write", done: 0, total: 1 });
  await writeGeneration(corpus, base, search, report, options);
  options.onPhase?.({ phase: "write", done: 1, total: 1 });
}

/**
 * Facts and chunks of every article: new ones get both; kept ones are chunked again (cheap, and
 * the gazetteer may know new zones) and, when the rules changed, re-extracted.
 */
async function processArticles(
  kept: Article[], keptFacts: Fact[], loaded: Loaded[], reextract: boolean, executor: Executor, report: IngestReport, options: IngestOptions,
): Promise<Omit<Corpus, "sources">> {
  const fresh = loaded.flatMap((f) => f.articles);
  const articles = [...kept, ...fresh];
  const entries = zoneEntries(articles, options.gazetteer);
  const gazetteer = options.gazetteer.withZones(entries);
  // An article that named no zone its reader knew may name one the corpus taught (「中国—新加坡吉林食品区（以下简称中新食品区）」).
  for (const article of articles) article.zones = article.zones.length > 0 ? gazetteer.canonicalZones(article.zones) : zonesOf(`${article.title}\n${article.text}`, gazetteer);
  const runner = await executor.runner(fresh.length + (reextract ? kept.length : 0));
  await runner.configure({ type: "zones", entries });
  const extract = articles.map((_, i) => i >= kept.length || reextract);
  const outcomes = await runProcess(runner, articles, extract, options);

  const failed = failedSources(fresh, outcomes.slice(kept.length), report);
  const factsByArticle = groupBy(keptFacts, (fact) => fact.articleId);
  const corpus: Omit<Corpus, "sources"> = { articles: [], facts: [], chunks: [], fresh: { sources: [], articles: [], facts: [] } };
  for (const [i, article] of articles.entries()) {
    if (failed.has(fileOfArticle(article.id))) continue;
    const outcome = outcomes[i]!;
    corpus.articles.push(article);
    corpus.chunks.push(...(outcome.chunks ?? []));
    if (i < kept.length) {
      corpus.facts.push(...keptArticleFacts(article, outcome, factsByArticle, report));
      continue;
    }
    const facts = await newArticleFacts(article, outcome, gazetteer, report, options);
    corpus.facts.push(...facts);
    corpus.fresh.articles.push(article);
    corpus.fresh.facts.push(...facts);
  }
  const accepted = loaded.filter((f) => !failed.has(f.record.path));
  corpus.fresh.sources = accepted.map((f) => f.record);
  report.added = corpus.fresh.sources.map((record) => record.source);
  report.warnings = accepted.flatMap((f) => f.warnings.map((warning) => ({ file: f.record.path, ...warning })));
  return corpus;
}

async function runProcess(runner: TaskRunner, articles: Article[], extract: boolean[], options: IngestOptions): Promise<ProcessOutcome[]> {
  const ranges = sliced(articles.map((_, i) => i), PROCESS_BATCH);
  const batches = ranges.map((range) => awaitedLater(runner.run({
    type: "process",
    articles: range.map((i) => articles[i]!),
    extract: range.map((i) => extract[i]!),
  })));
  const outcomes: ProcessOutcome[] = [];
  for (const batch of batches) {
    outcomes.push(...(await batch));
    options.onPhase?.({ phase: "process", done: outcomes.length, total: articles.length });
  }
  return outcomes;
}

/**
 * New files with an article that could not be processed: the whole file is rejected and not recorded,
 * so the next run tries it again (a changed file's previous version is gone from this generation too).
 */
function failedSources(fresh: Article[], outcomes: ProcessOutcome[], report: IngestReport): Set<string> {
  const failed = new Set<string>();
  fresh.forEach((article, i) => {
    const error = outcomes[i]!.error;
    const file = fileOfArticle(article.id);
    if (!error || failed.has(file)) return;
    failed.add(file);
    report.errors.push({ file, reason: `${error.stage}-failed`, message: `${article.id}: ${error.message}` });
  });
  return failed;
}

async function newArticleFacts(article: Article, outcome: ProcessOutcome, gazetteer: Gazetteer, report: IngestReport, options: IngestOptions): Promise<Fact[]> {
  const facts = outcome.facts ?? [];
  report.rejectedFacts += outcome.rejected;
  if (!options.config.llm || !options.llmFacts) return facts;
  // Only verified facts the rules missed: verbatim evidence holding the value, no duplicates.
  const extra = await options.llmFacts(article, facts, { llm: options.config.llm, gazetteer });
  report.rejectedFacts += extra.rejected;
  if (extra.error) report.errors.push({ file: fileOfArticle(article.id), reason: "llm-extraction", message: extra.error });
  return [...facts, ...extra.facts];
}

/**
 * A kept article's facts: as stored, or — re-extracted — the new rule facts plus the stored facts the
 * LLM found that the new rules do not repeat (the LLM is not asked again). A failed re-extraction keeps what was stored.
 */
function keptArticleFacts(article: Article, outcome: ProcessOutcome, stored: Map<string, Fact[]>, report: IngestReport): Fact[] {
  const previous = stored.get(article.id) ?? [];
  if (outcome.error?.stage === "extract") {
    report.errors.push({ file: fileOfArticle(article.id), reason: "reextract-failed", message: `${article.id}: ${outcome.error.message} (kept the stored facts)` });
    return previous;
  }
  if (!outcome.facts) return previous;
  report.reextracted += 1;
  report.rejectedFacts += outcome.rejected;
  const fromLlm = previous.filter((fact) => isLlmFact(fact) && !outcome.facts!.some((rule) => sameNumberSameSpan(rule, fact)));
  return [...outcome.facts, ...fromLlm];
}

/** LLM-found facts carry an id derived from where their number sits (see extract-facts.ts verifyProposal). */
function isLlmFact(fact: Fact): boolean {
  const at = fact.evidence.indexOf(fact.raw);
  if (at < 0) return false;
  return createHash("sha1").update(`${fact.articleId}|${fact.start + at}|${fact.raw}|llm`).digest("hex").slice(0, 16) === fact.id;
}

function sameNumberSameSpan(a: Fact, b: Fact): boolean {
  const close = Math.abs(a.value - b.value) <= 1e-9 * Math.max(1, Math.abs(a.value));
  return close && (a.unit === b.unit || a.unit === "" || b.unit === "") && a.start < b.end && b.start < a.end;
}

async function writeGeneration(corpus: Corpus, base: StoreBase, search: SearchBuild, report: IngestReport, options: IngestOptions): Promise<void> {
  const { dataDir } = options.config;
  const counts: GenerationCounts = { articles: corpus.articles.length, facts: corpus.facts.length, chunks: corpus.chunks.length };
  const generation = beginGeneration(dataDir);
  try {
    const file = path.join(generation.dir, "corpus.db");
    const meta: [string, unknown][] = [
      ["built", { at: new Date().toISOString(), embedder: search.parts.embedder.id, dimension: search.parts.embedder.dimension }],
      ["rejectedFactsThisBuild", report.rejectedFacts],
      [META.factsVersion, FACTS_VERSION],
      [META.counts, counts],
      [META.vectors, search.stats.vectorsMeta],
    ];
    if (base.kind !== "copy" || !appendToCopy(base.from, file, corpus.fresh, meta)) writeStore(file, corpus, meta);
    await writeSearchIndex(path.join(generation.dir, "index"), search.parts);
    options.beforeCommit?.();
    // The last moment a cancel is heeded: from the rename on, the new generation is current.
    checkCancelled(options.signal);
    commitGeneration(dataDir, generation);
  } catch (error) {
    abandonGeneration(generation);
    throw error;
  }
  Object.assign(report, counts);
  report.generation = generation.name;
  report.rebuilt = true;
}

/** The whole corpus into a new corpus.db. */
function writeStore(file: string, corpus: Pick<Corpus, "sources" | "articles" | "facts">, meta: [string, unknown][]): void {
  const store = CorpusStore.open(file);
  try {
    store.putSources(corpus.sources);
    store.putArticles(corpus.articles, corpus.facts, canonicalMetric);
    for (const [key, value] of meta) store.setMeta(key, value);
  } finally {
    store.close();
  }
}

/**
 * Copies the previous corpus.db and adds the new rows: rewriting 10k articles and 100k facts takes
 * far longer than the copy. False (and the copy removed) when that fails, e.g. the schema changed.
 */
function appendToCopy(from: string, file: string, fresh: Corpus["fresh"], meta: [string, unknown][]): boolean {
  try {
    copyFileSync(from, file);
    writeStore(file, fresh, meta);
    return true;
  } catch {
    rmSync(file, { force: true });
    return false;
  }
}

// ---- helpers ----

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function sliced<T>(items: readonly T[], size: number): T[][] {
  const slices: T[][] = [];
  for (let i = 0; i < items.length; i += size) slices.push(items.slice(i, i + size));
  return slices;
}

/** Started now, awaited later in order: handled at once so an early failure is not an unhandled rejection. */
function awaitedLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** Hash of a source file together with its metadata sidecar, so editing either re-ingests it. */
export async function sourceHash(file: string): Promise<string> {
  const hash = createHash("sha256");
  await new Promise<void>((resolve, reject) => {
    createReadStream(file).on("data", (chunk) => hash.update(chunk)).on("end", resolve).on("error", reject);
  });
  for (const sidecar of [`${file}.meta.json`, `${file.replace(/\.[^./]+$/, "")}.meta.json`]) {
    try {
      hash.update(await readFile(sidecar));
    } catch {
      // No sidecar under this name: the file alone decides.
    }
  }
  return hash.digest("hex");
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
