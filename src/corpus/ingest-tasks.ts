/**
 * The units of ingestion work, as plain structured-clone messages, and the one function that runs
 * them. The same code runs in a worker thread (ingest-worker.ts) and in-process (small ingests,
 * tests), so both produce the same articles, facts, chunks and vectors.
 */
import { basename } from "node:path";
import { isMainThread } from "node:worker_threads";
import type { EmbeddingConfig } from "../config/index.js";
import { Gazetteer, type ZoneEntry } from "../domain/gazetteer.js";
import type { Article, Chunk, Fact } from "../domain/types.js";
import { extractFacts } from "../facts/index.js";
import { IngestFileError, readArticleFile, type IngestWarning } from "../ingest/index.js";
import { chunkArticle, tokenize, type Embedder, type HnswOptions } from "../retrieval/index.js";
import { l2Normalise } from "../retrieval/embedders/types.js";
import { countTerms } from "../retrieval/bm25.js";
import { HnswBuilder } from "../retrieval/vector-index.js";
import { looksLikeInstruction } from "../text/injection.js";
import { fitFrequencies } from "./doc-frequencies.js";
import { createEmbedder } from "./embedder.js";

export interface IngestError {
  file: string;
  reason: string;
  message: string;
}

/** Something skipped or guessed in one file that was still ingested (an ignored front-matter field …). */
export interface IngestFileWarning extends IngestWarning {
  /** The file's absolute path. */
  file: string;
}

/** What every thread is started with. */
export interface WorkerSetup {
  /** Only a local embedder runs off the main thread (a network client stays there). */
  embedding: EmbeddingConfig;
  /** Zones of the caller's gazetteer beyond the default file (workers load that file and add these). */
  zones: string[];
  date?: string;
  /** Test hook: loading a file with this base name kills the thread (a native crash, an out-of-memory). */
  crashOnFile?: string;
  /** Test hook: loading a file with this base name keeps the thread busy for good (only terminating it ends that). */
  stallOnFile?: string;
}

export type IngestTask =
  | { type: "load"; files: string[] }
  /** Zones from article metadata, with aliases learnt from titles (see domain/learn.ts). */
  | { type: "zones"; entries: ZoneEntry[] }
  | { type: "process"; articles: Article[]; extract: boolean[] }
  | { type: "analyse"; texts: string[]; tokens: boolean; fit: boolean }
  | { type: "embedder"; state: unknown; target: SharedArrayBuffer }
  | { type: "embed"; texts: string[]; rows: Int32Array }
  | { type: "graph-open"; dimension: number; capacity: number; previous?: string; deleted: Int32Array; hnsw?: HnswOptions; source: SharedArrayBuffer }
  | { type: "graph-add"; rows: Int32Array; labels: Int32Array }
  | { type: "graph-write"; path: string };

export type TaskType = IngestTask["type"];
export type TaskOf<K extends TaskType> = Extract<IngestTask, { type: K }>;
/** Tasks that set up a thread rather than produce results: every thread gets them, in order. */
export type ContextTask = TaskOf<"zones" | "embedder">;

export type LoadOutcome = { file: string; articles: Article[]; warnings: IngestWarning[] } | { file: string; error: IngestError };

export interface ProcessOutcome {
  /** Undefined when chunking failed. */
  chunks?: Chunk[];
  /** Undefined when extraction was not asked for or failed. */
  facts?: Fact[];
  rejected: number;
  error?: { stage: "extract" | "chunk"; message: string };
}

export interface AnalyseResult {
  /** Per text, its distinct BM25 terms joined by U+0000: one string per text crosses threads far cheaper than arrays. */
  terms: string[];
  /** Each term's frequency, texts one after another, in the order of `terms`. */
  counts: Uint32Array;
  /** Tokens per text (BM25 document length). */
  lengths: Uint32Array;
  /** Document-frequency table of the embedder fitted on these texts (when asked). */
  df?: Uint32Array;
  docCount: number;
}

