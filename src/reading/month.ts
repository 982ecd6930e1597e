import { parseChineseNumber } from "./numerals.js";
import { escapeRegExp, longestFirst, type MonthPartName, monthWords } from "./data.js";

/**
 * Calendar months and days an event is dated by (3月, 10月29日, 3月中旬, 三月份), so two events of one
 * year (集中开工 in March and in October) can be told apart. Month ranges (1至5月, 前5个月) are periods,
 * read by period.ts, and are not months here. Words from data/reading-month.json.
 */

export interface MonthSpan {
  start: number;
  end: number;
  month: number;
  day: number | null;
  /** Part of the month when said (3月中旬 → mid, 10月底 → end). */
  part: MonthPartName | null;
  evidence: string;
}

const NUMBER = "(\\d{1,2}|[０-９]{1,2}|[一二三四五六七八九十]{1,3})";
const DAY_NUMBER = "(\\d{1,2}|[０-９]{1,2}|[一二三四五六七八九十]{1,4})";

let compiled: RegExp | undefined;

/** The month pattern, built once from the word lists. */
function pattern(): RegExp {
  compiled ??= buildPattern();
  return compiled;
}

function buildPattern(): RegExp {
  const words = monthWords();
  const month = escapeRegExp(words.monthWord);
  const suffix = words.monthSuffixes.map(escapeRegExp).join("|");
  const day = words.dayWords.map(escapeRegExp).join("|");
  const parts = longestFirst(Object.keys(words.parts)).map(escapeRegExp).join("|");
  return new RegExp(`(?<![\\d０-９])${NUMBER}${month}(?:${suffix})?(?:${DAY_NUMBER}(?:${day})|(${parts}))?`, "gu");
}

function inRange(value: number | null, max: number): value is number {
  return value !== null && Number.isInteger(value) && value >= 1 && value <= max;
}

/** True when the month at [start, end) is an end or a start of a month range (1至5月, 3月至5月), not one month. */
function partOfRange(text: string, start: number, end: number): boolean {
  const joiners = monthWords().rangeJoiners;
  const before = text.slice(0, start).trimEnd();
  const after = text.slice(end).trimStart();
  const joinedBefore = joiners.some((j) => before.endsWith(j)) && /[\d０-９一二三四五六七八九十]\s*月?\s*.$/u.test(before);
  const joinedAfter = joiners.some((j) => after.startsWith(j)) && /^.\s*[\d０-９一二三四五六七八九十]{1,2}\s*月/u.test(after);
  return joinedBefore || joinedAfter;
}

/** Every calendar month (with its day or part when said) in text, in text order. */
export function findMonths(text: string): MonthSpan[] {
  const words = monthWords();
  const spans: MonthSpan[] = [];
  for (const m of text.matchAll(pattern())) {
    const start = m.index;
    const end = start + m[0].length;
    const month = parseChineseNumber(m[1]!);
    if (!inRange(month, 12)) continue;
    if (words.notBefore.some((w) => text.slice(0, start).endsWith(w))) continue;
    // 月度, 月薪: 月 starts another word.
    if (!m[2] && !m[3] && words.notAfter.some((w) => text.startsWith(w, end))) continue;
    // 十月 inside 二十月 or 三十月 is no month: a Chinese month numeral stands alone.
    if (/[一二三四五六七八九十百千万两]$/u.test(text.slice(0, start))) continue;
    if (partOfRange(text, start, end)) continue;
    const day = m[2] ? parseChineseNumber(m[2]) : null;
    if (m[2] && !inRange(day, 31)) continue;
    const part = m[3] ? (words.parts[m[3]] ?? null) : null;
    spans.push({ start, end, month, day, part, evidence: m[0] });
  }
  return spans;
}

/** The first calendar month a text names, with its day when said; undefined when none. */
export function readMonth(text: string): { month: number; day: number | null } | undefined {
  const first = findMonths(text)[0];
  return first ? { month: first.month, day: first.day } : undefined;
}
