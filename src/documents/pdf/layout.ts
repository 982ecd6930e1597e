/** One line of text on a page, in top-down page coordinates (points). */
export interface Line {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** Font size (points). */
  size: number;
  page: number;
}

export interface PageText {
  page: number;
  width: number;
  height: number;
  lines: Line[];
}

/** What the header/footer bands of a page said. */
export interface PageInfo {
  edition?: number;
  date?: string;
  dateEvidence?: string;
}

/** A run of lines read top to bottom (one column of one block), in reading order among the others. */
export interface Leaf {
  lines: Line[];
  left: number;
  right: number;
  /** Set when the lines are a table: its rows of cell texts, read row by row. */
  table?: string[][];
}

export const median = (values: number[]): number => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** The body text size: the size that carries the most characters. */
export function bodySize(lines: Line[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) {
    const key = Math.round(line.size * 2) / 2;
    weight.set(key, (weight.get(key) ?? 0) + line.text.length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, w] of weight) if (w > bestWeight) [best, bestWeight] = [size, w];
  return best || 10;
}
