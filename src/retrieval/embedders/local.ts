import { z } from "zod";
import { analyse, charNgrams } from "../tokenize.js";
import { l2Normalise, type Embedder } from "./types.js";

export interface LocalEmbedderOptions {
  /** Output dimension (default 384: at 256, hash collisions measurably blurred rankings on the seed set). */
  dimension?: number;
  /** log2 of the number of document-frequency buckets (default 20 → 1M buckets, 4 MB). */
  dfBucketBits?: number;
}

const VERSION = "v1";

const LocalStateSchema = z.object({
  version: z.literal(VERSION),
  dimension: z.number().int().positive(),
  dfBucketBits: z.number().int().min(8).max(26),
  docCount: z.number().int().nonnegative(),
  /** Document frequencies per hashed feature bucket, little-endian Uint32, base64. */
  df: z.string(),
});
type LocalState = z.infer<typeof LocalStateSchema>;

/**
 * Offline, deterministic embedder: TF-IDF weighted sparse features (jieba words, CJK
 * character bigrams and trigrams) folded into a dense vector by signed feature hashing.
 * It captures lexical overlap on a softer scale than BM25 (partial words, shared n-grams);
 * it has no notion of synonyms. IDF comes from `fit` on the corpus and travels with the index.
 */
export class LocalEmbedder implements Embedder {
  readonly id: string;
  readonly dimension: number;
  private readonly dfBucketBits: number;
  private df: Uint32Array;
  private docCount = 0;

  constructor(options: LocalEmbedderOptions = {}) {
    this.dimension = options.dimension ?? 384;
    this.dfBucketBits = options.dfBucketBits ?? 20;
    this.id = `local-hash-${VERSION}-${this.dimension}`;
    this.df = new Uint32Array(1 << this.dfBucketBits);
  }

  fit(texts: string[]): void {
    this.df = new Uint32Array(1 << this.dfBucketBits);
    this.docCount = texts.length;
    const mask = this.df.length - 1;
    for (const text of texts) {
      for (const feature of new Set(features(text))) this.df[hash(feature, SEED_DF) & mask]! += 1;
    }
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    return texts.map((text) => this.embedOne(text));
  }

  embedOne(text: string): Float32Array {
    const vector = new Float32Array(this.dimension);
    for (const [feature, count] of countFeatures(features(text))) {
      const weight = (1 + Math.log(count)) * this.idf(feature);
      const h = hash(feature, SEED_SLOT);
      const sign = hash(feature, SEED_SIGN) & 1 ? 1 : -1;
      vector[h % this.dimension]! += sign * weight;
    }
    return l2Normalise(vector);
  }

  /** Unfitted embedders weigh every feature equally; unseen features get the highest IDF. */
  private idf(feature: string): number {
    if (this.docCount === 0) return 1;
    const df = this.df[hash(feature, SEED_DF) & (this.df.length - 1)]!;
    return Math.log((this.docCount + 1) / (df + 1)) + 1;
  }

  state(): LocalState {
    const bytes = new Uint8Array(this.df.buffer, this.df.byteOffset, this.df.byteLength);
    return {
      version: VERSION,
      dimension: this.dimension,
      dfBucketBits: this.dfBucketBits,
      docCount: this.docCount,
      df: Buffer.from(bytes).toString("base64"),
    };
  }

  restore(state: unknown): void {
    const parsed = LocalStateSchema.parse(state);
    if (parsed.dimension !== this.dimension || parsed.dfBucketBits !== this.dfBucketBits) {
      throw new Error(`LocalEmbedder state is for dimension ${parsed.dimension}/${parsed.dfBucketBits} bits, not ${this.dimension}/${this.dfBucketBits}`);
    }
    const bytes = Buffer.from(parsed.df, "base64");
    if (bytes.length !== this.df.byteLength) throw new Error("LocalEmbedder state has a document-frequency table of the wrong size");
    this.df = new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
    this.docCount = parsed.docCount;
  }
}

/** Namespaced features so a word and an identical n-gram hash differently. */
function features(text: string): string[] {
  const { words, runs } = analyse(text);
  return [
    ...words.map((word) => `w:${word}`),
    ...charNgrams(runs, 2).map((gram) => `2:${gram}`),
    ...charNgrams(runs, 3).map((gram) => `3:${gram}`),
  ];
}

function countFeatures(list: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const feature of list) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  return counts;
}

const SEED_DF = 0x811c9dc5;
const SEED_SLOT = 0x9747b28c;
const SEED_SIGN = 0x5bd1e995;

/** FNV-1a over UTF-16 code units with a murmur-style finaliser; unsigned 32-bit. */
export function hash(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
