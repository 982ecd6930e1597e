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
  };
  return cached;
}

/** A table as cell texts, row by row; `header` says whether the first row labels the columns. */
export interface Table {
  rows: string[][];
  header: boolean;
}

/**
 * One sentence per filled cell, so every figure stays next to what it measures. A column heading that names a
 * time leads (「2023年 工业增加值增速 6.2%。」); any other heading follows the row label (first column), as
 * Chinese puts a metric after its subject (「西海岸新区 新签约项目 100个。」). A column that only holds years
 * dates its row instead of making sentences; headings that only say "value" (数值) add nothing. Without a
 * header row the first column alone labels the values. Empty and dash-only cells say nothing.
 */
export function tableSentences(table: Table): string[] {
  const words = tableWords();
  const filled = (cell: string | undefined): cell is string => cell !== undefined && !words.emptyCell.test(cell);
  const headings = table.header ? (table.rows[0] ?? []).map((cell) => cell.trim()) : [];
  const body = table.header ? table.rows.slice(1) : table.rows;
  const yearColumns = table.header ? yearColumnsOf(body, words) : new Set<number>();
  const sentences: string[] = [];
  for (const row of body) {
    const rowLabel = filled(row[0]) ? splitUnit(row[0].trim(), words) : { label: "", unit: "" };
    const label = rowLabel.label;
    if (row.length === 1 && label) sentences.push(label);
    const year = [...yearColumns].map((column) => words.yearValue.exec(row[column] ?? "")?.groups?.year).find(Boolean);
    for (let column = 1; column < row.length; column++) {
      const value = row[column]?.trim();
      if (!filled(value) || yearColumns.has(column)) continue;
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
  }
  return sentences;
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
  return match?.groups?.unit ? { label: label.slice(0, match.index).trim(), unit: match.groups.unit.trim() } : { label, unit: "" };
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
