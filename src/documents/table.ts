// A Word or PDF table's cells, merged cells spread over the grid, become the one table reader's rows (cells.ts):
// the first row holds the column labels (with the rows under it whose first cell is blank: a second header row,
// e.g. years under a merged 目标); a merged cell labels every row and column it covers, its value is said once.
import { type Table, tableSentences } from "./cells.js";

export interface TableCell {
  text: string;
  /** Columns it spans (Word's gridSpan). */
  colspan: number;
  /** Word's vMerge: "restart" opens a vertically merged cell, "continue" is covered by the one above. */
  vmerge?: "restart" | "continue";
}

interface Slot {
  text: string;
  origin: boolean;
}

function grid(rows: TableCell[][]): Slot[][] {
  const out: Slot[][] = [];
  rows.forEach((row, r) => {
    const slots: Slot[] = [];
    for (const cell of row) {
      const c = slots.length;
      const above = out[r - 1]?.[c];
      const slot: Slot = cell.vmerge === "continue" && above ? { text: above.text, origin: false } : { text: cell.text, origin: true };
      for (let dc = 0; dc < Math.max(1, cell.colspan); dc++) slots.push({ text: slot.text, origin: slot.origin && dc === 0 });
    }
    out.push(slots);
  });
  return out;
}

/** The table a grid of cells makes: header rows as said above, merged copies marked as echoes. */
export function cellTable(cells: TableCell[][]): Table {
  const slots = grid(cells);
  let headerRows = 1;
  while (headerRows < slots.length - 1 && (slots[headerRows]?.[0]?.text ?? "") === "") headerRows++;
  return {
    rows: slots.map((row) => row.map((slot) => slot.text)),
    headerRows: slots.length > 1 ? headerRows : 0,
    echoes: slots.map((row) => row.map((slot) => !slot.origin)),
  };
}

export function cellSentences(cells: TableCell[][]): string[] {
  const rows = grid(cells);
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (rows.length === 0 || width === 0) return [];
  // A single row or a single column has no labels to pair: each cell is its own line.
  if (rows.length === 1 || width === 1) return rows.flatMap((row) => row.filter((s) => s.origin && s.text).map((s) => s.text));
  return tableSentences(cellTable(cells));
}
