/**
 * The search index of a new generation, built from what changed:
 *
 *   rows      chunks in article order; a chunk whose article and text are unchanged carries over its
 *             previous row (BM25 postings, vector, HNSW label), the rest are fresh
 *   IDF       the local embedder's document frequencies: previous table + fresh chunks − removed ones
 *             (exact, since they are counts); fitted in slices by the workers, first, as embedding needs it
 *   BM25      carried postings renumbered + fresh chunks tokenised (in workers, queued behind embedding:
 *             they fill the time the graph thread needs to catch up)
 *   vectors   fresh chunks embedded into a shared buffer by the workers; carried rows copied. Carried
 *             vectors were embedded with an older IDF: once the chunks added or removed since the last
 *             full embedding pass REFIT_SHARE of the corpus, every chunk is embedded again
 *   HNSW      the previous graph extended in place (deleted points marked, fresh ones added under new
 *             labels) unless too much of it is dead or the vectors were all re-embedded; then rebuilt,
 *             in row order, on a thread of its own while embedding is still going
 */
import { copyFileSync } from "node:fs";
import type { Chunk } from "../domain/types.js";
import { Bm25Builder } from "../retrieval/bm25.js";
import type { Embedder, HnswOptions } from "../retrieval/index.js";
import type { IndexParts, StoredChunk, StoredIndex } from "../retrieval/hybrid.js";
import { accumulate, frequenciesOf, hasFrequencyState, withFrequencies, type DocumentFrequencies } from "./doc-frequencies.js";
import { TERM_SEPARATOR, writeRows, type AnalyseResult } from "./ingest-tasks.js";
import type { TaskRunner } from "./pool.js";
import type { VectorsMeta } from "./previous.js";

/** Re-embed everything once this share of chunks was added or removed since the last full pass. */
export const REFIT_SHARE = 0.1;
/** Rebuild the graph rather than extend it once this share of its points would be deleted ones. */
const MAX_DELETED_SHARE = 0.1;
/** Each fitted slice yields a 4 MB table: big slices keep that churn down. */
const FIT_BATCH = 2500;
const TOKENISE_BATCH = 500;
const EMBED_BATCH = 400;

export type GraphMode = "rebuilt" | "extended" | "reused";
export type SearchPhase = "fit" | "embed" | "bm25" | "graph";

export interface SearchBuildStats {
  /** Chunks embedded in this build (the rest reused their stored vectors). */
  embedded: number;
  /** Chunks whose BM25 postings and vector came from the previous index. */
  carried: number;
  graph: GraphMode;
  vectorsMeta: VectorsMeta;
}

export interface SearchBuildInput {
  chunks: Chunk[];
  /** The previous index when it was built with the same embedder (id and dimension). */
  previous?: { index: StoredIndex; vectors?: VectorsMeta };
  /** The embedder the generation is built with; left fitted/restored for the index's state. */
  embedder: Embedder;
  hnsw?: HnswOptions;
  /** Runner for tokenising, fitting and local embedding of `units` chunks (in-process when few). */
  runner(units: number): Promise<TaskRunner>;
  /** Runner holding the HNSW graph while it is built (a thread of its own for a big build). */
  graphRunner(points: number): Promise<TaskRunner>;
  onProgress?(phase: SearchPhase, done: number, total: number): void;
}

export interface SearchBuild {
  parts: IndexParts;
  stats: SearchBuildStats;
}

export interface RowPlan {
  /** Per row, the previous row it carries over, or -1 when fresh. */
  carriedFrom: Int32Array;
  /** Per previous row, its new row, or -1 when gone. */
  docMap: Int32Array;
  fresh: number[];
  removed: number[];
}

