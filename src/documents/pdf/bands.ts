import { isoDate, parseEdition } from "../text.js";
import type { LayoutWords } from "../words.js";
import type { Line, PageInfo, PageText } from "./layout.js";

// Page header and footer bands: the paper's name, the date, 第X版 and the page number sit in a row at the
// top or the bottom of every page. A row there is dropped when one of its lines says such a thing, or
// when the same row (digits aside) comes back on many pages. The date and the edition are kept.

const TOP_BAND = 0.13;
const BOTTOM_BAND = 0.9;
// Body text that happens to start with a date is longer than any header item.
const MAX_BAND_LINE_CHARS = 40;

const rowsOf = (lines: Line[]): Line[][] => {
  const rows: Line[][] = [];
  for (const line of [...lines].sort((a, b) => a.bottom - b.bottom)) {
    const row = rows.find((r) => Math.abs(r[0]!.bottom - line.bottom) < 0.5 * Math.max(line.size, r[0]!.size));
    if (row) row.push(line);
    else rows.push([line]);
  }
  return rows.map((r) => r.sort((a, b) => a.x0 - b.x0));
};

const rowKey = (row: Line[]): string => row.map((l) => l.text).join(" ").replace(/[0-9０-９一二三四五六七八九十]+/g, "#");

function inBand(line: Line, height: number): "top" | "bottom" | undefined {
  if (line.bottom < TOP_BAND * height) return "top";
  if (line.top > BOTTOM_BAND * height) return "bottom";
  return undefined;
}

export interface Bands {
  pages: PageText[];
  info: Map<number, PageInfo>;
}

export function stripBands(pages: PageText[], words: LayoutWords): Bands {
  const bandRows = pages.map((page) => rowsOf(page.lines.filter((l) => inBand(l, page.height))));
  // A row repeated on at least three pages and on half of them is furniture, whatever it says.
  const seen = new Map<string, number>();
  for (const rows of bandRows) for (const key of new Set(rows.map(rowKey))) seen.set(key, (seen.get(key) ?? 0) + 1);
  const repeated = (row: Line[]) => {
    const count = seen.get(rowKey(row)) ?? 0;
    return count >= 3 && count >= pages.length / 2;
  };
  const saysBand = (line: Line) => line.text.length <= MAX_BAND_LINE_CHARS && (words.paperName.test(line.text) || words.pageBand.some((re) => re.test(line.text)));

  const info = new Map<number, PageInfo>();
  const stripped = pages.map((page, index) => {
    const drop = new Set<Line>();
    const pageInfo: PageInfo = {};
    for (const row of bandRows[index]!) {
      if (!row.some(saysBand) && !repeated(row)) continue;
      for (const line of row) drop.add(line);
      const text = row.map((l) => l.text).join(" ");
      const edition = words.edition.exec(text)?.groups?.edition;
      if (edition && pageInfo.edition === undefined && !Number.isNaN(parseEdition(edition))) pageInfo.edition = parseEdition(edition);
      const date = isoDate(words.date.exec(text)?.groups);
      if (date && pageInfo.date === undefined) {
        pageInfo.date = date;
        pageInfo.dateEvidence = text;
      }
    }
    info.set(page.page, pageInfo);
    return { ...page, lines: page.lines.filter((l) => !drop.has(l)) };
  });
  return { pages: stripped, info };
}
