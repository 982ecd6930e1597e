import { isOfficialTitle } from "../documents/index.js";
import { headlineText } from "./clean.js";
import type { Markers } from "./markers.js";

/** A printed headline group whose article is still to be decided. */
export interface HeadlineCandidate {
  lines: string[];
  /** Piece printed right after the group, and what opened it. */
  next?: number;
  nextOpener?: "byline" | "marker" | "body";
  /** Piece whose body ends right before the group. */
  prev?: number;
}

/**
 * Layout conventions expressed as score bonuses: a headline sits above its byline and
 * above body text that follows it directly; a jump marker (上接) usually but not always
 * repeats the headline; headlines printed after a body (common in this OCR) are weaker.
 */
const NEXT_BONUS = { body: 0.6, byline: 0.6, marker: 0.15 } as const;
const PREV_BONUS = 0;
const ALREADY_TITLED_PENALTY = 0.1;

const WORD_RUN = /[\p{Script=Han}A-Za-z0-9]+/gu;

/** Character bi- and trigrams: trigrams reward longer shared phrases (「微改革」 over 「改革」). */
function ngrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (const run of text.match(WORD_RUN) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) {
      grams.add(run.slice(i, i + 2));
      if (i + 2 < run.length) grams.add(run.slice(i, i + 3));
    }
  }
  return grams;
}

function inverseFrequencies(bodies: Set<string>[]): (gram: string) => number {
  return (gram) => {
    const df = bodies.filter((body) => body.has(gram)).length;
    return Math.log((bodies.length + 1) / (df + 0.5));
  };
}

export function isKicker(lines: string[], markers: Markers): boolean {
  const last = lines.at(-1) ?? "";
  return markers.kickerEnd.test(last) || markers.subtitleStart.test(lines[0] ?? "");
}

/** Share of the headline's (idf-weighted) n-grams that occur in each body. */
function overlapScores(lines: string[], bodies: Set<string>[], idf: (gram: string) => number): number[] {
  const grams = [...ngrams(lines.join(""))];
  const total = grams.reduce((sum, gram) => sum + idf(gram), 0);
  if (total === 0) return bodies.map(() => 0);
  return bodies.map((body) => grams.reduce((sum, gram) => sum + (body.has(gram) ? idf(gram) : 0), 0) / total);
}

/**
 * Give every headline group to the piece it most likely heads: word overlap with the
 * piece body plus the layout bonuses above. Returns, per piece, its groups in print order.
 */
export function attributeHeadlines(candidates: HeadlineCandidate[], bodyTexts: string[], markers: Markers): string[][][] {
  const bodies = bodyTexts.map(ngrams);
  const idf = inverseFrequencies(bodies);
  const assigned: string[][][] = bodyTexts.map(() => []);
  const titled = bodyTexts.map(() => false);
  for (const candidate of candidates) {
    const kicker = isKicker(candidate.lines, markers);
    const scores = overlapScores(candidate.lines, bodies, idf).map((overlap, piece) => {
      let score = overlap;
      if (piece === candidate.next) score += NEXT_BONUS[candidate.nextOpener ?? "marker"];
      if (piece === candidate.prev) score += PREV_BONUS;
      if (titled[piece] && !kicker) score -= ALREADY_TITLED_PENALTY;
      return score;
    });
    const best = scores.reduce((bestIndex, score, index) => (score > scores[bestIndex]! ? index : bestIndex), 0);
    if (bodyTexts.length === 0) continue;
    assigned[best]!.push(candidate.lines);
    if (!kicker) titled[best] = true;
  }
  return assigned;
}

const SHORT_LINE = 12;

/**
 * The title among a piece's headline groups: the last main (non-kicker) group; within a
 * group of short OCR fragments (「国产商用车」「“排队”出海」) the joined group, else its
 * last line that is not a subtitle (earlier long lines of a group are kickers, 引题).
 */
export function chooseTitle(groups: string[][], markers: Markers): string | undefined {
  // A 公文's title (「…关于…的通报」) titles it, whatever its number, addressees or notes stand around it.
  const official = groups.flat().find(isOfficialTitle);
  if (official) return official;
  const main = groups.filter((lines) => !isKicker(lines, markers));
  const group = main.at(-1);
  if (!group) return undefined;
  // A subtitle (「——2023年某某经济运行综述」) printed under the headline explains it; it is not the title.
  const headline = group.filter((line) => !markers.subtitleStart.test(line));
  const chosen = headline.length > 0 ? headline : group;
  if (chosen.every((line) => line.length <= SHORT_LINE)) return headlineText(chosen);
  // Kickers and subtitles explain or list (「平度、莱西、胶州开发区主要指标稳中有进」); the main title states one thing.
  const compact = chosen.filter((line) => !ENUMERATION.test(line));
  const lines = compact.length > 0 ? compact : chosen;
  const last = lines.at(-1)!;
  // 「稳中求进 湘江新区交出2024年发展」「答卷」: a headline wrapped in a narrow column ends in a short line that
  // finishes the one before (no punctuation between); a headline of its own is longer than that.
  const before = chosen[chosen.indexOf(last) - 1];
  if (before !== undefined && last.length < MIN_TITLE_CLAUSE && !/[。！？!?，,；;：:”」]$/u.test(before)) return `${before}${last}`;
  return last;
}

/**
 * All lines of the headline the title is chosen from (「崂山科技城党工委召开（扩大）会议」 above 「锚定…新突破」):
 * the title keeps one line, while the kicker may be the only one that names the zone.
 */
export function headlineLines(groups: string[][], markers: Markers): string | undefined {
  const group = groups.filter((lines) => !isKicker(lines, markers)).at(-1);
  return group && group.length > 1 ? group.join(" ") : undefined;
}

const ENUMERATION = /[、，,]/u;

const MIN_TITLE_CLAUSE = 8;

/**
 * Title for a piece without a printed headline: its first substantial clause (after any
 * dateline, skipping openers like 「今天下午」), marked as a continuation when it is one.
 */
export function deriveTitle(body: string, continuation: boolean, markers: Markers): string {
  const withoutDateline = markers.dateline.reduce((text, re) => text.replace(re, ""), body).trim();
  const clauses = withoutDateline.split(/[，。；：！？,;:!?\n]/u).map((part) => part.trim()).filter(Boolean);
  const clause = clauses.find((part) => part.length >= MIN_TITLE_CLAUSE) ?? clauses[0] ?? withoutDateline;
  const clipped = clause.slice(0, markers.derivedTitleMaxChars);
  return continuation ? `${clipped}${markers.continuationTitleSuffix}` : clipped;
}
