/** Turns texts into dense vectors. Implementations must return vectors of length `dimension`. */
export interface Embedder {
  /** Identifies the vector space: indexes built with one id cannot be searched with another. */
  readonly id: string;
  readonly dimension: number;
  /** Learns corpus statistics (e.g. IDF) before the corpus is embedded; optional. */
  fit?(texts: string[]): void;
  embed(texts: string[]): Promise<Float32Array[]>;
  /** Fitted state to persist with an index; `restore` must accept what `state` returned. */
  state?(): unknown;
  restore?(state: unknown): void;
}

/** Scales a vector to unit length in place (zero vectors stay zero). */
export function l2Normalise(vector: Float32Array): Float32Array {
  let sum = 0;
  for (const value of vector) sum += value * value;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < vector.length; i++) vector[i] = vector[i]! / norm;
  return vector;
}
