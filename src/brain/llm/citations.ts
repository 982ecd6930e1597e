/**
 * From a checked model answer to what is delivered: [n] markers become ①② in order of first use, markers
 * naming nothing retrieved are dropped, each citation quotes the verbatim sentence of a retrieved item that
 * carries the answer's numbers, and numbers the model left uncited get the item that supports them.
 */
import type { Citation } from "../../domain/types.js";
import type { FactResult, SourceRef } from "../../tools/index.js";
import { EvidenceNumbers, scanNumbers, type NumericClaim } from "./numbers.js";
import type { RetrievedItem } from "./tools.js";

const MARKER = /\[\s*(\d+(?:\s*[,，、]\s*\d+)*)\s*\]|【\s*(\d+(?:\s*[,，、]\s*\d+)*)\s*】/gu;
const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

export interface RenderedText {
  text: string;
  /** Retrieved labels in the order the text first cites them. */
  order: number[];
}

/** Replaces [n] markers with circled numbers by order of first use; markers naming no retrieved item vanish. */
export function renderMarkers(text: string, known: (label: number) => boolean, order: number[] = []): RenderedText {
  const rendered = text.replace(MARKER, (_match, a: string | undefined, b: string | undefined) => {
    const labels = (a ?? b ?? "").split(/[,，、]/).map((s) => Number(s.trim())).filter((n) => known(n));
    return labels.map((label) => {
      let position = order.indexOf(label);
      if (position < 0) position = order.push(label) - 1;
      return circled(position + 1);
    }).join("");
  });
  return { text: rendered.replace(/[ \t]+\n/g, "\n").trim(), order };
}

export function circled(n: number): string {
  return n >= 1 && n <= CIRCLED.length ? CIRCLED[n - 1]! : `〔${n}〕`;
}

export interface BuiltCitations {
  text: string;
  citations: Citation[];
  facts: FactResult[];
}

/** Citations for the final answer: what the text cites, then items supporting uncited numbers. */
export function buildCitations(answer: string, items: Map<number, RetrievedItem>, sourceOf?: (articleId: string) => SourceRef): BuiltCitations {
  const { text, order } = renderMarkers(answer, (label) => items.has(label));
  const claims = scanNumbers(text).filter((c) => c.kind !== "year" && c.kind !== "date");
  const chosen: { item: RetrievedItem; quote: string }[] = order.map((label) => {
    const item = items.get(label)!;
    return { item, quote: bestQuote(item, claims, text) };
  });
  // Numbers no chosen quote supports: cite the first retrieved item whose sentence does.
  for (const claim of claims) {
    if (chosen.some((c) => quoteSupports(c.quote, claim))) continue;
    for (const item of items.values()) {
      const sentence = item.sentences.find((s) => quoteSupports(s, claim));
      if (!sentence) continue;
      chosen.push({ item, quote: sentence });
      break;
    }
  }
  const citations: Citation[] = [];
  const facts: FactResult[] = [];
  const seen = new Set<string>();
  for (const { item, quote } of chosen) {
    const key = `${item.source}\u0000${quote}`;
    if (!seen.has(key)) {
      seen.add(key);
      // The article's whole source record (its URL, an OCR mark, pages) when the toolbox can give it.
      const source = sourceOf?.(item.articleId) ?? { source: item.source, title: item.title, date: item.date };
      citations.push({ ...source, quote });
    }
    if (item.fact && claims.some((c) => sameQuantity(c, item.fact!)) && !facts.includes(item.fact)) facts.push(item.fact);
  }
  return { text, citations, facts };
}

/** The item's sentence carrying most of the answer's numbers; else the one sharing most words with it. */
function bestQuote(item: RetrievedItem, claims: NumericClaim[], answer: string): string {
  const sentences = item.sentences.length ? item.sentences : [item.text];
  let best = sentences[0]!;
  let bestScore = -1;
  for (const sentence of sentences) {
    const supported = claims.filter((claim) => quoteSupports(sentence, claim)).length;
    const score = supported * 10 + overlap(sentence, answer);
    if (score > bestScore) {
      best = sentence;
      bestScore = score;
    }
  }
  return best;
}

const quoteNumbers = new Map<string, EvidenceNumbers>();

function quoteSupports(quote: string, claim: NumericClaim): boolean {
  let numbers = quoteNumbers.get(quote);
  if (!numbers) {
    if (quoteNumbers.size > 2000) quoteNumbers.clear();
    numbers = new EvidenceNumbers([quote]);
    quoteNumbers.set(quote, numbers);
  }
  return numbers.supports(claim) || claim.alternatives.some((alt) => numbers.supports(alt));
}

function sameQuantity(claim: NumericClaim, fact: FactResult): boolean {
  return Math.abs(claim.value - fact.value) <= 1e-9 * Math.max(1, Math.abs(fact.value)) && (claim.unit === "" || claim.unit === fact.unit);
}

/** Share of the answer's character bigrams found in the sentence (0–1). */
function overlap(sentence: string, answer: string): number {
  const grams = new Set<string>();
  for (let i = 0; i + 1 < answer.length; i++) grams.add(answer.slice(i, i + 2));
  if (grams.size === 0) return 0;
  let hits = 0;
  for (let i = 0; i + 1 < sentence.length; i++) if (grams.has(sentence.slice(i, i + 2))) hits++;
  return hits / Math.max(1, sentence.length);
}
