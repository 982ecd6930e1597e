import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { Chunk } from "../domain/types.js";
import { Bm25Index } from "./bm25.js";
import type { Embedder } from "./embedders/types.js";
import {
  commitManifest,
  newGenerationName,
  prepareGeneration,
  readManifest,
  removeStaleGenerations,
  writeArraysAtomic,
  writeFileAtomic,
  writePiecesAtomic,
  writeWithAtomicRenameAsync,
  type Manifest,
  type SaveStepHook,
} from "./persist.js";
import { BIGRAM_PREFIX, tokenize } from "./tokenize.js";
import { readLabels, readVectors, VectorIndex, type HnswOptions, type VectorHit } from "./vector-index.js";

export type SearchMode = "hybrid" | "bm25" | "vector";
export type FusionMethod = "rrf" | "weighted";

export interface SearchOptions {
  k?: number;
  /** Keep chunks tagged with any of these canonical zones. */
  zones?: string[];
  /** Keep chunks tagged with any of these years. */
  years?: number[];
  mode?: SearchMode;
  /** How hybrid mode merges the two lists (default "weighted"; see fuseWeighted). */
  fusion?: FusionMethod;
}

export interface SearchHit {
  chunk: Chunk;
  score: number;
  /** 1-based rank in the BM25 list, when the chunk was in it. */
  bm25Rank?: number;
  /** 1-based rank in the vector list, when the chunk was in it. */
  vectorRank?: number;
}

export interface BuildOptions {
  hnsw?: HnswOptions;
  /** Texts per embed call during build. */
  embedBatchSize?: number;
  onProgress?: (embedded: number, total: number) => void;
}

/** Thrown by `SearchIndex.load` when the index was built with a different embedder. */
export class IndexMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "IndexMismatchError";
  }
}

const RRF_K = 60;
/** Filtered vector searches over at most this many chunks are exact (HNSW filtering degrades when few labels pass). */
const EXACT_FILTER_LIMIT = 20_000;
/** Each ranker contributes this many candidates per requested hit to the fusion. */
const CANDIDATES_PER_HIT = 5;
const MIN_CANDIDATES = 50;

const ChunkSchema = z.object({
  id: z.string(),
  articleId: z.string(),
  source: z.string(),
  start: z.number(),
  end: z.number(),
  text: z.string(),
  zones: z.array(z.string()),
  years: z.array(z.number()),
});

const FILES = {
  chunks: "chunks.json", bm25: "bm25.json", bm25Postings: "bm25.u32", embedder: "embedder.json", vectors: "vectors.f32", hnsw: "hnsw.bin",
} as const;
/** Only in indexes whose graph was extended in place (row → HNSW label). */
const LABELS_FILE = "labels.i32";

/**
 * What `writeSearchIndex` persists: a SearchIndex's parts, or ingestion's, whose graph may be held
 * by a worker thread (hence `writeGraph`).
 */
export interface IndexParts {
  chunks: readonly Chunk[];
  bm25: Bm25Index;
  /** Fitted (or restored) embedder whose state goes with the index. */
  embedder: Embedder;
  /** Unit vectors, one row per chunk. */
  vectors: Float32Array;
  /** Row → HNSW label, when the graph was extended in place rather than built in row order. */
  labels?: Int32Array;
  writeGraph(path: string): Promise<void>;
}

/** BM25 + dense-vector search over chunks, fused by a weighted sum of normalised scores by default. */
export class SearchIndex {
  private readonly chunkList: Chunk[];
  private readonly byId: Map<string, number>;
  private readonly bm25: Bm25Index;
  private readonly vectors: VectorIndex;
  private readonly embedder: Embedder;

  private constructor(chunks: Chunk[], bm25: Bm25Index, vectors: VectorIndex, embedder: Embedder) {
    this.chunkList = chunks;
    this.byId = new Map(chunks.map((chunk, i) => [chunk.id, i]));
    this.bm25 = bm25;
    this.vectors = vectors;
    this.embedder = embedder;
  }

  static async build(chunks: Chunk[], embedder: Embedder, options: BuildOptions = {}): Promise<SearchIndex> {
    const texts = chunks.map((chunk) => chunk.text);
    const bm25 = Bm25Index.build(texts.map(tokenize));
    embedder.fit?.(texts);
    const embeddings = await embedInBatches(embedder, texts, options);
    const vectors = VectorIndex.build(embeddings, embedder.dimension, options.hnsw);
    return new SearchIndex([...chunks], bm25, vectors, embedder);
  }

