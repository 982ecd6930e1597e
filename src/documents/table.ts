// A table becomes sentences, one per cell: column label, row label, value — 「2024年目标 工业增加值增速 7%。」.
// The first row holds the column labels (with the rows under it whose first cell is blank: a second header
// row, e.g. years under a merged 目标) and the first column the row labels; merged cells are spread over the
// grid for the labels, and a merged value is said once.

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

const sentence = (parts: string[]): string => {
  const kept = parts.filter((p, i) => p !== "" && p !== parts[i - 1]);
  const text = kept.join(" ");
  return /[。！？；.!?;]$/u.test(text) ? text : `${text}。`;
};

export function tableSentences(cells: TableCell[][]): string[] {
  const rows = grid(cells);
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (rows.length === 0 || width === 0) return [];
  const at = (r: number, c: number) => rows[r]?.[c]?.text ?? "";
  // A single row or a single column has no labels to pair: each cell is its own line.
  if (rows.length === 1 || width === 1) {
    return rows.flatMap((row) => row.filter((s) => s.origin && s.text).map((s) => s.text));
  }
  let headerRows = 1;
  while (headerRows < rows.length - 1 && at(headerRows, 0) === "") headerRows++;
  const columnLabel = (c: number) => [...new Set(Array.from({ length: headerRows }, (_, r) => at(r, c)).filter(Boolean))].join(" ");
  const out: string[] = [];
  for (let r = headerRows; r < rows.length; r++) {
    for (let c = 1; c < width; c++) {
      const slot = rows[r]?.[c];
      if (!slot?.origin || !slot.text) continue;
      out.push(sentence([columnLabel(c), at(r, 0), slot.text]));
    }
  }
  return out;
}
