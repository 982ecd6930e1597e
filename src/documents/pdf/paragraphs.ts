import { cellSentences } from "../table.js";
import { joinPieces } from "../text.js";
import type { Leaf, Line } from "./layout.js";

/** Lines joined into a paragraph, with what the layout said about its edges. */
export interface Paragraph {
  text: string;
  size: number;
  /** Pages its lines came from, in order. */
  pages: number[];
  /** Its first line starts further right than its column (an indented opening, or a right-aligned note). */
  opensIndented: boolean;
  /** The first line of its page. */
  opensPage: boolean;
}

interface Placed {
  line: Line;
  leaf: Leaf;
  leafIndex: number;
  /** Usual distance from one line's top to the next in its leaf (0 when the leaf is too short to say). */
  pitch: number;
}

const HEADLINE_RATIO = 1.3;
const sizeChanges = (a: Line, b: Line) => Math.abs(a.size - b.size) > 0.12 * Math.max(a.size, b.size);
const indented = (p: Placed) => p.line.x0 - p.leaf.left > 0.8 * p.line.size;
const endsShort = (p: Placed) => p.line.x1 < p.leaf.right - 1.2 * p.line.size;

/** The median step between consecutive lines of one size in a leaf. */
function leafPitch(leaf: Leaf): number {
  const steps: number[] = [];
  leaf.lines.forEach((line, i) => {
    const next = leaf.lines[i + 1];
    if (next && !sizeChanges(line, next) && next.top > line.top) steps.push(next.top - line.top);
  });
  if (steps.length < 2) return 0;
  steps.sort((a, b) => a - b);
  return steps[Math.floor(steps.length / 2)]!;
}

/** Whether `next` opens a new paragraph after `previous` (in reading order). */
function opensParagraph(previous: Placed, next: Placed, bodySize: number): boolean {
  const sameLeaf = previous.leafIndex === next.leafIndex;
  // Pieces of one line left apart by a wide justified space carry on the line.
  if (sameLeaf && Math.abs(next.line.top - previous.line.top) < 0.3 * next.line.size && next.line.x0 >= previous.line.x1) return false;
  if (sizeChanges(previous.line, next.line)) return true;
  const gap = next.line.top - previous.line.bottom;
  // A headline broken over lines (centred lines look indented) is one paragraph while the lines stay close.
  if (sameLeaf && previous.line.size >= HEADLINE_RATIO * bodySize && gap < 0.6 * next.line.size) return false;
  if (indented(next) || endsShort(previous)) return true;
  // A column (or a page) that ends with a full line and a next one that starts flush left: the same
  // paragraph flowing on. Within a column, a step clearly wider than the usual one is a blank line
  // between paragraphs (set without indents), or, when the column is too short to say, a gap wider than a line.
  if (!sameLeaf) return false;
  const step = next.line.top - previous.line.top;
  return next.pitch > 0 ? step > 1.3 * next.pitch : gap > 1.0 * next.line.size;
}

/** A table's sentences, one paragraph each (see table.ts), never joined to the text around them. */
function tableParagraphs(leaf: Leaf, previous: Placed | undefined): Paragraph[] {
  const first = leaf.lines[0]!;
  const size = Math.min(...leaf.lines.map((l) => l.size));
  const cells = leaf.table!.map((row) => row.map((text) => ({ text, colspan: 1 })));
  return cellSentences(cells).map((text, i) => ({
    text, size, pages: [first.page], opensIndented: true, opensPage: i === 0 && (!previous || previous.line.page !== first.page),
  }));
}

export function paragraphsOf(leaves: Leaf[], bodySize: number): Paragraph[] {
  const out: Paragraph[] = [];
  let previous: Placed | undefined;
  leaves.forEach((leaf, leafIndex) => {
    if (leaf.table) {
      out.push(...tableParagraphs(leaf, previous));
      // What follows a table opens a paragraph of its own: its last line stands in as one that ended short.
      previous = { line: { ...leaf.lines.at(-1)!, x1: Number.NEGATIVE_INFINITY }, leaf, leafIndex, pitch: 0 };
      return;
    }
    const pitch = leafPitch(leaf);
    for (const line of leaf.lines) previous = place({ line, leaf, leafIndex, pitch }, previous, out, bodySize);
  });
  return out;
}

/** Adds a line to the paragraphs: opening a new one or carrying on the last. */
function place(current: Placed, previous: Placed | undefined, out: Paragraph[], bodySize: number): Placed {
  const opensPage = !previous || previous.line.page !== current.line.page;
  if (!previous || opensParagraph(previous, current, bodySize)) {
    out.push({ text: current.line.text, size: current.line.size, pages: [current.line.page], opensIndented: indented(current), opensPage });
  } else {
    const paragraph = out.at(-1)!;
    paragraph.text = joinPieces(paragraph.text, current.line.text);
    if (!paragraph.pages.includes(current.line.page)) paragraph.pages.push(current.line.page);
  }
  return current;
}
