import type { DocumentArticle } from "../types.js";
import { joinPieces, parseEdition } from "../text.js";
import { type LayoutWords, message } from "../words.js";
import type { PageInfo } from "./layout.js";
import type { Paragraph } from "./paragraphs.js";

// Paragraphs in reading order → articles. A headline (type well above the body size, or a short line
// without a full stop right before a byline or a 本报讯 dateline) opens an article; a byline or a dateline
// after body text opens one too. （下转第X版）/（上接第X版） join an article's parts across pages.

type Role = "headline" | "subtitle" | "byline" | "body";

interface Draft {
  titles: Paragraph[];
  body: Paragraph[];
  /** Body paragraphs other than a subtitle under the headline. */
  bodyCount: number;
  pages: Set<number>;
  firstPage: number;
  /** Edition the article goes on to / comes from (from its markers). */
  continuedTo?: number;
  continuedToPage?: number;
  continuedFrom?: number;
}

const HEADLINE_RATIO = 1.3;
const SUBTITLE_RATIO = 1.1;

function roles(paragraphs: Paragraph[], body: number, words: LayoutWords): Role[] {
  const isByline = (p: Paragraph) => words.byline.some((re) => re.test(p.text));
  const isDateline = (p: Paragraph) => words.dateline.some((re) => re.test(p.text));
  const isSection = (p: Paragraph) => words.sectionHeading.some((re) => re.test(p.text));
  const headlineLike = (p: Paragraph) => p.text.length <= words.headlineMaxChars * 2 && !/[。！？]/u.test(p.text.slice(0, -1)) && !isSection(p);
  return paragraphs.map((p, i) => {
    if (isByline(p)) return "byline";
    if (p.size >= HEADLINE_RATIO * body && headlineLike(p)) return "headline";
    if (p.size >= SUBTITLE_RATIO * body && headlineLike(p)) return "subtitle";
    // Body-size headlines are told by what follows them.
    const next = paragraphs[i + 1];
    const short = p.text.length <= words.headlineMaxChars && !words.sentenceEnd.test(p.text) && !isSection(p);
    if (short && next && (isByline(next) || isDateline(next)) && !words.continuedFrom.test(p.text)) return "headline";
    return "body";
  });
}

const editionOf = (page: number, info: Map<number, PageInfo>) => info.get(page)?.edition ?? page;

interface Markers {
  text: string;
  /** Edition of （上接第X版） at the start. */
  from?: number;
  /** Edition of （下转第X版） anywhere (usually at the end). */
  to?: number;
}

/** Strips 下转/上接 markers from a paragraph's text. */
function takeMarkers(text: string, words: LayoutWords): Markers {
  const out: Markers = { text };
  const fromMatch = words.continuedFrom.exec(out.text);
  if (fromMatch) {
    out.from = parseEdition(fromMatch.groups?.edition ?? "");
    out.text = out.text.slice(fromMatch[0].length);
  }
  out.text = out.text.replace(words.continuedTo, (_whole, ...args) => {
    out.to = parseEdition((args.at(-1) as { edition?: string }).edition ?? "");
    return "";
  }).trim();
  return out;
}

function newDraft(first: Paragraph): Draft {
  return { titles: [], body: [], bodyCount: 0, pages: new Set(first.pages), firstPage: first.pages[0]! };
}

function segment(paragraphs: Paragraph[], body: number, words: LayoutWords): Draft[] {
  const drafts: Draft[] = [];
  const kinds = roles(paragraphs, body, words);
  let current: Draft | undefined;
  const start = (p: Paragraph): Draft => {
    current = newDraft(p);
    drafts.push(current);
    return current;
  };
  paragraphs.forEach((p, i) => {
    const role = kinds[i]!;
    if (role === "headline") {
      const stacking = current && current.body.length === 0 && current.titles.length > 0 && current.firstPage === p.pages[0];
      (stacking ? current! : start(p)).titles.push(p);
      return;
    }
    if (role === "subtitle" && kinds[i + 1] === "headline") {
      // A kicker (引题) above its headline opens the article the headline names.
      start(p).titles.push(p);
      return;
    }
    if (role === "byline") {
      // A byline after body text begins the next piece (one without a headline of its own).
      if (current && current.bodyCount > 0) start(p);
      return;
    }
    const startsAfterEnd = current && p.opensPage && current.continuedTo !== undefined;
    const dateline = words.dateline.some((re) => re.test(p.text));
    const draft = !current || startsAfterEnd || (dateline && current.bodyCount > 0) ? start(p) : current!;
    const { text, from, to } = takeMarkers(p.text, words);
    // 「（上接第一版）」 opens the continued part; after body text it means a new piece.
    const target = from !== undefined && draft.bodyCount > 0 ? start(p) : draft;
    if (from !== undefined) target.continuedFrom = from;
    if (to !== undefined) {
      target.continuedTo = to;
      target.continuedToPage = p.pages.at(-1);
    }
    for (const page of p.pages) target.pages.add(page);
    if (!text) return;
    target.body.push({ ...p, text, opensIndented: role === "subtitle" ? true : p.opensIndented });
    if (role !== "subtitle") target.bodyCount++;
  });
  return drafts.filter((d) => d.titles.length > 0 || d.body.length > 0);
}

