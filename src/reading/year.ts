import { parseChineseNumeral, toHalfWidth } from "./numerals.js";
import { longestFirst, occurrences, yearWords } from "./data.js";
import { readsAsResult } from "./kind.js";
import { findPeriods } from "./period.js";

/**
 * Years named in text: explicit (2023年, 二〇二三年, 2023年度) and relative (今年, 去年, 全年, 上一年度…),
 * resolved against a reference date. Words from data/reading-year.json.
 */

export interface YearSpan {
  start: number;
  end: number;
  /** The year meant, or null for a multi-year plan (十四五) or a relative word with no reference date. */
  year: number | null;
  /** True for a word resolved against the reference date (今年, 去年), false for a written year. */
  relative: boolean;
  /** The words as written. */
  evidence: string;
  /** 十四五-style plan: the figure belongs to no single year. */
  multiYear: boolean;
  /** Named only to compare (去年同期为…, 2020年为…): it governs its own clause, not the sentence. */
  comparison: boolean;
  /** A baseline after 比/较 (「较2023年的7.9亿美元」): named to compare, never the year a sentence reports on. */
  baseline: boolean;
  /** 全年/年内/年底/年初: names a year only when nothing else in the text does. */
  yearless: boolean;
  /** A relative word for the reference year that could be moved by the look-back rule (今年, 全年; not 今年以来). */
  currentYear: boolean;
  /** Moved to the year before by the look-back rule: a whole-year result published early the next year. */
  lookBack: boolean;
}

export interface YearContext {
  /** Publication date `YYYY-MM-DD`: relative words are read against it, and its month decides the look-back rule. */
  publishedOn?: string | null;
  /** Year that 今年 means when there is no publication date (a question: the newest article's year). */
  referenceYear?: number | null;
  /**
   * `sentence` (default): a 全年/今年 whose sentence reads as a whole-year result, published in the first
   * months of a year, names the year before. `off`: leave that to a caller that knows more (fact extraction).
   */
  lookBack?: "sentence" | "off";
  /** Read two-digit years (「24年秋季」): people write them in questions, articles do not. */
  shortYears?: boolean;
}

/** Calendar year of a `YYYY-MM-DD` date, or null. */
export function yearOfDate(date: string | null | undefined): number | null {
  const m = date ? /^(\d{4})/.exec(date) : null;
  return m ? Number(m[1]) : null;
}

/** Month (1–12) of a `YYYY-MM-DD` date, or null. */
export function monthOfDate(date: string | null | undefined): number | null {
  const m = date ? /^\d{4}-(\d{1,2})/.exec(date) : null;
  return m ? Number(m[1]) : null;
}

/** True when a date falls in the months in which a whole-year result reports the year before (January–March). */
export function inLookBackMonths(date: string | null | undefined): boolean {
  const month = monthOfDate(date);
  return month !== null && yearWords().lookBackMonths.includes(month);
}

/** True when a text is a look-back (年终, 回顾, 过去一年, 一年来…): a review of a year that has ended. */
/** 「年度目标」「全年任务」: a goal named as a reported year's own, not one for a year to come. */
export function namesReportedYearGoal(text: string): boolean {
  return yearWords().reportedYearGoals.some((word) => text.includes(word));
}

export function isLookBack(text: string): boolean {
  return yearWords().lookBackWords.some((word) => text.includes(word));
}

/**
 * An article looks back on a period that has ended when its title or its lead says so (「年终」「回顾」,
 * 「过去一年…」 in the first paragraph of a review whose title is a headline): facts and sentences read it alike.
 */
export function articleLooksBack(title: string, text: string): boolean {
  const lead = text.split("\n").find((paragraph) => paragraph.trim() !== "") ?? "";
  return isLookBack(title) || isLookBack(lead);
}

/** True when text uses a word for the reference year that can stand for the whole of it (今年, 全年, 年内, 年底). */
export function namesCurrentYear(text: string): boolean {
  return yearWords().currentYearWords.some((word) => text.includes(word));
}

/**
 * The year an article reports on when nothing in it says: its publication year, or the year before for a
 * look-back (its title or lead says 年终/回顾/过去一年…) published in January–March.
 */
