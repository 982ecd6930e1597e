import { defaultMarkers, type Markers } from "./markers.js";
import { joinWrappedLines, normalizeBodySpaces, normalizeHeadlineSpaces } from "./spaces.js";
import { seamSplitsWord } from "./wordbreak.js";

/** A layout unit of a page after line joining. */
export type Block =
  | { kind: "paragraph"; text: string }
  | { kind: "headline"; lines: string[] }
  | { kind: "byline"; text: string; trailing: boolean }
  | { kind: "continued-from"; marker: string }
  | { kind: "continued-to"; marker: string };

type LineKind = "blank" | "body" | "byline" | "trailing-byline" | "continued-from" | "continued-to";

interface Line {
  kind: LineKind;
  text: string;
  indented: boolean;
  headline: boolean;
}

interface Run {
  start: number;
  end: number;
}

const HAN = /\p{Script=Han}/gu;
const INDENT = /^[ \t\u3000]/;

/**
 * How the text's lines were laid out: `ocr` — a page's physical lines, wrapped columns to join into paragraphs;
 * `structured` — one block per line already (from Markdown or HTML), kept as it is.
 */
export type Layout = "ocr" | "structured";

/** Cleaned text of a whole file: one paragraph (or headline) per line, page furniture and bylines dropped. */
export function cleanText(raw: string, markers: Markers = defaultMarkers(), layout: Layout = "ocr"): string {
  return renderBlocks(parseBlocks(raw, markers, layout));
}

export function renderBlocks(blocks: Block[]): string {
  return blocks
    .flatMap((block) => {
      if (block.kind === "paragraph") return [block.text];
      if (block.kind === "headline") return [headlineText(block.lines)];
      return [];
    })
    .join("\n");
}

/** One headline group as a single line (short OCR fragments joined tight, longer lines with a space). */
export function headlineText(lines: string[]): string {
  return lines.reduce((acc, line) => {
    if (!acc) return line;
    const tight = acc.length <= 8 || line.length <= 8;
    return tight ? acc + line : `${acc} ${line}`;
  }, "");
}

/** Split raw page text into paragraphs, headline groups, bylines and continuation markers. */
export function parseBlocks(raw: string, markers: Markers = defaultMarkers(), layout: Layout = "ocr"): Block[] {
  const lines = toLines(raw, markers);
  const indentedStyle = layout === "ocr" && isIndentedStyle(lines);
  markHeadlines(lines, indentedStyle, markers);
  return assembleBlocks(lines, indentedStyle, layout, markers);
}

function normalizeNewlines(raw: string): string {
  return raw
    .replace(/^\ufeff/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, "")
    .replace(/[\u00a0\t\f\v]/g, " ");
}

function toLines(raw: string, markers: Markers): Line[] {
  return normalizeNewlines(raw)
    .split("\n")
    .flatMap((physical) => classifyLine(physical, markers));
}

const line = (kind: LineKind, text: string, indented: boolean): Line => ({ kind, text, indented, headline: false });

function classifyLine(physical: string, markers: Markers): Line[] {
  const text = physical.replace(/[\s\u3000]+$/u, "").replace(/^[\s\u3000]+/u, "");
  const indented = INDENT.test(physical);
  if (!text || isFurniture(text, markers)) return [line("blank", "", false)];
  if (markers.byline.some((re) => re.test(text))) return [line("byline", text, indented)];
  if (markers.trailingByline.some((re) => re.test(text))) return [line("trailing-byline", text, indented)];
  const from = markers.continuedFrom.exec(text);
  if (from) {
    const rest = text.slice(from[0].length).trim();
    return [line("continued-from", from[0], false), ...(rest ? splitContinuedTo(rest, true, markers) : [])];
  }
  return splitContinuedTo(text, indented, markers);
}

/** 「…基金作用，（下转第四版）」: the marker ends the piece wherever it sits in the line. */
function splitContinuedTo(text: string, indented: boolean, markers: Markers): Line[] {
  const to = markers.continuedTo.exec(text);
  if (!to) return [line("body", text, indented)];
  const before = text.slice(0, to.index).trim();
  const after = text.slice(to.index + to[0].length).trim();
  return [
    ...(before ? [line("body", before, indented)] : []),
    line("continued-to", to[0], false),
    ...(after ? [line("body", after, true)] : []),
  ];
}