  /**
   * In how many chunks a term occurs (out of `chunks.length`): its rarest segmented word, else its
   * rarest character bigram. Lets callers weigh question terms without scanning the corpus.
   */
  termDocumentFrequency(term: string): number {
    const tokens = tokenize(term);
    const words = tokens.filter((t) => !t.startsWith(BIGRAM_PREFIX));
    const pool = words.length > 0 ? words : tokens;
    if (pool.length === 0) return 0;
    return Math.min(...pool.map((t) => this.bm25.documentFrequency(t)));
  }

  get chunks(): readonly Chunk[] {
    return this.chunkList;
  }

  get embedderId(): string {
    return this.embedder.id;
  }

  chunkById(id: string): Chunk | undefined {
    const index = this.byId.get(id);
    return index === undefined ? undefined : this.chunkList[index];
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const k = options.k ?? 5;
    const mode = options.mode ?? "hybrid";
    const accept = this.filterFor(options);
    const pool = Math.max(k * CANDIDATES_PER_HIT, MIN_CANDIDATES);
    const bm25 = mode === "vector" ? [] : this.bm25Ranking(query, pool, accept);
    const vector = mode === "bm25" ? [] : await this.vectorRanking(query, pool, accept);
    const fused = options.fusion === "rrf" ? fuseRrf(bm25, vector) : fuseWeighted(bm25, vector);
    return fused.slice(0, k).map((entry) => ({ ...entry, chunk: this.chunkList[entry.doc]! })).map(stripDoc);
  }

  private filterFor(options: SearchOptions): ((doc: number) => boolean) | undefined {
    const zones = options.zones && options.zones.length > 0 ? new Set(options.zones) : undefined;
    const years = options.years && options.years.length > 0 ? new Set(options.years) : undefined;
    if (!zones && !years) return undefined;
    return (doc) => {
      const chunk = this.chunkList[doc];
      if (!chunk) return false;
      return (!zones || chunk.zones.some((zone) => zones.has(zone))) && (!years || chunk.years.some((year) => years.has(year)));
    };
  }

  private bm25Ranking(query: string, limit: number, accept?: (doc: number) => boolean): Ranked[] {
    return this.bm25.search(tokenize(query), limit, accept);
  }

  private async vectorRanking(query: string, limit: number, accept?: (doc: number) => boolean): Promise<Ranked[]> {
    if (this.vectors.size === 0) return [];
    const [embedding] = await this.embedder.embed([query]);
    // A query of only stopwords embeds to zeros; cosine against it is undefined (NaN in hnswlib).
    if (!embedding || embedding.every((value) => value === 0)) return [];
    const hits = accept ? this.filteredVectorSearch(embedding, limit, accept) : this.vectors.search(embedding, limit);
    return hits.map((hit) => ({ doc: hit.label, score: hit.score }));
  }

  private filteredVectorSearch(embedding: Float32Array, limit: number, accept: (doc: number) => boolean): VectorHit[] {
    const allowed: number[] = [];
    for (let doc = 0; doc < this.chunkList.length; doc++) if (accept(doc)) allowed.push(doc);
    if (allowed.length <= EXACT_FILTER_LIMIT) return this.vectors.exactSearch(embedding, limit, allowed);
    return this.vectors.search(embedding, limit, accept);
  }

  /**
   * Writes a new generation directory, then swaps the manifest atomically. `onStep` is a
   * test hook called before each step; throwing from it simulates a crash at that point.
   */
  async save(dir: string, options: { onStep?: SaveStepHook } = {}): Promise<void> {
    const vectors = this.vectors;
    const parts: IndexParts = {
      chunks: this.chunkList,
      bm25: this.bm25,
      embedder: this.embedder,
      vectors: vectors.rows(),
      writeGraph: async (path) => vectors.writeGraph(path),
    };
    const labels = vectors.labels();
    if (labels) parts.labels = labels;
    await writeSearchIndex(dir, parts, options);
  }

  /** Loads the generation the manifest names; refuses an index built with another embedder. */
  static async load(dir: string, embedder: Embedder, options: { hnsw?: HnswOptions } = {}): Promise<SearchIndex> {
    const manifest = readManifest(dir);
    assertSameEmbedder(manifest.embedder, embedder, dir);
    const file = (name: keyof typeof FILES): string => join(dir, manifest.generation, manifest.files[name] ?? FILES[name]);
    const chunks = z.array(ChunkSchema).parse(JSON.parse(readFileSync(file("chunks"), "utf8")));
    if (chunks.length !== manifest.chunkCount) {
      throw new Error(`index at ${dir} is inconsistent: manifest says ${manifest.chunkCount} chunks, found ${chunks.length}`);
    }
    const bm25 = readBm25(dir, manifest);
    const saved = EmbedderFileSchema.parse(JSON.parse(readFileSync(file("embedder"), "utf8")));
    assertSameEmbedder(saved, embedder, dir);
    if (saved.state !== null) embedder.restore?.(saved.state);
    const labels = manifest.files.labels === undefined ? undefined : join(dir, manifest.generation, manifest.files.labels);
    const vectors = VectorIndex.readFiles(file("hnsw"), file("vectors"), embedder.dimension, options.hnsw, labels);
    return new SearchIndex(chunks, bm25, vectors, embedder);
  }
}

