import { kindWords, longestFirst, occurrences } from "./data.js";

/**
 * Kind cues: words saying a figure is a goal (目标, 力争, 计划, 将) or a result (已, 同比, 完成, 实现).
 * One word list (data/reading-kind.json) for article sentences and questions alike.
 */

export type KindName = "target" | "actual";

/**
 * How much a cue says: `strong` words decide (力争, 已, 同比); `verb` is a result verb that a goal
 * word or the context overrides (全年完成… in a plan); `event` verbs (签约, 开工) also name metrics, so
 * they are weaker still and never read in questions; `questionOnly` words mark the kind only in a question
 * and yield to a cue of the other kind there (「271项任务落地了多少」 asks what happened to the tasks).
 */
export type CueStrength = "strong" | "verb" | "event" | "questionOnly";

export interface KindSpan {
  start: number;
  end: number;
  kind: KindName;
  strength: CueStrength;
  /** The cue as written. */
  evidence: string;
}

export interface KindContext {
  /** `article` (default) reads article sentences; `question` reads a question (no event verbs, a few question-only words). */
  reader?: "article" | "question";
}

interface CueWord {
  word: string;
  kind: KindName;
  strength: CueStrength;
}

const cueLists = new Map<"article" | "question", CueWord[]>();

/** Cue words a reader uses, longest first; built once per reader (extraction reads every sentence). */
function cueWords(reader: "article" | "question"): CueWord[] {
  let list = cueLists.get(reader);
  if (!list) cueLists.set(reader, (list = buildCueWords(reader)));
  return list;
}

function buildCueWords(reader: "article" | "question"): CueWord[] {
  const words = kindWords();
  const groups: [string[], KindName, CueStrength][] = [
    [words.target, "target", "strong"],
    [words.actual, "actual", "strong"],
    [words.resultVerbs, "actual", "verb"],
  ];
  if (reader === "article") groups.push([words.eventVerbs, "actual", "event"], [words.projections, "target", "strong"]);
  else groups.push([words.questionOnly.target, "target", "questionOnly"], [words.questionOnly.actual, "actual", "questionOnly"]);
  const all = groups.flatMap(([list, kind, strength]) => list.map((word) => ({ word, kind, strength })));
  const order = longestFirst(all.map((c) => c.word));
  return order.map((word) => all.find((c) => c.word === word)!);
}

/** True when the cue at `index` is part of a longer word that is no cue (重要, 比上年; 目标的# with # a digit). */
function excluded(text: string, index: number, cue: string): boolean {
  const words = kindWords().exclusions[cue] ?? [];
  return words.some((word) => {
    const offset = word.indexOf(cue);
    if (offset < 0) return false;
    const start = index - offset;
    return [...word].every((char, i) => (char === DIGIT_MARK ? /[0-9０-９]/u.test(text[start + i] ?? "") : text[start + i] === char));
  });
}

/** In an exclusion word, a place where any digit is written (「目标的#」 is 目标的82.1%). */
const DIGIT_MARK = "#";

/** Every kind cue in text, in text order; a longer cue wins where two overlap (已经 over 已). */
export function findKinds(text: string, context: KindContext = {}): KindSpan[] {
  const taken = new Set<number>();
  const spans: KindSpan[] = [];
  for (const cue of cueWords(context.reader ?? "article")) {
    for (const start of occurrences(text, cue.word)) {
      const end = start + cue.word.length;
      if (excluded(text, start, cue.word)) continue;
      if (overlaps(taken, start, end)) continue;
      for (let i = start; i < end; i++) taken.add(i);
      spans.push({ start, end, kind: cue.kind, strength: cue.strength, evidence: cue.word });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

function overlaps(taken: Set<number>, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (taken.has(i)) return true;
  return false;
}

/** The cue words a reader uses, longest first (a question reader strips them from what is measured). */
export function kindCueWords(reader: "article" | "question" = "question"): { target: string[]; actual: string[] } {
  const words = cueWords(reader);
  return { target: words.filter((c) => c.kind === "target").map((c) => c.word), actual: words.filter((c) => c.kind === "actual").map((c) => c.word) };
}

/**
 * What a question asks for: a goal when it says one (计划, 目标 — 「2022年计划新签约…」 asks the plan even
 * with 签约 in it), else a result when it says one (完成, 已, 同比), else undefined.
 */
export function readKind(text: string): KindName | undefined {
  const spans = findKinds(text, { reader: "question" });
  const said = (kind: KindName, strengths: CueStrength[]) => spans.some((s) => s.kind === kind && strengths.includes(s.strength));
  if (said("target", ["strong", "verb"])) return "target";
  if (said("actual", ["strong", "verb"])) return "actual";
  // Question-only words decide only when no general cue does; 「…了多少」 (what has happened) cancels 任务,
  // which is as often the thing counted (「271项任务落地了多少」) as the goal.
  if (said("actual", ["questionOnly"])) return "actual";
  const perfective = kindWords().perfective.some((word) => text.includes(word));
  if (said("target", ["questionOnly"]) && !perfective) return "target";
  return undefined;
}

/**
 * Whether a sentence reads as a result: it has a result cue (any strength) and no goal word.
 * 「全年实现地区生产总值…」 does; 「全年力争实现…」 does not.
 */
export function readsAsResult(sentence: string): boolean {
  const spans = findKinds(sentence);
  return spans.some((s) => s.kind === "actual") && !spans.some((s) => s.kind === "target");
}
