import type { Markers } from "./markers.js";

/** A month/day dateline found in text (「本报8月11日讯」), with the year when it says one. */
export interface Dateline {
  year?: number;
  month: number;
  day: number;
  evidence: string;
}

const pad = (n: number): string => String(n).padStart(2, "0");

export function isValidDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function formatDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** `2022-8-1`, `2022/08/01`, `2022.08.01`, `2022年8月1日`, `20220801` → `2022-08-01`; anything else → null. */
export function normalizeDate(input: string): string | null {
  const match =
    /^\s*(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?(?:[T\s].*)?$/u.exec(input) ??
    /^\s*((?:19|20)\d{2})(\d{2})(\d{2})\s*$/u.exec(input);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidDate(year, month, day) ? formatDate(year, month, day) : null;
}

/** The dateline at the start of any paragraph of the text. */
export function findDateline(text: string, markers: Markers): Dateline | undefined {
  for (const paragraph of text.split("\n")) {
    for (const re of markers.dateline) {
      const groups = re.exec(paragraph)?.groups;
      if (!groups?.month || !groups.day) continue;
      const dateline: Dateline = { month: Number(groups.month), day: Number(groups.day), evidence: re.exec(paragraph)![0] };
      if (groups.year) dateline.year = Number(groups.year);
      return dateline;
    }
  }
  return undefined;
}

/**
 * The year the text talks about most (「2022年」 ×5 beats 「2021年」 ×2); later year on ties. A year named as a
 * plan's deadline (「计划2027年6月建成」) is not the text's own and counts only when no other year is named.
 */
export function dominantYear(text: string, markers: Markers): number | undefined {
  const future = new Set<number>();
  for (const pattern of markers.futureYear) for (const match of text.matchAll(pattern)) if (match.groups?.year) future.add(match.index + match[0].indexOf(match.groups.year));
  const counts = new Map<number, number>();
  const mentions = [...text.matchAll(/(?<!\d)((?:19|20)\d{2})年/gu)];
  const own = mentions.filter((match) => !future.has(match.index));
  for (const match of own.length > 0 ? own : mentions) {
    const year = Number(match[1]);
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  let best: [number, number] | undefined;
  for (const [year, count] of counts) {
    if (!best || count > best[1] || (count === best[1] && year > best[0])) best = [year, count];
  }
  return best?.[0];
}

/** A date and what said it: a verbatim line of the file, or the name of the metadata that gave it. */
export interface DateClue {
  date: string;
  evidence: string;
}

/** A full date printed in a page header at the top of a file; the evidence is the header line (trimmed). */
export interface HeaderDate extends DateClue {
  /** The paper's name printed before the date (「西海岸新闻」), when there is one. */
  masthead?: string;
}

/** A masthead is a name: letters only (「某某日报」, 「某某日报·区市观察」), no digits or sentence. */
const MASTHEAD = /^[\p{Script=Han}A-Za-z·]{2,16}$/u;

/**
 * The date of a page header among the first lines of a file: 「西海岸新闻　2024年1月29日　星期一　第一版」,
 * 「某某日报 2023年3月13日 星期一」. Only short lines that end no sentence count as a header.
 */
export function findHeaderDate(text: string, markers: Markers): HeaderDate | undefined {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean).slice(0, markers.headerMaxLines);
  for (const line of lines) {
    if (line.length > markers.headerLineMaxChars || markers.sentenceEnd.test(line)) continue;
    for (const re of markers.headerDate) {
      const match = re.exec(line);
      const groups = match?.groups;
      if (!match || !groups?.year || !groups.month || !groups.day) continue;
      const [year, month, day] = [Number(groups.year), Number(groups.month), Number(groups.day)];
      if (!isValidDate(year, month, day)) continue;
      const header: HeaderDate = { date: formatDate(year, month, day), evidence: line };
      // The paper's name stands before the date (某某日报 2023年3月13日) or after it (2023年3月13日 某某日报).
      const before = line.slice(0, match.index).trim();
      const masthead = MASTHEAD.test(before) ? before : nameAfterDate(line);
      if (masthead) header.masthead = masthead;
      return header;
    }
  }
  return undefined;
}

/** 「2023年3月13日　某某日报」: the name after the date's 日, when the rest of the line is one. */
function nameAfterDate(line: string): string | undefined {
  const dayEnd = line.indexOf("日", line.indexOf("月", line.indexOf("年")));
  const after = dayEnd < 0 ? "" : line.slice(dayEnd + 1).trim();
  return MASTHEAD.test(after) ? after : undefined;
}

/**
 * The earliest date the text can have been written: 「2022年以来」 means 2022 has begun; 「截至2023年底」 and
 * a year's results (「2022年…全年实现」) that the year is closing — its last month, as year-end figures are
 * reported from December on. Undefined when the text says none of these.
 */
export function earliestWritingDate(text: string, markers: Markers): string | undefined {
  let earliest: string | undefined;
  for (const { pattern, from } of markers.yearFloor) {
    for (const match of text.matchAll(pattern)) {
      const year = Number(match.groups?.year);
      if (!Number.isInteger(year)) continue;
      const date = from === "start" ? formatDate(year, 1, 1) : formatDate(year, 12, 1);
      if (!earliest || date > earliest) earliest = date;
    }
  }
  return earliest;
}

/**
 * Complete a dateline with a year: its own, else the year of a known file date (stepping
 * back a year when the dateline would fall after that date, e.g. a 12月30日 story in a
 * January file), else the text's dominant year.
 */
export function datelineDate(dateline: Dateline, knownDate: string | null, text: string, markers: Markers, notBefore?: string, yearCeiling?: number): string | null {
  let year = dateline.year;
  if (year === undefined && knownDate) {
    year = Number(knownDate.slice(0, 4));
    if (isValidDate(year, dateline.month, dateline.day) && formatDate(year, dateline.month, dateline.day) > knownDate) {
      const monthsAhead = dateline.month - Number(knownDate.slice(5, 7));
      if (monthsAhead > 6) year -= 1;
    }
  }
  // A year borrowed from the body is a guess: never later than the page's copyright year.
  year ??= capped(bodyYear(dateline, text, markers, notBefore), yearCeiling);
  if (year === undefined || !isValidDate(year, dateline.month, dateline.day)) return null;
  return formatDate(year, dateline.month, dateline.day);
}

function capped(year: number | undefined, ceiling: number | undefined): number | undefined {
  return year !== undefined && ceiling !== undefined && year > ceiling ? ceiling : year;
}

/** The body's dominant year, moved forward to the first year whose month/day is not before `notBefore`. */
function bodyYear(dateline: Dateline, text: string, markers: Markers, notBefore: string | undefined): number | undefined {
  let year = dominantYear(text, markers) ?? (notBefore ? Number(notBefore.slice(0, 4)) : undefined);
  if (year === undefined || !notBefore) return year;
  while (formatDate(year, dateline.month, dateline.day) < notBefore) year += 1;
  return year;
}

/** The date of a sign-off (落款) among the last lines of a text: a line that is only a date. */
export function signOffDate(text: string, markers: Markers): DateClue | undefined {
  const lines = text.split("\n").map((line) => line.trim()).filter(Boolean).slice(-markers.signOffMaxLines);
  for (const line of lines.reverse()) {
    const groups = markers.signOffDate.exec(line)?.groups;
    if (!groups?.year || !groups.month || !groups.day) continue;
    const [year, month, day] = [Number(groups.year), Number(groups.month), Number(groups.day)];
    if (isValidDate(year, month, day)) return { date: formatDate(year, month, day), evidence: line };
  }
  return undefined;
}
