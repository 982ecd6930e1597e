import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Jieba } from "@node-rs/jieba";
import { z } from "zod";
import { sharedJieba } from "../text/segmenter.js";

/** Prefix of character-bigram tokens, so "b:开发" never collides with the word "开发". */
export const BIGRAM_PREFIX = "b:";

const StopwordFileSchema = z.object({
  function: z.array(z.string()),
  question: z.array(z.string()),
});

let stopwordSet: Set<string> | undefined;

/** The process's one jieba (src/text/segmenter.ts), shared with the zone recogniser. */
function jieba(): Jieba {
  return sharedJieba();
}

export function defaultStopwordsPath(): string {
  return fileURLToPath(new URL("../../data/stopwords.json", import.meta.url));
}

export function stopwords(): ReadonlySet<string> {
  if (!stopwordSet) {
    const parsed = StopwordFileSchema.parse(JSON.parse(readFileSync(defaultStopwordsPath(), "utf8")));
    stopwordSet = new Set([...parsed.function, ...parsed.question].map((word) => word.toLowerCase()));
  }
  return stopwordSet;
}

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
const MEANINGFUL = /[\p{L}\p{N}]/u;

export function isCjkChar(char: string): boolean {
  return CJK.test(char);
}

/** What one jieba pass yields: content words and the CJK runs between stopwords/punctuation. */
export interface Analysis {
  /** jieba words, lowercased, without stopwords and punctuation ("20%" and "46.73" stay intact). */
  words: string[];
  /** Runs of consecutive CJK characters of non-stopword tokens; n-grams never span "的" or "多少". */
  runs: string[];
}

export function analyse(text: string): Analysis {
  const stop = stopwords();
  const words: string[] = [];
  const runs: string[] = [];
  let run = "";
  for (const token of jieba().cut(text, true)) {
    const word = token.trim().toLowerCase();
    const keep = word.length > 0 && MEANINGFUL.test(word) && !stop.has(word);
    if (keep) words.push(word);
    if (keep && [...word].every(isCjkChar)) {
      run += word;
      continue;
    }
    if (run) runs.push(run);
    run = "";
  }
  if (run) runs.push(run);
  return { words, runs };
}

/** Character n-grams inside each run. */
export function charNgrams(runs: string[], n: number): string[] {
  const grams: string[] = [];
  for (const run of runs) {
    const chars = [...run];
    for (let i = 0; i + n <= chars.length; i++) grams.push(chars.slice(i, i + n).join(""));
  }
  return grams;
}

/** The segmenter's cut of a text, every piece kept (punctuation too): where its word boundaries fall. */
export function segments(text: string): string[] {
  return jieba().cut(text, true);
}

/** jieba words without stopwords and punctuation, for callers that score term coverage. */
export function contentTerms(text: string): string[] {
  return analyse(text).words;
}

/**
 * Index/query tokens: content words plus prefixed CJK character bigrams. Bigrams rescue
 * matches where jieba segments the question and the article differently (京东方配套 vs 配套企业).
 */
export function tokenize(text: string): string[] {
  const { words, runs } = analyse(text);
  return [...words, ...charNgrams(runs, 2).map((gram) => BIGRAM_PREFIX + gram)];
}
