/**
 * Reading time and kind the same way in articles and questions: small recognisers, each
 * `find…(text, context) → spans` with its words in one data file (data/reading-*.json).
 */
export {
  findYears,
  readYear,
  yearOfDate,
  monthOfDate,
  reportedYear,
  isLookBack,
  namesCurrentYear,
  isWholeYearResult,
  inLookBackMonths,
  type YearSpan,
  type YearContext,
} from "./year.js";
export { findPeriods, readPeriod, lastPeriod, coarsePeriod, periodsAgree, type PeriodSpan, type PeriodKey } from "./period.js";
export { findKinds, readKind, readsAsResult, kindCueWords, type KindSpan, type KindName, type KindContext, type CueStrength } from "./kind.js";
export { findMonths, readMonth, type MonthSpan } from "./month.js";