export function reportedYear(publishedOn: string | null | undefined, lookBack: boolean): number | null {
  const year = yearOfDate(publishedOn);
  if (year === null) return null;
  return lookBack && inLookBackMonths(publishedOn) ? year - 1 : year;
}

const EXPLICIT_YEAR = /(?<![0-9０-９])((?:19|20)[0-9]{2}|[１２][０-９]{3})\s*年(度)?|([〇零一二三四五六七八九]{4})年(度)?/gu;

function explicitYears(text: string): YearSpan[] {
  const { min, max } = yearWords().yearRange;
  const spans: YearSpan[] = [];
  for (const m of text.matchAll(EXPLICIT_YEAR)) {
    const year = m[1] ? Number(toHalfWidth(m[1])) : parseChineseNumeral(m[3] ?? "");
    if (year === null || year < min || year > max) continue;
    const end = m.index + m[0].length;
    spans.push(span(text, m.index, end, year, { relative: false, multiYear: startsSpan(text, end) }));
  }
  return spans;
}

/**
 * 「2016年“国考”重启以来」「2014年获批设立以来」: a year that starts a run up to now names where the run
 * began, not the year a paragraph speaks of. Read within its clause.
 */
function startsSpan(text: string, end: number): boolean {
  const clause = /^[^，,。；;！？!?\n]*/u.exec(text.slice(end, end + SPAN_LOOKAHEAD))![0];
  return yearWords().spanStarts.some((word) => clause.includes(word));
}
const SPAN_LOOKAHEAD = 16;

const SHORT_YEAR = /(?<![0-9０-９.])([0-9]{2})年/gu;
/** A four-digit year with no 年, set off by a space or a comma (「2024 昆山经开区…」「2019，园区…」). */
const BARE_YEAR = /(?<![0-9０-９.])((?:19|20)[0-9]{2})(?=[\s，,、])/gu;

/** 「2024 昆山经开区新签约项目多少」: in a chat question a year set off by a space needs no 年. */
function bareYears(text: string): YearSpan[] {
  const { min, max } = yearWords().yearRange;
  return [...text.matchAll(BARE_YEAR)].map((m) => ({ m, year: Number(m[1]) })).filter(({ year }) => year >= min && year <= max).map(({ m, year }) => span(text, m.index, m.index + m[0].length, year, { relative: false }));
}

const YEAR_RANGE = /(?<![0-9０-９])((?:19|20)[0-9]{2})年?\s*[-—–~～至到]\s*((?:19|20)[0-9]{2})(?![0-9])年?/gu;
/** A range spells out its first and last year only: 「2019-2021」 names three. */
const MAX_RANGE_YEARS = 10;

/** 「22年到24年」「22-24年」: a chat's two-digit years, the range closed by 年. */
const SHORT_YEAR_RANGE = /(?<![0-9０-９.])([0-9]{2})年?\s*[-—–~～至到]\s*([0-9]{2})年(?![0-9])/gu;

/** 「近三年（2019-2021）」「2019至2021年」「22年到24年」: in a chat question, every year of a written range. */
function yearRanges(text: string): YearSpan[] {
  const { min, max } = yearWords().yearRange;
  const { century } = yearWords().shortYears;
  const spans: YearSpan[] = [];
  const written = [...text.matchAll(YEAR_RANGE)].map((m) => ({ m, first: Number(m[1]), last: Number(m[2]) }));
  const short = [...text.matchAll(SHORT_YEAR_RANGE)].map((m) => ({ m, first: century + Number(m[1]), last: century + Number(m[2]) }));
  for (const { m, first, last } of [...written, ...short]) {
    if (first < min || last > max || last <= first || last - first >= MAX_RANGE_YEARS) continue;
    for (let year = first; year <= last; year++) spans.push(span(text, m.index, m.index + m[0].length, year, { relative: false }));
  }
  return spans;
}

const YEAR_LIST = /(?<![0-9０-９.])((?:(?:19|20)[0-9]{2}|[0-9]{2})(?:[、,，和与及](?:(?:19|20)[0-9]{2}|[0-9]{2}))+)年/gu;

