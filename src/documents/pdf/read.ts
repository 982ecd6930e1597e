import { DocumentError } from "../errors.js";
import { formatBytes, isoDate, tidyText } from "../text.js";
import type { DocumentArticle, DocumentRead } from "../types.js";
import { type LayoutWords, layoutWords, message } from "../words.js";
import { buildArticles } from "./articles.js";
import { stripBands } from "./bands.js";
import { bodySize, type PageText } from "./layout.js";
import { openPdf, type PdfPage, readPageText } from "./load.js";
import { ocrPage, tesseractAvailable } from "./ocr.js";
import { readingOrder } from "./order.js";
import { paragraphsOf } from "./paragraphs.js";

const MAX_PDF_BYTES = 200 * 1024 * 1024;
const MAX_PAGES = 2000;
const MAX_BAND_CHARS = 40;
// OCR takes seconds a page: a long scanned file is read up to here, the rest reported.
const MAX_OCR_PAGES = 30;

export interface PdfOptions {
  /** Read pages without a text layer through tesseract when it is installed (default true). */
  ocr?: boolean;
}

export async function readPdf(bytes: Uint8Array, opts: PdfOptions = {}): Promise<DocumentRead> {
  if (bytes.byteLength > MAX_PDF_BYTES) {
    throw new DocumentError("too-large", message("tooLarge", { size: formatBytes(bytes.byteLength), limit: formatBytes(MAX_PDF_BYTES) }));
  }
  const words = layoutWords();
  const doc = await openPdf(bytes);
  try {
    if (doc.numPages > MAX_PAGES) throw new DocumentError("too-large", message("tooManyPages", { pages: doc.numPages, limit: MAX_PAGES }));
    const warnings: string[] = [];
    const texts: PageText[] = [];
    const scanned: { page: number; proxy: PdfPage }[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      try {
        const proxy = await doc.getPage(n);
        const text = await readPageText(proxy, n);
        if (text.lines.length > 0) {
          texts.push(text);
          proxy.cleanup();
        } else {
          scanned.push({ page: n, proxy });
        }
      } catch (error) {
        warnings.push(message("pageUnreadable", { page: n, detail: (error as Error).message }));
      }
    }
    const articles = readTextPages(texts, words, warnings);
    articles.push(...await readScannedPages(scanned, opts.ocr !== false, words, warnings));
    articles.sort((a, b) => (a.pages[0] ?? 0) - (b.pages[0] ?? 0));
    if (articles.length === 0) {
      throw new DocumentError("no-text", scanned.length === doc.numPages ? message("noTextPdf", { pages: doc.numPages }) : message("noText"));
    }
    return { articles, warnings };
  } finally {
    await doc.destroy();
  }
}

function readTextPages(texts: PageText[], words: LayoutWords, warnings: string[]): DocumentArticle[] {
  if (texts.length === 0) return [];
  const { pages, info } = stripBands(texts, words);
  const body = bodySize(pages.flatMap((p) => p.lines));
  const leaves = pages.flatMap((page) => readingOrder(page.lines, body));
  return buildArticles(paragraphsOf(leaves, body), body, info, words, warnings);
}

async function readScannedPages(scanned: { page: number; proxy: PdfPage }[], ocr: boolean, words: LayoutWords, warnings: string[]): Promise<DocumentArticle[]> {
  const out: DocumentArticle[] = [];
  const canOcr = ocr && scanned.length > 0 && tesseractAvailable();
  for (const [index, { page, proxy }] of scanned.entries()) {
    if (!canOcr) {
      warnings.push(message(ocr ? "noTextLayerOcrMissing" : "noTextLayer", { page }));
      continue;
    }
    if (index >= MAX_OCR_PAGES) {
      warnings.push(message("ocrSkipped", { page, limit: MAX_OCR_PAGES }));
      continue;
    }
    try {
      const article = ocrArticle(await ocrPage(proxy), page, words);
      if (article) out.push(article);
      warnings.push(message("ocrDone", { page }));
    } catch (error) {
      warnings.push(message("ocrFailed", { page, detail: (error as Error).message }));
    }
  }
  return out;
}

/** An OCR'd page as one article: its header and footer lines dropped (the date kept), a short first line as title. */
function ocrArticle(paragraphs: string[], page: number, words: LayoutWords): DocumentArticle | undefined {
  const isBand = (p: string) => p.length <= MAX_BAND_CHARS && (words.paperName.test(p) || words.pageBand.some((re) => re.test(p)));
  let date: string | undefined;
  let dateEvidence: string | undefined;
  const keep = [...paragraphs];
  const noteDate = (p: string) => {
    const found = isoDate(words.date.exec(p)?.groups);
    if (found && !date) [date, dateEvidence] = [found, p];
  };
  while (keep.length > 0 && isBand(keep[0]!)) noteDate(keep.shift()!);
  while (keep.length > 0 && isBand(keep.at(-1)!)) noteDate(keep.pop()!);
  if (keep.length === 0) return undefined;
  const first = tidyText(keep[0]!);
  const titled = first.length <= words.headlineMaxChars && !words.sentenceEnd.test(first) && keep.length > 1;
  const title = titled ? first : first.slice(0, words.derivedTitleMaxChars);
  const text = (titled ? keep.slice(1) : keep).join("\n");
  const article: DocumentArticle = { title, text, pages: [page], ocr: true };
  if (date) Object.assign(article, { date, dateEvidence });
  return article;
}
