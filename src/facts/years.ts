import { findYears, type YearSpan } from "../reading/index.js";

/**
 * Thin wrappers over the year recogniser (src/reading/year.ts) with the older cue shape, for callers
 * that read a sentence's years (src/brain/sentences.ts) and the year tests.
 */

/** A year found in text, with where it came from. */
export interface YearCue {
  year: number | null;
  /** Offset of the cue in the searched text. */
  index: number;
  source: "explicit" | "relative" | "none-marker";
}

function toCue(span: YearSpan): YearCue {
  return { year: span.year, index: span.start, source: span.multiYear ? "none-marker" : span.relative ? "relative" : "explicit" };
}

/** Every year cue in text (explicit years, relative words, multi-year plan markers), in text order: findYears. */
export function yearCues(text: string, articleDate: string | null): YearCue[] {
  return findYears(text, { publishedOn: articleDate }).map(toCue);
}

/**
 * The year a number at `position` in `text` refers to: the nearest cue before it, else the first cue after it. Returns undefined when text has no cue,
 * so callers can fall back to wider context; `{year: null}` for 十四五-style multi-year plans.
 */
export function nearestYearCue(text: string, position: number, articleDate: string | null): YearCue | undefined {
  const cues = yearCues(text, articleDate);
  return cues.filter((c) => c.index <= position).at(-1) ?? cues.find((c) => c.index > position);
}

/** The year a text talks about: a written year first, else its first cue (null for 十四五 or when nothing says). */
export function resolveYear(text: string, articleDate: string | null): number | null {
  const cues = yearCues(text, articleDate);
  return (cues.find((c) => c.source === "explicit") ?? cues[0])?.year ?? null;
}