function isFurniture(text: string, markers: Markers): boolean {
  return markers.newspaperLine.test(text) || markers.dropLine.some((re) => re.test(text));
}

/** Column-set pages mark paragraphs by indentation; flat pages put one paragraph per line. */
function isIndentedStyle(lines: Line[]): boolean {
  const body = lines.filter((l) => l.kind === "body");
  const indented = body.filter((l) => l.indented).length;
  // Narrow columns (a dozen characters a line) wrap every paragraph over many lines: indentation is all that marks them.
  const lengths = body.map((l) => l.text.length).sort((a, b) => a - b);
  const narrow = (lengths[Math.floor(lengths.length / 2)] ?? 0) <= NARROW_COLUMN_CHARS;
  return indented >= 3 && (indented >= body.length * 0.08 || narrow);
}

const NARROW_COLUMN_CHARS = 24;
/** A numbered section's opening: 一、 （二） */
const SECTION_OPENING = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])/u;
/** A paragraph ends a sentence; 「；」 only ends a clause of a longer one. */
const PARAGRAPH_END = /[。！？!?…][”’」』）)]*$/u;

function isHeadlineCandidate(l: Line, markers: Markers): boolean {
  return (
    l.kind === "body" &&
    l.text.length <= markers.headlineMaxChars &&
    !markers.headlineForbidden.test(l.text) &&
    !markers.sentenceEnd.test(l.text) &&
    (l.text.match(HAN)?.length ?? 0) >= 2
  );
}

function candidateRuns(lines: Line[], markers: Markers): Run[] {
  const runs: Run[] = [];
  lines.forEach((l, i) => {
    if (!isHeadlineCandidate(l, markers)) return;
    const last = runs.at(-1);
    if (last && last.end === i - 1) last.end = i;
    else runs.push({ start: i, end: i });
  });
  return runs;
}

function neighbour(lines: Line[], from: number, step: 1 | -1): { index: number; blankBetween: boolean } | undefined {
  let blankBetween = false;
  for (let i = from + step; i >= 0 && i < lines.length; i += step) {
    if (lines[i]!.kind !== "blank") return { index: i, blankBetween };
    blankBetween = true;
  }
  return undefined;
}

/**
 * A headline is a run of short lines without sentence punctuation that sits between
 * finished text (or a byline/marker/page edge) and the start of a new paragraph.
 */
function markHeadlines(lines: Line[], indentedStyle: boolean, markers: Markers): void {
  const runs = candidateRuns(lines, markers);
  const runAt = new Map<number, number>();
  runs.forEach((run, r) => {
    for (let i = run.start; i <= run.end; i++) runAt.set(i, r);
  });
  const nextOk: boolean[] = [];
  for (let r = runs.length - 1; r >= 0; r--) {
    const next = neighbour(lines, runs[r]!.end, 1);
    const nextRun = next ? runAt.get(next.index) : undefined;
    const seamOk = indentedStyle || !next || !seamSplitsWord(lines[runs[r]!.end]!.text, lines[next.index]!.text);
    const nextIsHeadline = seamOk && nextRun !== undefined && nextOk[nextRun]!;
    const endsCleanly = !markers.headlineBadEnding.test(lines[runs[r]!.end]!.text);
    nextOk[r] = endsCleanly && (nextIsHeadline || endsBeforeParagraphStart(lines, runs[r]!, indentedStyle));
  }
  const accepted: boolean[] = [];
  runs.forEach((run, r) => {
    const prev = neighbour(lines, run.start, -1);
    const prevRun = prev ? runAt.get(prev.index) : undefined;
    const prevIsHeadline = prevRun !== undefined && accepted[prevRun]!;
    const prevOk = prevIsHeadline || followsFinishedText(lines, prev?.index, markers);
    accepted[r] = nextOk[r]! && prevOk;
    if (accepted[r]) for (let i = run.start; i <= run.end; i++) lines[i]!.headline = true;
  });
}

