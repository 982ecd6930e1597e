import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const MarkersFileSchema = z.object({
  dropLinePatterns: z.array(z.string()),
  newspaperNames: z.array(z.string().min(1)),
  newspaperLineMaxExtraChars: z.number().int().nonnegative(),
  bylinePatterns: z.array(z.string()),
  trailingBylinePatterns: z.array(z.string()),
  continuedFromPattern: z.string(),
  continuedToPattern: z.string(),
  datelinePatterns: z.array(z.string()),
  sentenceEndChars: z.string().min(1),
  closingChars: z.string(),
  headlineForbiddenChars: z.string().min(1),
  headlineMaxChars: z.number().int().positive(),
  headlineBadEndings: z.string(),
  kickerEndPattern: z.string(),
  subtitleStartPattern: z.string(),
  minPieceBodyChars: z.number().int().nonnegative(),
  derivedTitleMaxChars: z.number().int().positive(),
  continuationTitleSuffix: z.string(),
  headerDatePatterns: z.array(z.string()),
  headerMaxLines: z.number().int().positive(),
  headerLineMaxChars: z.number().int().positive(),
  yearFloorPatterns: z.array(z.object({ pattern: z.string(), from: z.enum(["start", "end"]) })),
  futureYearPatterns: z.array(z.string()),
  signOffDatePattern: z.string(),
  signOffMaxLines: z.number().int().positive(),
  sectionHeadingPattern: z.string(),
});

/** Compiled layout markers (data/ingest-markers.json). */
export interface Markers {
  dropLine: RegExp[];
  newspaperLine: RegExp;
  byline: RegExp[];
  trailingByline: RegExp[];
  continuedFrom: RegExp;
  continuedTo: RegExp;
  dateline: RegExp[];
  sentenceEnd: RegExp;
  headlineForbidden: RegExp;
  headlineBadEnding: RegExp;
  headlineMaxChars: number;
  kickerEnd: RegExp;
  subtitleStart: RegExp;
  minPieceBodyChars: number;
  derivedTitleMaxChars: number;
  continuationTitleSuffix: string;
  /** A dated page header (masthead, date, weekday, page) among the first lines of a file. */
  headerDate: RegExp[];
  headerMaxLines: number;
  headerLineMaxChars: number;
  /** Phrases that say the text is no older than the start or the end of the year they name. */
  yearFloor: { pattern: RegExp; from: "start" | "end" }[];
  /** A year named as a plan's deadline (group `year`): later than the writing date. */
  futureYear: RegExp[];
  /** A line that is only a date, as a notice's sign-off (落款) prints it. */
  signOffDate: RegExp;
  signOffMaxLines: number;
  /** A numbered section heading on its own line (「三、申报时间」): it ends its paragraph. */
  sectionHeading: RegExp;
}

export function defaultMarkersPath(): string {
  return fileURLToPath(new URL("../../data/ingest-markers.json", import.meta.url));
}

const escapeForClass = (chars: string): string => chars.replace(/[\\\][^-]/g, "\\$&");
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const compile = (pattern: string): RegExp => new RegExp(pattern, "u");

export function loadMarkers(path: string = defaultMarkersPath()): Markers {
  const file = MarkersFileSchema.parse(JSON.parse(readFileSync(path, "utf8")));
  const names = file.newspaperNames.map(escapeRegExp).join("|");
  return {
    dropLine: file.dropLinePatterns.map(compile),
    newspaperLine: compile(`^(?:${names})(?:\\s*\\S.{0,${file.newspaperLineMaxExtraChars}})?$`),
    byline: file.bylinePatterns.map(compile),
    trailingByline: file.trailingBylinePatterns.map(compile),
    continuedFrom: compile(file.continuedFromPattern),
    continuedTo: compile(file.continuedToPattern),
    dateline: file.datelinePatterns.map(compile),
    sentenceEnd: compile(`[${escapeForClass(file.sentenceEndChars)}][${escapeForClass(file.closingChars)}]*$`),
    headlineForbidden: compile(`[${escapeForClass(file.headlineForbiddenChars)}]`),
    headlineBadEnding: compile(`[${escapeForClass(file.headlineBadEndings)}]$`),
    headlineMaxChars: file.headlineMaxChars,
    kickerEnd: compile(file.kickerEndPattern),
    subtitleStart: compile(file.subtitleStartPattern),
    minPieceBodyChars: file.minPieceBodyChars,
    derivedTitleMaxChars: file.derivedTitleMaxChars,
    continuationTitleSuffix: file.continuationTitleSuffix,
    headerDate: file.headerDatePatterns.map(compile),
    headerMaxLines: file.headerMaxLines,
    headerLineMaxChars: file.headerLineMaxChars,
    yearFloor: file.yearFloorPatterns.map(({ pattern, from }) => ({ pattern: new RegExp(pattern, "gu"), from })),
    futureYear: file.futureYearPatterns.map((pattern) => new RegExp(pattern, "gu")),
    signOffDate: compile(file.signOffDatePattern),
    signOffMaxLines: file.signOffMaxLines,
    sectionHeading: compile(file.sectionHeadingPattern),
  };
}

let cached: Markers | undefined;
/** Markers from the default data file, loaded once. */
export function defaultMarkers(): Markers {
  cached ??= loadMarkers();
  return cached;
}
