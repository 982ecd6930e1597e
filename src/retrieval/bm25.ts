import { z } from "zod";

export interface Bm25Params {
  k1: number;
  b: number;
}

export interface ScoredDoc {
  doc: number;
  score: number;
}

export const Bm25StateSchema = z.object({
  version: z.literal(1),
  k1: z.number(),
  b: z.number(),
  docLengths: z.array(z.number()),
  /** term → flat [doc, tf, doc, tf, …] pairs. */
  postings: z.record(z.string(), z.array(z.number())),
});
export type Bm25State = z.infer<typeof Bm25StateSchema>;

/**
 * The binary form's JSON half: the terms, and how many Uint32 values each posting list takes in the
 * binary half, which holds the document lengths and then every posting list in `terms` order.
 */
export const Bm25FileSchema = z.object({
  version: z.literal(2),
  k1: z.number(),
  b: z.number(),
  documents: z.number().int().nonnegative(),
  terms: z.array(z.string()),
  sizes: z.array(z.number().int().nonnegative()),
});
export type Bm25File = z.infer<typeof Bm25FileSchema>;

const DEFAULT_PARAMS: Bm25Params = { k1: 1.2, b: 0.75 };

/**
 * Okapi BM25 over pre-tokenised documents, with an in-memory inverted index. Postings are typed
 * arrays of [doc, tf] pairs: at 75k chunks the index holds ~12M pairs, which as JS number arrays
 * cost several hundred MB more.
 */
export class Bm25Index {
  private readonly postings: Map<string, Uint32Array>;
  private readonly docLengths: Uint32Array;
  private readonly avgLength: number;
  readonly params: Bm25Params;
  private scores?: Float64Array;

  private constructor(postings: Map<string, Uint32Array>, docLengths: Uint32Array, params: Bm25Params) {
    this.postings = postings;
    this.docLengths = docLengths;
    this.params = params;
    let total = 0;
    for (const length of docLengths) total += length;
    this.avgLength = docLengths.length > 0 ? total / docLengths.length : 0;
  }

  static build(docs: string[][], params: Bm25Params = DEFAULT_PARAMS): Bm25Index {
    const builder = new Bm25Builder(docs.length, params);
    docs.forEach((tokens, doc) => builder.addDocument(doc, countTerms(tokens), tokens.length));
    return builder.finish();
  }

  static fromState(state: unknown): Bm25Index {
    const parsed = Bm25StateSchema.parse(state);
    const postings = new Map<string, Uint32Array>();
    for (const [term, list] of Object.entries(parsed.postings)) postings.set(term, Uint32Array.from(list));
    return new Bm25Index(postings, Uint32Array.from(parsed.docLengths), { k1: parsed.k1, b: parsed.b });
  }

  /** @internal Assembled by Bm25Builder. */
  static fromParts(postings: Map<string, Uint32Array>, docLengths: Uint32Array, params: Bm25Params): Bm25Index {
    return new Bm25Index(postings, docLengths, params);
  }

  /**
   * The index as a small JSON header and Uint32 arrays to write one after another: at 75k chunks the
   * JSON state is ~100 MB that takes seconds and several hundred MB to parse; this reads as one buffer.
   */
  toFile(): { header: Bm25File; data: Uint32Array[] } {
    const terms = [...this.postings.keys()];
    const lists = terms.map((term) => this.postings.get(term)!);
    const header: Bm25File = {
      version: 2, k1: this.params.k1, b: this.params.b, documents: this.docLengths.length, terms, sizes: lists.map((list) => list.length),
    };
    return { header, data: [this.docLengths, ...lists] };
  }

  /** Reads what toFile wrote; the posting lists stay views into `data`. */
  static fromFile(header: unknown, data: Uint32Array): Bm25Index {
    const parsed = Bm25FileSchema.parse(header);
    if (parsed.terms.length !== parsed.sizes.length) throw new Error("BM25 file: terms and sizes differ in length");
    let offset = parsed.documents;
    const postings = new Map<string, Uint32Array>();
    parsed.terms.forEach((term, i) => {
      const size = parsed.sizes[i]!;
      postings.set(term, data.subarray(offset, offset + size));
      offset += size;
    });
    if (offset !== data.length) throw new Error(`BM25 file: header describes ${offset} values, the data holds ${data.length}`);
    const docLengths = data.subarray(0, parsed.documents);
    for (const list of postings.values()) {
      for (let i = 0; i < list.length; i += 2) {
        if (list[i]! >= parsed.documents) throw new Error(`BM25 file: posting for document ${list[i]} of ${parsed.documents}`);
      }
    }
    return new Bm25Index(postings, docLengths, { k1: parsed.k1, b: parsed.b });
  }

  state(): Bm25State {
    const postings: Record<string, number[]> = {};
    for (const [term, list] of this.postings) postings[term] = Array.from(list);
    return { version: 1, k1: this.params.k1, b: this.params.b, docLengths: Array.from(this.docLengths), postings };
  }

  get size(): number {
    return this.docLengths.length;
  }

  /** Every term with its [doc, tf] pairs (for carrying postings into a new build). */
  terms(): IterableIterator<[string, Uint32Array]> {
    return this.postings.entries();
  }

  documentLength(doc: number): number {
    return this.docLengths[doc] ?? 0;
  }

