import { bracketedName, scanQuantities } from "../facts/index.js";
import type { Lexicon } from "./lexicon.js";

/** 「20亿以上的项目」「总投资超过10亿元的」: the least figure a listed item must have. */
export interface Threshold {
  value: number;
  /** Base unit (元); empty when the question writes only a magnitude (20亿). */
  unit: string;
  /** As written, with its qualifier: 「20亿以上」. */
  said: string;
  /** The words right before it that say what is measured (「年产值20亿以上」 → 年产值), else "". */
  measure: string;
}

/** How far before a threshold its measure's words may start. */
const MEASURE_CHARS = 8;

/** The figure a question's threshold word (以上, 超过… in data question-words.json) sets, or undefined. */
export function readThreshold(question: string, lexicon: Lexicon): Threshold | undefined {
  const { after, before } = lexicon.words.thresholdWords;
  for (const quantity of scanQuantities(question)) {
    const next = after.find((word) => question.startsWith(word, quantity.end));
    const previous = before.find((word) => question.slice(0, quantity.start).endsWith(word));
    if (!next && !previous) continue;
    const start = quantity.start - (previous?.length ?? 0);
    // 「这批开工的项目里20亿以上」: words up to 里/中/的 or a comma name the items, not their measure.
    const measure = /[^，,、。；;的里中在]*$/u.exec(question.slice(Math.max(0, start - MEASURE_CHARS), start))![0];
    return { value: quantity.value, unit: quantity.unit, said: `${previous ?? ""}${quantity.raw}${next ?? ""}`, measure };
  }
  return undefined;
}

/**
 * The project a figure is said of, when its sentence names one right before it (「芯联微电子扩能项目，总投资85亿元」)
 * or right after it (「总投资43.8亿元的星科预制菜产业园同步开工」): a name ending in a project word (data projectSuffixes).
 */
export function projectOfFigure(sentence: string, raw: string, lexicon: Lexicon): string | undefined {
  const at = sentence.indexOf(raw);
  if (at < 0) return undefined;
  const suffixes = lexicon.words.projectSuffixes;
  const endsAsProject = (name: string) => name.length >= 4 && suffixes.some((suffix) => name.endsWith(suffix)) && !/[0-9０-９]+[个家项]/u.test(name);
  // Before, in its own clause: 「…；NAME总投资18.5亿元」.
  const own = sentence.slice(0, at).split(/[，,；;：:。]/u).at(-1)!.trim();
  const lead = [...lexicon.words.investmentLeads].sort((a, b) => b.length - a.length).find((word) => new RegExp(`${word}(?:约|达到|达|超过|超|近|为)?$`, "u").test(own));
  const named = lead ? own.slice(0, own.lastIndexOf(lead)).trim() : "";
  if (named && endsAsProject(named)) return named;
  // A table's row, cells joined by spaces (「年产20万吨…一体化项目 某公司（长沙） 总投资 58.0亿元」): its first cell names it.
  const firstCell = named.split(/\s+/u)[0] ?? "";
  if (firstCell !== named && endsAsProject(firstCell)) return firstCell;
  // In brackets right after its name: 「…、NAME（21.5亿元）」.
  const bracketed = bracketedName(own);
  if (bracketed && endsAsProject(bracketed)) return bracketed;
  // Before: the clause before the figure's own (「…；NAME，总投资85亿元」).
  const clauses = sentence.slice(0, at).split(/[，,]/u);
  const before = clauses.length >= 2 ? clauses.at(-2)!.split(/[；;：:。]/u).at(-1)!.trim() : undefined;
  if (before && endsAsProject(before)) return before;
  // After: 「…亿元的NAME…」, up to the last project word of its clause.
  const after = sentence.slice(at + raw.length);
  if (!after.startsWith("的")) return undefined;
  const clause = after.slice(1).split(/[，,；;。]/u)[0]!;
  const ends = suffixes.map((suffix) => clause.lastIndexOf(suffix) + suffix.length).filter((end) => end > 0);
  const name = ends.length ? clause.slice(0, Math.max(...ends)) : "";
  return endsAsProject(name) ? name : undefined;
}
