/**
 * Seeded randomness for the synthetic archive. No Math.random anywhere in the generator:
 * - `Rng` is a sequential sfc32 stream (order-dependent, used while composing articles);
 * - `unit()` is a stateless hash → [0, 1) used by the world model, so a zone's 2021 trade
 *   figure is the same number in every article that mentions it, whatever the order.
 */

/** cyrb53: a small, well-mixed 53-bit string hash, returned as two 32-bit halves. */
export function cyrb53(str: string, seed = 0): [number, number] {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

/** Stateless uniform [0, 1) from a seed and a key path. */
export function unit(seed: string, ...parts: (string | number)[]): number {
  const [h1, h2] = cyrb53(`${seed}\u0001${parts.join("\u0001")}`);
  return ((h2 & 0x1fffff) * 4294967296 + h1) / 9007199254740992;
}

/** Lower-case hex of a 32-bit hash, `len` digits (≤ 16). */
export function hexHash(str: string, len = 8): string {
  const [h1, h2] = cyrb53(str);
  return (h2.toString(16).padStart(8, "0") + h1.toString(16).padStart(8, "0")).slice(0, len);
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string | number) {
    const [a, b] = cyrb53(String(seed), 1);
    const [c, d] = cyrb53(String(seed), 2);
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** sfc32 step → [0, 1). */
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  float(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    const last = items[items.length - 1];
    if (!last) throw new Error("weighted pick from an empty list");
    return last[0];
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }

  /** k distinct items (or all of them when k ≥ length), in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle([...items]).slice(0, Math.max(0, k));
  }

  /** An independent stream derived from this one and a label. */
  fork(label: string): Rng {
    return new Rng(`${label}:${Math.floor(this.next() * 4294967296)}:${Math.floor(this.next() * 4294967296)}`);
  }
}
