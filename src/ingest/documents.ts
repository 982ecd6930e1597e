// PDF and Word files → Article records, through src/documents. The reader has already found the articles
// (columns, headlines, 下转/上接 joins), their text (one paragraph per line) and the date of the page header;
// here they get what every ingested article has: an id, the file's name, zones, and a date by precedence.
import type { Gazetteer } from "../domain/gazetteer.js";
import type { Article } from "../domain/types.js";
import { type DocumentArticle, DocumentError, type DocumentRead, readDocx, readPdf } from "../documents/index.js";
import { datelineDate, earliestWritingDate, findDateline, findHeaderDate } from "./dates.js";
import { IngestFileError, type IngestFailureReason, type IngestWarning } from "./errors.js";
import type { Markers } from "./markers.js";
import type { FileMeta } from "./metadata.js";
import { zonesOf } from "./metadata.js";

export type DocumentKind = "pdf" | "docx";

/** The document's articles and the reader's warnings; a file the reader refuses is an IngestFileError. */
export async function readDocumentBytes(bytes: Uint8Array, kind: DocumentKind, file: string): Promise<DocumentRead> {
  // A Node Buffer (what readFile gives) is refused by pdfjs: hand over a plain view of the same bytes.
  const plain = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    return kind === "pdf" ? await readPdf(plain) : await readDocx(plain);
  } catch (error) {
    if (error instanceof DocumentError) throw new IngestFileError(file, failureOf(error), error.message);
    throw error;
  }
}

const FAILURES: Record<DocumentError["reason"], IngestFailureReason> = {
  encrypted: "encrypted",
  broken: "broken",
  "too-large": "too-large",
  "zip-bomb": "zip-bomb",
  unsupported: "unsupported-type",
  "no-text": "no-text",
};

function failureOf(error: DocumentError): IngestFailureReason {
  return FAILURES[error.reason];
}

export function documentWarnings(read: DocumentRead): IngestWarning[] {
  return read.warnings.map((detail) => ({ reason: "document", detail }));
}

/**
 * One Article per article the reader found, in its order. A PDF article keeps the pages it was read from
 * (citations name them); a Word file has no pages to name.
 */
export function documentArticles(read: DocumentRead, meta: FileMeta, gazetteer: Gazetteer, markers: Markers, kind: DocumentKind = "pdf"): Article[] {
  const location = meta.location ?? meta.source;
  const wholeText = read.articles.map((a) => a.text).join("\n");
  const notBefore = earliestWritingDate(wholeText, markers);
  const single = read.articles.length === 1;
  return read.articles.map((read, part) => {
    const title = (single ? meta.sidecar?.title : undefined) ?? read.title;
    const dated = articleDate(read, meta, wholeText, notBefore, markers);
    const article: Article = {
      id: `${location}#${part}`,
      source: meta.source,
      part,
      title,
      date: dated.date,
      dateEvidence: dated.evidence,
      // A 公文's issuer (「西宁经济技术开发区管理委员会」 above 「关于…纪要」) is the body of the zone it speaks for.
      zones: zonesOf(`${read.issuer ? `${read.issuer} ` : ""}${title}\n${read.text}`, gazetteer),
      text: read.text,
      contentHash: meta.contentHash,
    };
    if (kind === "pdf") article.pages = read.pages;
    if (read.ocr) article.ocr = true;
    const outlet = meta.outlet ?? mastheadOf(read, markers);
    if (outlet) article.outlet = outlet;
    return article;
  });
}

/**
 * `--date`, else the date printed in the page header the article was read from (a Word file's date line),
 * else a dateline in its text (「本报3月4日讯」, its year from the header's or the sidecar's date), else the sidecar's.
 */
function articleDate(read: DocumentArticle, meta: FileMeta, wholeText: string, notBefore: string | undefined, markers: Markers): { date: string | null; evidence: string | null } {
  if (meta.cliDate) return { date: meta.cliDate, evidence: "cli" };
  if (read.date) return { date: read.date, evidence: read.dateEvidence ?? "page-header" };
  const sidecarDate = meta.sidecar?.date ?? null;
  const dateline = findDateline(read.text, markers);
  const date = dateline ? datelineDate(dateline, sidecarDate, wholeText, markers, notBefore) : null;
  if (dateline && date) return { date, evidence: dateline.evidence };
  return sidecarDate ? { date: sidecarDate, evidence: "sidecar" } : { date: null, evidence: null };
}

/** The paper's name printed in the header band the date was read from (「青岛日报　2024年3月5日　星期二」). */
function mastheadOf(read: DocumentArticle, markers: Markers): string | undefined {
  return read.dateEvidence ? findHeaderDate(read.dateEvidence, markers)?.masthead : undefined;
}
