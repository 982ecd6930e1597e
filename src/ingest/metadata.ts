import { createHash } from "node:crypto";
import type { Gazetteer } from "../domain/gazetteer.js";
import type { Article } from "../domain/types.js";
import { datelineDate, findDateline, normalizeDate } from "./dates.js";
import { defaultMarkers, type Markers } from "./markers.js";
import type { ArticlePiece } from "./split.js";

/** Everything known about a file besides its text. */
export interface FileMeta {
  /** Name citations use (file basename, or front-matter `source`). */
  source: string;
  /** sha256 hex of the raw file bytes. */
  contentHash: string;
  /** `--date` from the command line: overrides every other date. */
  cliDate?: string;
  frontMatter?: { title?: string; date?: string; zones?: string[] };
  sidecar?: { date?: string; title?: string };
  /** Title found outside the text (HTML <title>), used when part 0 has no printed headline. */
  fallbackTitle?: string;
}

interface DatedText {
  date: string | null;
  dateEvidence: string | null;
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Pieces of one file → Article records (ids, dates, zones, titles). */
export function buildArticles(
  pieces: ArticlePiece[],
  meta: FileMeta,
  gazetteer: Gazetteer,
  markers: Markers = defaultMarkers(),
): Article[] {
  const fileDate = fileLevelDate(meta);
  const wholeText = pieces.map((piece) => piece.text).join("\n");
  const datelined = pieces.map((piece) => pieceDate(piece.text, meta, fileDate, wholeText, markers));
  const sibling = datelined.find((dated) => dated.date !== null);
  return pieces.map((piece, part) => {
    const dated = datelined[part]!.date || !sibling ? datelined[part]! : sibling;
    const title = pieceTitle(piece, part, meta);
    return {
      id: `${meta.source}#${part}`,
      source: meta.source,
      part,
      title,
      date: dated.date,
      dateEvidence: dated.dateEvidence,
      zones: zonesOf(`${title}\n${piece.text}`, gazetteer, meta.frontMatter?.zones ?? []),
      text: piece.text,
      contentHash: meta.contentHash,
    };
  });
}

/** Explicit metadata outranks layout guesses for the first piece; later pieces keep their own headlines. */
function pieceTitle(piece: ArticlePiece, part: number, meta: FileMeta): string {
  if (part !== 0) return piece.title;
  const explicit = meta.frontMatter?.title ?? meta.sidecar?.title;
  if (explicit) return explicit;
  if (piece.titleSource === "derived" && meta.fallbackTitle) return meta.fallbackTitle;
  return piece.title;
}

/** File-wide date by precedence: CLI, front matter, sidecar. */
function fileLevelDate(meta: FileMeta): DatedText & { fromCli: boolean } {
  const candidates: [string | undefined, string][] = [
    [meta.cliDate, "cli"],
    [meta.frontMatter?.date, "front-matter"],
    [meta.sidecar?.date, "sidecar"],
  ];
  for (const [raw, evidence] of candidates) {
    const date = raw ? normalizeDate(raw) : null;
    if (date) return { date, dateEvidence: evidence, fromCli: evidence === "cli" };
  }
  return { date: null, dateEvidence: null, fromCli: false };
}

/** CLI date wins; otherwise a dateline in the piece (「本报8月11日讯」) beats file metadata. */
function pieceDate(
  text: string,
  meta: FileMeta,
  fileDate: DatedText & { fromCli: boolean },
  wholeText: string,
  markers: Markers,
): DatedText {
  if (fileDate.fromCli) return fileDate;
  const dateline = findDateline(text, markers);
  const date = dateline ? datelineDate(dateline, fileDate.date, wholeText) : null;
  if (dateline && date) return { date, dateEvidence: dateline.evidence };
  return { date: fileDate.date, dateEvidence: fileDate.dateEvidence };
}

/** Canonical zones mentioned, most mentions first (first mention breaks ties); forced zones lead. */
export function zonesOf(text: string, gazetteer: Gazetteer, forced: string[] = []): string[] {
  const strong = gazetteer.mentions(text);
  const mentions = strong.length > 0 ? strong : gazetteer.mentions(text, { includeWeak: true });
  const stats = new Map<string, { count: number; first: number }>();
  for (const mention of mentions) {
    const entry = stats.get(mention.zone) ?? { count: 0, first: mention.start };
    entry.count += 1;
    stats.set(mention.zone, entry);
  }
  const ranked = [...stats.entries()]
    .sort(([, a], [, b]) => b.count - a.count || a.first - b.first)
    .map(([zone]) => zone);
  const forcedCanonical = forced.map((zone) => gazetteer.canonical(zone) ?? zone);
  return [...new Set([...forcedCanonical, ...ranked])];
}