function endsBeforeParagraphStart(lines: Line[], run: Run, indentedStyle: boolean): boolean {
  const next = neighbour(lines, run.end, 1);
  if (!next) return true;
  const nextLine = lines[next.index]!;
  if (nextLine.kind !== "body") return true;
  if (indentedStyle) return nextLine.indented;
  if (!next.blankBetween || /^[，,、。；;：:）)”’」』]/u.test(nextLine.text)) return false;
  return !seamSplitsWord(lines[run.end]!.text, nextLine.text);
}

function followsFinishedText(lines: Line[], prevIndex: number | undefined, markers: Markers): boolean {
  if (prevIndex === undefined) return true;
  const prev = lines[prevIndex]!;
  if (prev.kind !== "body") return true;
  return markers.sentenceEnd.test(prev.text) || /[—－]{2,}$/u.test(prev.text);
}

function assembleBlocks(lines: Line[], indentedStyle: boolean, layout: Layout, markers: Markers): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] | undefined;
  let lastBody: Line | undefined;
  // Structured lines were normalised by their reader, and table sentences keep the spaces between their labels.
  const normalize = layout === "structured" ? normalizeHeadlineSpaces : normalizeBodySpaces;
  const flush = (): void => {
    if (paragraph) blocks.push({ kind: "paragraph", text: normalize(paragraph.reduce(joinWrappedLines, "")) });
    paragraph = undefined;
  };
  lines.forEach((l, i) => {
    if (l.kind === "blank") return;
    if (l.headline) {
      flush();
      const prevBlock = blocks.at(-1);
      const sameGroup = prevBlock?.kind === "headline" && lines[i - 1]?.headline;
      if (sameGroup) prevBlock.lines.push(normalizeHeadlineSpaces(l.text));
      else blocks.push({ kind: "headline", lines: [normalizeHeadlineSpaces(l.text)] });
      return;
    }
    if (l.kind !== "body") {
      flush();
      pushMarkerBlock(blocks, l);
      return;
    }
    // A paragraph never breaks inside brackets: 「本报讯（记者　高峰　通讯员」 then 「　李娜）2月27日…」 is one line wrapped at a name's spacing.
    // A numbered section heading (「三、申报时间」) ends its paragraph, though no full stop ends it.
    const afterHeading = !indentedStyle && lastBody !== undefined && markers.sectionHeading.test(lastBody.text.trim());
    // 「…答复如下：」, a blank line, then 「一、关于…」: a numbered section after a blank line opens its own paragraph.
    const opensSection = !indentedStyle && lines[i - 1]?.kind === "blank" && SECTION_OPENING.test(l.text.trim());
    const startsParagraph = layout === "structured" || afterHeading || opensSection || (indentedStyle ? l.indented && !insideBrackets(paragraph) : !lastBody || PARAGRAPH_END.test(lastBody.text));
    if (paragraph && !startsParagraph) paragraph.push(l.text);
    else {
      flush();
      paragraph = [l.text];
    }
    lastBody = l;
  });
  flush();
  return blocks;
}

/** True when the lines so far open a bracket they do not close. */
function insideBrackets(paragraph: string[] | undefined): boolean {
  if (!paragraph) return false;
  let depth = 0;
  for (const char of paragraph.join("")) {
    if (char === "（" || char === "(") depth++;
    else if ((char === "）" || char === ")") && depth > 0) depth--;
  }
  return depth > 0;
}

function pushMarkerBlock(blocks: Block[], l: Line): void {
  const prev = blocks.at(-1);
  if (l.kind === "byline" && prev?.kind === "byline" && !prev.trailing) {
    prev.text = `${prev.text} ${l.text}`;
  } else if (l.kind === "byline" || l.kind === "trailing-byline") {
    blocks.push({ kind: "byline", text: normalizeHeadlineSpaces(l.text), trailing: l.kind === "trailing-byline" });
  } else if (l.kind === "continued-from" || l.kind === "continued-to") {
    blocks.push({ kind: l.kind, marker: l.text });
  }
}
