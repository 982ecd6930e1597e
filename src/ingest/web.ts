// Links: a page is fetched (deadline, size cap, redirects followed by hand up to a limit, charset from the
// Content-Type header or the page's <meta>), then saved under the data dir as a file with a sidecar naming its
// link, and ingested like any saved page. The saved file is named from the link, so one link is one file: a
// second fetch replaces what the first gave, an unchanged page costs nothing, and an ingest that re-reads its
// files (a store upgrade) needs no network. The link is the page's identity (its articles are `${link}#${part}`)
// and what citations show (loaders.ts reads both from the sidecar); the saved file is only its copy.
import { createHash, randomUUID } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { IngestFileError, type IngestFailureReason } from "./errors.js";
import { ingestText } from "./texts.js";

export interface FetchLimits {
  /** The whole fetch, redirects and body included (default 20 s). */
  timeoutMs?: number;
  /** Largest body accepted (default 20 MB). */
  maxBytes?: number;
  /** Redirects followed (default 5). */
  maxRedirects?: number;
  /** Cancels the fetch (an ingest that was cancelled): it fails at once. */
  signal?: AbortSignal;
}

/** A fetched page (or PDF / Word file behind a link), ready to save. */
export interface FetchedPage {
  /** The link as given: what identifies it. */
  url: string;
  /** Where it was read from after redirects: what citations show. */
  finalUrl: string;
  kind: "html" | "pdf" | "docx";
  /** HTML decoded to text; documents as their bytes. */
  body: string | Uint8Array;
}

/** A link saved as a file the loaders read. */
export interface SavedLink {
  url: string;
  file: string;
}

const DEFAULTS: Required<Omit<FetchLimits, "signal">> = { timeoutMs: 20_000, maxBytes: 20 * 1024 * 1024, maxRedirects: 5 };
const HTML_TYPES = new Set(["text/html", "application/xhtml+xml"]);
const DOCUMENT_TYPES = new Map<string, "pdf" | "docx">([
  ["application/pdf", "pdf"],
  ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"],
]);
/** How far into a page its <meta charset> may sit (the HTML standard looks at the first 1024 bytes; pages are sloppier). */
const META_SNIFF_BYTES = 4096;
const NAME_MAX_CHARS = 80;
/** Links fetched at once: enough to overlap slow sites, few enough not to hammer one. */
const FETCH_CONCURRENCY = 4;

export function isLink(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/** Fetches a link. Every failure is an IngestFileError naming the link, with a message for people. */
export async function fetchPage(url: string, limits: FetchLimits = {}): Promise<FetchedPage> {
  const { timeoutMs, maxBytes, maxRedirects } = { ...DEFAULTS, ...limits };
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = limits.signal ? AbortSignal.any([deadline, limits.signal]) : deadline;
  let current = parseLink(url);
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await fetch(current, { redirect: "manual", signal, headers: { accept: "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.5" } });
      if (isRedirect(response.status)) {
        await response.body?.cancel();
        const location = response.headers.get("location");
        if (!location) throw fail(url, "http-status", "redirectWithoutLocation", { status: response.status });
        if (redirects >= maxRedirects) throw fail(url, "too-many-redirects", "tooManyRedirects", { limit: maxRedirects });
        current = parseLink(new URL(location, current).href, url);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw fail(url, "http-status", "httpStatus", { status: response.status, statusText: response.statusText ? ` ${response.statusText}` : "" });
      }
      const { type, charset } = contentType(response.headers.get("content-type"));
      const kind = type ? (HTML_TYPES.has(type) ? "html" : DOCUMENT_TYPES.get(type)) : "html";
      if (!kind) {
        await response.body?.cancel();
        throw fail(url, "not-html", "notHtml", { type: type ?? "" });
      }
      const bytes = await boundedBody(response, maxBytes, url);
      const body = kind === "html" ? decodePage(bytes, charset, url) : bytes;
      return { url, finalUrl: current.href, kind, body };
    }
  } catch (error) {
    if (error instanceof IngestFileError) throw error;
    if (limits.signal?.aborted) throw new IngestFileError(url, "unreachable", ingestText("cancelled"));
    if (deadline.aborted) throw fail(url, "timeout", "timeout", { seconds: Math.round(timeoutMs / 100) / 10 });
    throw fail(url, "unreachable", "unreachable", { detail: networkDetail(error) });
  }
}

/**
 * Writes the page under `dir` (the file and its sidecar each written whole, then renamed into place), named
 * from the link: the same link always gives the same file.
 */
