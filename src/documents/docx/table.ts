import { tidyText } from "../text.js";
import type { HtmlElement } from "./dom.js";

// A table becomes sentences, one per cell: column label, row label, value — 「2024年目标 工业增加值增速 7%。」.
// The first row holds the column labels (with the rows under it whose first cell is blank: a second header
// row, e.g. years under a merged 目标) and the first column the row labels; merged cells are spread over the
// grid for the labels, and a merged value is said once.

interface Slot {
  text: string;
  origin: boolean;
}

function grid(table: HtmlElement): Slot[][] {
  const rows: Slot[][] = [];
  const trs = Array.from(table.querySelectorAll("tr")).filter((tr) => tr.closest("table") === table);
  trs.forEach((tr, r) => {
    rows[r] ??= [];
    let c = 0;
    for (const cell of Array.from(tr.children).filter((el) => /^t[dh]$/i.test(el.tagName))) {
      while (rows[r]![c]) c++;
      const colspan = Math.max(1, Number(cell.getAttribute("colspan")) || 1);
      const rowspan = Math.max(1, Number(cell.getAttribute("rowspan")) || 1);
      const text = tidyText(cell.textContent ?? "");
      for (let dr = 0; dr < rowspan; dr++) {
        for (let dc = 0; dc < colspan; dc++) {
          (rows[r + dr] ??= [])[c + dc] = { text, origin: dr === 0 && dc === 0 };
        }
      }
      c += colspan;
    }
  });
  return rows;
}

const sentence = (parts: string[]): string => {
  const kept = parts.filter((p, i) => p !== "" && p !== parts[i - 1]);
  const text = kept.join(" ");
  return /[。！？；.!?;]$/u.test(text) ? text : `${text}。`;
};

export function tableSentences(table: HtmlElement): string[] {
  const rows = grid(table);
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (rows.length === 0 || width === 0) return [];
  const at = (r: number, c: number) => rows[r]?.[c]?.text ?? "";
  // A single row or a single column has no labels to pair: each cell is its own line.
  if (rows.length === 1 || width === 1) {
    return rows.flatMap((row) => row.filter((s) => s?.origin && s.text).map((s) => s.text));
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
