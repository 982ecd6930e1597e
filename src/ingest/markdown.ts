import { joinWrappedLines, normalizeBodySpaces } from "./spaces.js";
import { type Table, tableSentences } from "../documents/index.js";

const HEADING = /^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$/;
const BULLET = /^[ \t]*[-*+•][ \t]+/;
const QUOTE = /^[ \t]*>[ \t]?/;
const FENCE = /^[ \t]*(?:```|~~~)/;
const RULE = /^[ \t]*(?:[-*_][ \t]*){3,}$/;
const TABLE_ROW = /^[ \t]*\|.*\|[ \t]*$/;
const TABLE_SEPARATOR = /^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$/;

/** Inline Markdown that would otherwise reach the text: images, links, emphasis, code marks, HTML tags. */
export function stripInlineMarkdown(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(?<![\p{L}\p{N}])([*_])(\S(?:.*?\S)?)\1(?![\p{L}\p{N}])/gu, "$2")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/<\/?[a-z][^>]*>/gi, "");
}

/**
 * Markdown body → one block per line, blocks separated by a blank line: headings without their #'s,
 * list items without bullet marks, paragraphs with their wrapped lines joined, tables as one sentence per cell.
 */
const PARAGRAPH_INDENT = /^\u3000/;
const BYLINE_BOX = /^[□■]/;

export function markdownToText(body: string): string {
  const blocks: string[] = [];
  let paragraph = "";
  const flush = (): void => {
    if (paragraph.trim()) blocks.push(normalizeBodySpaces(paragraph));
    paragraph = "";
  };
  const lines = body.replace(/\r\n?/g, "\n").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(QUOTE, "");
    if (TABLE_ROW.test(line)) {
      flush();
      const end = tableEnd(lines, i);
      blocks.push(...tableSentences(readTable(lines.slice(i, end))));
      i = end - 1;
      continue;
    }
    if (!line.trim() || FENCE.test(line) || RULE.test(line)) {
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading || BULLET.test(line)) {
      flush();
      const item = normalizeBodySpaces(stripInlineMarkdown(heading ? heading[1]! : line.replace(BULLET, "")));
      if (item) blocks.push(item);
      continue;
    }
    // Newspaper text pasted into Markdown keeps its own paragraphs: a full-width indent (　　) opens one,
    // and a byline box (□本报记者…) stands on its own line.
    if (PARAGRAPH_INDENT.test(line) || BYLINE_BOX.test(line)) flush();
    paragraph = joinWrappedLines(paragraph, stripInlineMarkdown(line.trim()));
    if (BYLINE_BOX.test(line)) flush();
  }
  flush();
  return blocks.join("\n\n");
}

function tableEnd(lines: string[], start: number): number {
  let end = start;
  while (end < lines.length && TABLE_ROW.test(lines[end]!.replace(QUOTE, ""))) end++;
  return end;
}

/** Rows of a pipe table; a separator row right after the first row makes that row the header. */
function readTable(lines: string[]): Table {
  const header = lines.length > 1 && TABLE_SEPARATOR.test(lines[1]!.replace(QUOTE, ""));
  const rows = lines
    .map((line) => line.replace(QUOTE, ""))
    .filter((line) => !TABLE_SEPARATOR.test(line))
    .map(splitCells);
  return { rows, headerRows: header ? 1 : 0 };
}

function splitCells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, "").replace(/\|$/, "");
  return inner.split(/(?<!\\)\|/).map((cell) => normalizeBodySpaces(stripInlineMarkdown(cell.replace(/\\\|/g, "|"))));
}
