import { parseChineseNumber, toHalfWidth } from "./numerals.js";
import { type CoarsePeriodName, escapeRegExp, longestFirst, occurrences, periodWords, yearWords } from "./data.js";

/**
 * Parts of a year, normalised so different wordings meet: 一季度 = 第一季度 = 1季度 = 1至3月 = M1-3,
 * 上半年 = 1—6月 = 前6个月 = M1-6, 前三季度 = M1-9, 二季度 Q2, 下半年 H2, 全年 = 1至12月 = Y, 今年以来 ytd.
 * Words from data/reading-period.json.
 */

/** Normalised period key as stored with facts: Y, M1-n, Q2, Q3, Q4, H2, ytd, Mn-n (one month). */
export type PeriodKey = string;

export interface PeriodSpan {
  start: number;
  end: number;
  /** Normalised key, or undefined for words that only set the coarse period (年底, 截至, 2021年以来). */
  key: PeriodKey | undefined;
  /** The older, cruder reading kept in each fact's `period` field. */
  period: CoarsePeriodName;
  evidence: string;
  /** A baseline after 比/较 (「增速比上半年加快2.4个百分点」): named to compare, never the period a figure is of. */
  baseline?: boolean;
}

const MONTH_NUMBER = "(\\d{1,2}|[０-９]{1,2}|[一二三四五六七八九十两]{1,3})";

interface Candidate extends PeriodSpan {
  /** Longer readings win where two overlap. */
  length: number;
  /** A word that contains a period word but names none (年度目标). */
  notPeriod?: boolean;
}

function monthNumber(raw: string): number | null {
  const month = parseChineseNumber(toHalfWidth(raw));
  return month !== null && Number.isInteger(month) && month >= 1 && month <= 12 ? month : null;
}

function rangeKey(first: number, last: number): PeriodKey | undefined {
  if (last < first) return undefined;
  if (first === 1) return last === 12 ? "Y" : `M1-${last}`;
  return periodWords().monthRangeKeys[`${first}-${last}`];
}

interface Patterns {
  monthRange: RegExp;
  firstMonths: RegExp;
  quarter: RegExp;
  singleMonth: RegExp | undefined;
}

let patterns: Patterns | undefined;

/** The period patterns, built once from the word lists. */
function compiled(): Patterns {
  if (patterns) return patterns;
  const words = periodWords();
  const joiner = words.rangeJoiners.map(escapeRegExp).join("|");
  const suffix = words.monthSuffixes.map(escapeRegExp).join("|");
  const tail = longestFirst(words.firstMonthsTail).map(escapeRegExp).join("|");
  const numerals = Object.keys(words.quarters).map(escapeRegExp).join("|");
  const prefixes = words.quarterPrefixes.map(escapeRegExp).join("|");
  const quarterWords = words.quarterWords.map(escapeRegExp).join("|");
  const latin = escapeRegExp(words.latinQuarterPrefix);
  const single = longestFirst(words.singleMonthTails).map(escapeRegExp).join("|");
  patterns = {
    // Not the end of a range (1—9月份) nor after a digit: that is the range's, which is longer and wins anyway.
    singleMonth: single ? new RegExp(`(?<![\\d０-９${words.rangeJoiners.map((joiner) => joiner.replace(/[-\]\\^]/g, "\\$&")).join("")}])${MONTH_NUMBER}\\s*月\\s*(?:${single})`, "gu") : undefined,
    // Not after a digit (12至5月 is no range of ours) nor inside a date (3月1日至5月).
    monthRange: new RegExp(`(?<![\\d０-９])${MONTH_NUMBER}\\s*(?:月\\s*)?(?:${joiner})\\s*${MONTH_NUMBER}\\s*月(?:${suffix})?`, "gu"),
    firstMonths: new RegExp(`${escapeRegExp(words.firstMonthsLead)}${MONTH_NUMBER}(?:${tail})`, "gu"),
    // 前三季度 is a run of quarters (a fixed word), not the third; 2023Q1 and 2023年Q1 are quarters.
    quarter: new RegExp(`(?<!前)(?:${prefixes})?(${numerals})(?:${quarterWords})|(?<![A-Za-z])${latin}([1-4])(?![0-9])`, "gu"),
  };
  return patterns;
}

function monthRanges(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(compiled().monthRange)) {
    const first = monthNumber(m[1]!);
    const last = monthNumber(m[2]!);
    if (first === null || last === null) continue;
    found.push(candidate(m.index, m[0], rangeKey(first, last), "months"));
  }
  return found;
}

