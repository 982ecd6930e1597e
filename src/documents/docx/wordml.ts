import { tidyText } from "../text.js";
import { layoutWords } from "../words.js";
import { cellSentences, type TableCell } from "../table.js";

// WordprocessingML read directly (word/document.xml with word/styles.xml): one pass of a tag tokenizer,
// fast enough for reports of thousands of pages. Paragraph text is the text of its w:t runs (so inserted
// text, hyperlinks and content controls are read, deleted text w:delText and field codes w:instrText are
// not); the fallback branch of mc:AlternateContent is skipped (it repeats the choice's text boxes);
// paragraphs inside text boxes come after the paragraph that anchors them.

export interface WordBlock {
  text: string;
  heading: boolean;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const decodeXml = (text: string): string =>
  text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_whole, e: string) =>
    e.startsWith("#x") ? String.fromCodePoint(Number.parseInt(e.slice(2), 16)) : e.startsWith("#") ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e]!);

const attribute = (attrs: string, name: string): string | undefined => {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(attrs);
  return m ? decodeXml(m[1]!) : undefined;
};

export function decodeXmlBytes(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return new TextDecoder("utf-8").decode(bytes);
}

/** Style ids whose paragraphs are headings: named Heading n / Title / 标题…, or with an outline level, or based on one. */
export function headingStyles(stylesXml: string | undefined, headingName: RegExp = layoutWords().headingStyleName): Set<string> {
  const headings = new Set<string>();
  if (!stylesXml) return headings;
  const basedOn = new Map<string, string>();
  for (const m of stylesXml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const id = attribute(m[1]!, "w:styleId");
    if (!id) continue;
    const body = m[2]!;
    const name = /<w:name\b([^>]*)\/?>/.exec(body);
    const outline = /<w:outlineLvl\b([^>]*)\/?>/.exec(body);
    const parent = /<w:basedOn\b([^>]*)\/?>/.exec(body);
    if ((name && headingName.test(attribute(name[1]!, "w:val") ?? "")) || (outline && Number(attribute(outline[1]!, "w:val")) <= 8)) headings.add(id);
    if (parent) basedOn.set(id, attribute(parent[1]!, "w:val") ?? "");
  }
  for (const [id] of basedOn) {
    let at: string | undefined = id;
    for (let depth = 0; at && depth < 10; depth++, at = basedOn.get(at)) {
      if (headings.has(at)) { headings.add(id); break; }
    }
  }
  return headings;
}

interface OpenParagraph {
  text: string;
  heading: boolean;
  /** Paragraphs of text boxes anchored in this one. */
  anchored: WordBlock[];
}

interface OpenTable {
  rows: TableCell[][];
  row?: TableCell[];
  cell?: TableCell & { parts: string[]; depth: number };
}

const TOKEN = /<(\/?)([A-Za-z][\w.-]*:[\w.-]+|[A-Za-z][\w.-]*)([^>]*?)(\/?)>|([^<]+)/g;

export function wordBlocks(documentXml: string, headingStyleIds: Set<string>): WordBlock[] {
  const out: WordBlock[] = [];
  const paragraphs: OpenParagraph[] = [];
  const tables: OpenTable[] = [];
  let inText = false;
  let skipDepth = 0;

  const emit = (block: WordBlock) => {
    const table = tables.at(-1);
    const paragraph = paragraphs.at(-1);
    if (paragraph) paragraph.anchored.push(block);
    else if (table?.cell) table.cell.parts.push(block.text);
    else out.push(block);
  };

  for (const m of documentXml.matchAll(TOKEN)) {
    const [, closing, tag, attrs = "", selfClosing, text] = m;
    if (skipDepth > 0) {
      if (tag === "mc:Fallback") skipDepth += closing ? -1 : selfClosing ? 0 : 1;
      continue;
    }
    if (text !== undefined) {
      if (inText && paragraphs.length > 0) paragraphs.at(-1)!.text += decodeXml(text);
      continue;
    }
    if (tag === "mc:Fallback" && !closing && !selfClosing) { skipDepth = 1; continue; }
    const table = tables.at(-1);
    switch (tag) {
      case "w:t":
        inText = !closing && !selfClosing;
        break;
      case "w:tab":
      case "w:br":
      case "w:cr":
        if (!closing && paragraphs.length > 0) paragraphs.at(-1)!.text += " ";
        break;
      case "w:p":
        if (!closing) {
          paragraphs.push({ text: "", heading: false, anchored: [] });
          if (selfClosing) paragraphs.pop();
        } else {
          const paragraph = paragraphs.pop();
          if (!paragraph) break;
          const tidy = tidyText(paragraph.text);
          if (tidy) emit({ text: tidy, heading: paragraph.heading });
          for (const block of paragraph.anchored) emit(block);
        }
        break;
      case "w:pStyle":
        if (paragraphs.length > 0 && headingStyleIds.has(attribute(attrs, "w:val") ?? "")) paragraphs.at(-1)!.heading = true;
        break;
      case "w:outlineLvl":
        if (paragraphs.length > 0 && Number(attribute(attrs, "w:val")) <= 8) paragraphs.at(-1)!.heading = true;
        break;
      case "w:tbl":
        if (!closing) {
          tables.push({ rows: [] });
        } else {
          const done = tables.pop();
          if (done) for (const sentence of cellSentences(done.rows)) emit({ text: sentence, heading: false });
        }
        break;
      case "w:tr":
        if (table && !closing) table.row = [];
        else if (table?.row) { table.rows.push(table.row); table.row = undefined; }
        break;
      case "w:tc":
        if (table && !closing) table.cell = { text: "", colspan: 1, parts: [], depth: paragraphs.length };
        else if (table?.cell) {
          const { parts, depth: _depth, ...cell } = table.cell;
          table.row?.push({ ...cell, text: parts.join(" ") });
          table.cell = undefined;
        }
        break;
      case "w:gridSpan":
        if (table?.cell && paragraphs.length === table.cell.depth) table.cell.colspan = Math.max(1, Number(attribute(attrs, "w:val")) || 1);
        break;
      case "w:vMerge":
        if (table?.cell && paragraphs.length === table.cell.depth) table.cell.vmerge = attribute(attrs, "w:val") === "restart" ? "restart" : "continue";
        break;
    }
  }
  return out;
}