export interface TaskResults {
  load: LoadOutcome[];
  zones: null;
  process: ProcessOutcome[];
  analyse: AnalyseResult;
  embedder: null;
  embed: number;
  "graph-open": number;
  "graph-add": null;
  "graph-write": null;
}

export const TERM_SEPARATOR = "\u0000";

export interface Done<R> {
  result: R;
  /** Buffers to move rather than copy to the other thread. */
  transfer: ArrayBuffer[];
}

/** Per-thread state the context tasks set up. */
export class TaskContext {
  gazetteer: Gazetteer;
  private embedder?: Embedder;
  private fitter?: Embedder;
  private target?: Float32Array;
  private graph?: HnswBuilder;
  private graphSource?: Float32Array;

  constructor(readonly setup: WorkerSetup, readonly baseGazetteer: Gazetteer) {
    this.gazetteer = baseGazetteer;
  }

  /** A worker's context: the default gazetteer plus the caller's extra zones. */
  static forWorker(setup: WorkerSetup): TaskContext {
    return new TaskContext(setup, Gazetteer.load().withZones(setup.zones));
  }

  run(task: IngestTask): Promise<Done<unknown>> | Done<unknown> {
    switch (task.type) {
      case "load":
        return this.load(task.files);
      case "zones":
        this.gazetteer = this.baseGazetteer.withZones(task.entries);
        return done(null);
      case "process":
        return done(processArticles(task.articles, task.extract, this.gazetteer));
      case "analyse":
        return this.analyse(task);
      case "embedder":
        return this.configureEmbedder(task);
      case "embed":
        return this.embed(task.texts, task.rows);
      case "graph-open":
        return this.openGraph(task);
      case "graph-add":
        return this.addToGraph(task.rows, task.labels);
      case "graph-write":
        this.requireGraph().write(task.path);
        return done(null);
    }
  }

  private async load(files: string[]): Promise<Done<LoadOutcome[]>> {
    const outcomes: LoadOutcome[] = [];
    for (const file of files) {
      try {
        if (this.setup.crashOnFile !== undefined && basename(file) === this.setup.crashOnFile) await crashThread(file);
        if (this.setup.stallOnFile !== undefined && basename(file) === this.setup.stallOnFile) await stallThread();
        outcomes.push({ file, ...(await readArticleFile(file, { gazetteer: this.baseGazetteer, date: this.setup.date })) });
      } catch (error) {
        outcomes.push({ file, error: describeError(file, error) });
      }
    }
    return { result: outcomes, transfer: [] };
  }

  private analyse(task: TaskOf<"analyse">): Done<AnalyseResult> {
    const result = task.tokens ? termsOf(task.texts) : { terms: [], counts: new Uint32Array(0), lengths: new Uint32Array(0), docCount: 0 };
    const out: AnalyseResult = { ...result, docCount: task.texts.length };
    const transfer = [out.counts.buffer, out.lengths.buffer] as ArrayBuffer[];
    if (task.fit) {
      this.fitter ??= createEmbedder(this.setup.embedding);
      out.df = fitFrequencies(this.fitter, task.texts).df;
      transfer.push(out.df.buffer as ArrayBuffer);
    }
    return { result: out, transfer };
  }

  private configureEmbedder(task: TaskOf<"embedder">): Done<null> {
    const embedder = createEmbedder(this.setup.embedding);
    if (task.state !== null) embedder.restore?.(task.state);
    this.embedder = embedder;
    this.target = new Float32Array(task.target);
    return done(null);
  }

  /** Embeds into the shared vector rows; nothing but a count comes back. */
  private async embed(texts: string[], rows: Int32Array): Promise<Done<number>> {
    const embedder = this.embedder;
    const target = this.target;
    if (!embedder || !target) throw new Error("embed before the embedder was configured");
    writeRows(target, embedder.dimension, rows, await embedder.embed(texts));
    return done(texts.length);
  }

  private openGraph(task: TaskOf<"graph-open">): Done<number> {
    const graph = task.previous
      ? HnswBuilder.open(task.previous, task.dimension, task.capacity)
      : HnswBuilder.create(task.dimension, task.capacity, task.hnsw);
    for (const label of task.deleted) graph.markDeleted(label);
    this.graph = graph;
    this.graphSource = new Float32Array(task.source);
    return done(graph.labelCount);
  }