/** Writes `parts` as a new generation under `dir`, then publishes it by swapping the manifest (see SearchIndex.save). */
export async function writeSearchIndex(dir: string, parts: IndexParts, options: { onStep?: SaveStepHook } = {}): Promise<void> {
  const step = options.onStep ?? (() => {});
  const previous = tryReadManifest(dir)?.generation;
  const generation = newGenerationName();
  const genDir = prepareGeneration(dir, generation);
  step(FILES.chunks);
  writePiecesAtomic(join(genDir, FILES.chunks), jsonArrayPieces(parts.chunks));
  step(FILES.bm25);
  const bm25 = parts.bm25.toFile();
  writeArraysAtomic(join(genDir, FILES.bm25Postings), bm25.data);
  writeFileAtomic(join(genDir, FILES.bm25), JSON.stringify(bm25.header));
  step(FILES.embedder);
  const embedderFile = { id: parts.embedder.id, dimension: parts.embedder.dimension, state: parts.embedder.state?.() ?? null };
  writeFileAtomic(join(genDir, FILES.embedder), JSON.stringify(embedderFile));
  step(FILES.hnsw);
  await writeWithAtomicRenameAsync(join(genDir, FILES.hnsw), parts.writeGraph);
  writeFileAtomic(join(genDir, FILES.vectors), bytesOf(parts.vectors));
  const files: Record<string, string> = { ...FILES };
  if (parts.labels) {
    step(LABELS_FILE);
    writeFileAtomic(join(genDir, LABELS_FILE), bytesOf(parts.labels));
    files.labels = LABELS_FILE;
  }
  step("manifest");
  commitManifest(dir, {
    format: "zonebot-search-index",
    version: 1,
    generation,
    createdAt: new Date().toISOString(),
    embedder: { id: parts.embedder.id, dimension: parts.embedder.dimension },
    chunkCount: parts.chunks.length,
    files,
  });
  step("cleanup");
  removeStaleGenerations(dir, previous ? [generation, previous] : [generation]);
}

/**
 * A saved index read part by part, for ingestion to carry unchanged chunks' tokens and vectors
 * over instead of recomputing them. Nothing is read until asked for.
 */
/** What ingestion needs of a stored chunk to match it to a new one. */
export type StoredChunk = Pick<Chunk, "articleId" | "text">;

export interface StoredIndex {
  embedder: { id: string; dimension: number };
  chunkCount: number;
  /** Article and text of each stored chunk, by row. */
  chunks(): StoredChunk[];
  bm25(): Bm25Index;
  /** What the embedder's `state()` returned at save time (null when it has none). */
  embedderState(): unknown;
  /** Unit vectors, one row per chunk. */
  vectors(): Float32Array;
  /** Row → HNSW label, when not the identity. */
  labels(): Int32Array | undefined;
  graphPath: string;
}

/** The index `dir`'s manifest names; throws when there is none. */
export function openStoredIndex(dir: string): StoredIndex {
  const manifest = readManifest(dir);
  const file = (name: keyof typeof FILES): string => join(dir, manifest.generation, manifest.files[name] ?? FILES[name]);
  const labelsFile = manifest.files.labels;
  const dimension = manifest.embedder.dimension;
  return {
    embedder: manifest.embedder,
    chunkCount: manifest.chunkCount,
    chunks: () => storedChunks(file("chunks"), manifest.chunkCount),
    bm25: () => readBm25(dir, manifest),
    embedderState: () => EmbedderFileSchema.parse(JSON.parse(readFileSync(file("embedder"), "utf8"))).state,
    vectors: () => readVectors(file("vectors"), dimension),
    labels: () => (labelsFile === undefined ? undefined : readLabels(join(dir, manifest.generation, labelsFile))),
    graphPath: file("hnsw"),
  };
}

/** Chunks as saved, checked only for what ingestion reads (a full schema parse copies every object). */
function storedChunks(path: string, count: number): StoredChunk[] {
  const parsed = JSON.parse(readFileSync(path, "utf8")) as unknown;
  if (!Array.isArray(parsed) || parsed.length !== count) throw new Error(`${path} does not hold the ${count} chunks its manifest names`);
  return parsed.map((item: unknown, row) => {
    const chunk = item as Partial<StoredChunk> | null;
    if (typeof chunk?.articleId !== "string" || typeof chunk.text !== "string") throw new Error(`${path}: chunk ${row} has no article id or text`);
    return { articleId: chunk.articleId, text: chunk.text };
  });
}

