import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const TableWordsSchema = z.object({
  emptyCellPattern: z.string(),
  timeLabelPattern: z.string(),
  yearValuePattern: z.string(),
  plainValueHeadings: z.array(z.string().min(1)),
  growthHeadings: z.array(z.string().min(1)).default([]),
  cellSentenceEnd: z.string().min(1),
  sentenceEndChars: z.string().min(1),
  labelUnitPattern: z.string(),
  bareNumberPattern: z.string(),
  figureCellPattern: z.string(),
  serialHeadingPattern: z.string(),
});

const UnitsFileSchema = z.object({
  magnitudes: z.record(z.string(), z.number()),
  units: z.array(z.object({ unit: z.string().min(1) })),
});

interface TableWords {
  emptyCell: RegExp;
  timeLabel: RegExp;
  yearValue: RegExp;
  plainValueHeadings: Set<string>;
  growthHeadings: Set<string>;
  cellSentenceEnd: string;
  sentenceEnd: RegExp;
  labelUnit: RegExp;
  bareNumber: RegExp;
  figureCell: RegExp;
  serialHeading: RegExp;
  /** Whether a bracketed label ending is a unit (亿元, 万标箱, 元/平方米), not a place or a note. */
  isUnit: (text: string) => boolean;
}

let cached: TableWords | undefined;
function tableWords(): TableWords {
  if (cached) return cached;
  const path = fileURLToPath(new URL("../../data/ingest-tables.json", import.meta.url));
  const file = TableWordsSchema.parse(JSON.parse(readFileSync(path, "utf8")));
  const ends = file.sentenceEndChars.replace(/[\\\]^-]/g, "\\$&");
  cached = {
    emptyCell: new RegExp(file.emptyCellPattern, "u"),
    timeLabel: new RegExp(file.timeLabelPattern, "u"),
    yearValue: new RegExp(file.yearValuePattern, "u"),
    plainValueHeadings: new Set(file.plainValueHeadings),
    growthHeadings: new Set(file.growthHeadings),
    cellSentenceEnd: file.cellSentenceEnd,
    sentenceEnd: new RegExp(`[${ends}]$`, "u"),
    labelUnit: new RegExp(file.labelUnitPattern, "u"),
    bareNumber: new RegExp(file.bareNumberPattern, "u"),
    figureCell: new RegExp(file.figureCellPattern, "u"),
    serialHeading: new RegExp(file.serialHeadingPattern, "u"),
    isUnit: unitReader(),
  };
  return cached;
}

/** Units the fact extractor knows (data/units.json), with a magnitude before them (亿元) or per another (元/平方米). */
function unitReader(): (text: string) => boolean {
  const path = fileURLToPath(new URL("../../data/units.json", import.meta.url));
  const file = UnitsFileSchema.parse(JSON.parse(readFileSync(path, "utf8")));
  const units = new Set(file.units.map((entry) => entry.unit));
  const magnitudes = Object.keys(file.magnitudes).sort((a, b) => b.length - a.length);
  const one = (text: string): boolean => {
    const magnitude = magnitudes.find((word) => text.startsWith(word));
    const rest = magnitude ? text.slice(magnitude.length) : text;
    return rest === "" ? magnitude !== undefined : units.has(rest);
  };
  return (text) => text.split(/[/／]/u).every((part) => one(part.trim()));
}

/**
 * A table as cell texts, row by row. The first `headerRows` rows label the columns (0: no header row).
 * `echoes[r][c]` marks a cell that only repeats a merged cell (Word's gridSpan/vMerge): it still labels,
 * but its value was said once already.
 */
export interface Table {
  rows: string[][];
  headerRows: number;
  echoes?: boolean[][];
}

/**
 * One sentence per filled cell, so every figure stays next to what it measures. A column heading that names a
 * time leads (「2023年 工业增加值增速 6.2%。」); any other heading follows the row label, as Chinese puts a
 * metric after its subject (「西海岸新区 新签约项目 100个。」). The row label is the first column, or every
 * leading column of words when the figures stand further right (「| 开发区 | 指标 | 2024年 |」: 「2024年 淄博高新区
 * 营业收入 336.8亿元。」). A column that only holds years dates its row instead of making sentences; headings
 * that only say "value" (数值) add nothing. Without a header row the label columns alone label the values.
 * Empty and dash-only cells say nothing.
 */