/** Matches chunks to the previous index by article and text (ids shift when a chunk is inserted before them). */
export function planRows(chunks: readonly StoredChunk[], previous: readonly StoredChunk[]): RowPlan {
  // article → text → previous rows (two levels: no concatenated key string per chunk).
  const waiting = new Map<string, Map<string, number[]>>();
  previous.forEach((chunk, row) => {
    let texts = waiting.get(chunk.articleId);
    if (!texts) waiting.set(chunk.articleId, (texts = new Map()));
    const rows = texts.get(chunk.text);
    if (rows) rows.push(row);
    else texts.set(chunk.text, [row]);
  });
  const carriedFrom = new Int32Array(chunks.length).fill(-1);
  const docMap = new Int32Array(previous.length).fill(-1);
  const fresh: number[] = [];
  chunks.forEach((chunk, row) => {
    const old = waiting.get(chunk.articleId)?.get(chunk.text)?.shift();
    if (old === undefined) {
      fresh.push(row);
      return;
    }
    carriedFrom[row] = old;
    docMap[old] = row;
  });
  const removed: number[] = [];
  docMap.forEach((row, old) => {
    if (row < 0) removed.push(old);
  });
  return { carriedFrom, docMap, fresh, removed };
}

/**
 * Builds everything but the graph file: `parts.writeGraph` waits for the graph thread, so the caller
 * can write the store and the other index files while the graph is still being built.
 */
export async function buildSearchIndex(input: SearchBuildInput): Promise<SearchBuild> {
  const { chunks, embedder } = input;
  const previousChunks = input.previous?.index.chunks() ?? [];
  const plan = planRows(chunks, previousChunks);
  const removedTexts = plan.removed.map((row) => previousChunks[row]!.text);
  previousChunks.length = 0;

  const fitting = hasFrequencyState(embedder) ? "slices" : embedder.fit ? "whole" : "none";
  if (fitting === "slices") restoreFrequencies(embedder, input.previous?.index, await fitChanges(input, plan.fresh, removedTexts));
  if (fitting === "whole") embedder.fit!(chunks.map((chunk) => chunk.text));

  const previousStale = input.previous?.vectors?.stale ?? 0;
  const stale = fitting === "slices" ? previousStale + plan.fresh.length + plan.removed.length : 0;
  const refit = !input.previous || fitting === "whole" || stale > REFIT_SHARE * chunks.length;
  const embedRows = refit ? chunks.map((_, row) => row) : plan.fresh;
  const flat = new Float32Array(new SharedArrayBuffer(chunks.length * embedder.dimension * 4));
  if (!refit && input.previous) copyCarriedVectors(flat, input.previous.index.vectors(), plan.carriedFrom, embedder.dimension);

  const graph = await openGraph(input, plan, refit, flat);
  const embedding = await startEmbedding(input, fitting === "slices", embedRows, flat, graph);
  const bm25 = new Bm25Builder(chunks.length);
  if (input.previous) bm25.carryOver(input.previous.index.bm25(), plan.docMap);
  await tokenise(input, plan.fresh, bm25);
  await embedding.done;
  const parts: IndexParts = {
    chunks,
    bm25: bm25.finish(),
    embedder,
    vectors: flat,
    writeGraph: async (path) => {
      await graph.finish();
      await graph.write(path);
    },
  };
  if (graph.labels) parts.labels = graph.labels;
  return {
    parts,
    stats: {
      embedded: embedRows.length,
      carried: chunks.length - plan.fresh.length,
      graph: graph.mode,
      vectorsMeta: { stale: refit ? 0 : stale, graphPoints: graph.points },
    },
  };
}

/** Document frequencies of the fresh chunks minus those of the removed ones (undefined when none changed). */
async function fitChanges(input: SearchBuildInput, fresh: number[], removedTexts: string[]): Promise<DocumentFrequencies | undefined> {
  const total = fresh.length + removedTexts.length;
  const runner = await input.runner(total);
  const slices = [
    ...sliced(fresh, FIT_BATCH).map((rows) => ({ texts: rows.map((row) => input.chunks[row]!.text), sign: 1 as const })),
    ...sliced(removedTexts, FIT_BATCH).map((texts) => ({ texts, sign: -1 as const })),
  ];
  const results = slices.map((slice) => awaitedLater(runner.run({ type: "analyse", texts: slice.texts, tokens: false, fit: true })));
  let frequencies: DocumentFrequencies | undefined;
  let done = 0;
  for (const [i, slice] of slices.entries()) {
    const result = await results[i]!;
    frequencies ??= { df: new Uint32Array(result.df!.length), docCount: 0 };
    accumulate(frequencies, { df: result.df!, docCount: result.docCount }, slice.sign);
    done += slice.texts.length;
    input.onProgress?.("fit", done, total);
  }
  return frequencies;
}