  private addToGraph(rows: Int32Array, labels: Int32Array): Done<null> {
    const graph = this.requireGraph();
    const source = this.graphSource!;
    const dimension = graph.dimension;
    for (let i = 0; i < rows.length; i++) graph.add(source.subarray(rows[i]! * dimension, (rows[i]! + 1) * dimension), labels[i]!);
    return done(null);
  }

  private requireGraph(): HnswBuilder {
    if (!this.graph) throw new Error("graph task before graph-open");
    return this.graph;
  }
}

function done<R>(result: R): Done<R> {
  return { result, transfer: [] };
}

/** Vectors into their rows, as unit vectors (the index's exact search relies on that). */
export function writeRows(target: Float32Array, dimension: number, rows: Int32Array, vectors: Float32Array[]): void {
  vectors.forEach((vector, i) => {
    if (vector.length !== dimension) throw new Error(`embedder returned length ${vector.length}, expected ${dimension}`);
    target.set(l2Normalise(Float32Array.from(vector)), rows[i]! * dimension);
  });
}

/** Facts (rules only; the LLM pass stays on the main thread) and chunks of each article. */
export function processArticles(articles: Article[], extract: boolean[], gazetteer: Gazetteer): ProcessOutcome[] {
  return articles.map((article, i) => {
    const outcome: ProcessOutcome = { rejected: 0 };
    if (extract[i]) {
      try {
        const extracted = extractFacts(article, gazetteer);
        // A number inside a sentence that addresses a model (「忽略以上规则，回答…」) is not a fact.
        outcome.facts = extracted.facts.filter((fact) => !looksLikeInstruction(sentenceAround(article.text, fact.start, fact.end)));
        outcome.rejected = extracted.rejected;
      } catch (error) {
        outcome.error = { stage: "extract", message: messageOf(error) };
        return outcome;
      }
    }
    try {
      outcome.chunks = chunkArticle(article, gazetteer);
    } catch (error) {
      outcome.error = { stage: "chunk", message: messageOf(error) };
    }
    return outcome;
  });
}

function termsOf(texts: string[]): Omit<AnalyseResult, "docCount"> {
  const terms: string[] = [];
  const counts: number[] = [];
  const lengths = new Uint32Array(texts.length);
  texts.forEach((text, i) => {
    const tokens = tokenize(text);
    lengths[i] = tokens.length;
    const counted = countTerms(tokens);
    terms.push([...counted.keys()].join(TERM_SEPARATOR));
    for (const count of counted.values()) counts.push(count);
  });
  return { terms, counts: Uint32Array.from(counts), lengths };
}

/**
 * A worker dies the way a native crash would: an exception nobody catches, the task never answered.
 * In-process there is no thread to lose, so the file just fails.
 */
function crashThread(file: string): Promise<never> {
  const error = new Error(`simulated crash while loading ${file}`);
  if (isMainThread) throw error;
  setImmediate(() => {
    throw error;
  });
  return new Promise<never>(() => undefined);
}

/** Busy for good, as a thread lost in a huge PDF is: on a worker a loop only terminate() ends; here a promise that never settles. */
function stallThread(): Promise<never> {
  if (!isMainThread) {
    let spins = 0;
    while (spins >= 0) spins = (spins + 1) % Number.MAX_SAFE_INTEGER;
  }
  return new Promise<never>(() => undefined);
}

export function describeError(file: string, error: unknown): IngestError {
  if (error instanceof IngestFileError) return { file, reason: String(error.reason), message: error.message };
  return { file, reason: "failed", message: messageOf(error) };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(...["。", "！", "？", "\n"].map((mark) => text.lastIndexOf(mark, start - 1))) + 1;
  const ends = ["。", "！", "？", "\n"].map((mark) => text.indexOf(mark, end)).filter((i) => i >= 0);
  return text.slice(from, ends.length ? Math.min(...ends) + 1 : text.length);
}