/** 「21、22、23年的外贸」「2022和2023年」: in a chat question, the years listed before one 年 are each a year. */
function listedYears(text: string): YearSpan[] {
  const { min, max } = yearWords().yearRange;
  const { century } = yearWords().shortYears;
  const spans: YearSpan[] = [];
  for (const m of text.matchAll(YEAR_LIST)) {
    const years = m[1]!.split(/[、,，和与及]/u).map((item) => (item.length === 2 ? century + Number(item) : Number(item)));
    if (!years.every((year) => year >= min && year <= max)) continue;
    for (const year of years) spans.push(span(text, m.index, m.index + m[0].length, year, { relative: false }));
  }
  return spans;
}

/**
 * 「24年秋季」「西海岸24年GDP多少」: a two-digit year, unless the number counts years (成立24年来, 近30年,
 * 30年的变化). A word only a year takes after it (秋季, 目标, 多少) settles it first.
 */
function shortYears(text: string): YearSpan[] {
  const { century, followers, durationBefore, durationAfter, maxYear } = yearWords().shortYears;
  const spans: YearSpan[] = [];
  for (const m of text.matchAll(SHORT_YEAR)) {
    const end = m.index + m[0].length;
    const after = text.slice(end).replace(/^的/u, "");
    const isYear = followers.some((word) => text.startsWith(word, end)) ||
      (Number(m[1]) <= maxYear && !durationBefore.some((word) => text.slice(0, m.index).endsWith(word)) && !durationAfter.some((word) => after.startsWith(word)));
    if (isYear) spans.push(span(text, m.index, end, century + Number(m[1]), { relative: false }));
  }
  return spans;
}

let relativeOrder: string[] | undefined;

function relativeYears(text: string, referenceYear: number | null, taken: Set<number>): YearSpan[] {
  const words = yearWords();
  const spans: YearSpan[] = [];
  relativeOrder ??= longestFirst(Object.keys(words.relative));
  for (const word of relativeOrder) {
    for (const start of occurrences(text, word)) {
      const end = start + word.length;
      if (overlaps(taken, start, end)) continue;
      // 比上年增长 compares with last year; the figure itself is about the current one.
      if (words.exclusionPrefixes.some((p) => text.slice(Math.max(0, start - p.length), start) === p)) continue;
      const yearless = words.yearlessWords.includes(word);
      // 5年内, 三年内: a duration, not this year.
      if (yearless && /[0-9０-９一二三四五六七八九十两几多]$/u.test(text.slice(0, start))) continue;
      for (let i = start; i < end; i++) taken.add(i);
      const offset = words.relative[word] ?? 0;
      const year = referenceYear === null ? null : referenceYear + offset;
      // 今年是…, 全年为… name no baseline: only a past year is named to compare.
      const comparable = offset < 0 ? {} : { comparison: false };
      spans.push(span(text, start, end, year, { relative: true, yearless, currentYear: words.currentYearWords.includes(word), ...comparable }));
    }
  }
  return spans;
}

function multiYearPlans(text: string): YearSpan[] {
  return yearWords().multiYearPlans.flatMap((word) => occurrences(text, word).map((start) => span(text, start, start + word.length, null, { relative: false, multiYear: true })));
}

function span(text: string, start: number, end: number, year: number | null, flags: Partial<YearSpan> & { relative: boolean }): YearSpan {
  const after = text.slice(end);
  // 「2020年为…」 names a year to compare; so does 「较2023年的7.9亿美元」, a baseline after 比/较.
  const baseline = yearWords().exclusionPrefixes.some((prefix) => text.slice(Math.max(0, start - prefix.length), start) === prefix);
  // 「上年同期」 is one relative word with its follower inside.
  const written = text.slice(start, end);
  const comparison = baseline || yearWords().comparisonFollowers.some((word) => after.startsWith(word) || written.endsWith(word));
  return {
    start,
    end,
    year,
    evidence: text.slice(start, end),
    multiYear: false,
    comparison,
    baseline,
    yearless: false,
    currentYear: false,
    lookBack: false,
    ...flags,
  };
}

function overlaps(taken: Set<number>, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (taken.has(i)) return true;
  return false;
}

/** The sentence around [start, end) of text. */
function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(...["。", "！", "？", "!", "?", "\n"].map((mark) => text.lastIndexOf(mark, start - 1))) + 1;
  const stops = ["。", "！", "？", "!", "?", "\n"].map((mark) => text.indexOf(mark, end)).filter((i) => i >= 0);
  return text.slice(from, stops.length ? Math.min(...stops) : text.length);
}