/** BM25 postings of the fresh chunks, added in batch order so the index comes out the same however batches ran. */
async function tokenise(input: SearchBuildInput, fresh: number[], bm25: Bm25Builder): Promise<void> {
  const runner = await input.runner(fresh.length);
  const batches = sliced(fresh, TOKENISE_BATCH).map((rows) =>
    awaitedLater(runner.run({ type: "analyse", texts: rows.map((row) => input.chunks[row]!.text), tokens: true, fit: false }).then((result) => ({ rows, result }))),
  );
  let done = 0;
  for (const batch of batches) {
    const { rows, result } = await batch;
    addPostings(bm25, rows, result);
    done += rows.length;
    input.onProgress?.("bm25", done, fresh.length);
  }
}

function addPostings(bm25: Bm25Builder, rows: number[], result: AnalyseResult): void {
  let offset = 0;
  rows.forEach((row, i) => {
    const terms = result.terms[i] ? result.terms[i]!.split(TERM_SEPARATOR) : [];
    bm25.addTerms(row, terms, result.counts.subarray(offset, offset + terms.length), result.lengths[i]!);
    offset += terms.length;
  });
}

/** The embedder's IDF table: the previous one (or an empty one) plus the change. */
function restoreFrequencies(embedder: Embedder, previous: StoredIndex | undefined, change: DocumentFrequencies | undefined): void {
  const template = embedder.state!();
  const total = previous ? frequenciesOf(previous.embedderState()) : frequenciesOf(template);
  if (change) accumulate(total, change, 1);
  embedder.restore!(withFrequencies(template, total));
}

function copyCarriedVectors(flat: Float32Array, previous: Float32Array, carriedFrom: Int32Array, dimension: number): void {
  carriedFrom.forEach((old, row) => {
    if (old >= 0) flat.set(previous.subarray(old * dimension, (old + 1) * dimension), row * dimension);
  });
}

interface GraphPlan {
  mode: GraphMode;
  /** Row → label when not the identity. */
  labels?: Int32Array;
  points: number;
  /** Called as embedding completes: every row below `ready` has its vector. */
  advance(ready: number): Promise<void>;
  finish(): Promise<void>;
  write(path: string): Promise<void>;
}

async function openGraph(input: SearchBuildInput, plan: RowPlan, refit: boolean, flat: Float32Array): Promise<GraphPlan> {
  const previous = input.previous;
  const rows = input.chunks.length;
  if (previous && !refit) {
    const oldLabels = previous.index.labels();
    const points = previous.vectors?.graphPoints ?? previous.index.chunkCount;
    const deleted = points - previous.index.chunkCount + plan.removed.length;
    if (deleted <= MAX_DELETED_SHARE * rows) return extendGraph(input, plan, flat, { oldLabels, points, graphPath: previous.index.graphPath });
  }
  return rebuildGraph(input, flat);
}

function extendGraph(
  input: SearchBuildInput,
  plan: RowPlan,
  flat: Float32Array,
  old: { oldLabels: Int32Array | undefined; points: number; graphPath: string },
): GraphPlan {
  const labelOf = (oldRow: number): number => (old.oldLabels ? old.oldLabels[oldRow]! : oldRow);
  const labels = new Int32Array(input.chunks.length);
  plan.carriedFrom.forEach((oldRow, row) => {
    if (oldRow >= 0) labels[row] = labelOf(oldRow);
  });
  plan.fresh.forEach((row, i) => {
    labels[row] = old.points + i;
  });
  const identity = labels.every((label, row) => label === row) && old.points === plan.carriedFrom.length - plan.fresh.length;
  const common = { labels: identity ? undefined : labels, points: old.points + plan.fresh.length, advance: async () => {} };
  if (plan.fresh.length === 0 && plan.removed.length === 0) {
    return { ...common, mode: "reused", finish: async () => {}, write: async (path) => copyFileSync(old.graphPath, path) };
  }
  let runner: TaskRunner | undefined;
  return {
    ...common,
    mode: "extended",
    finish: async () => {
      runner = await input.graphRunner(plan.fresh.length);
      const deleted = Int32Array.from(plan.removed, labelOf);
      await runner.run({ type: "graph-open", dimension: input.embedder.dimension, capacity: plan.fresh.length, previous: old.graphPath, deleted, source: flat.buffer as SharedArrayBuffer });
      const rows = Int32Array.from(plan.fresh);
      await runner.run({ type: "graph-add", rows, labels: rows.map((row) => labels[row]!) });
      input.onProgress?.("graph", plan.fresh.length, plan.fresh.length);
    },
    write: async (path) => {
      await runner!.run({ type: "graph-write", path });
    },
  };
}

