import { z } from "zod";
import type { Embedder } from "../retrieval/index.js";

/**
 * The local embedder's fitted state is a document-frequency table (hashed feature buckets) and a
 * document count. Both are sums over documents, so tables fitted on parts of a corpus add up to the
 * table fitted on all of it, and removing documents is a subtraction. That lets workers fit slices
 * in parallel and lets an incremental ingest update the IDF from the changed chunks alone.
 */
const FittedStateSchema = z.looseObject({
  docCount: z.number().int().nonnegative(),
  /** Little-endian Uint32 counts, base64. */
  df: z.string(),
});

export interface DocumentFrequencies {
  df: Uint32Array;
  docCount: number;
}

/** The table inside an embedder state; throws when the state has another shape. */
export function frequenciesOf(state: unknown): DocumentFrequencies {
  const parsed = FittedStateSchema.parse(state);
  const bytes = Buffer.from(parsed.df, "base64");
  if (bytes.length % 4 !== 0) throw new Error("embedder state: document-frequency table is not whole Uint32 values");
  return { df: new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)), docCount: parsed.docCount };
}

/** `template` (a state of the same embedder) with its table and count replaced. */
export function withFrequencies(template: unknown, frequencies: DocumentFrequencies): unknown {
  const parsed = FittedStateSchema.parse(template);
  const { df, docCount } = frequencies;
  return { ...parsed, docCount, df: Buffer.from(df.buffer, df.byteOffset, df.byteLength).toString("base64") };
}

/** Adds (sign 1) or removes (sign -1) a partial table in place. */
export function accumulate(total: DocumentFrequencies, part: DocumentFrequencies, sign: 1 | -1): void {
  if (part.df.length !== total.df.length) throw new Error(`document-frequency tables differ in size (${part.df.length} vs ${total.df.length})`);
  for (let i = 0; i < part.df.length; i++) {
    const count = part.df[i]!;
    if (count !== 0) total.df[i] = total.df[i]! + sign * count;
  }
  total.docCount += sign * part.docCount;
}

/** What `embedder.fit(texts)` learns, without touching `embedder` (fit resets whatever it held). */
export function fitFrequencies(fitter: Embedder, texts: string[]): DocumentFrequencies {
  if (!fitter.fit || !fitter.state) throw new Error(`embedder ${fitter.id} has no fitted state`);
  fitter.fit(texts);
  return frequenciesOf(fitter.state());
}

/** Whether ingestion can fit this embedder in slices (its state is a document-frequency table). */
export function hasFrequencyState(embedder: Embedder): boolean {
  if (!embedder.fit || !embedder.state) return false;
  return FittedStateSchema.safeParse(embedder.state()).success;
}
