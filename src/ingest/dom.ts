import { parseHTML } from "linkedom";
import { normalizeBodySpaces } from "./spaces.js";
import { tableSentences } from "../documents/index.js";

/** The part of the DOM this folder reads (linkedom's document satisfies it). */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
}

export interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  closest(selectors: string): DomElement | null;
  remove(): void;
}

export interface DomDocument {
  body: DomElement | null;
  documentElement: DomElement;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
}

export function parseDocument(html: string): DomDocument {
  return parseHTML(html).document as unknown as DomDocument;
}

const ELEMENT = 1;
const TEXT = 3;
/** Never text a reader sees. */
const SKIPPED = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "HEAD", "IFRAME", "BUTTON", "INPUT", "SELECT", "TEXTAREA", "OPTION", "CANVAS"]);
/** Elements that start and end a line of text. */
const BLOCKS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "CENTER", "DD", "DIV", "DL", "DT", "FIELDSET", "FIGCAPTION", "FIGURE", "FOOTER",
  "FORM", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION", "UL", "TR", "TD", "TH",
  "TBODY", "THEAD", "TFOOT", "CAPTION", "BODY", "HTML",
]);
/** A cell this long is running text: its table lays out the page rather than holding figures. */
const DATA_CELL_MAX_CHARS = 60;

/** One line of page text; table sentences keep the spaces between their labels. */
export interface PageLine {
  text: string;
  fromTable: boolean;
}

/** Text of a subtree as lines: one per paragraph, list item, line break or table row; tables as one sentence per cell. */
export function pageLines(root: DomNode): PageLine[] {
  const lines: PageLine[] = [];
  let current = "";
  const breakLine = (): void => {
    const text = normalizeBodySpaces(current);
    if (text) lines.push({ text, fromTable: false });
    current = "";
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT) {
      current += (node.textContent ?? "").replace(/\s+/g, " ");
      return;
    }
    if (node.nodeType !== ELEMENT || SKIPPED.has(node.nodeName)) return;
    if (node.nodeName === "BR") {
      breakLine();
      return;
    }
    if (node.nodeName === "TABLE") {
      const sentences = dataTableSentences(node as DomElement);
      if (sentences) {
        breakLine();
        for (const text of sentences) lines.push({ text, fromTable: true });
        return;
      }
    }
    const block = BLOCKS.has(node.nodeName);
    if (block) breakLine();
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) breakLine();
  };
  walk(root);
  breakLine();
  return lines;
}

/** Sentences of a table that holds figures, or undefined for a layout table. */
function dataTableSentences(table: DomElement): string[] | undefined {
  const rows = Array.from(table.querySelectorAll("tr")).filter((row) => row.closest("table") === table);
  if (rows.length === 0) return undefined;
  const cells = rows.map((row) => Array.from(row.childNodes).filter((cell): cell is DomElement => cell.nodeName === "TD" || cell.nodeName === "TH"));
  const texts = cells.map((row) => row.map((cell) => normalizeBodySpaces((cell.textContent ?? "").replace(/\s+/g, " "))));
  if (texts.flat().some((text) => text.length > DATA_CELL_MAX_CHARS)) return undefined;
  const first = cells[0] ?? [];
  const header = (first.length > 0 && first.every((cell) => cell.nodeName === "TH")) || rows[0]!.closest("thead") !== null;
  return tableSentences({ rows: texts, headerRows: header ? 1 : 0 });
}