/** A new graph, rows added in order as soon as their vectors exist, on the graph runner's thread. */
async function rebuildGraph(input: SearchBuildInput, flat: Float32Array): Promise<GraphPlan> {
  const rows = input.chunks.length;
  const runner = await input.graphRunner(rows);
  const opened = runner.run({ type: "graph-open", dimension: input.embedder.dimension, capacity: rows, deleted: new Int32Array(0), hnsw: input.hnsw, source: flat.buffer as SharedArrayBuffer });
  const pending: Promise<unknown>[] = [awaitedLater(opened)];
  let added = 0;
  const advance = async (ready: number): Promise<void> => {
    for (let from = added; from < ready; from += EMBED_BATCH) {
      const range = Int32Array.from({ length: Math.min(EMBED_BATCH, ready - from) }, (_, i) => from + i);
      pending.push(awaitedLater(runner.run({ type: "graph-add", rows: range, labels: range }).then(() => input.onProgress?.("graph", range[range.length - 1]! + 1, rows))));
    }
    added = Math.max(added, ready);
  };
  return {
    mode: "rebuilt",
    points: rows,
    advance,
    finish: async () => {
      await advance(rows);
      await Promise.all(pending);
    },
    write: async (path) => {
      await runner.run({ type: "graph-write", path });
    },
  };
}

/**
 * Queues every embedding batch (so work queued after it waits), then resolves with a promise that
 * settles once all are done, feeding the graph each time a longer prefix of rows is complete.
 */
async function startEmbedding(input: SearchBuildInput, inWorkers: boolean, rows: number[], flat: Float32Array, graph: GraphPlan): Promise<{ done: Promise<void> }> {
  const batches = sliced(rows, EMBED_BATCH);
  const texts = (batch: number[]): string[] => batch.map((row) => input.chunks[row]!.text);
  let embedBatch: (batch: number[]) => Promise<unknown>;
  if (inWorkers && rows.length > 0) {
    const runner = await input.runner(rows.length);
    await runner.configure({ type: "embedder", state: input.embedder.state?.() ?? null, target: flat.buffer as SharedArrayBuffer });
    embedBatch = (batch) => runner.run({ type: "embed", texts: texts(batch), rows: Int32Array.from(batch) });
  } else {
    // A remote embedder is a network client: it stays on this thread, one batch at a time.
    let chain: Promise<unknown> = Promise.resolve();
    embedBatch = (batch) => (chain = chain.then(async () => writeRows(flat, input.embedder.dimension, Int32Array.from(batch), await input.embedder.embed(texts(batch)))));
  }
  const running = batches.map((batch) => awaitedLater(embedBatch(batch)));
  const finished = (async () => {
    let done = 0;
    for (const [i, batch] of batches.entries()) {
      await running[i];
      done += batch.length;
      input.onProgress?.("embed", done, rows.length);
      await graph.advance(batches[i + 1]?.[0] ?? input.chunks.length);
    }
    await graph.advance(input.chunks.length);
  })();
  return { done: awaitedLater(finished) };
}

/**
 * A promise started now and awaited later, after others: mark it handled at once so that if it fails
 * while an earlier one is still awaited, Node does not report (and die of) an unhandled rejection.
 */
function awaitedLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

function sliced<T>(items: readonly T[], size: number): T[][] {
  const slices: T[][] = [];
  for (let i = 0; i < items.length; i += size) slices.push(items.slice(i, i + size));
  return slices;
}
