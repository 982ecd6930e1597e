import type { FactKind, Period, Qualifier } from "../domain/types.js";
import { findKinds, namesCurrentYear } from "../reading/index.js";
import { factCues, longestFirst } from "./data.js";

const QUALIFIERS: readonly Qualifier[] = ["以上", "余", "近", "超", "突破", "约", "多", "左右", "以内", "达", ""];

function asQualifier(word: string | undefined): Qualifier {
  return QUALIFIERS.find((q) => q === word) ?? "";
}

/** Qualifier words around a number: before (突破400亿元), inside (10余个), after (100家以上). */
export interface QualifierReading {
  qualifier: Qualifier;
  /** Length of the qualifier word right before the number (0 when none). */
  beforeLength: number;
  /** Length of the qualifier word right after the unit (0 when none). */
  afterLength: number;
}

export function readQualifier(text: string, start: number, end: number, inside: string): QualifierReading {
  const cues = factCues();
  const partOfWord = (w: string) => cues.qualifierWordExclusions.some((word) => word.endsWith(w) && text.slice(Math.max(0, start - word.length), start) === word);
  const beforeWord = longestFirst(Object.keys(cues.qualifiersBefore)).find((w) => text.slice(Math.max(0, start - w.length), start) === w && !partOfWord(w));
  const afterWord = longestFirst(Object.keys(cues.qualifiersAfter)).find((w) => text.startsWith(w, end));
  const qualifier = asQualifier(inside || (afterWord ? cues.qualifiersAfter[afterWord] : undefined) || (beforeWord ? cues.qualifiersBefore[beforeWord] : undefined));
  return { qualifier, beforeLength: beforeWord?.length ?? 0, afterLength: afterWord?.length ?? 0 };
}

export type Tense = "future" | "past";

interface CueHit {
  tense: Tense;
  index: number;
  weak: boolean;
}

/** Kind cues from the one kind recogniser (src/reading/kind.ts): goal words are future, result words past; verbs are weak. */
function cueHits(text: string): CueHit[] {
  return findKinds(text).map((span) => ({ tense: span.kind === "target" ? "future" : "past", index: span.start, weak: span.strength !== "strong" }));
}

/**
 * Tense cue for a number at `position` in `sentence`: the nearest strong cue before it (力争, 已), else
 * the nearest weak verb (完成, 建成) before it, else a strong cue after it in its clause (18个项目已开工).
 * Undefined when nothing says.
 */
export function tenseCueAt(sentence: string, position: number, clauseEnd = sentence.length): CueHit | undefined {
  const hits = cueHits(sentence).filter((h) => h.index < clauseEnd);
  const before = hits.filter((h) => h.index < position).sort((a, b) => a.index - b.index);
  const nearest = before.filter((h) => !h.weak).at(-1) ?? before.at(-1);
  if (nearest) return nearest;
  return hits.filter((h) => h.index >= position && !h.weak).sort((a, b) => a.index - b.index)[0];
}

/** Tense carried by a paragraph's earlier sentences (青岛蓝谷将打好“海洋牌”。推动112个…), strong cues only. */
export function contextTense(text: string): Tense | undefined {
  const hits = cueHits(text).filter((h) => !h.weak).sort((a, b) => a.index - b.index);
  return hits.at(-1)?.tense;
}

export interface TenseInput {
  sentence: string;
  position: number;
  clauseEnd: number;
  /** Paragraph text before the sentence. */
  paragraphBefore: string;
  period: Period;
  /** Normalised period, carried from the paragraph when the sentence names none (M1-9 …). */
  periodKey: string;
  year: number | null;
  articleYear: number | null;
  /** Dominant tense of the whole article (a work plan vs a review), when clear. */
  articleTense: Tense | undefined;
  /** The piece appeared in its year's last month: the year is as good as over. */
  atYearEnd?: boolean;
}

/**
 * Whether a number reports a result (past) or a goal (future). Decided by, in order: a strong cue in
 * its sentence, a period that has ended (一季度), the paragraph's last strong cue, the article's
 * dominant tense, then weak verbs (完成, 建成) in the sentence.
 */
export function resolveTense(input: TenseInput): Tense | undefined {
  const cues = factCues();
  const hit = tenseCueAt(input.sentence, input.position, input.clauseEnd);
  if (hit && !hit.weak) return hit.tense;
  // A figure for a year already over when the article appeared (2021年… in January 2022) is a result.
  if (input.year !== null && input.articleYear !== null && input.year < input.articleYear) return "past";
  // Part of a year already reported on (1至9月, 一季度 — said here or earlier in the paragraph) is a result.
  if (cues.pastPeriods.includes(input.period) || input.periodKey !== "Y") return "past";
  // A whole year still to come (「到2025年…达到4000亿元」 in 2021) is a goal, whatever weak verb says it.
  if (input.year !== null && input.articleYear !== null && input.year > input.articleYear) return "future";
  const context = contextTense(input.paragraphBefore) ?? input.articleTense;
  if (context) return context;
  if (!hit) return undefined;
  const prefix = input.sentence.slice(0, input.position);
  const currentYear = input.year !== null && input.year === input.articleYear;
  // 全年引进项目230个 in a piece from that same year is a goal, whatever the verb — unless the piece appeared as
  // the year closed (「2023年，…引进过十亿元大项目14个」 in a December review says what the year brought).
  if (currentYear && namesCurrentYear(prefix) && !input.atYearEnd) return "future";
  return hit.tense;
}

/** Dominant tense of a text: future when strong future cues outnumber strong past ones two to one, and vice versa. */
export function dominantTense(text: string): Tense | undefined {
  const strong = cueHits(text).filter((h) => !h.weak);
  const future = strong.filter((h) => h.tense === "future").length;
  const past = strong.length - future;
  if (future >= 2 * past && future >= 3) return "future";
  if (past >= 2 * future && past >= 3) return "past";
  return undefined;
}

export interface KindInput {
  tense: Tense | undefined;
  isRanking: boolean;
  isMoney: boolean;
  isCounter: boolean;
  metric: string;
  subject: string;
  year: number | null;
  articleYear: number | null;
}

/** Classifies a fact: ranking, investment, target/plan (future), actual (past), else stat. */
export function classifyKind(input: KindInput): FactKind {
  if (input.isRanking) return "ranking";
  const cues = factCues();
  const statistic = cues.investmentExclusions.some((w) => input.metric.includes(w));
  if (input.isMoney && !statistic && cues.investmentMetricWords.some((w) => input.metric.includes(w))) return "investment";
  let tense = input.tense;
  if (!tense && input.year !== null && input.articleYear !== null && input.year !== input.articleYear) {
    tense = input.year < input.articleYear ? "past" : "future";
  }
  if (tense === "past") return "actual";
  if (tense === "future") {
    const aboutProjects = `${input.metric}${input.subject}`.includes("项目");
    return input.isCounter && aboutProjects ? "plan" : "target";
  }
  return "stat";
}
