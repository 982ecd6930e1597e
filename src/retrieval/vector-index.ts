import { readFileSync, writeFileSync } from "node:fs";
import hnswlib from "hnswlib-node";
import { l2Normalise } from "./embedders/types.js";

// hnswlib-node is CommonJS: named ESM imports come out undefined, so take it off the default export.
const { HierarchicalNSW } = hnswlib;
type Hnsw = InstanceType<typeof HierarchicalNSW>;

export interface VectorHit {
  /** Position of the vector in the array given to `build`. */
  label: number;
  /** Cosine similarity (1 = same direction). */
  score: number;
}

export interface HnswOptions {
  m?: number;
  efConstruction?: number;
  /** Search-time beam width; raised to k when k is larger. */
  efSearch?: number;
  randomSeed?: number;
}

// efSearch 200: recall@10 0.94 → ≥ 0.95 at 100k chunks (bench), still hundreds of times faster than exact.
const DEFAULT_HNSW: Required<HnswOptions> = { m: 16, efConstruction: 200, efSearch: 200, randomSeed: 100 };

/**
 * Cosine k-NN over unit vectors: an HNSW graph for speed plus the raw vectors for exact
 * search (used for small filtered subsets and to measure HNSW recall).
 */
export class VectorIndex {
  readonly dimension: number;
  private readonly flat: Float32Array;
  private readonly hnsw: Hnsw;
  private readonly efSearch: number;

  private constructor(dimension: number, flat: Float32Array, hnsw: Hnsw, efSearch: number) {
    this.dimension = dimension;
    this.flat = flat;
    this.hnsw = hnsw;
    this.efSearch = efSearch;
  }

  get size(): number {
    return this.flat.length / this.dimension;
  }

  static build(vectors: Float32Array[], dimension: number, options: HnswOptions = {}): VectorIndex {
    const settings = { ...DEFAULT_HNSW, ...options };
    const flat = new Float32Array(vectors.length * dimension);
    vectors.forEach((vector, label) => {
      if (vector.length !== dimension) throw new Error(`vector ${label} has length ${vector.length}, expected ${dimension}`);
      flat.set(l2Normalise(Float32Array.from(vector)), label * dimension);
    });
    const hnsw = new HierarchicalNSW("cosine", dimension);
    // hnswlib refuses maxElements 0; an empty index simply never gets searched.
    hnsw.initIndex({ maxElements: Math.max(1, vectors.length), m: settings.m, efConstruction: settings.efConstruction, randomSeed: settings.randomSeed });
    for (let label = 0; label < vectors.length; label++) hnsw.addPoint(Array.from(row(flat, dimension, label)), label);
    return new VectorIndex(dimension, flat, hnsw, settings.efSearch);
  }

  /** Approximate nearest neighbours via HNSW; `accept` filters labels during the graph walk. */
  search(query: Float32Array, k: number, accept?: (label: number) => boolean): VectorHit[] {
    const limit = Math.min(k, this.size);
    if (limit <= 0) return [];
    this.hnsw.setEf(Math.max(this.efSearch, limit));
    const point = Array.from(l2Normalise(Float32Array.from(query)));
    const result = accept ? this.hnsw.searchKnn(point, limit, accept) : this.hnsw.searchKnn(point, limit);
    return result.neighbors.map((label, i) => ({ label, score: 1 - result.distances[i]! }));
  }

  /** Brute-force cosine search over every vector (or only `labels`). */
  exactSearch(query: Float32Array, k: number, labels?: Iterable<number>): VectorHit[] {
    const unit = l2Normalise(Float32Array.from(query));
    const top = new TopK(k);
    const candidates = labels ?? range(this.size);
    for (const label of candidates) top.offer(label, dot(unit, this.flat, label * this.dimension));
    return top.sorted();
  }

  /** Writes the HNSW graph and the raw vectors to the given paths. */
  writeFiles(hnswPath: string, vectorsPath: string): void {
    this.hnsw.writeIndexSync(hnswPath);
    writeFileSync(vectorsPath, new Uint8Array(this.flat.buffer, this.flat.byteOffset, this.flat.byteLength));
  }

  static readFiles(hnswPath: string, vectorsPath: string, dimension: number, options: HnswOptions = {}): VectorIndex {
    const bytes = readFileSync(vectorsPath);
    if (bytes.length % (4 * dimension) !== 0) throw new Error(`${vectorsPath} does not hold ${dimension}-dimensional float32 vectors`);
    const flat = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
    const hnsw = new HierarchicalNSW("cosine", dimension);
    hnsw.readIndexSync(hnswPath);
    const count = flat.length / dimension;
    if (count > 0 && hnsw.getCurrentCount() !== count) {
      throw new Error(`HNSW index holds ${hnsw.getCurrentCount()} vectors but ${vectorsPath} holds ${count}`);
    }
    return new VectorIndex(dimension, flat, hnsw, options.efSearch ?? DEFAULT_HNSW.efSearch);
  }
}

function row(flat: Float32Array, dimension: number, label: number): Float32Array {
  return flat.subarray(label * dimension, (label + 1) * dimension);
}

function dot(unit: Float32Array, flat: Float32Array, offset: number): number {
  let sum = 0;
  for (let i = 0; i < unit.length; i++) sum += unit[i]! * flat[offset + i]!;
  return sum;
}

function* range(n: number): Generator<number> {
  for (let i = 0; i < n; i++) yield i;
}

/** Keeps the k best (label, score) pairs; ties go to the lower label for determinism. */
class TopK {
  private readonly items: VectorHit[] = [];
  constructor(private readonly k: number) {}

  offer(label: number, score: number): void {
    if (this.k <= 0) return;
    const worst = this.items[this.items.length - 1];
    if (this.items.length >= this.k && worst && !better(score, label, worst)) return;
    let i = this.items.length;
    while (i > 0 && better(score, label, this.items[i - 1]!)) i--;
    this.items.splice(i, 0, { label, score });
    if (this.items.length > this.k) this.items.pop();
  }

  sorted(): VectorHit[] {
    return [...this.items];
  }
}

function better(score: number, label: number, other: VectorHit): boolean {
  return score > other.score || (score === other.score && label < other.label);
}
