import type { Leaf, Line } from "./layout.js";
import { median } from "./layout.js";

// Reading order by recursive cuts (an XY-cut adapted to newspapers):
//  - a region whose lines leave a vertical gutter free from top to bottom is split into columns at the
//    gutters, read left to right;
//  - otherwise it is cut into horizontal bands (no line crosses from one band to the next), and bands are
//    grouped while the group keeps a gutter: a headline spanning the columns stands alone above the
//    columns it heads, and rows of a column body that happen to line up stay one body; a band holding a
//    headline always opens a new group, since the columns above it belong to the article before (column
//    rules often run straight through stacked articles);
//  - a region with neither is one leaf, read top to bottom.

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

export function readingOrder(lines: Line[], bodySize = median(lines.map((l) => l.size))): Leaf[] {
  if (lines.length === 0) return [];
  const minGutter = 0.6 * bodySize;
  const holdsHeadline = (band: Line[]) => band.some((l) => l.size >= HEADLINE_RATIO * bodySize);
  const out: Leaf[] = [];
  const visit = (region: Line[]): void => {
    const cuts = gutters(region, minGutter);
    if (cuts.length > 0) {
      const columns: Line[][] = cuts.map(() => []);
      columns.push([]);
      for (const line of region) {
        const index = cuts.findIndex((g) => line.x1 <= g.from + 0.01);
        columns[index === -1 ? cuts.length : index]!.push(line);
      }
      for (const column of columns) if (column.length > 0) visit(column);
      return;
    }
    const groups: { lines: Line[]; hasBody: boolean }[] = [];
    for (const band of bands(region)) {
      const group = groups.at(-1);
      const headline = holdsHeadline(band);
      const groupGutter = group && gutters(group.lines, minGutter).length > 0;
      const keepsGutter = group && groupGutter && gutters([...group.lines, ...band], minGutter).length > 0;
      const bothSingle = group && !groupGutter && gutters(band, minGutter).length === 0;
      if (group && (keepsGutter || bothSingle) && !(headline && group.hasBody)) {
        group.lines.push(...band);
        group.hasBody ||= !headline;
      } else {
        groups.push({ lines: [...band], hasBody: !headline });
      }
    }
    if (groups.length <= 1) out.push(leafOf(region));
    else for (const group of groups) visit(group.lines);
  };
  visit(lines);
  return out;
}
