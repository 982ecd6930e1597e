import { headlineText, type Layout, parseBlocks, renderBlocks, type Block } from "./clean.js";
import { defaultMarkers, type Markers } from "./markers.js";
import { attributeHeadlines, chooseTitle, deriveTitle, headlineLines, type HeadlineCandidate } from "./titles.js";

/** One newspaper piece found in a page's text. */
export interface ArticlePiece {
  title: string;
  /** `headline` when a printed headline was attributed to the piece, else `derived` from its text. */
  titleSource: "headline" | "derived";
  /** Cleaned body: paragraphs (and in-body subheads) separated by `\n`. */
  text: string;
  /** Reporter lines (「□本报记者 刘腾」, 「(王凯 朱书依)」), kept out of the body. */
  bylines: string[];
  /** 「（上接第一版）」 when the piece continues from another page. */
  continuedFrom: string | null;
  /** 「（下转第四版）」 when the piece jumps to another page. */
  continuesTo: string | null;
  /** Every line of the printed headline, kicker (引题) and subtitle too: what the piece is about, for its zone. */
  headline?: string;
}

interface Draft {
  body: string[];
  bylines: string[];
  continuedFrom: string | null;
  continuesTo: string | null;
}

interface Segmentation {
  drafts: Draft[];
  candidates: HeadlineCandidate[];
}

const newDraft = (): Draft => ({ body: [], bylines: [], continuedFrom: null, continuesTo: null });

/**
 * Split raw page text (it is cleaned here) into pieces. Pieces start at bylines
 * (「□本报记者 X」), datelines (「本报8月11日讯」), jump markers (「（上接第一版）」) and after
 * 「（下转…）」. Headline groups right before a piece start or at the page edges are title
 * candidates; headline groups between body paragraphs are subheads and stay in the body.
 */
/**
 * `headings`: given for a Markdown file, whose headings and short list items below its title are its text (the
 * title is the one its front matter declares, else the first heading).
 */
export function splitArticles(raw: string, markers: Markers = defaultMarkers(), layout: Layout = "ocr", headings?: { title?: string | undefined }): ArticlePiece[] {
  const blocks = parseBlocks(raw, markers, layout);
  const { drafts, candidates } = segment(blocks, markers, layout, headings);
  const merged = mergeShortDrafts(drafts, candidates, markers.minPieceBodyChars);
  if (merged.drafts.length === 0) return wholeTextPiece(blocks, markers);
  const bodies = merged.drafts.map((draft) => draft.body.join("\n"));
  const groups = attributeHeadlines(merged.candidates, bodies, markers);
  return merged.drafts.map((draft, i) => toPiece(draft, bodies[i]!, groups[i]!, markers));
}

function toPiece(draft: Draft, text: string, groups: string[][], markers: Markers): ArticlePiece {
  const headline = chooseTitle(groups, markers);
  const printed = headlineLines(groups, markers);
  return {
    title: headline ?? deriveTitle(text, draft.continuedFrom !== null, markers),
    titleSource: headline ? "headline" : "derived",
    text,
    bylines: draft.bylines,
    continuedFrom: draft.continuedFrom,
    continuesTo: draft.continuesTo,
    ...(printed ? { headline: printed } : {}),
  };
}

/** A page that is nothing but headline-like lines still yields its text. */
function wholeTextPiece(blocks: Block[], markers: Markers): ArticlePiece[] {
  const text = renderBlocks(blocks);
  if (!text.trim()) return [];
  const draft = newDraft();
  return [toPiece(draft, text, [], markers)];
}