/** 「9月当月」「5月份」: one month's own figure. */
function singleMonths(text: string): Candidate[] {
  const pattern = compiled().singleMonth;
  if (!pattern) return [];
  const found: Candidate[] = [];
  for (const m of text.matchAll(pattern)) {
    const month = monthNumber(m[1]!);
    if (month !== null) found.push(candidate(m.index, m[0], `M${month}-${month}`, "months"));
  }
  return found;
}

function firstMonths(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(compiled().firstMonths)) {
    const last = monthNumber(m[1]!);
    if (last !== null) found.push(candidate(m.index, m[0], rangeKey(1, last), "months"));
  }
  return found;
}

function quarters(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(compiled().quarter)) {
    const reading = periodWords().quarters[m[1] ?? m[2]!];
    if (reading) found.push(candidate(m.index, m[0], reading.key, reading.period));
  }
  return found;
}

function literalWords(text: string): Candidate[] {
  const words = periodWords();
  const found: Candidate[] = [];
  for (const [word, reading] of Object.entries(words.fixed)) {
    for (const start of occurrences(text, word)) found.push(candidate(start, word, reading.key, reading.period));
  }
  for (const [word, period] of Object.entries(words.coarseOnly)) {
    for (const start of occurrences(text, word)) found.push(candidate(start, word, undefined, period));
  }
  return found;
}

function candidate(start: number, evidence: string, key: PeriodKey | undefined, period: CoarsePeriodName): Candidate {
  return { start, end: start + evidence.length, key, period, evidence, length: evidence.length };
}

/** Every period named in text, in text order; where readings overlap the longest wins (前三季度 over 三季度, 今年以来 over 以来). */
export function findPeriods(text: string): PeriodSpan[] {
  const all = [...monthRanges(text), ...singleMonths(text), ...firstMonths(text), ...quarters(text), ...literalWords(text), ...notPeriods(text)].sort((a, b) => b.length - a.length || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of all) {
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    kept.push(c);
  }
  return kept
    .filter((c) => !c.notPeriod)
    .sort((a, b) => a.start - b.start)
    .map(({ length: _length, notPeriod: _notPeriod, ...span }) => (isBaseline(text, span.start) ? { ...span, baseline: true } : span));
}

/** The comparison words a year is a baseline after (data/reading-year.json exclusionPrefixes) make a period one too. */
function isBaseline(text: string, start: number): boolean {
  return yearWords().exclusionPrefixes.some((prefix) => text.slice(Math.max(0, start - prefix.length), start) === prefix);
}

/** Periods a figure can be of: all but the baselines. */
function ownPeriods(text: string): PeriodSpan[] {
  return findPeriods(text).filter((span) => !span.baseline);
}

/** 「年度目标」「全年任务」: a period word that names a goal, not a time a figure is about (longer, so it wins, then is dropped). */
function notPeriods(text: string): Candidate[] {
  return periodWords().notPeriods.flatMap((word) => occurrences(text, word).map((start) => ({ ...candidate(start, word, undefined, "year"), notPeriod: true })));
}

/** The period a text names (a question says one): a part of a year before a 全年 said beside it, or undefined. */
export function readPeriod(text: string): PeriodKey | undefined {
  const keyed = ownPeriods(text).filter((s) => s.key !== undefined);
  return (keyed.find((s) => s.key !== "Y") ?? keyed[0])?.key;
}

/** The period in force at the end of a text: the last one named (一季度…；上半年，力争… → M1-6). */
export function lastPeriod(text: string): PeriodKey | undefined {
  return ownPeriods(text).filter((s) => s.key !== undefined).at(-1)?.key;
}

/**
 * The period a text sets for what follows it: the last one said as its clause's topic (「1至11月，全市…」
 * 「全区上半年实现…」), not one inside a clause about something else (「…邮轮下半年来青」 dates the ships).
 */
export function periodInForce(text: string): PeriodKey | undefined {
  // 「…其中7月当月完成4780万吨。集装箱吞吐量…」: one month's own figure is a part of the running total; the period
  // it names does not carry to the sentences after it.
  return ownPeriods(text).filter((span) => span.key !== undefined && leadsClause(text, span) && !isSingleMonth(span.key)).at(-1)?.key;
}

function isSingleMonth(key: PeriodKey): boolean {
  return monthsOf(key).length === 1;
}

/**
 * The part of a year a report's lead sets for the paragraphs after it (「今年1—5月，新区主要经济指标…」 over 「消费外贸
 * 平稳。社会消费品零售总额…」): the period in force at the end of the first paragraph, when it is a part of a year.
 */
export function leadPeriod(text: string): PeriodKey | undefined {
  const first = text.split("\n").find((paragraph) => paragraph.trim() !== "") ?? "";
  const key = periodInForce(first);
  return key !== undefined && key !== "Y" && key !== "ytd" ? key : undefined;
}

