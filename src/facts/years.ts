import type { Period } from "../domain/types.js";
import { factCues, longestFirst } from "./data.js";
import { parseChineseNumeral } from "./numerals.js";

/** A year found in text, with where it came from. */
export interface YearCue {
  year: number | null;
  /** Offset of the cue in the searched text. */
  index: number;
  source: "explicit" | "relative" | "none-marker";
}

const EXPLICIT_YEAR = /((?:19|20)[0-9]{2})\s*年|([〇零一二三四五六七八九]{4})年/g;

/** Calendar year of a `YYYY-MM-DD` date, or null. */
export function yearOfDate(date: string | null): number | null {
  const m = date ? /^(\d{4})/.exec(date) : null;
  return m ? Number(m[1]) : null;
}

function explicitYearCues(text: string): YearCue[] {
  const cues: YearCue[] = [];
  for (const m of text.matchAll(EXPLICIT_YEAR)) {
    const year = m[1] ? Number(m[1]) : parseChineseNumeral(m[2] ?? "");
    if (year !== null && year >= 1900 && year <= 2100) cues.push({ year, index: m.index, source: "explicit" });
  }
  return cues;
}

function relativeYearCues(text: string, articleYear: number | null): YearCue[] {
  const { relativeYears, relativeYearExclusionPrefixes, noYearMarkers } = factCues();
  const cues: YearCue[] = [];
  const taken = new Set<number>();
  for (const word of longestFirst(Object.keys(relativeYears))) {
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
      if (taken.has(i)) continue;
      // 比上年增长 compares with last year; the fact itself is about the current one.
      if (relativeYearExclusionPrefixes.some((p) => text.slice(Math.max(0, i - p.length), i) === p)) continue;
      for (let k = i; k < i + word.length; k++) taken.add(k);
      const offset = relativeYears[word] ?? 0;
      cues.push({ year: articleYear === null ? null : articleYear + offset, index: i, source: "relative" });
    }
  }
  for (const marker of noYearMarkers) {
    for (let i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + 1)) {
      cues.push({ year: null, index: i, source: "none-marker" });
    }
  }
  return cues;
}

/** Every year cue in text (explicit years, relative words, multi-year plan markers), in text order. */
export function yearCues(text: string, articleDate: string | null): YearCue[] {
  const articleYear = yearOfDate(articleDate);
  const { yearlessRelativeWords } = factCues();
  const yearless = (cue: YearCue) => cue.source === "relative" && yearlessRelativeWords.some((word) => text.startsWith(word, cue.index));
  const cues = [...explicitYearCues(text), ...relativeYearCues(text, articleYear)].sort((a, b) => a.index - b.index);
  // 「2023年全年」「过去一年，…全年」: 全年 after a year names no year of its own (in a 2024 article it is not 2024).
  const firstNamed = cues.find((cue) => cue.source !== "none-marker" && !yearless(cue))?.index ?? Infinity;
  return cues.filter((cue) => !(yearless(cue) && cue.index > firstNamed));
}

/**
 * The year a number at `position` in `text` refers to: the nearest cue before it, else the first cue after it. Returns undefined when text has no cue,
 * so callers can fall back to wider context; `{year: null}` for 十四五-style multi-year plans.
 */
export function nearestYearCue(text: string, position: number, articleDate: string | null): YearCue | undefined {
  const cues = yearCues(text, articleDate);
  return cues.filter((c) => c.index <= position).at(-1) ?? cues.find((c) => c.index > position);
}

/**
 * Resolves the year a text talks about relative to the article date: explicit `2022年` first,
 * else 今年/去年/明年/前年/上年/过去一年/全年…, null for 十四五 plans or when nothing says.
 */
export function resolveYear(text: string, articleDate: string | null): number | null {
  const cues = yearCues(text, articleDate);
  const explicit = cues.find((c) => c.source === "explicit");
  if (explicit) return explicit.year;
  const first = cues[0];
  return first ? first.year : null;
}

/** The reporting period a text names: 一季度 → Q1, 上半年 → H1, 1至4月 → months, 今年以来 → ytd, 年底 → point. */
export function detectPeriod(text: string): Period | null {
  const { periods, monthRangePattern } = factCues();
  if (new RegExp(monthRangePattern, "u").test(text)) return "months";
  let best: { period: Period; index: number; length: number } | null = null;
  for (const [period, words] of Object.entries(periods)) {
    for (const word of words) {
      const index = text.lastIndexOf(word);
      if (index < 0) continue;
      // The latest, then longest, period word is the one governing the number that follows it.
      if (!best || index > best.index || (index === best.index && word.length > best.length)) {
        best = { period: period as Period, index, length: word.length };
      }
    }
  }
  return best ? best.period : null;
}
