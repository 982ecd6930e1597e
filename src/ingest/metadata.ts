import { createHash } from "node:crypto";
import type { Gazetteer } from "../domain/gazetteer.js";
import type { Article } from "../domain/types.js";
import { type DateClue, datelineDate, earliestWritingDate, findDateline, normalizeDate, signOffDate } from "./dates.js";
import { defaultMarkers, type Markers } from "./markers.js";
import type { ArticlePiece } from "./split.js";

/** Everything known about a file besides its text. */
export interface FileMeta {
  /** File name citations show: always the file's basename. */
  source: string;
  /** What identifies the file: its absolute path, or its URL. Article ids are `${location}#${part}` (default: source). */
  location?: string;
  /** sha256 hex of the raw file bytes. */
  contentHash: string;
  /** `--date` from the command line: overrides every other date. */
  cliDate?: string;
  frontMatter?: { title?: string; date?: string; zones?: string[] };
  sidecar?: { date?: string; title?: string };
  /** Title the document itself declares (an HTML page's og:title/<title>/<h1>), ranked after front matter and sidecar. */
  documentTitle?: string;
  /** Publish date the document declares (HTML meta tags, a 「发布时间：」 line). */
  documentDate?: DateClue;
  /** The latest year the document can be from (a web page's copyright year). */
  yearCeiling?: number;
  /** Date of a page header at the top of the text (「某某日报　2023年3月13日　星期一」). */
  headerDate?: DateClue;
  /** The outlet: front matter `source:`, a 「来源：」 line, the site's name. */
  outlet?: string;
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
  const wholeText = pieces.map((piece) => piece.text).join("\n");
  const fileDate = declaredDate(meta);
  const notBefore = earliestWritingDate(wholeText, markers);
  const datelined = pieces.map((piece) => fileDate ?? pieceDate(piece.text, meta, wholeText, notBefore, markers));
  const sibling = datelined.find((dated) => dated.date !== null);
  const location = meta.location ?? meta.source;
  return pieces.map((piece, part) => {
    const dated = datelined[part]!.date || !sibling ? datelined[part]! : sibling;
    const title = pieceTitle(piece, part, meta);
    const article: Article = {
      id: `${location}#${part}`,
      source: meta.source,
      part,
      title,
      date: dated.date,
      dateEvidence: dated.dateEvidence,
      zones: zonesOf(`${piece.headline ?? title}\n${piece.text}`, gazetteer, meta.frontMatter?.zones ?? []),
      text: piece.text,
      contentHash: meta.contentHash,
    };
    if (meta.outlet) article.outlet = meta.outlet;
    const aliases = (meta.frontMatter?.zones ?? []).slice(0, 1).flatMap((zone) => otherStatedName(zone, gazetteer));
    if (aliases.length > 0 && article.zones[0] === statedZone(meta.frontMatter!.zones![0]!, gazetteer)) article.zoneAliases = aliases;
    return article;
  });
}

/** Explicit metadata outranks layout guesses for the first piece; later pieces keep their own headlines. */
function pieceTitle(piece: ArticlePiece, part: number, meta: FileMeta): string {
  if (part !== 0) return piece.title;
  return meta.frontMatter?.title ?? meta.sidecar?.title ?? meta.documentTitle ?? piece.title;
}

/**
 * A date the file states for all its pieces, by precedence: `--date`, front matter, the document's own
 * publish date (HTML meta), a dated page header. Undefined when none does: then each piece reads its dateline.
 */
function declaredDate(meta: FileMeta): DatedText | undefined {
  const candidates: [string | undefined, string | undefined][] = [
    [meta.cliDate, "cli"],
    [meta.frontMatter?.date, "front-matter"],
    [meta.documentDate?.date, meta.documentDate?.evidence],
    [meta.headerDate?.date, meta.headerDate?.evidence],
  ];
  for (const [raw, evidence] of candidates) {
    const date = raw ? normalizeDate(raw) : null;
    if (date && evidence) return { date, dateEvidence: evidence };
  }
  return undefined;
}

/**
 * A dateline in the piece (「本报8月11日讯」, 「本报讯（记者 某某）10月29日」), its year from the sidecar's
 * date or the body; else the sidecar's date; else the date a notice is signed off with (落款).
 */
function pieceDate(text: string, meta: FileMeta, wholeText: string, notBefore: string | undefined, markers: Markers): DatedText {
  const sidecarDate = meta.sidecar?.date ? normalizeDate(meta.sidecar.date) : null;
  const dateline = findDateline(text, markers);
  const date = dateline ? datelineDate(dateline, sidecarDate, wholeText, markers, notBefore, meta.yearCeiling) : null;
  if (dateline && date) return { date, dateEvidence: dateline.evidence };
  if (sidecarDate) return { date: sidecarDate, dateEvidence: "sidecar" };
  const signed = signOffDate(text, markers);
  return signed ? { date: signed.date, dateEvidence: signed.evidence } : { date: null, dateEvidence: null };
}