/** BM25 as saved: a JSON header and binary postings, or (indexes saved before those) one JSON state. */
function readBm25(dir: string, manifest: Manifest): Bm25Index {
  const json = JSON.parse(readFileSync(join(dir, manifest.generation, manifest.files.bm25 ?? FILES.bm25), "utf8")) as unknown;
  const postings = manifest.files.bm25Postings;
  if (postings === undefined) return Bm25Index.fromState(json);
  const bytes = readFileSync(join(dir, manifest.generation, postings));
  if (bytes.length % 4 !== 0) throw new Error(`${postings} does not hold Uint32 values`);
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
  return Bm25Index.fromFile(json, new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.length / 4));
}

function bytesOf(array: Float32Array | Int32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

function* jsonArrayPieces(items: readonly unknown[]): Generator<string> {
  yield "[";
  for (let i = 0; i < items.length; i++) yield (i > 0 ? "," : "") + JSON.stringify(items[i]);
  yield "]";
}

const EmbedderFileSchema = z.object({ id: z.string(), dimension: z.number(), state: z.unknown() });

function assertSameEmbedder(saved: { id: string; dimension: number }, embedder: Embedder, dir: string): void {
  if (saved.id !== embedder.id || saved.dimension !== embedder.dimension) {
    throw new IndexMismatchError(
      `index at ${dir} was built with embedder ${saved.id} (dimension ${saved.dimension}); ` +
        `cannot search it with ${embedder.id} (dimension ${embedder.dimension}) — rebuild the index`,
    );
  }
}

function tryReadManifest(dir: string): Manifest | undefined {
  try {
    return readManifest(dir);
  } catch {
    return undefined;
  }
}

async function embedInBatches(embedder: Embedder, texts: string[], options: BuildOptions): Promise<Float32Array[]> {
  const batchSize = options.embedBatchSize ?? 256;
  const vectors: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += batchSize) {
    vectors.push(...(await embedder.embed(texts.slice(i, i + batchSize))));
    options.onProgress?.(vectors.length, texts.length);
  }
  return vectors;
}

interface Ranked {
  doc: number;
  score: number;
}

interface Fused {
  doc: number;
  score: number;
  bm25Rank?: number;
  vectorRank?: number;
}

/** Reciprocal-rank fusion: scale-free, so BM25 and cosine scores need no calibration. */
export function fuseRrf(bm25: Ranked[], vector: Ranked[]): Fused[] {
  const fused = new Map<number, Fused>();
  const entry = (doc: number): Fused => {
    let item = fused.get(doc);
    if (!item) fused.set(doc, (item = { doc, score: 0 }));
    return item;
  };
  bm25.forEach((hit, i) => {
    const item = entry(hit.doc);
    item.bm25Rank = i + 1;
    item.score += 1 / (RRF_K + i + 1);
  });
  vector.forEach((hit, i) => {
    const item = entry(hit.doc);
    item.vectorRank = i + 1;
    item.score += 1 / (RRF_K + i + 1);
  });
  return sortFused([...fused.values()]);
}

/**
 * Weighted sum of max-normalised scores (BM25 / best BM25, cosine / best cosine). Unlike RRF
 * it keeps how far ahead a strong BM25 match is, so a weak vector ranker cannot outvote it;
 * on the seed eval it matched or beat RRF for every local-embedder dimension tried.
 */
export function fuseWeighted(bm25: Ranked[], vector: Ranked[], bm25Weight = 0.5): Fused[] {
  const fused = new Map<number, Fused>();
  const bestBm25 = bm25[0]?.score || 1;
  const bestVector = vector[0]?.score || 1;
  bm25.forEach((hit, i) => fused.set(hit.doc, { doc: hit.doc, score: (bm25Weight * hit.score) / bestBm25, bm25Rank: i + 1 }));
  vector.forEach((hit, i) => {
    const item = fused.get(hit.doc) ?? { doc: hit.doc, score: 0 };
    item.score += ((1 - bm25Weight) * Math.max(0, hit.score)) / bestVector;
    item.vectorRank = i + 1;
    fused.set(hit.doc, item);
  });
  return sortFused([...fused.values()]);
}

function sortFused(items: Fused[]): Fused[] {
  return items.sort((a, b) => b.score - a.score || a.doc - b.doc);
}

function stripDoc(entry: Fused & { chunk: Chunk }): SearchHit {
  const hit: SearchHit = { chunk: entry.chunk, score: entry.score };
  if (entry.bm25Rank !== undefined) hit.bm25Rank = entry.bm25Rank;
  if (entry.vectorRank !== undefined) hit.vectorRank = entry.vectorRank;
  return hit;
}
