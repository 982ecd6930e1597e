/** Public surface of numeric fact extraction. */
export { extractFacts, evidenceMatches, type ExtractionResult } from "./extract.js";
export { parseChineseNumber, parseChineseNumeral, parseArabic, roundSane } from "../reading/index.js";
export { normalizeQuantity, scanQuantities, unitEntry, type QuantityMatch } from "./units.js";
export { resolveYear, nearestYearCue, yearCues, type YearCue } from "./years.js";
/** Periods and years come from the recognisers in src/reading; these names are kept for older callers. */
export {
  coarsePeriod as detectPeriod,
  lastPeriod as lastPeriodKey,
  periodsAgree,
  readPeriod as periodKey,
  yearOfDate,
  type PeriodKey,
} from "../reading/index.js";
export { canonicalMetric, metricWordings, metricSynonyms, metricParts, metricFit, measuresOther, namesKnownMetric, saysOtherMeasure, echoedMeasure } from "./synonyms.js";
export { scanRankings, type RankingMatch } from "./rankings.js";
export { FACTS_VERSION } from "./version.js";
export { bracketedName, splitLeadVerb } from "./metric.js";
