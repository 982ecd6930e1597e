/**
 * Renders an article draft to a file: Markdown with YAML front matter, or .txt with a sidecar
 * <name>.meta.json; either laid out as flat paragraphs or as scanned newspaper columns (lines of
 * 12–16 characters, 「　　」 indents, words and numbers broken across lines, column breaks, a
 * 「□本报记者 X」 byline). Removing line breaks and 「　」 from a file gives back every paragraph verbatim.
 */
import type { ArticleDraft, Paragraph } from "./compose.js";
import type { Rng } from "./prng.js";
import { dayBefore, isoDate } from "./text.js";

export type Format = "md" | "txt";
export type Layout = "plain" | "column";

export interface Rendered {
  content: string;
  /** Sidecar JSON text for .txt files. */
  sidecar?: string;
}

const INDENT = "　　";
/** Characters that must not start a line (kinsoku): they are pulled onto the previous line. */
const NO_LINE_START = new Set("，。、；：！？）》”’」』…%".split(""));
/** Opening brackets and quotes that must not end a line: they move to the next one. */
const NO_LINE_END = new Set("“‘（《「『".split(""));

/** Text with line breaks and full-width spaces removed: what evidence must be a substring of. */
export function unwrap(content: string): string {
  return content.replace(/\r?\n/g, "").replace(/　/g, "");
}

export function renderArticle(draft: ArticleDraft, format: Format, layout: Layout, rng: Rng): Rendered {
  const reporterLine = `□本报记者 ${draft.reporter}`;
  const datedDay = rng.chance(0.5) ? dayBefore(draft.date) : draft.date;
  const dated = rng.chance(0.35);
  const dateline = dated ? `本报${datedDay.m}月${datedDay.d}日讯` : "本报讯";
  const paragraphs = draft.paragraphs.map((p) => ({ ...p }));
  const lead = paragraphs[0];
  let bylineLine = "";
  if (layout === "column" || rng.chance(0.3)) {
    bylineLine = reporterLine + (draft.correspondent && rng.chance(0.5) ? ` 通讯员 ${draft.correspondent}` : "");
    if (lead && rng.chance(0.7)) lead.text = `${dateline} ${lead.text}`;
  } else if (lead) {
    const who = draft.correspondent ? `（记者 ${draft.reporter} 通讯员 ${draft.correspondent}）` : `（记者 ${draft.reporter}）`;
    lead.text = rng.chance(0.75) ? `${dateline}${who}${lead.text}` : `${dateline} ${lead.text}`;
    if (!lead.text.startsWith("本报")) lead.text = `${dateline} ${lead.text}`;
  }
  const body = layout === "column" ? columnBody(paragraphs, bylineLine, rng) : plainBody(paragraphs, bylineLine, format, rng);
  const titleAtEnd = layout === "column" && format === "txt" && rng.chance(0.25);
  let content: string;
  if (format === "md") {
    const zones = draft.frontZones.length === 1 ? `zone: ${draft.frontZones[0]}` : `zone:\n${draft.frontZones.map((z) => `  - ${z}`).join("\n")}`;
    content = `---\ntitle: ${JSON.stringify(draft.title)}\ndate: ${isoDate(draft.date)}\n${zones}\n---\n\n# ${draft.title}\n\n${body}\n`;
  } else {
    content = titleAtEnd ? `${body}\n\n${draft.title}\n` : `${draft.title}\n\n${body}\n`;
  }
  if (format === "md") return { content };
  const flat = unwrap(content);
  let evidence = dated ? dateline : "";
  if (!evidence) evidence = draft.facts.find((f) => /^\d{4}年/.test(f.yearExpr) && f.year === draft.date.y && /^\d{4}年/.test(f.evidence))?.evidence ?? "";
  if (!evidence && lead) {
    const firstClause = lead.text.split(/[，。]/)[0] ?? "";
    evidence = firstClause.replace(/　/g, "").slice(0, 40);
  }
  if (!evidence || !flat.includes(evidence)) evidence = draft.title.replace(/　/g, "");
  const sidecar = `${JSON.stringify({ date: isoDate(draft.date), evidence }, null, 2)}\n`;
  return { content, sidecar };
}

function plainBody(paragraphs: Paragraph[], byline: string, format: Format, rng: Rng): string {
  const lines: string[] = [];
  if (format === "md") {
    if (byline) lines.push(byline, "");
    for (const p of paragraphs) {
      lines.push(p.subhead ? `## ${p.text}` : p.text, "");
    }
    return trimNewlines(lines.join("\n"));
  }
  const indented = rng.chance(0.6);
  if (byline) lines.push(indented ? INDENT + byline : byline);
  for (const p of paragraphs) {
    if (p.subhead) {
      lines.push("", p.text, "");
      continue;
    }
    if (indented) lines.push(INDENT + p.text);
    else lines.push("", p.text);
  }
  return trimNewlines(lines.join("\n").replace(/\n{3,}/g, "\n\n"));
}

function columnBody(paragraphs: Paragraph[], byline: string, rng: Rng): string {
  const width = rng.int(12, 16);
  const out: string[] = [];
  if (byline) out.push(INDENT + byline, "");
  let sinceBreak = 0;
  let breakEvery = rng.int(18, 34);
  let firstPara = true;
  for (const p of paragraphs) {
    if (p.subhead) {
      out.push("", p.text, "");
      sinceBreak = 0;
      continue;
    }
    const text = INDENT + p.text;
    const lines = wrap(text, width);
    for (let i = 0; i < lines.length; i++) {
      let line = lines[i] ?? "";
      if (firstPara && i === 0 && rng.chance(0.3)) line = ` ${line}`;
      out.push(line);
      sinceBreak++;
      if (sinceBreak >= breakEvery) {
        out.push("");
        sinceBreak = 0;
        breakEvery = rng.int(18, 34);
      }
    }
    firstPara = false;
  }
  return trimNewlines(out.join("\n").replace(/\n{3,}/g, "\n\n"));
}

/** Hard wrap at `width` characters, keeping closing punctuation off line starts. */
export function wrap(text: string, width: number): string[] {
  const chars = [...text];
  const lines: string[] = [];
  let i = 0;
  while (i < chars.length) {
    let end = Math.min(chars.length, i + width);
    while (end < chars.length && end - i < width + 2 && NO_LINE_START.has(chars[end] ?? "")) end++;
    while (end < chars.length && end - i > width - 3 && NO_LINE_END.has(chars[end - 1] ?? "")) end--;
    lines.push(chars.slice(i, end).join(""));
    i = end;
  }
  return lines;
}

/** Strip leading/trailing line breaks only (String.trim would also eat 「　」 indents). */
function trimNewlines(text: string): string {
  return text.replace(/^\n+/, "").replace(/\n+$/, "");
}
