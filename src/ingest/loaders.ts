import { readFile, readdir, stat } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import { z } from "zod";
import type { Gazetteer } from "../domain/gazetteer.js";
import type { Article } from "../domain/types.js";
import type { Layout } from "./clean.js";
import { type DateClue, findHeaderDate, normalizeDate } from "./dates.js";
import { decodeText } from "./decode.js";
import { type DocumentKind, documentArticles, documentWarnings, readDocumentBytes } from "./documents.js";
import { IngestFileError, type IngestWarning } from "./errors.js";
import { splitFrontMatter, type FrontMatter } from "./frontmatter.js";
import { extractHtmlArticle } from "./html.js";
import { htmlWords, outletOfLine } from "./html-words.js";
import { markdownToText } from "./markdown.js";
import { defaultMarkers, type Markers } from "./markers.js";
import { buildArticles, sha256Hex, type FileMeta } from "./metadata.js";
import { splitArticles } from "./split.js";

export interface LoadOptions {
  gazetteer: Gazetteer;
  /** `--date` (YYYY-MM-DD): overrides dates found in the file or its metadata. */
  date?: string;
  /** Refuse files larger than this (default 20 MB for text and web pages, 100 MB for PDF and Word files). */
  maxBytes?: number;
  markers?: Markers;
  /** Where the file came from when that is a URL: it then identifies the articles instead of the local path. */
  url?: string;
}

/** `<file>.meta.json` (or `<file-without-extension>.meta.json`) next to an article file. */
export interface Sidecar {
  date?: string;
  /** Verbatim clue in the text that supports the date. */
  evidence?: string;
  title?: string;
  /** The link a saved web page was read from, after redirects (web.ts writes it): citations name it instead of the file. */
  url?: string;
  /** The link as it was given, when redirects led elsewhere: what identifies the page (else `url` does). */
  link?: string;
}

/** What identifies a file's articles (`${key}#${part}`) and what citations name it by. */
export interface FileIdentity {
  /** The absolute path, or the link of a saved web page: one link is one source, however often fetched. */
  key: string;
  /** The base name, or the link the page was read from. */
  source: string;
}

/** One file's articles and what was skipped or guessed on the way (never fatal). */
export interface LoadedFile {
  articles: Article[];
  warnings: IngestWarning[];
}

const SidecarSchema = z.object({
  date: z.string().refine((value) => normalizeDate(value) !== null, "date must be YYYY-MM-DD").optional(),
  evidence: z.string().optional(),
  title: z.string().min(1).optional(),
  /** Free-text reasoning behind the date (e.g. why a representative day was chosen). */
  note: z.string().optional(),
  url: z.string().url().optional(),
  link: z.string().url().optional(),
});

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
/** E-paper PDFs run to tens of MB (the reader itself refuses past 200 MB / 2000 pages). */
export const DEFAULT_MAX_DOCUMENT_BYTES = 100 * 1024 * 1024;
const TEXT_TYPES = new Set([".txt", ".text"]);
const MARKDOWN_TYPES = new Set([".md", ".markdown"]);
const HTML_TYPES = new Set([".html", ".htm"]);
// An old Word .doc goes to the Word reader too: it refuses the binary format with a message that says what to
// do (save as .docx), and reads a .docx or refuses an RTF file that was only named .doc.
const DOCUMENT_TYPES = new Map<string, DocumentKind>([[".pdf", "pdf"], [".docx", "docx"], [".doc", "docx"]]);
const SIDECAR_SUFFIX = ".meta.json";

export function isSupportedArticleFile(path: string): boolean {
  const ext = extname(path).toLowerCase();
  return TEXT_TYPES.has(ext) || MARKDOWN_TYPES.has(ext) || HTML_TYPES.has(ext) || DOCUMENT_TYPES.has(ext);
}

/** A PDF: reading one takes seconds, so ingest reads it on a worker thread. */
export function isPdfFile(path: string): boolean {
  return DOCUMENT_TYPES.get(extname(path).toLowerCase()) === "pdf";
}

/**
 * Read one article file (.txt, .md, .html; YAML front matter in any text file; .pdf and .docx through
 * src/documents) into its Article pieces. Throws IngestFileError.
 */
export async function loadArticleFile(path: string, opts: LoadOptions): Promise<Article[]> {
  return (await readArticleFile(path, opts)).articles;
}