/**
 * Canonical zones of an article, its home zone first: the front matter's zone, else the first zone its
 * title names, else the zone its text is most about — named (zones known only by their form count:
 * 天津经开区) or referred to by generic words (开发区, 该区) read against the first zone it names, the
 * first named winning ties. A continuation page that names its own zone only as 新区 is about that zone,
 * not about the park it lists once. The zones it names follow, most mentions first; generic words and
 * 全市/我市 (the city, only in an article about that city) count only where no zone is named.
 */
export function zonesOf(text: string, gazetteer: Gazetteer, forced: string[] = []): string[] {
  const titleEnd = text.indexOf("\n");
  const title = titleEnd >= 0 ? text.slice(0, titleEnd) : "";
  // 「zone: 浙江省国家级经开区（宁波经开区、杭州经开区等）」 states many zones: it names no home zone.
  const forcedCanonical = forced.filter((zone) => !statesMany(zone, gazetteer)).map((zone) => statedZone(zone, gazetteer));
  const stated = forcedCanonical[0] ?? titleZone(title, gazetteer);
  const named = gazetteer.mentions(text);
  const candidate = stated ?? named[0]?.zone ?? null;
  const mentions = gazetteer.mentions(text, { includeWeak: true, home: candidate });
  const byReference = rankZones(mentions.filter((mention) => mention.source !== "generic" || gazetteer.canonical(mention.alias) === undefined));
  const home = stated ?? byReference[0] ?? null;
  // Generic words add zones only to an article that names none (全市 in passing is not what a piece is about).
  return [...new Set([...forcedCanonical, ...(home ? [home] : []), ...rankZones(named.length > 0 ? named : mentions)])];
}

/** The zone a title is about: the first it names, unless it lists several (「A、B、C一季度主要指标较快增长」). */
function titleZone(title: string, gazetteer: Gazetteer): string | undefined {
  const [first, second] = gazetteer.mentions(title);
  if (first && second && second.zone !== first.zone && LISTING.test(title.slice(first.end, second.start))) return undefined;
  return first?.zone;
}

const LISTING = /^[、，,和与及]$/u;

/** A front-matter zone that is a category of many (国家级经开区) or lists several in brackets (…（A、B等）). */
function statesMany(zone: string, gazetteer: Gazetteer): boolean {
  const bracketed = /^(.+?)[（(]([^）)]+)[）)]$/.exec(zone.trim());
  const outside = bracketed ? bracketed[1]! : zone;
  const inside = bracketed ? bracketed[2]! : "";
  // (Not a name of sector words alone — 临空港经开区 — that the recogniser reads as a kind of zone.)
  return gazetteer.statesCategory(outside) || new Set(gazetteer.mentions(inside).map((m) => m.zone)).size >= 2;
}

/**
 * A zone as front matter states it. 「中德生态园（青岛国际经济合作区）」「无锡高新区（新吴区）」 give a zone with
 * another name of it in brackets: the name the gazetteer can place, the one before the brackets first.
 */
function statedZone(zone: string, gazetteer: Gazetteer): string {
  const whole = gazetteer.canonical(zone);
  if (whole) return whole;
  const bracketed = /^(.+?)[（(]([^）)]+)[）)]$/.exec(zone.trim());
  if (!bracketed) return zone;
  const [, outside, inside] = bracketed;
  return gazetteer.canonical(outside!) ?? gazetteer.canonical(inside!) ?? outside!;
}

/**
 * The other name of a zone front matter states with two (「沈阳市浑南区（沈阳高新区）」: 沈阳市浑南区 beside the
 * 沈阳高新区 it resolves to), unless that name is some other known zone's.
 */
function otherStatedName(zone: string, gazetteer: Gazetteer): string[] {
  const bracketed = /^(.+?)[（(]([^）)]+)[）)]$/.exec(zone.trim());
  if (!bracketed || gazetteer.canonical(zone)) return [];
  const stated = statedZone(zone, gazetteer);
  const other = [bracketed[1]!.trim(), bracketed[2]!.trim()].find((name) => gazetteer.canonical(name) !== stated && name !== stated);
  return other && gazetteer.canonical(other) === undefined ? [other] : [];
}

/** Zones by number of mentions, the first mentioned first among equals. */
function rankZones(mentions: { zone: string; start: number }[]): string[] {
  const stats = new Map<string, { count: number; first: number }>();
  for (const mention of mentions) {
    const entry = stats.get(mention.zone) ?? { count: 0, first: mention.start };
    entry.count += 1;
    stats.set(mention.zone, entry);
  }
  return [...stats.entries()].sort(([, a], [, b]) => b.count - a.count || a.first - b.first).map(([zone]) => zone);
}
