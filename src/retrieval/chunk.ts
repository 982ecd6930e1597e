import type { Article, Chunk } from "../domain/types.js";
import type { Gazetteer, ZoneMention } from "../domain/gazetteer.js";

export interface ChunkOptions {
  /** A chunk stops growing at a paragraph break once it has this many characters. */
  minChars?: number;
  /** A chunk never grows past this (unless a single sentence is longer). */
  maxChars?: number;
  /** Longest sentence repeated at the start of the next chunk as overlap. */
  maxOverlapChars?: number;
}

const DEFAULTS: Required<ChunkOptions> = { minChars: 120, maxChars: 260, maxOverlapChars: 120 };

/** A sentence as an offset range into the article text; `paragraphStart` marks a preceding \n. */
export interface Span {
  start: number;
  end: number;
  paragraphStart: boolean;
}

const SENTENCE_END = new Set(["。", "！", "？", "；", "!", "?", ";"]);
/** Closing marks that belong to the sentence they follow (。” stays together). */
const CLOSERS = new Set(["”", "’", "」", "』", "）", ")", "》", "\"", "'"]);
const CLAUSE_END = new Set(["，", "、", ",", "：", ":"]);

/** Sentence spans of `text`, trimmed of surrounding whitespace, never crossing a \n. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  let paragraphStart = true;
  const push = (end: number): void => {
    const span = trimSpan(text, start, end);
    if (span) spans.push({ ...span, paragraphStart });
    paragraphStart = false;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === "\n") {
      push(i);
      start = i + 1;
      paragraphStart = true;
    } else if (SENTENCE_END.has(char)) {
      let end = i + 1;
      while (end < text.length && CLOSERS.has(text[end]!)) end++;
      push(end);
      start = end;
      i = end - 1;
    }
  }
  push(text.length);
  return spans;
}

function trimSpan(text: string, start: number, end: number): { start: number; end: number } | null {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

/** Splits an over-long sentence at clause marks (，、：), hard-cutting only when a clause is itself too long. */
function splitLongSpan(text: string, span: Span, maxChars: number): Span[] {
  if (span.end - span.start <= maxChars) return [span];
  const pieces: Span[] = [];
  let start = span.start;
  let lastClauseEnd = -1;
  for (let i = span.start; i < span.end; i++) {
    if (CLAUSE_END.has(text[i]!)) lastClauseEnd = i + 1;
    if (i + 1 - start < maxChars) continue;
    const cut = lastClauseEnd > start ? lastClauseEnd : i + 1;
    pieces.push({ start, end: cut, paragraphStart: pieces.length === 0 && span.paragraphStart });
    start = cut;
    lastClauseEnd = -1;
  }
  if (start < span.end) pieces.push({ start, end: span.end, paragraphStart: pieces.length === 0 && span.paragraphStart });
  return pieces;
}

/**
 * Groups sentences into chunks of about minChars..maxChars. Each chunk after the first
 * repeats the previous chunk's last sentence (when short enough) so facts straddling a
 * boundary still appear whole in one chunk. Returns [firstSpan, endSpan) index ranges.
 */
export function groupSpans(spans: Span[], options: Required<ChunkOptions>): [number, number][] {
  const groups: [number, number][] = [];
  let first = 0;
  let mustReach = 1;
  while (first < spans.length) {
    let end = Math.max(first + 1, mustReach);
    while (end < spans.length && canExtend(spans, first, end, options)) end++;
    groups.push([first, end]);
    if (end >= spans.length) break;
    const last = spans[end - 1]!;
    const overlap = end - 1 > first && last.end - last.start <= options.maxOverlapChars;
    first = overlap ? end - 1 : end;
    mustReach = end + 1;
  }
  return groups;
}

function canExtend(spans: Span[], first: number, end: number, options: Required<ChunkOptions>): boolean {
  const next = spans[end]!;
  const length = next.end - spans[first]!.start;
  if (length > options.maxChars) return false;
  const currentLength = spans[end - 1]!.end - spans[first]!.start;
  return !(next.paragraphStart && currentLength >= options.minChars);
}

/** Sentence-aligned chunks of an article with offsets into article.text. */
export function chunkArticle(article: Article, gazetteer: Gazetteer, options: ChunkOptions = {}): Chunk[] {
  const settings = { ...DEFAULTS, ...options };
  const spans = splitSentences(article.text).flatMap((span) => splitLongSpan(article.text, span, settings.maxChars));
  const mentions = articleZoneMentions(article, gazetteer);
  return groupSpans(spans, settings).map(([first, end], index) => {
    const start = spans[first]!.start;
    const stop = spans[end - 1]!.end;
    const text = article.text.slice(start, stop);
    return {
      id: `${article.id}/${index}`,
      articleId: article.id,
      source: article.source,
      start,
      end: stop,
      text,
      zones: zonesForSpan(mentions, start, stop, article),
      years: chunkYears(text, article),
    };
  });
}

/** How many of the article's main zones every chunk inherits. */
const INHERITED_ARTICLE_ZONES = 2;

/**
 * Zone mentions usable for tagging chunks: strong aliases, plus weak aliases (新区, 开发区)
 * only for zones the article also names with a strong alias.
 */
export function articleZoneMentions(article: Article, gazetteer: Gazetteer): ZoneMention[] {
  const named = new Set(article.zones);
  return gazetteer.mentions(article.text, { includeWeak: true, home: article.zones[0] }).filter((mention) => !mention.weak || named.has(mention.zone));
}

/**
 * Zones a chunk [start, end) is about. Used as a hard filter, so it leans to recall: the zone in
 * effect where the chunk starts (nearest earlier mention — reports name a zone once, then describe
 * it for several sentences), zones mentioned inside (most frequent first), then the article's main
 * zones (pieces about one zone keep naming its parent district or the city in passing).
 */
export function zonesForSpan(mentions: ZoneMention[], start: number, end: number, article: Article): string[] {
  const inside = mentions.filter((mention) => mention.start >= start && mention.end <= end);
  const counts = new Map<string, number>();
  for (const mention of inside) counts.set(mention.zone, (counts.get(mention.zone) ?? 0) + 1);
  const zones = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([zone]) => zone);
  const carried = inside[0]?.start === start ? undefined : [...mentions].reverse().find((mention) => mention.end <= start)?.zone;
  if (carried && !zones.includes(carried)) zones.unshift(carried);
  for (const zone of article.zones.slice(0, INHERITED_ARTICLE_ZONES)) if (!zones.includes(zone)) zones.push(zone);
  return zones;
}

/** Convenience for one chunk text located in its article (chunkArticle computes mentions once instead). */
export function chunkZones(text: string, article: Article, gazetteer: Gazetteer, start = article.text.indexOf(text)): string[] {
  return zonesForSpan(articleZoneMentions(article, gazetteer), start, start + text.length, article);
}

const YEAR = /(?<!\d)((?:19|20)\d{2})\s*年/gu;

/** Years written in the chunk (2023年) plus the publication year, ascending. */
export function chunkYears(text: string, article: Article): number[] {
  const years = new Set<number>();
  for (const match of text.matchAll(YEAR)) years.add(Number(match[1]));
  const published = article.date ? Number(article.date.slice(0, 4)) : NaN;
  if (Number.isInteger(published)) years.add(published);
  return [...years].sort((a, b) => a - b);
}