const commonChars = (a: string, b: string): number => {
  const set = new Set(a);
  return [...new Set(b)].filter((c) => set.has(c)).length / Math.max(1, new Set(b).size);
};
const titleText = (d: Draft) => d.titles.map((t) => t.text).join(" ");

/** Joins each part that says 上接 to the part that says 下转 to its page, preferring the closest title. */
function joinContinuations(drafts: Draft[], info: Map<number, PageInfo>, warnings: string[]): Draft[] {
  const joined = new Set<Draft>();
  for (const part of drafts) {
    if (part.continuedFrom === undefined) continue;
    const edition = editionOf(part.firstPage, info);
    const candidates = drafts.filter((d) => d !== part && !joined.has(d) && d.continuedTo === edition
      && d.continuedToPage !== undefined && editionOf(d.continuedToPage, info) === part.continuedFrom);
    const head = candidates.sort((a, b) => commonChars(titleText(b), titleText(part)) - commonChars(titleText(a), titleText(part)))[0];
    if (!head) {
      warnings.push(message("continuationUnmatched", { page: part.firstPage, edition: part.continuedFrom }));
      continue;
    }
    const [first, ...rest] = part.body;
    const last = head.body.at(-1);
    // The part opening flush left carries on the paragraph the first part stopped in.
    if (first && last && !first.opensIndented) last.text = joinPieces(last.text, first.text);
    else if (first) head.body.push(first);
    head.body.push(...rest);
    for (const page of part.pages) head.pages.add(page);
    head.continuedTo = part.continuedTo;
    head.continuedToPage = part.continuedToPage;
    joined.add(part);
  }
  for (const d of drafts) {
    // Still pointing on after every part was joined: its next part is not in this file.
    if (!joined.has(d) && d.continuedTo !== undefined) {
      warnings.push(message("continuationMissing", { page: d.continuedToPage ?? d.firstPage, edition: d.continuedTo }));
    }
  }
  return drafts.filter((d) => !joined.has(d));
}

function deriveTitle(draft: Draft, words: LayoutWords): { title: string; lines: string[] } {
  const lines = draft.body.map((p) => p.text);
  if (draft.titles.length > 0) {
    // Lines of one headline broken in two (centred lines each look indented) are one title again.
    const titles: Paragraph[] = [];
    for (const t of draft.titles) {
      const last = titles.at(-1);
      if (last && Math.abs(last.size - t.size) < 0.05 * t.size) titles[titles.length - 1] = { ...last, text: joinPieces(last.text, t.text) };
      else titles.push(t);
    }
    // The largest type is the title; a kicker or a second deck stays in the text as a heading line.
    const main = titles.reduce((a, b) => (b.size > a.size ? b : a));
    const others = titles.filter((t) => t !== main).map((t) => t.text);
    return { title: main.text, lines: [...others, ...lines] };
  }
  const first = lines[0] ?? "";
  if (first.length <= words.headlineMaxChars && !words.sentenceEnd.test(first) && lines.length > 1) return { title: first, lines: lines.slice(1) };
  let lead = first;
  for (const re of words.dateline) lead = lead.replace(re, "");
  lead = lead.replace(/^[\s：:，,]+/u, "");
  const sentence = lead.split(/[。！？；]/u)[0] ?? lead;
  return { title: sentence.slice(0, words.derivedTitleMaxChars), lines };
}

export function buildArticles(paragraphs: Paragraph[], body: number, info: Map<number, PageInfo>, words: LayoutWords, warnings: string[]): DocumentArticle[] {
  const drafts = joinContinuations(segment(paragraphs, body, words), info, warnings);
  return drafts.flatMap((draft) => {
    const { title, lines } = deriveTitle(draft, words);
    const text = lines.filter((l) => l.trim() !== "").join("\n");
    if (!text && !title) return [];
    const pageInfo = info.get(draft.firstPage);
    const article: DocumentArticle = { title, text, pages: [...draft.pages].sort((a, b) => a - b) };
    if (pageInfo?.date) {
      article.date = pageInfo.date;
      article.dateEvidence = pageInfo.dateEvidence;
    }
    return [article];
  });
}
