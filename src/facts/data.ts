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
  vagueNumeralPrefixes: z.string().default(""),
  roundQualifiers: z.string().default(""),
});

const CuesFileSchema = z.object({
  investmentMetricWords: z.array(z.string()),
  rankingScopes: z.array(z.string()),
  rankingVerbs: z.array(z.string()),
  qualifiersBefore: z.record(z.string(), z.string()),
  qualifiersInside: z.record(z.string(), z.string()),
  qualifiersAfter: z.record(z.string(), z.string()),
  thresholdPrefixes: z.array(z.string()),
  thresholdSuffixes: z.array(z.string()),
  leadingStrip: z.array(z.string()),
  grantVerbs: z.array(z.string()).default([]),
  trailingStrip: z.array(z.string()),
  leadVerbs: z.array(z.string()),
  nounCutters: z.array(z.string()),
  nounCutterExceptions: z.array(z.string()),
  pastPeriods: z.array(z.string()),
  genericNouns: z.array(z.string()),
  growthWords: z.array(z.string()),
  bareMeasures: z.array(z.string()).default([]),
  fromToOpeners: z.array(z.string()).default([]),
  respectiveWords: z.array(z.string()).default([]),
  bracketInvestmentNouns: z.array(z.string()).default([]),
  listJoinWords: z.array(z.string()).default([]),
  bracketInvestmentMetric: z.string().default("总投资"),
  sharedMeasureHeads: z.array(z.string()).default([]),
  respectiveMaxPredicateChars: z.number().int().positive().default(6),
  fromToVerbs: z.array(z.string()).default([]),
  fromToJoins: z.array(z.string()).default([]),
  metricHeads: z.array(z.string()),
  comparatorLeads: z.array(z.string()),
  sameTermWords: z.array(z.string()),
  qualifierWordExclusions: z.array(z.string()),
  investmentExclusions: z.array(z.string()),
  countEventVerbs: z.array(z.string()),
});
const SynonymsFileSchema = z.object({
  groups: z.array(z.array(z.string().min(1)).min(1)),
  noise: z.array(z.string()).default([]),
  askedShorthands: z.record(z.string(), z.string()).default({}),
  distinct: z.array(z.array(z.array(z.string().min(1))).min(2)).default([]),
  restrictive: z.array(z.array(z.string().min(1)).min(1)).default([]),
  equivalenceWords: z.array(z.string().min(1)).default([]),
  alternatives: z.array(z.array(z.array(z.string().min(1)).min(1)).min(2)).default([]),
  actions: z.array(z.array(z.string().min(1)).min(2)).default([]),
});

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
