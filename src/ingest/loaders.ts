import { readFile, readdir, stat } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import { z } from "zod";
import type { Gazetteer } from "../domain/gazetteer.js";
import type { Article } from "../domain/types.js";
import { normalizeDate } from "./dates.js";
import { decodeText } from "./decode.js";
import { IngestFileError } from "./errors.js";
import { splitFrontMatter, type FrontMatter } from "./frontmatter.js";
import { htmlToText } from "./html.js";
import { defaultMarkers, type Markers } from "./markers.js";
import { buildArticles, sha256Hex, type FileMeta } from "./metadata.js";
import { splitArticles } from "./split.js";

export interface LoadOptions {
  gazetteer: Gazetteer;
  /** `--date` (YYYY-MM-DD): overrides dates found in the file or its metadata. */
  date?: string;
  /** Refuse files larger than this (default 20 MB). */
  maxBytes?: number;
  markers?: Markers;
}

/** `<file>.meta.json` (or `<file-without-extension>.meta.json`) next to an article file. */
export interface Sidecar {
  date?: string;
  /** Verbatim clue in the text that supports the date. */
  evidence?: string;
  title?: string;
}

const SidecarSchema = z.object({
  date: z.string().refine((value) => normalizeDate(value) !== null, "date must be YYYY-MM-DD").optional(),
  evidence: z.string().optional(),
  title: z.string().min(1).optional(),
  /** Free-text reasoning behind the date (e.g. why a representative day was chosen). */
  note: z.string().optional(),
});

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
const TEXT_TYPES = new Set([".txt", ".text"]);
const MARKDOWN_TYPES = new Set([".md", ".markdown"]);
const HTML_TYPES = new Set([".html", ".htm"]);
const SIDECAR_SUFFIX = ".meta.json";

export function isSupportedArticleFile(path: string): boolean {
  const ext = extname(path).toLowerCase();
  return TEXT_TYPES.has(ext) || MARKDOWN_TYPES.has(ext) || HTML_TYPES.has(ext);
}

/** Read one article file (.txt, .md with front matter, .html) into its Article pieces. Throws IngestFileError. */
export async function loadArticleFile(path: string, opts: LoadOptions): Promise<Article[]> {
  const markers = opts.markers ?? defaultMarkers();
  const cliDate = checkedCliDate(opts.date);
  if (!isSupportedArticleFile(path)) throw new IngestFileError(path, "unsupported-type", extname(path) || "no extension");
  const bytes = await readBounded(path, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  const { text, frontMatter, fallbackTitle } = parseByType(path, decodeText(bytes, path));
  const sidecar = await readSidecar(path);
  const meta: FileMeta = { source: frontMatter?.source ?? basename(path), contentHash: sha256Hex(bytes) };
  if (cliDate) meta.cliDate = cliDate;
  if (frontMatter) meta.frontMatter = frontMatter;
  if (sidecar) meta.sidecar = sidecar;
  if (fallbackTitle) meta.fallbackTitle = fallbackTitle;
  const pieces = splitArticles(text, markers);
  if (pieces.length === 0) throw new IngestFileError(path, "empty", "no article text after cleaning");
  return buildArticles(pieces, meta, opts.gazetteer, markers);
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
    if (info.size > maxBytes) throw new IngestFileError(path, "too-large", `${info.size} bytes > ${maxBytes}`);
    return await readFile(path);
  } catch (error) {
    if (error instanceof IngestFileError) throw error;
    throw new IngestFileError(path, "unreadable", error instanceof Error ? error.message : String(error));
  }
}

interface ParsedFile {
  text: string;
  frontMatter?: FrontMatter;
  fallbackTitle?: string;
}

function parseByType(path: string, decoded: string): ParsedFile {
  const ext = extname(path).toLowerCase();
  if (HTML_TYPES.has(ext)) {
    const { text, title } = htmlToText(decoded);
    return title ? { text, fallbackTitle: title } : { text };
  }
  if (!MARKDOWN_TYPES.has(ext)) return { text: decoded };
  try {
    const { frontMatter, body } = splitFrontMatter(decoded);
    return frontMatter ? { text: stripMarkdown(body), frontMatter } : { text: stripMarkdown(body) };
  } catch (error) {
    throw new IngestFileError(path, "invalid-metadata", `front matter: ${error instanceof Error ? error.message : error}`);
  }
}

/** Markdown syntax that would otherwise reach the text: heading marks, emphasis, links, images, quotes. */
function stripMarkdown(body: string): string {
  return body
    .replace(/^#{1,6}\s+/gm, "")
    .replace(/^>\s?/gm, "")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2");
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
    const info = await stat(path);
    if (info.isDirectory()) for (const file of await walk(path)) found.add(file);
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
