/**
 * Reading time and kind the same way in articles and questions: small recognisers, each
 * `find…(text, context) → spans` with its words in one data file (data/reading-*.json).
 *
 * For a question: `readYear(q, {referenceYear})` (a written year, else 今年/去年…), `readPeriod(q)` (M1-3, Y,
 * ytd …), `readKind(q)` (target/actual), `readMonth(q)` ({month, day}); the spans of `findYears`,
 * `findPeriods` and `findKinds(q, {reader: "question"})` give offsets for stripping those words from what is
 * measured, and `kindCueWords()` the goal/result words themselves.
 */
export {
  findYears,
  readYear,
  yearOfDate,
  monthOfDate,
  reportedYear,
  isLookBack,
  namesReportedYearGoal,
  articleLooksBack,
  namesCurrentYear,
  isWholeYearResult,
  inLookBackMonths,
  anniversaryStart,
  leadYear,
  type YearSpan,
  type YearContext,
} from "./year.js";
export { findPeriods, readPeriod, lastPeriod, periodInForce, coarsePeriod, spansYears, namesYearSpan, asksTotal, periodsAgree, standsForYear, monthsOf, dayWithinPeriod, publishedAtYearEnd, leadPeriod, type PeriodSpan, type PeriodKey } from "./period.js";
export { findKinds, readKind, readsAsResult, kindCueWords, type KindSpan, type KindName, type KindContext, type CueStrength } from "./kind.js";
export { findMonths, readMonth, type MonthSpan } from "./month.js";
export { eventMonthAgrees } from "./event.js";
export { headingYear, sectionHeading, sectionAskWords, paragraphTopic, definesSubject, refersBack, partNamedBefore, isPrompt, enumerationStep, givesCause, asksChange, questionAsksChange, writesChange, writesPlaceFor, pointsAtItems, reportsSpeech, setsScene, pointsAhead, saysWhere, titlesDocument, placesSubject } from "./topic.js";
export { findSeasons, readSeason, type SeasonSpan } from "./season.js";
export { CHINESE_NUMERAL_CHARS, parseArabic, parseChineseNumber, parseChineseNumeral, roundSane, toHalfWidth } from "./numerals.js";
export { escapeRegExp } from "./data.js";