export function tableSentences(table: Table): string[] {
  const words = tableWords();
  const filled = (cell: string | undefined): cell is string => cell !== undefined && !words.emptyCell.test(cell);
  const headings = columnHeadings(table);
  const body = table.rows.slice(table.headerRows);
  const echoed = (r: number, c: number): boolean => table.echoes?.[r + table.headerRows]?.[c] === true;
  const yearColumns = table.headerRows > 0 ? yearColumnsOf(body, words) : new Set<number>();
  const labelColumns = labelColumnCount(body, words);
  const serial = labelColumns > 1 && isSerialColumn(headings[0] ?? "", body, words);
  const sentences: string[] = [];
  body.forEach((row, r) => {
    const rowLabel = rowLabelOf(row.slice(serial ? 1 : 0, labelColumns).filter(filled), words);
    const label = rowLabel.label;
    if (row.length <= labelColumns && label) sentences.push(label);
    const year = [...yearColumns].map((column) => words.yearValue.exec(row[column] ?? "")?.groups?.year).find(Boolean);
    for (let column = labelColumns; column < row.length; column++) {
      const value = row[column]?.trim();
      if (!filled(value) || yearColumns.has(column) || echoed(r, column)) continue;
      const columnLabel = splitUnit(headings[column] ?? "", words);
      const heading = columnLabel.label;
      const named = filled(heading) && !words.plainValueHeadings.has(heading) ? heading : "";
      // 「2025年增速」: the time leads, the growth word follows the row's measure (「2025年 税收收入 增速 -4.6%」).
      const growth = [...words.growthHeadings].find((word) => named.endsWith(word) && named.length > word.length && words.timeLabel.test(named.slice(0, -word.length)));
      const parts = growth
        ? [named.slice(0, -growth.length), label, growth]
        : words.timeLabel.test(named) ? [named, label] : [year ? `${year}年` : (growthYearOf(headings, column, words) ?? ""), label, named];
      // 「规上企业营业收入（亿元）」 over 5877: the figure as the text would print it, 5877亿元.
      const unit = words.bareNumber.test(value) ? rowLabel.unit || columnLabel.unit : "";
      sentences.push(endSentence([...parts.filter(Boolean), `${value}${unit}`].join(" "), words));
    }
  });
  return sentences;
}

/** Each column's label: its header rows' distinct texts joined (「目标」 over 「2024年」 → 「目标 2024年」). */
function columnHeadings(table: Table): string[] {
  const header = table.rows.slice(0, table.headerRows);
  const width = Math.max(0, ...table.rows.map((row) => row.length));
  return Array.from({ length: width }, (_, column) => [...new Set(header.map((row) => row[column]?.trim() ?? "").filter(Boolean))].join(" "));
}

/**
 * How many leading columns label the rows: the first always; the next ones too while none of their cells is a
 * figure and a figure stands further right. A table of words only (事项 | 进展) keeps one label column.
 */
function labelColumnCount(body: string[][], words: TableWords): number {
  const width = Math.max(0, ...body.map((row) => row.length));
  const figures = (column: number): boolean => body.some((row) => words.figureCell.test(row[column]?.trim() ?? ""));
  let count = 1;
  while (count < width - 1 && !figures(count)) count++;
  const rightHasFigures = Array.from({ length: width - count }, (_, i) => figures(count + i)).some(Boolean);
  return rightHasFigures ? count : 1;
}

/** A first column that numbers the rows: headed 序号, or holding 1, 2, 3 … in order. */
function isSerialColumn(heading: string, body: string[][], words: TableWords): boolean {
  if (words.serialHeading.test(heading.trim())) return true;
  const cells = body.map((row) => row[0]?.trim() ?? "");
  return cells.length > 1 && cells.every((cell, i) => cell === String(i + 1));
}

/** The row's label cells joined, the unit of the last one that ends with one in brackets. */
function rowLabelOf(cells: string[], words: TableWords): { label: string; unit: string } {
  const parts = cells.map((cell) => splitUnit(cell.trim(), words));
  const label = [...new Set(parts.map((part) => part.label).filter(Boolean))].join(" ");
  const unit = parts.map((part) => part.unit).filter(Boolean).at(-1) ?? "";
  return { label, unit };
}

/** 「| 2024年 | 2025年 | 增速 |」: a growth column's year is the time-labelled column nearest to its left. */
function growthYearOf(headings: string[], column: number, words: TableWords): string | undefined {
  if (!words.growthHeadings.has(splitUnit(headings[column] ?? "", words).label)) return undefined;
  for (let left = column - 1; left >= 1; left--) {
    const heading = splitUnit(headings[left] ?? "", words).label;
    if (words.timeLabel.test(heading)) return heading;
  }
  return undefined;
}

/** A label without the unit it ends with in brackets (规上企业营业收入（亿元） → 规上企业营业收入, 亿元). */
function splitUnit(label: string, words: TableWords): { label: string; unit: string } {
  const match = words.labelUnit.exec(label);
  return match?.groups?.unit && words.isUnit(match.groups.unit.trim()) ? { label: label.slice(0, match.index).trim(), unit: match.groups.unit.trim() } : { label, unit: "" };
}

/** Columns (after the first) whose every filled cell is a bare year. */
function yearColumnsOf(body: string[][], words: TableWords): Set<number> {
  const columns = new Set<number>();
  const width = Math.max(0, ...body.map((row) => row.length));
  for (let column = 1; column < width; column++) {
    const cells = body.map((row) => row[column]?.trim() ?? "").filter((cell) => cell && !words.emptyCell.test(cell));
    if (cells.length > 0 && cells.every((cell) => words.yearValue.test(cell))) columns.add(column);
  }
  return columns;
}

function endSentence(sentence: string, words: TableWords): string {
  return words.sentenceEnd.test(sentence) ? sentence : `${sentence}${words.cellSentenceEnd}`;
}