export async function savePage(page: FetchedPage, dir: string): Promise<SavedLink> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${fileStem(page.url)}.${page.kind}`);
  // `url` is cited; `link` (the link given, when a redirect led elsewhere) identifies the page, so fetching it again replaces it.
  const sidecar = page.finalUrl === page.url ? { url: page.finalUrl } : { url: page.finalUrl, link: page.url };
  await writeWhole(`${file}.meta.json`, `${JSON.stringify(sidecar, null, 2)}\n`);
  await writeWhole(file, page.body);
  return { url: page.url, file };
}

/** Fetches and saves each link (a link given twice once), a few at a time; failures are returned per link, never thrown. */
export async function saveLinks(urls: string[], dir: string, limits: FetchLimits = {}): Promise<{ saved: SavedLink[]; failed: IngestFileError[] }> {
  const unique = [...new Set(urls)];
  const outcomes: (SavedLink | IngestFileError)[] = new Array(unique.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < unique.length) {
      const i = next++;
      outcomes[i] = await saveLink(unique[i]!, dir, limits);
    }
  };
  await Promise.all(Array.from({ length: Math.min(FETCH_CONCURRENCY, unique.length) }, worker));
  return {
    saved: outcomes.filter((o): o is SavedLink => !(o instanceof IngestFileError)),
    failed: outcomes.filter((o): o is IngestFileError => o instanceof IngestFileError),
  };
}

async function saveLink(url: string, dir: string, limits: FetchLimits): Promise<SavedLink | IngestFileError> {
  try {
    return await savePage(await fetchPage(url, limits), dir);
  } catch (error) {
    if (error instanceof IngestFileError) return error;
    return new IngestFileError(url, "unreachable", error instanceof Error ? error.message : String(error));
  }
}

// ---- fetching ----

function parseLink(link: string, given: string = link): URL {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw fail(given, "bad-url", "badUrl", { url: link });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw fail(given, "bad-url", "badUrl", { url: link });
  return url;
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

function contentType(header: string | null): { type?: string; charset?: string } {
  if (!header) return {};
  const [type, ...params] = header.split(";");
  const charset = params.map((p) => /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p)?.[1]).find(Boolean);
  return { type: type!.trim().toLowerCase(), ...(charset ? { charset } : {}) };
}

/** The body, refused as soon as it passes the cap (a declared Content-Length over it is refused before reading). */
async function boundedBody(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  const tooLarge = () => fail(url, "too-large", "tooLarge", { limit: formatBytes(maxBytes) });
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (!response.body) return new Uint8Array(0);
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * HTML bytes → text: the charset the header declares, else the page's <meta charset> / http-equiv, else
 * UTF-8 (GB18030 when that fails: Chinese sites that declare nothing are usually GBK). A charset no decoder
 * knows, or bytes that are not in it, is refused rather than ingested as mojibake.
 */
export function decodePage(bytes: Uint8Array, headerCharset: string | undefined, url: string): string {
  const declared = headerCharset ?? metaCharset(bytes);
  if (declared) {
    const text = strictDecode(bytes, declared, url);
    if (text !== undefined) return text;
    throw fail(url, "bad-charset", "badCharset", { charset: declared });
  }
  const text = strictDecode(bytes, "utf-8", url) ?? strictDecode(bytes, "gb18030", url);
  if (text === undefined) throw fail(url, "bad-charset", "badCharset", { charset: "utf-8 / gb18030" });
  return text;
}

function metaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, META_SNIFF_BYTES)).toString("latin1");
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
}

/** Undefined when the bytes are not valid in the encoding; a label no decoder knows is a bad charset. */
function strictDecode(bytes: Uint8Array, encoding: string, url: string): string | undefined {
  let decoder: { decode(input: Uint8Array): string };
  try {
    decoder = new TextDecoder(encoding.trim().toLowerCase(), { fatal: true });
  } catch {
    throw fail(url, "bad-charset", "badCharset", { charset: encoding });
  }
  try {
    return decoder.decode(bytes).replace(/^\ufeff/, "");
  } catch {
    return undefined;
  }
}

function networkDetail(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

// ---- saving ----

/** Readable and stable: host and path, then a hash of the whole link (query strings and long paths differ there). */
function fileStem(url: string): string {
  const parsed = new URL(url);
  const readable = `${parsed.host}${parsed.pathname}`.replace(/\.(s?html?|php|aspx?|jsp|pdf|docx)$/i, "").replace(/[^\w.-]+/g, "_").replace(/^_+|_+$/g, "");
  return `${readable.slice(0, NAME_MAX_CHARS)}-${createHash("sha256").update(url).digest("hex").slice(0, 12)}`;
}

async function writeWhole(file: string, content: string | Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}.${randomUUID()}.partial`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

// ---- messages ----

function fail(url: string, reason: IngestFailureReason, key: string, values: Record<string, string | number>): IngestFileError {
  return new IngestFileError(url, reason, ingestText(key, values));
}
