import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** Loads and validates the reading word lists (data/reading-*.json) once per process. */

const YearFileSchema = z.object({
  relative: z.record(z.string(), z.number().int()),
  currentYearWords: z.array(z.string()),
  lookBackMonths: z.array(z.number().int().min(1).max(12)),
  lookBackWords: z.array(z.string()),
  reportedYearGoals: z.array(z.string()).default([]),
  exclusionPrefixes: z.array(z.string()),
  yearlessWords: z.array(z.string()),
  multiYearPlans: z.array(z.string()),
  comparisonFollowers: z.array(z.string()),
  yearRange: z.object({ min: z.number().int(), max: z.number().int() }),
  spanStarts: z.array(z.string()).default([]),
  anniversaries: z.array(z.string()).default([]),
  shortYears: z
    .object({ century: z.number().int(), followers: z.array(z.string()), durationBefore: z.array(z.string()).default([]), durationAfter: z.array(z.string()).default([]), maxYear: z.number().int().default(49) })
    .default({ century: 2000, followers: [], durationBefore: [], durationAfter: [], maxYear: 49 }),
});

const CoarsePeriod = z.enum(["year", "Q1", "Q2", "Q3", "Q4", "H1", "H2", "ytd", "months", "point"]);
const PeriodWord = z.object({ key: z.string().min(1), period: CoarsePeriod });
const PeriodFileSchema = z.object({
  yearEndMonths: z.array(z.number().int().min(1).max(12)).default([]),
  fixed: z.record(z.string(), PeriodWord),
  quarters: z.record(z.string(), PeriodWord),
  quarterWords: z.array(z.string()),
  quarterPrefixes: z.array(z.string()),
  latinQuarterPrefix: z.string(),
  rangeJoiners: z.array(z.string()),
  monthRangeKeys: z.record(z.string(), z.string()),
  firstMonthsLead: z.string(),
  singleMonthTails: z.array(z.string()).default([]),
  firstMonthsTail: z.array(z.string()),
  monthSuffixes: z.array(z.string()),
  coarseOnly: z.record(z.string(), CoarsePeriod),
  notPeriods: z.array(z.string()).default([]),
  multiYear: z
    .object({ words: z.array(z.string()), spanTails: z.array(z.string()), countChars: z.string(), askWords: z.array(z.string()).default([]), averageWords: z.array(z.string()).default([]) })
    .default({ words: [], spanTails: [], countChars: "", askWords: [], averageWords: [] }),
});

const MonthPart = z.enum(["early", "mid", "late", "end"]);
const MonthFileSchema = z.object({
  monthWord: z.string(),
  dayWords: z.array(z.string()),
  monthSuffixes: z.array(z.string()),
  parts: z.record(z.string(), MonthPart),
  notAfter: z.array(z.string()),
  rangeJoiners: z.array(z.string()),
  notBefore: z.array(z.string()),
  recentEventDays: z.number().int().positive().default(15),
});

const KindFileSchema = z.object({
  target: z.array(z.string()),
  actual: z.array(z.string()),
  resultVerbs: z.array(z.string()),
  eventVerbs: z.array(z.string()),
  questionOnly: z.object({ target: z.array(z.string()), actual: z.array(z.string()) }),
  projections: z.array(z.string()).default([]),
  perfective: z.array(z.string()).default([]),
  exclusions: z.record(z.string(), z.array(z.string())),
});

const TopicFileSchema = z.object({
  frames: z.array(z.tuple([z.string(), z.string()])),
  maxChars: z.number().int().positive(),
  headingMaxChars: z.number().int().positive().default(30),
  definitionCues: z.array(z.string()).default([]),
  definitionHeadChars: z.number().int().positive().default(16),
  backReferences: z.array(z.string()).default([]),
  sectionAsks: z.record(z.string(), z.array(z.string())).default({}),
  partOpeners: z.array(z.string()).default([]),
  promptLabels: z.array(z.string()).default([]),
  partListMarks: z.array(z.string()).default([]),
  speechVerbs: z.array(z.string()).default([]),
  sceneCues: z.array(z.string()).default([]),
  pointerCues: z.array(z.string()).default([]),
  causeCues: z.array(z.string()).default([]),
  change: z
    .object({ asks: z.array(z.string()), openers: z.array(z.string()), reached: z.array(z.string()), maxSpan: z.number().int().positive() })
    .default({ asks: [], openers: [], reached: [], maxSpan: 30 }),
  rankNouns: z.array(z.string()).default([]),
  itemPointers: z.array(z.string()).default([]),
  locationCues: z.array(z.string()).default([]),
  documentTitleEnds: z.array(z.string()).default([]),
  documentReadingTails: z.array(z.string()).default([]),
  enumeration: z.object({ ordinals: z.string().min(2), marker: z.string().min(1) }).default({ ordinals: "一二三四五六七八九十", marker: "是" }),
});

export type YearWords = z.infer<typeof YearFileSchema>;
export type PeriodWords = z.infer<typeof PeriodFileSchema>;
export type MonthWords = z.infer<typeof MonthFileSchema>;
export type KindWords = z.infer<typeof KindFileSchema>;
export type CoarsePeriodName = z.infer<typeof CoarsePeriod>;
export type MonthPartName = z.infer<typeof MonthPart>;

function loadJson<T>(name: string, schema: z.ZodType<T>): T {
  const path = fileURLToPath(new URL(`../../data/${name}`, import.meta.url));
  return schema.parse(JSON.parse(readFileSync(path, "utf8")));
}

function once<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= load());
}

export const yearWords = once(() => loadJson("reading-year.json", YearFileSchema));
export const periodWords = once(() => loadJson("reading-period.json", PeriodFileSchema));
export const monthWords = once(() => loadJson("reading-month.json", MonthFileSchema));
export const kindWords = once(() => loadJson("reading-kind.json", KindFileSchema));
export const topicWords = once(() => loadJson("reading-topic.json", TopicFileSchema));

/** Strings sorted longest first, for greedy matching. */
export function longestFirst(words: Iterable<string>): string[] {
  return [...new Set(words)].sort((a, b) => b.length - a.length);
}

/** Escapes a literal for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Every start offset of `word` in `text`. */
export function occurrences(text: string, word: string): number[] {
  const found: number[] = [];
  if (!word) return found;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) found.push(i);
  return found;
}
