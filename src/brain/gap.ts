import { readKind, readYear } from "../reading/index.js";
import type { FactResult } from "../tools/index.js";
import { writtenScale, writtenUnit } from "./compose.js";
import type { Lexicon } from "./lexicon.js";
import type { QuestionFrame } from "./types.js";

/**
 * 「实际使用外资24年比23年多了多少」「25年目标比24年多多少」「外贸增速和规上工业产值增速差多少」: two figures of
 * one zone and how far apart they are. Each side is read as a question of its own; the difference is computed
 * only when both are found in one unit.
 */
export interface GapSide {
  /** The side's own words, for what they say of its measure (增速 asks a rate). */
  text: string;
  frame: QuestionFrame;
}

/** The gap-asking words the question uses (data question-words.json gapAsks), or undefined. */
export function gapAsk(question: string, lexicon: Lexicon): string | undefined {
  return [...lexicon.words.gapAsks].sort((a, b) => b.length - a.length).find((word) => question.includes(word));
}

/**
 * The two sides of a gap question: 「A比B」 (B names another year, kind or measure and takes the rest from A), or
 * two measures joined by 和/与 of one zone and time. Undefined when the question is no such gap (another zone
 * after 比 is a comparison of zones).
 */
export function gapSides(frame: QuestionFrame, lexicon: Lexicon, read: (text: string) => QuestionFrame, latest: (side: QuestionFrame) => number | undefined = () => undefined): [GapSide, GapSide] | undefined {
  const ask = gapAsk(frame.question, lexicon);
  if (!ask || frame.zones.length > 1) return undefined;
  const askAt = frame.question.indexOf(ask);
  const than = frame.question.lastIndexOf("比", askAt);
  return than > 0 ? baselineSides(frame, than, askAt, read, latest) : measureSides(frame, ask, read);
}

const SAME_PERIOD = /同期/u;

function baselineSides(frame: QuestionFrame, than: number, askAt: number, read: (text: string) => QuestionFrame, latest: (side: QuestionFrame) => number | undefined): [GapSide, GapSide] | undefined {
  const firstText = frame.question.slice(0, than);
  const baseline = frame.question.slice(than + 1, askAt);
  const first = read(firstText);
  const second = read(baseline);
  if (second.zones.length > 0) return undefined;
  // 「规上工业营收增速比工业增加值增速高多少」: another measure of the same zone and time.
  if (readYear(baseline, { referenceYear: first.year, lookBack: "off", shortYears: true }) === undefined && second.metricText.length >= 2 && second.terms.length > 0 && first.metricText.length >= 2) {
    const side = (text: string, own: QuestionFrame): GapSide => ({ text, frame: { ...frame, metricText: own.metricText, terms: own.terms, unitFamily: own.unitFamily, explicitFamily: own.explicitFamily } });
    return [side(firstText, first), side(baseline, second)];
  }
  // 「上半年…比24年同期多了多少」: 同期 is the same part of the year before, so the side asked is the year after.
  const sameTimeBefore = first.year === undefined && SAME_PERIOD.test(baseline) ? readYear(baseline, { lookBack: "off", shortYears: true }) : undefined;
  if (sameTimeBefore !== undefined) first.year = sameTimeBefore + 1;
  // 「现在多少家？比2020年多了多少」: against a year written out, the side that names none is the latest the sources give.
  const written = readYear(baseline, { lookBack: "off", shortYears: true });
  if (first.year === undefined && written !== undefined && first.metricText.length >= 2) first.year = latest({ ...frame, year: undefined, years: [], metricText: first.metricText, terms: first.terms, question: firstText });
  if (first.year === undefined) return undefined;
  // 「比上年」「比23年」: the baseline year, read against the first side's year.
  const year = readYear(baseline, { referenceYear: first.year, lookBack: "off", shortYears: true });
  if (year === undefined || year === first.year) return undefined;
  // 「25年目标比24年多多少」: a plan against a year already past is against what that year achieved.
  // (Read up to the ask: 「实际要多出」 — 要 before a comparative is no plan.)
  const kind = readKind(frame.question.slice(than + 1)) ?? (first.kind === "target" && year < first.year ? "actual" : first.kind);
  // (「…GDP增速目标…？比24年实际增速高还是低」: a baseline naming part of the measure asks the same measure.)
  const ownMeasure = second.metricText.length >= 2 && second.terms.length > 0 && !first.metricText.includes(second.metricText);
  const metricText = ownMeasure ? second.metricText : first.metricText;
  if (first.metricText.length < 2) return undefined;
  const side = (text: string, own: QuestionFrame, y: number, k: "target" | "actual" | undefined, metric: string): GapSide => ({
    text,
    frame: { ...frame, year: y, years: [y], kind: k, metricText: metric, terms: own.terms.length ? own.terms : first.terms, unitFamily: own.unitFamily ?? first.unitFamily, explicitFamily: own.explicitFamily ?? first.explicitFamily },
  });
  return [side(firstText, first, first.year, first.kind, first.metricText), side(`${baseline}${metricText}`, second, year, kind, metricText)];
}

/**
 * 「GDP增速和规上工业增加值增速哪个高」: two measures of one zone and time joined by 和/与, each read as its own
 * question; `ask` (the gap or comparison words) is left out of both.
 */
export function measureSides(frame: QuestionFrame, ask: string, read: (text: string) => QuestionFrame): [GapSide, GapSide] | undefined {
  const asked = read(frame.question.replace(ask, ""));
  const pieces = asked.metricText.split(/[和与及、]/u).filter((piece) => piece.length >= 2);
  if (pieces.length !== 2) return undefined;
  const sides = pieces.map((piece): GapSide => {
    const text = withoutOtherPieces(frame.question.replace(ask, ""), pieces, piece);
    const own = read(text);
    return { text, frame: { ...frame, ...sameTime(asked), metricText: piece, terms: own.terms, unitFamily: own.unitFamily, explicitFamily: own.explicitFamily } };
  });
  return [sides[0]!, sides[1]!];
}

function sameTime(frame: QuestionFrame): Pick<QuestionFrame, "year" | "years" | "period" | "kind"> {
  return { year: frame.year, years: frame.years, period: frame.period, kind: frame.kind };
}

/** How far the first figure is from the second, in the first one's written unit; undefined across units. */
export function difference(first: FactResult, second: FactResult): { amount: number; unit: string; more: boolean } | undefined {
  if (first.unit !== second.unit) return undefined;
  if (first.unit === "%") return { amount: round(Math.abs(first.value - second.value)), unit: "个百分点", more: first.value >= second.value };
  const scale = writtenScale(first);
  return { amount: round(Math.abs(first.value - second.value) / scale), unit: writtenUnit(first), more: first.value >= second.value };
}

function round(value: number): number {
  return Number(value.toFixed(4));
}

/** The question with the other named pieces blanked out, so each piece's own words (增速, 多少亿元) decide its measure. */
export function withoutOtherPieces(question: string, pieces: string[], piece: string): string {
  return pieces.reduce((text, other) => (other === piece || piece.includes(other) ? text : text.split(other).join("")), question);
}
