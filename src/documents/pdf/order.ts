import { joinPieces } from "../text.js";
import type { Leaf, Line } from "./layout.js";
import { median } from "./layout.js";

// Reading order by recursive cuts (an XY-cut adapted to newspapers):
//  - a region whose lines leave a vertical gutter free from top to bottom is split into columns at the
//    gutters, read left to right;
//  - otherwise it is cut into horizontal bands (no line crosses from one band to the next), and bands are
//    grouped while the group keeps all its gutters: a headline spanning the columns stands alone above the
//    columns it heads, and rows of a column body that happen to line up stay one body; a headline right
//    under body text opens a new group, since the columns above it belong to the article before (column
//    gaps often run straight through stacked articles);
//  - a region with neither is one leaf, read top to bottom;
//  - columns of short cells, one of them mostly figures, are a table: one leaf read row by row.

interface Gutter {
  from: number;
  to: number;
}

/** Vertical strips no line covers, between lines on both sides, at least `minWidth` wide. */
function gutters(lines: Line[], minWidth: number): Gutter[] {
  const spans = lines.map((l) => [l.x0, l.x1] as const).sort((a, b) => a[0] - b[0]);
  const found: Gutter[] = [];
  let reach = spans[0]?.[1] ?? 0;
  for (const [x0, x1] of spans.slice(1)) {
    if (x0 - reach >= minWidth) found.push({ from: reach, to: x0 });
    reach = Math.max(reach, x1);
  }
  return found;
}

function bands(lines: Line[]): Line[][] {
  const sorted = [...lines].sort((a, b) => a.top - b.top || a.x0 - b.x0);
  const out: Line[][] = [];
  let bandBottom = Number.NEGATIVE_INFINITY;
  for (const line of sorted) {
    // A line overlapping the band by more than a sliver belongs to it.
    if (out.length > 0 && bandBottom - line.top > 0.2 * line.size) {
      out.at(-1)!.push(line);
      bandBottom = Math.max(bandBottom, line.bottom);
    } else {
      out.push([line]);
      bandBottom = line.bottom;
    }
  }
  return out;
}

function leafOf(lines: Line[]): Leaf {
  const sorted = [...lines].sort((a, b) => a.top - b.top || a.x0 - b.x0);
  return { lines: sorted, left: Math.min(...sorted.map((l) => l.x0)), right: Math.max(...sorted.map((l) => l.x1)) };
}

const HEADLINE_RATIO = 1.3;
// Type no larger than this (times the body size) is body text, not a kicker or a deck.
const BODY_RATIO = 1.1;
// A table: columns of short cells that seldom fill their column's width (justified text does), one of
// them mostly figures.
const TABLE_MAX_FILLED = 0.5;
const TABLE_FIGURE_SHARE = 0.6;
const FIGURE_CELL = /^[-+－—～~]?[0-9０-９][0-9０-９.,，%％‰‱]*\s*(?:[\p{Script=Han}]{0,3}|[a-zA-Z%]{0,3})$/u;

function tableOf(columns: Line[][], region: Line[]): string[][] | undefined {
  if (columns.length < 2 || columns.some((c) => c.length < 2)) return undefined;
  let filled = 0;
  for (const column of columns) {
    const left = Math.min(...column.map((l) => l.x0));
    const right = Math.max(...column.map((l) => l.x1));
    filled += column.filter((l) => l.x0 - left < 0.5 * l.size && right - l.x1 < 0.5 * l.size).length;
  }
  if (filled / region.length > TABLE_MAX_FILLED) return undefined;
  const figures = (column: Line[]) => column.filter((l) => FIGURE_CELL.test(l.text)).length / column.length;
  if (!columns.some((c) => figures(c) >= TABLE_FIGURE_SHARE)) return undefined;
  const columnOf = new Map<Line, number>();
  columns.forEach((column, i) => { for (const line of column) columnOf.set(line, i); });
  const rows: string[][] = [];
  for (const band of bands(region)) {
    const inColumn = columns.map((_, i) => band.filter((l) => columnOf.get(l) === i));
    // Two lines side by side in one column and row: a gutter was missed, these are not its cells.
    if (inColumn.some((ls) => ls.some((a) => ls.some((b) => a !== b && (a.x1 <= b.x0 || b.x1 <= a.x0))))) return undefined;
    const cells = inColumn.map((ls) => ls.sort((a, b) => a.top - b.top).map((l) => l.text).reduce(joinPieces, ""));
    const previous = rows.at(-1);
    // A row with one cell and no label is the second line of a wrapped cell above.
    if (previous && cells[0] === "" && cells.filter(Boolean).length === 1) {
      cells.forEach((text, i) => { if (text) previous[i] = joinPieces(previous[i]!, text); });
    } else {
      rows.push(cells);
    }
  }
  return rows.length >= 2 ? rows : undefined;
}