/**
 * Read one article file with the warnings it raised. Every failure of the file is an IngestFileError with a
 * reason; only a malformed `--date` (a usage error, not the file's) is thrown as a plain Error.
 */
export async function readArticleFile(path: string, opts: LoadOptions): Promise<LoadedFile> {
  const markers = opts.markers ?? defaultMarkers();
  const cliDate = checkedCliDate(opts.date);
  const ext = extname(path).toLowerCase();
  if (!isSupportedArticleFile(path)) throw new IngestFileError(path, "unsupported-type", ext || "no extension");
  const document = DOCUMENT_TYPES.get(ext);
  const bytes = await readBounded(path, opts.maxBytes ?? (document ? DEFAULT_MAX_DOCUMENT_BYTES : DEFAULT_MAX_BYTES));
  const sidecar = await readSidecar(path);
  try {
    // A saved web page is its link: cited by it, and its articles are `${link}#${part}` (the saved copy is only for re-reads).
    const identity = identityOf(path, sidecar);
    const meta: FileMeta = { source: identity.source, location: opts.url ?? identity.key, contentHash: sha256Hex(bytes) };
    if (cliDate) meta.cliDate = cliDate;
    if (sidecar) meta.sidecar = sidecar;
    if (document) {
      const read = await readDocumentBytes(bytes, document, path);
      return { articles: documentArticles(read, meta, opts.gazetteer, markers, document), warnings: documentWarnings(read) };
    }
    const parsed = parseByType(path, decodeText(bytes, path));
    const text = describeFile(meta, parsed, markers);
    // A Markdown file's headings below its title are its text; a web page's stray lines (breadcrumbs) are not.
    const headingsAreText = parsed.layout === "structured" && parsed.document === undefined;
    const pieces = splitArticles(text, markers, parsed.layout, headingsAreText ? { title: meta.frontMatter?.title } : undefined);
    if (pieces.length === 0) throw new IngestFileError(path, "empty", "no article text after cleaning");
    return { articles: buildArticles(pieces, meta, opts.gazetteer, markers), warnings: parsed.warnings };
  } catch (error) {
    if (error instanceof IngestFileError) throw error;
    throw new IngestFileError(path, "unparseable", error instanceof Error ? error.message : String(error));
  }
}

/** Fill the file's metadata from what the text declares; returns the text without the lines that only declared it. */
function describeFile(meta: FileMeta, parsed: ParsedFile, markers: Markers): string {
  let text = parsed.text;
  const header = findHeaderDate(text, markers);
  if (header) {
    meta.headerDate = { date: header.date, evidence: header.evidence };
    text = withoutLine(text, header.evidence);
  }
  const outletLine = findOutletLine(text, markers);
  if (outletLine) text = withoutLine(text, outletLine.line);
  const outlet = parsed.frontMatter?.source ?? parsed.document?.outlet ?? outletLine?.outlet ?? header?.masthead;
  if (outlet) meta.outlet = outlet;
  if (parsed.frontMatter) meta.frontMatter = parsed.frontMatter;
  if (parsed.document?.title) meta.documentTitle = parsed.document.title;
  if (parsed.document?.date) meta.documentDate = parsed.document.date;
  if (parsed.document?.yearCeiling !== undefined) meta.yearCeiling = parsed.document.yearCeiling;
  return text;
}

