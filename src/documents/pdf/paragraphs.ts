import { tableSentences } from "../table.js";
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
}

const sizeChanges = (a: Line, b: Line) => Math.abs(a.size - b.size) > 0.12 * Math.max(a.size, b.size);
const indented = (p: Placed) => p.line.x0 - p.leaf.left > 0.8 * p.line.size;
const endsShort = (p: Placed) => p.line.x1 < p.leaf.right - 1.2 * p.line.size;

/** Whether `next` opens a new paragraph after `previous` (in reading order). */
function opensParagraph(previous: Placed, next: Placed): boolean {
  // Pieces of one line left apart by a wide justified space carry on the line.
  const sameLine = previous.leafIndex === next.leafIndex && Math.abs(next.line.top - previous.line.top) < 0.3 * next.line.size && next.line.x0 >= previous.line.x1;
  if (sameLine) return false;
  if (sizeChanges(previous.line, next.line)) return true;
  if (indented(next) || endsShort(previous)) return true;
  // A column (or a page) that ends with a full line and a next one that starts flush left: the same
  // paragraph flowing on. Within a column, a blank gap wider than a line means a new paragraph.
  const sameLeaf = previous.leafIndex === next.leafIndex;
  return sameLeaf && next.line.top - previous.line.bottom > 1.0 * next.line.size;
}

/** A table's sentences, one paragraph each (see table.ts), never joined to the text around them. */
function tableParagraphs(leaf: Leaf, previous: Placed | undefined): Paragraph[] {
  const first = leaf.lines[0]!;
  const size = Math.min(...leaf.lines.map((l) => l.size));
  const cells = leaf.table!.map((row) => row.map((text) => ({ text, colspan: 1 })));
  return tableSentences(cells).map((text, i) => ({
    text, size, pages: [first.page], opensIndented: true, opensPage: i === 0 && (!previous || previous.line.page !== first.page),
  }));
}

export function paragraphsOf(leaves: Leaf[]): Paragraph[] {
  const out: Paragraph[] = [];
  let previous: Placed | undefined;
  leaves.forEach((leaf, leafIndex) => {
    if (leaf.table) {
      out.push(...tableParagraphs(leaf, previous));
      // What follows a table opens a paragraph of its own: its last line stands in as one that ended short.
      previous = { line: { ...leaf.lines.at(-1)!, x1: Number.NEGATIVE_INFINITY }, leaf, leafIndex };
      return;
    }
    for (const line of leaf.lines) previous = place({ line, leaf, leafIndex }, previous, out);
  });
  return out;
}

/** Adds a line to the paragraphs: opening a new one or carrying on the last. */
function place(current: Placed, previous: Placed | undefined, out: Paragraph[]): Placed {
  const opensPage = !previous || previous.line.page !== current.line.page;
  if (!previous || opensParagraph(previous, current)) {
    out.push({ text: current.line.text, size: current.line.size, pages: [current.line.page], opensIndented: indented(current), opensPage });
  } else {
    const paragraph = out.at(-1)!;
    paragraph.text = joinPieces(paragraph.text, current.line.text);
    if (!paragraph.pages.includes(current.line.page)) paragraph.pages.push(current.line.page);
  }
  return current;
}