interface Group {
  lines: Line[];
  bands: number;
}

export function readingOrder(lines: Line[], bodySize = median(lines.map((l) => l.size))): Leaf[] {
  if (lines.length === 0) return [];
  const minGutter = 0.6 * bodySize;

  const splitColumns = (region: Line[], cuts: Gutter[]): Line[][] => {
    const columns: Line[][] = cuts.map(() => []);
    columns.push([]);
    for (const line of region) {
      const index = cuts.findIndex((g) => line.x1 <= g.from + 0.01);
      columns[index === -1 ? cuts.length : index]!.push(line);
    }
    return columns;
  };
  const tableIn = (region: Line[]): string[][] | undefined => {
    const cuts = gutters(region, minGutter);
    return cuts.length > 0 ? tableOf(splitColumns(region, cuts), region) : undefined;
  };

  const isHeadline = (line: Line) => line.size >= HEADLINE_RATIO * bodySize;
  // A headline right under body text (not under a kicker or a deck) heads a new article stacked below: the columns
  // above belong to the article before, even where the column gaps run straight on.
  const headsStackedArticle = (band: Line[], group: Group): boolean =>
    band.filter(isHeadline).some((headline) => {
      let above: Line | undefined;
      for (const line of group.lines) {
        const overlaps = Math.min(line.x1, headline.x1) - Math.max(line.x0, headline.x0) > 0;
        if (overlaps && line.bottom <= headline.top + 0.5 * headline.size && (!above || line.bottom > above.bottom)) above = line;
      }
      return above !== undefined && above.size < BODY_RATIO * bodySize;
    });

  const groupBands = (region: Line[]): Group[] => {
    const groups: Group[] = [];
    for (const band of bands(region)) {
      const group = groups.at(-1);
      const groupGutters = group ? gutters(group.lines, minGutter).length : 0;
      const mergedGutters = groupGutters > 0 ? gutters([...group!.lines, ...band], minGutter).length : 0;
      // Once two bands agree on the gutters, a band must leave every one of them open: a line across one
      // (a heading under a table) belongs to another block. A single band's gutters may be gaps inside
      // a line (a justified space), so the second band only has to keep one open.
      const keepsGutters = groupGutters > 0 && (group!.bands >= 2 ? mergedGutters === groupGutters : mergedGutters > 0);
      const bothSingle = group && groupGutters === 0 && gutters(band, minGutter).length === 0;
      if (group && (keepsGutters || bothSingle) && !headsStackedArticle(band, group)) {
        group.lines.push(...band);
        group.bands++;
      } else {
        groups.push({ lines: [...band], bands: 1 });
      }
    }
    return groups;
  };

  const out: Leaf[] = [];
  const visit = (region: Line[]): void => {
    const cuts = gutters(region, minGutter);
    if (cuts.length > 0) {
      const columns = splitColumns(region, cuts);
      const table = tableOf(columns, region);
      if (table) {
        out.push({ ...leafOf(region), table });
        return;
      }
      // A table under a short caption or above a short heading leaves a gutter running past them: read
      // such a region block by block so that the table stays whole.
      const groups = groupBands(region);
      if (groups.length > 1 && groups.some((g) => tableIn(g.lines))) {
        for (const group of groups) visit(group.lines);
        return;
      }
      for (const column of columns) if (column.length > 0) visit(column);
      return;
    }
    const groups = groupBands(region);
    if (groups.length <= 1) out.push(leafOf(region));
    else for (const group of groups) visit(group.lines);
  };
  visit(lines);
  return out;
}
