import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { VectorIndex } from "../../src/retrieval/vector-index.js";

/** Small deterministic PRNG (mulberry32) so the test data never changes. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomVectors(count: number, dimension: number, seed: number): Float32Array[] {
  const next = random(seed);
  return Array.from({ length: count }, () => Float32Array.from({ length: dimension }, () => next() * 2 - 1));
}

const dimension = 32;
const vectors = randomVectors(2000, dimension, 7);
const queries = randomVectors(50, dimension, 99);
const index = VectorIndex.build(vectors, dimension);
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("VectorIndex", () => {
  it("finds a stored vector as its own nearest neighbour with similarity 1", () => {
    const [hit] = index.search(vectors[123]!, 1);
    expect(hit?.label).toBe(123);
    expect(hit?.score).toBeCloseTo(1, 5);
  });

  it("agrees with exact search (recall@10 ≥ 0.95)", () => {
    let found = 0;
    for (const query of queries) {
      const exact = new Set(index.exactSearch(query, 10).map((hit) => hit.label));
      found += index.search(query, 10).filter((hit) => exact.has(hit.label)).length;
    }
    expect(found / (queries.length * 10)).toBeGreaterThanOrEqual(0.95);
  });

  it("returns exact results sorted by descending cosine", () => {
    const scores = index.exactSearch(queries[0]!, 20).map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("honours filters in both searches", () => {
    const even = (label: number): boolean => label % 2 === 0;
    expect(index.search(queries[1]!, 10, even).every((hit) => even(hit.label))).toBe(true);
    const subset = [1, 3, 5, 7];
    expect(index.exactSearch(queries[1]!, 10, subset).map((hit) => hit.label).sort((a, b) => a - b)).toEqual(subset);
  });

  it("survives writing and reading its files", () => {
    const dir = mkdtempSync(join(tmpdir(), "vecidx-"));
    dirs.push(dir);
    index.writeFiles(join(dir, "h.bin"), join(dir, "v.f32"));
    const loaded = VectorIndex.readFiles(join(dir, "h.bin"), join(dir, "v.f32"), dimension);
    expect(loaded.size).toBe(vectors.length);
    expect(loaded.search(queries[2]!, 5)).toEqual(index.search(queries[2]!, 5));
    expect(loaded.exactSearch(queries[2]!, 5)).toEqual(index.exactSearch(queries[2]!, 5));
  });

  it("handles an empty index", () => {
    const empty = VectorIndex.build([], 8);
    expect(empty.search(new Float32Array(8).fill(1), 3)).toEqual([]);
    expect(empty.exactSearch(new Float32Array(8).fill(1), 3)).toEqual([]);
  });
});
