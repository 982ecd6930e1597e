import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** Loads and validates the domain word lists in data/ once per process. */

const UnitSchema = z.object({
  unit: z.string().min(1),
  base: z.string().min(1),
  factor: z.number().positive(),
  category: z.enum(["money", "people", "counter", "measure", "area", "length", "ratio", "duration"]),
});
const UnitsFileSchema = z.object({
  magnitudes: z.record(z.string(), z.number().positive()),
  units: z.array(UnitSchema),
  defaultMetric: z.record(z.string(), z.string()),
  letterMetrics: z.array(z.string()).default([]),
});

const PeriodNames = z.enum(["Q1", "Q2", "Q3", "Q4", "H1", "H2", "ytd", "point", "year"]);
const CuesFileSchema = z.object({
  targetCues: z.array(z.string()),
  strongActualCues: z.array(z.string()),
  weakActualCues: z.array(z.string()),
  cueExclusions: z.record(z.string(), z.array(z.string())),
  investmentMetricWords: z.array(z.string()),
  rankingScopes: z.array(z.string()),
  rankingVerbs: z.array(z.string()),
  qualifiersBefore: z.record(z.string(), z.string()),
  qualifiersInside: z.record(z.string(), z.string()),
  qualifiersAfter: z.record(z.string(), z.string()),
  thresholdPrefixes: z.array(z.string()),
  thresholdSuffixes: z.array(z.string()),
  leadingStrip: z.array(z.string()),
  trailingStrip: z.array(z.string()),
  leadVerbs: z.array(z.string()),
  nounCutters: z.array(z.string()),
  nounCutterExceptions: z.array(z.string()),
  currentYearWords: z.array(z.string()),
  pastPeriods: z.array(z.string()),
  genericNouns: z.array(z.string()),
  growthWords: z.array(z.string()),
  metricHeads: z.array(z.string()),
  noYearMarkers: z.array(z.string()),
  relativeYears: z.record(z.string(), z.number().int()),
  relativeYearExclusionPrefixes: z.array(z.string()),
  yearlessRelativeWords: z.array(z.string()),
  comparatorLeads: z.array(z.string()),
  sameTermWords: z.array(z.string()),
  qualifierWordExclusions: z.array(z.string()),
  investmentExclusions: z.array(z.string()),
  countEventVerbs: z.array(z.string()),
  periods: z.record(PeriodNames, z.array(z.string())),
  monthRangePattern: z.string(),
});
const SynonymsFileSchema = z.object({ groups: z.array(z.array(z.string().min(1)).min(1)), noise: z.array(z.string()).default([]) });

export type UnitEntry = z.infer<typeof UnitSchema>;
export type UnitCategory = UnitEntry["category"];
export type UnitsData = z.infer<typeof UnitsFileSchema>;
export type FactCues = z.infer<typeof CuesFileSchema>;
export type SynonymsData = z.infer<typeof SynonymsFileSchema>;

function dataPath(name: string): string {
  return fileURLToPath(new URL(`../../data/${name}`, import.meta.url));
}

function loadJson<T>(name: string, schema: z.ZodType<T>): T {
  return schema.parse(JSON.parse(readFileSync(dataPath(name), "utf8")));
}

let units: UnitsData | undefined;
let cues: FactCues | undefined;
let synonyms: SynonymsData | undefined;

export function unitsData(): UnitsData {
  units ??= loadJson("units.json", UnitsFileSchema);
  return units;
}

export function factCues(): FactCues {
  cues ??= loadJson("fact-cues.json", CuesFileSchema);
  return cues;
}

export function synonymsData(): SynonymsData {
  synonyms ??= loadJson("metric-synonyms.json", SynonymsFileSchema);
  return synonyms;
}

/** Strings sorted longest first, for greedy matching. */
export function longestFirst(words: Iterable<string>): string[] {
  return [...new Set(words)].sort((a, b) => b.length - a.length);
}