  /** How many documents contain the term. */
  documentFrequency(term: string): number {
    return (this.postings.get(term)?.length ?? 0) / 2;
  }

  /** Smoothed IDF (never negative, so very common terms add little rather than subtract). */
  idf(term: string): number {
    const df = (this.postings.get(term)?.length ?? 0) / 2;
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** Documents scoring above zero, best first; `accept` filters documents before ranking. */
  search(queryTokens: string[], limit: number, accept?: (doc: number) => boolean): ScoredDoc[] {
    // Scores accumulate in a flat array (a Map per query is the slow part at 75k chunks); only touched docs are ranked.
    const scores = this.scratch();
    const touched: number[] = [];
    const { k1, b } = this.params;
    const avgLength = this.avgLength || 1;
    for (const term of new Set(queryTokens)) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf(term);
      for (let i = 0; i < list.length; i += 2) {
        const doc = list[i]!;
        if (accept && !accept(doc)) continue;
        const tf = list[i + 1]!;
        const norm = 1 - b + (b * this.docLengths[doc]!) / avgLength;
        if (scores[doc] === 0) touched.push(doc);
        scores[doc]! += (idf * tf * (k1 + 1)) / (tf + k1 * norm);
      }
    }
    const ranked = topDocs(touched, scores, limit);
    for (const doc of touched) scores[doc] = 0;
    return ranked;
  }

  /** A zeroed score array the size of the index, reused across queries (searches are synchronous). */
  private scratch(): Float64Array {
    if (!this.scores || this.scores.length !== this.docLengths.length) this.scores = new Float64Array(this.docLengths.length);
    return this.scores;
  }
}

/** The `limit` best of the touched docs, best first, ties by doc number. */
function topDocs(touched: number[], scores: Float64Array, limit: number): ScoredDoc[] {
  const better = (a: number, b: number) => scores[b]! - scores[a]! || a - b;
  if (touched.length <= limit * 4) return touched.sort(better).slice(0, limit).map((doc) => ({ doc, score: scores[doc]! }));
  // Keep a small sorted window rather than sorting every touched doc.
  const best: number[] = [];
  for (const doc of touched) {
    if (best.length === limit && better(doc, best[limit - 1]!) >= 0) continue;
    let at = best.length;
    while (at > 0 && better(doc, best[at - 1]!) < 0) at--;
    best.splice(at, 0, doc);
    if (best.length > limit) best.pop();
  }
  return best.map((doc) => ({ doc, score: scores[doc]! }));
}

/** A posting list that grows by doubling, trimmed once the build is done. */
interface GrowingList {
  data: Uint32Array;
  size: number;
}

/**
 * Builds a Bm25Index document by document, so callers never hold every document's tokens at once,
 * and can carry postings of unchanged documents over from a previous index instead of re-tokenising.
 */
export class Bm25Builder {
  private readonly lists = new Map<string, GrowingList>();
  private readonly docLengths: Uint32Array;

  constructor(docCount: number, private readonly params: Bm25Params = DEFAULT_PARAMS) {
    this.docLengths = new Uint32Array(docCount);
  }

  addDocument(doc: number, termCounts: Iterable<[string, number]>, length: number): void {
    this.docLengths[doc] = length;
    for (const [term, tf] of termCounts) this.push(term, doc, tf);
  }

  /** `addDocument` for terms and counts in parallel arrays (no pair per term: there are millions). */
  addTerms(doc: number, terms: readonly string[], counts: ArrayLike<number>, length: number): void {
    this.docLengths[doc] = length;
    for (let i = 0; i < terms.length; i++) this.push(terms[i]!, doc, counts[i]!);
  }

  /** Copies the postings of `previous`, renumbering documents by `docMap` (old → new, -1 = dropped). */
  carryOver(previous: Bm25Index, docMap: Int32Array): void {
    for (let old = 0; old < docMap.length; old++) {
      const doc = docMap[old]!;
      if (doc >= 0) this.docLengths[doc] = previous.documentLength(old);
    }
    for (const [term, list] of previous.terms()) {
      for (let i = 0; i < list.length; i += 2) {
        const doc = docMap[list[i]!] ?? -1;
        if (doc >= 0) this.push(term, doc, list[i + 1]!);
      }
    }
  }

  finish(): Bm25Index {
    const postings = new Map<string, Uint32Array>();
    // Trim term by term, dropping each grown list at once: never both copies of the whole index.
    for (const [term, list] of this.lists) {
      postings.set(term, list.data.slice(0, list.size));
      this.lists.delete(term);
    }
    return Bm25Index.fromParts(postings, this.docLengths, this.params);
  }

  private push(term: string, doc: number, tf: number): void {
    let list = this.lists.get(term);
    if (!list) this.lists.set(term, (list = { data: new Uint32Array(4), size: 0 }));
    if (list.size + 2 > list.data.length) {
      // ×1.5, not ×2: the lists hold ~12M pairs at 75k chunks, and the slack is memory held until finish().
      const grown = new Uint32Array(Math.ceil((list.data.length * 3) / 4) * 2);
      grown.set(list.data);
      list.data = grown;
    }
    list.data[list.size++] = doc;
    list.data[list.size++] = tf;
  }
}

export function countTerms(tokens: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}
