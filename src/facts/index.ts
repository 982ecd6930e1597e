/** Public surface of numeric fact extraction. */
export { extractFacts, evidenceMatches, type ExtractionResult } from "./extract.js";
export { parseChineseNumber, parseChineseNumeral, parseArabic, roundSane } from "./numerals.js";
export { normalizeQuantity, scanQuantities, unitEntry, type QuantityMatch } from "./units.js";
export { resolveYear, detectPeriod, nearestYearCue, yearCues, yearOfDate, type YearCue } from "./years.js";
export { canonicalMetric, metricSynonyms, metricParts, metricFit, namesKnownMetric } from "./synonyms.js";
export { scanRankings, type RankingMatch } from "./rankings.js";
export { FACTS_VERSION } from "./version.js";
export { periodKey, lastPeriodKey, periodsAgree, type PeriodKey } from "./periods.js";
export { splitLeadVerb } from "./metric.js";