/** A clause's topic: right before a comma or colon, or a few characters from the clause's start. */
function leadsClause(text: string, span: PeriodSpan): boolean {
  if (/^[，,：:]/u.test(text.slice(span.end))) return true;
  const clauseStart = Math.max(...[...CLAUSE_BREAKS].map((mark) => text.lastIndexOf(mark, span.start - 1))) + 1;
  const before = text.slice(clauseStart, span.start).replace(/(?:19|20)[0-9]{2}年/gu, "");
  return before.length <= TOPIC_LEAD_CHARS;
}
const CLAUSE_BREAKS = "，,。；;：:！？!?\n";
/** 「全区」「其中」「今年」 before a period still leave it the clause's topic. */
const TOPIC_LEAD_CHARS = 4;

/**
 * The coarse period of a text (kept in facts' `period` field): any month range makes it `months`; else
 * the latest period word, the longer where two start together (年底 → point, 一季度 → Q1).
 */
export function coarsePeriod(text: string): CoarsePeriodName | null {
  const spans = ownPeriods(text);
  if (spans.some((s) => s.period === "months" && s.evidence.includes("月"))) return "months";
  return spans.at(-1)?.period ?? null;
}

/**
 * A year-to-date figure (今年以来) that answers a question about its whole year: one said in the year's last month
 * (data yearEndMonths), or any when a running total is asked (「2025年累计开工多少」). `year` is the figure's
 * year, `publishedOn` its article's date.
 */
export function standsForYear(periodKey: string, year: number | null, publishedOn: string | null | undefined, runningTotal = false): boolean {
  if (periodKey !== "ytd") return false;
  if (runningTotal) return true;
  return publishedAtYearEnd(publishedOn, year);
}

/** Whether a piece appeared in the last month(s) of `year` (data yearEndMonths), when the year is as good as over. */
export function publishedAtYearEnd(publishedOn: string | null | undefined, year: number | null): boolean {
  const date = publishedOn ? /^(\d{4})-(\d{1,2})/.exec(publishedOn) : null;
  return date !== null && Number(date[1]) === year && periodWords().yearEndMonths.includes(Number(date[2]));
}

/** The calendar months a period covers (M1-3 → 1…3, Q3 → 7…9, H2 → 7…12), empty for Y, ytd and unknown keys. */
export function monthsOf(key: PeriodKey): number[] {
  const months = /^M(\d{1,2})-(\d{1,2})$/.exec(key);
  const range = months ? `${months[1]}-${months[2]}` : Object.entries(periodWords().monthRangeKeys).find(([, value]) => value === key)?.[0];
  const [first, last] = (range ?? "").split("-").map(Number);
  if (!first || !last || last < first) return [];
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/**
 * 「3月4日上午，…2026年一季度重大项目集中开工」: a figure dated by its event's day (no part of the year of its own)
 * belongs to every part of the year that holds that day's month.
 */
export function dayWithinPeriod(asked: PeriodKey, factPeriodKey: string, month: number | null | undefined): boolean {
  return factPeriodKey === "Y" && month !== null && month !== undefined && monthsOf(asked).includes(month);
}

/** Whether a text's period can be the asked one: equal, or the text names none. */
export function periodsAgree(asked: PeriodKey | undefined, spoken: PeriodKey | undefined): boolean {
  if (!asked || !spoken) return true;
  return asked === spoken;
}

/**
 * A text that speaks of several years at once (「五年间」「近三年来」「十四五期间」): a figure said after it totals
 * them. 累计 alone does not: 「前三季度累计完成…」 is that period's total.
 */
export function spansYears(written: string): boolean {
  const { words, spanTails, countChars } = periodWords().multiYear;
  // 「“十四五”期间」: a plan's name is often quoted.
  const text = written.replace(/[“”"「」‘’]/g, "");
  if (words.some((word) => text.includes(word))) return true;
  return spanTails.some((tail) => {
    for (const at of occurrences(text, tail)) {
      let count = 0;
      while (at - count - 1 >= 0 && countChars.includes(text[at - count - 1]!)) count++;
      if (count > 0 && count <= 2) return true;
    }
    return false;
  });
}

/**
 * A question about a span of years itself (「十四五期间…累计多少」「五年来引进了多少」): only a figure totalled over
 * them answers it. An average over the years (年均增长, 两年平均) is a rate, not such a span.
 */
export function namesYearSpan(question: string): boolean {
  const { averageWords } = periodWords().multiYear;
  return !averageWords.some((word) => question.includes(word)) && spansYears(question);
}

/** A question that asks for a total over years or since a start (「累计」「五年间」), which such figures answer. */
export function asksTotal(question: string): boolean {
  return spansYears(question) || periodWords().multiYear.askWords.some((word) => question.includes(word));
}