/**
 * A whole-year result: the sentence names the whole year (全年, 年度) or looks back (回顾, 一年来), reads
 * as a result (实现, 完成, 同比 and no 力争/目标), and names no part of the year (一季度, 1至5月).
 */
export function isWholeYearResult(sentence: string): boolean {
  const periods = findPeriods(sentence).filter((p) => p.key !== undefined);
  const partOfYear = periods.some((p) => p.key !== "Y");
  const wholeYear = periods.some((p) => p.key === "Y") || isLookBack(sentence);
  return wholeYear && !partOfYear && readsAsResult(sentence);
}

function applyLookBack(text: string, spans: YearSpan[], context: YearContext): YearSpan[] {
  if ((context.lookBack ?? "sentence") === "off" || !inLookBackMonths(context.publishedOn)) return spans;
  return spans.map((s) => {
    if (!s.currentYear || s.year === null || !isWholeYearResult(sentenceAround(text, s.start, s.end))) return s;
    return { ...s, year: s.year - 1, lookBack: true };
  });
}

/**
 * 「2025年，各地国家级园区主动作为…」: the one year an article's first paragraph names (written or relative, read
 * against the publication date without the look-back rule; none named to compare or over several years) — the year
 * its other paragraphs report on when they name none. Undefined for none or several.
 */
export function leadYear(text: string, publishedOn: string | null | undefined): number | undefined {
  const first = text.split("\n").find((paragraph) => paragraph.trim() !== "") ?? "";
  const years = new Set(findYears(first, { publishedOn, lookBack: "off" }).filter((c) => !c.multiYear && !c.comparison && !c.yearless && c.year !== null).map((c) => c.year!));
  return years.size === 1 ? [...years][0] : undefined;
}

/**
 * Every year named in text, in text order. A yearless word (全年, 年底) after another year in the text
 * restates that year (2023年全年, 去年年底) and is left out. See YearContext for the look-back rule.
 */
export function findYears(text: string, context: YearContext = {}): YearSpan[] {
  const referenceYear = context.referenceYear ?? yearOfDate(context.publishedOn);
  const explicit = [...explicitYears(text), ...(context.shortYears ? [...shortYears(text), ...bareYears(text), ...yearRanges(text), ...listedYears(text)] : [])];
  const taken = new Set<number>();
  for (const s of explicit) for (let i = s.start; i < s.end; i++) taken.add(i);
  const spans = [...explicit, ...relativeYears(text, referenceYear, taken), ...multiYearPlans(text)].sort((a, b) => a.start - b.start);
  const firstNamed = spans.find((s) => !s.multiYear && !s.yearless)?.start ?? Infinity;
  const kept = spans.filter((s) => !(s.yearless && s.start > firstNamed));
  return applyLookBack(text, kept, context);
}

/**
 * The year a question or a short text is about: a written year first, else the first relative word
 * (今年, 去年) read against the context. 全年/年内 alone name a period, not a year: undefined then.
 */
export function readYear(text: string, context: YearContext = {}): number | undefined {
  const spans = findYears(text, context).filter((s) => s.year !== null);
  const chosen = spans.find((s) => !s.relative) ?? spans.find((s) => !s.yearless);
  return chosen?.year ?? undefined;
}

/**
 * 「今年正值新区获批设立10周年」 published in 2024: the run began in 2014. The year of the anniversary is the one
 * the text names (relative words read against the publication date); undefined when it names none.
 */
export function anniversaryStart(text: string, context: YearContext = {}): { year: number; evidence: string } | undefined {
  for (const word of yearWords().anniversaries) {
    const at = text.indexOf(word);
    if (at < 0) continue;
    const count = /([0-9０-９]+|[〇零一二三四五六七八九十百]+)$/u.exec(text.slice(0, at));
    const years = count ? Number.parseInt(toHalfWidth(count[1]!), 10) || parseChineseNumeral(count[1]!) : null;
    const named = readYear(text.slice(0, at), { ...context, lookBack: "off" });
    if (years === null || years <= 0 || named === undefined) continue;
    return { year: named - years, evidence: text.slice(count!.index, at + word.length) };
  }
  return undefined;
}
