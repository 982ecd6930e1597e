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

/** Okapi BM25 over pre-tokenised documents, with an in-memory inverted index. */
export class Bm25Index {
  private readonly postings: Map<string, number[]>;
  private readonly docLengths: number[];
  private readonly avgLength: number;
  readonly params: Bm25Params;

  private constructor(postings: Map<string, number[]>, docLengths: number[], params: Bm25Params) {
    this.postings = postings;
    this.docLengths = docLengths;
    this.params = params;
    const total = docLengths.reduce((sum, length) => sum + length, 0);
    this.avgLength = docLengths.length > 0 ? total / docLengths.length : 0;
  }

  static build(docs: string[][], params: Bm25Params = { k1: 1.2, b: 0.75 }): Bm25Index {
    const postings = new Map<string, number[]>();
    docs.forEach((tokens, doc) => {
      for (const [term, tf] of countTerms(tokens)) {
        let list = postings.get(term);
        if (!list) postings.set(term, (list = []));
        list.push(doc, tf);
      }
    });
    return new Bm25Index(postings, docs.map((tokens) => tokens.length), params);
  }

  static fromState(state: unknown): Bm25Index {
    const parsed = Bm25StateSchema.parse(state);
    return new Bm25Index(new Map(Object.entries(parsed.postings)), parsed.docLengths, { k1: parsed.k1, b: parsed.b });
  }

  state(): Bm25State {
    return {
      version: 1,
      k1: this.params.k1,
      b: this.params.b,
      docLengths: this.docLengths,
      postings: Object.fromEntries(this.postings),
    };
  }

  get size(): number {
    return this.docLengths.length;
  }

  /** Smoothed IDF (never negative, so very common terms add little rather than subtract). */
  /** How many documents contain the term. */
  documentFrequency(term: string): number {
    return (this.postings.get(term)?.length ?? 0) / 2;
  }

  idf(term: string): number {
    const df = (this.postings.get(term)?.length ?? 0) / 2;
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** Documents scoring above zero, best first; `accept` filters documents before ranking. */
  search(queryTokens: string[], limit: number, accept?: (doc: number) => boolean): ScoredDoc[] {
    const scores = new Map<number, number>();
    const { k1, b } = this.params;
    for (const term of new Set(queryTokens)) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf(term);
      for (let i = 0; i < list.length; i += 2) {
        const doc = list[i]!;
        if (accept && !accept(doc)) continue;
        const tf = list[i + 1]!;
        const norm = 1 - b + (b * this.docLengths[doc]!) / (this.avgLength || 1);
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (k1 + 1)) / (tf + k1 * norm));
      }
    }
    return [...scores.entries()]
      .map(([doc, score]) => ({ doc, score }))
      .sort((x, y) => y.score - x.score || x.doc - y.doc)
      .slice(0, limit);
  }
}

function countTerms(tokens: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}