function checkedCliDate(date: string | undefined): string | undefined {
  if (date === undefined) return undefined;
  const normalized = normalizeDate(date);
  if (!normalized) throw new Error(`--date must be YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return normalized;
}

async function readBounded(path: string, maxBytes: number): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new IngestFileError(path, "unreadable", "not a regular file");
    if (info.size > maxBytes) throw new IngestFileError(path, "too-large", `${info.size} bytes > ${maxBytes}`);
    return await readFile(path);
  } catch (error) {
    if (error instanceof IngestFileError) throw error;
    throw new IngestFileError(path, "unreadable", error instanceof Error ? error.message : String(error));
  }
}

interface ParsedFile {
  text: string;
  layout: Layout;
  frontMatter?: FrontMatter;
  /** What an HTML page declares about itself. */
  document?: { title?: string; date?: DateClue; outlet?: string; yearCeiling?: number };
  warnings: IngestWarning[];
}

function parseByType(path: string, decoded: string): ParsedFile {
  const ext = extname(path).toLowerCase();
  if (HTML_TYPES.has(ext)) {
    const { text, warnings, ...document } = extractHtmlArticle(decoded);
    return { text, layout: "structured", document, warnings };
  }
  const { frontMatter, body, warnings } = splitFrontMatter(decoded);
  const parsed: ParsedFile = MARKDOWN_TYPES.has(ext)
    ? { text: markdownToText(body), layout: "structured", warnings }
    : { text: body, layout: "ocr", warnings };
  if (frontMatter) parsed.frontMatter = frontMatter;
  return parsed;
}

/**
 * A data line that names the outlet (「来源：某某日报」), among the first or last lines of the text: exports put it
 * there. It must open with its label, since a wrapped body line can hold 「…资金来源：…」.
 */
function findOutletLine(text: string, markers: Markers): { outlet: string; line: string } | undefined {
  const words = htmlWords();
  const lines = text.split("\n").map((line) => line.trim()).filter(Boolean);
  const edges = [...lines.slice(0, markers.headerMaxLines), ...lines.slice(-markers.headerMaxLines)];
  for (const line of edges) {
    const outlet = outletOfLine(line, words);
    const opensWithLabel = words.outletLine.some((re) => re.exec(line)?.index === 0);
    if (outlet && opensWithLabel) return { outlet, line };
  }
  return undefined;
}

/** The text without the first line that reads `line` (trimmed). */
function withoutLine(text: string, line: string): string {
  const lines = text.split("\n");
  const index = lines.findIndex((candidate) => candidate.trim() === line);
  if (index >= 0) lines.splice(index, 1);
  return lines.join("\n");
}

/** The identity of an article file given its sidecar (see FileIdentity). */
export function identityOf(path: string, sidecar: Sidecar | undefined): FileIdentity {
  const link = sidecar?.link ?? sidecar?.url;
  return { key: link ?? resolve(path), source: sidecar?.url ?? basename(path) };
}

/** The identity of an article file, from its sidecar. Throws IngestFileError when the sidecar is malformed. */
export async function fileIdentity(path: string): Promise<FileIdentity> {
  return identityOf(path, await readSidecar(path));
}

/** The sidecar of an article file, if one exists. Throws IngestFileError when it is malformed. */
export async function readSidecar(path: string): Promise<Sidecar | undefined> {
  const withoutExt = path.slice(0, path.length - extname(path).length);
  for (const candidate of [`${path}${SIDECAR_SUFFIX}`, `${withoutExt}${SIDECAR_SUFFIX}`]) {
    let raw: string;
    try {
      raw = await readFile(candidate, "utf8");
    } catch {
      continue;
    }
    try {
      const parsed = SidecarSchema.parse(JSON.parse(raw));
      const sidecar: Sidecar = {};
      if (parsed.date) sidecar.date = normalizeDate(parsed.date)!;
      if (parsed.evidence) sidecar.evidence = parsed.evidence;
      if (parsed.title) sidecar.title = parsed.title;
      if (parsed.url) sidecar.url = parsed.url;
      if (parsed.link) sidecar.link = parsed.link;
      return sidecar;
    } catch (error) {
      throw new IngestFileError(path, "invalid-metadata", `${basename(candidate)}: ${error instanceof Error ? error.message : error}`);
    }
  }
  return undefined;
}

/**
 * Expand files and directories (recursively) into a sorted list of article files.
 * Directories contribute only supported types and skip dotfiles and `*.meta.json`;
 * files named explicitly are kept as given so that loading can report them.
 */
export async function listArticleFiles(pathsOrDirs: string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const entry of pathsOrDirs) {
    const path = resolve(entry);
    // A path that cannot be read stays in the list: loading it reports the reason for that file alone.
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) for (const file of await walk(path)) found.add(file);
    else found.add(path);
  }
  return [...found].sort();
}

async function walk(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const dirent of await readdir(dir, { withFileTypes: true })) {
    if (dirent.name.startsWith(".")) continue;
    const path = join(dir, dirent.name);
    if (dirent.isDirectory()) files.push(...(await walk(path)));
    else if (dirent.isFile() && !dirent.name.endsWith(SIDECAR_SUFFIX) && isSupportedArticleFile(path)) files.push(path);
  }
  return files;
}

/** In-memory variant of loadArticleFile for text that is already decoded (tests, chat uploads). */
export function articlesFromText(text: string, meta: FileMeta, gazetteer: Gazetteer, markers: Markers = defaultMarkers()): Article[] {
  return buildArticles(splitArticles(text, markers), meta, gazetteer, markers);
}