function segment(blocks: Block[], markers: Markers, layout: Layout, headings?: { title?: string | undefined }): Segmentation {
  const drafts: Draft[] = [newDraft()];
  const candidates: HeadlineCandidate[] = [];
  let pending: string[][] = [];
  const current = (): Draft => drafts.at(-1)!;

  /** Close the current piece if it has text; pending headlines become candidates for the new one. */
  const openPiece = (opener: HeadlineCandidate["nextOpener"]): void => {
    const hadBody = current().body.length > 0;
    if (hadBody) drafts.push(newDraft());
    const next = drafts.length - 1;
    const prev = next > 0 ? next - 1 : undefined;
    for (const lines of pending) candidates.push({ lines, next, nextOpener: opener, prev });
    pending = [];
  };

  for (const block of blocks) {
    switch (block.kind) {
      case "headline":
        pending.push(block.lines);
        break;
      case "paragraph":
        if (current().body.length > 0 && isDateline(block.text, markers)) openPiece("byline");
        // A Markdown file's headings below its title are its text (「一、2025年发展成效」 and its short list items):
        // only the title may head the piece — the one the front matter declares, else the first.
        if (headings && current().body.length === 0 && drafts.length === 1) {
          const { title, text } = titleAndText(pending, headings.title);
          pending = title;
          openPiece("body");
          current().body.push(...text);
        }
        if (current().body.length === 0) openPiece("body");
        else current().body.push(...pending.map(headlineText));
        pending = [];
        current().body.push(block.text);
        break;
      case "byline":
        if (block.trailing) current().bylines.push(block.text);
        else {
          openPiece("byline");
          current().bylines.push(block.text);
        }
        break;
      case "continued-from":
        openPiece("marker");
        current().continuedFrom = block.marker;
        break;
      case "continued-to":
        current().body.push(...pending.map(headlineText));
        pending = [];
        current().continuesTo = block.marker;
        drafts.push(newDraft());
        break;
    }
  }
  // In a Markdown or web page a headline heads text below it: short lines after the last paragraph with nothing
  // below them (a list whose items have no sentence ends) are that paragraph's text, not headlines of nothing.
  // (A newspaper page's text order may put a piece's headline after it: there they stay candidates.)
  if (layout === "structured" && current().body.length > 0 && pending.length > 0) {
    current().body.push(...pending.map(headlineText));
    pending = [];
  }
  // A notice's sign-off (落款: issuer and date on lines of their own) ends its text; it heads nothing.
  if (current().body.length > 0 && pending.length > 0 && signsOff(pending.flat(), markers)) {
    current().body.push(...pending.flat());
    pending = [];
  }
  const last = drafts.length - 1;
  const prev = current().body.length > 0 ? last : last - 1;
  for (const lines of pending) candidates.push({ lines, prev: prev >= 0 ? prev : undefined });
  return { drafts, candidates };
}

/** Lines that end a notice: its sign-off date last, or followed only by a bracketed note (「（此件主动公开）」). */
function signsOff(lines: string[], markers: Markers): boolean {
  const last = lines.at(-1) ?? "";
  if (markers.signOffDate.test(last)) return true;
  return BRACKETED_NOTE.test(last) && markers.signOffDate.test(lines.at(-2) ?? "");
}

const BRACKETED_NOTE = /^[（(][^（()）]{2,30}[）)]$/u;

/** Of the headline groups before a page's first paragraph, the one that may title it, and the others as its text, in order. */
function titleAndText(pending: string[][], declaredTitle: string | undefined): { title: string[][]; text: string[] } {
  const isTitle = (group: string[]) => declaredTitle !== undefined && (declaredTitle.includes(headlineText(group)) || headlineText(group).includes(declaredTitle));
  const title = declaredTitle === undefined ? pending[0] : pending.find(isTitle);
  return { title: title ? [title] : [], text: pending.filter((group) => group !== title).map(headlineText) };
}

export function isDateline(paragraph: string, markers: Markers = defaultMarkers()): boolean {
  return markers.dateline.some((re) => re.test(paragraph));
}

const bodyLength = (draft: Draft): number => draft.body.reduce((sum, p) => sum + p.length, 0);

/** Fold pieces with almost no body into their neighbour (previous, else next) and renumber candidates. */
function mergeShortDrafts(drafts: Draft[], candidates: HeadlineCandidate[], minChars: number): Segmentation {
  const kept: Draft[] = [];
  const newIndex: number[] = [];
  let carry: Draft | undefined;
  const carried: number[] = [];
  drafts.forEach((draft, i) => {
    const whole = carry ? concatDrafts(carry, draft) : draft;
    if (bodyLength(whole) < minChars && kept.length > 0) {
      kept[kept.length - 1] = concatDrafts(kept.at(-1)!, whole);
      newIndex[i] = kept.length - 1;
    } else if (bodyLength(whole) < minChars) {
      carry = whole;
      carried.push(i);
      return;
    } else {
      kept.push(whole);
      newIndex[i] = kept.length - 1;
    }
    for (const j of carried) newIndex[j] = newIndex[i]!;
    carry = undefined;
    carried.length = 0;
  });
  if (carry && bodyLength(carry) > 0) {
    kept.push(carry);
    for (const j of carried) newIndex[j] = kept.length - 1;
  }
  const remap = (index: number | undefined): number | undefined => (index === undefined ? undefined : newIndex[index]);
  return {
    drafts: kept,
    candidates: candidates.map((c) => ({ ...c, next: remap(c.next), prev: remap(c.prev) })),
  };
}

function concatDrafts(a: Draft, b: Draft): Draft {
  return {
    body: [...a.body, ...b.body],
    bylines: [...a.bylines, ...b.bylines],
    continuedFrom: a.continuedFrom ?? b.continuedFrom,
    continuesTo: b.continuesTo ?? a.continuesTo,
  };
}
