import { DocumentError } from "../errors.js";
import { formatBytes, isoDate } from "../text.js";
import type { DocumentArticle, DocumentRead } from "../types.js";
import { type LayoutWords, layoutWords, message } from "../words.js";
import { decodeXmlBytes, headingStyles, type WordBlock, wordBlocks } from "./wordml.js";
import { unzipChecked, type ZipLimits, ZipBombError, zipEntries } from "./zip.js";

const MAX_DOCX_BYTES = 50 * 1024 * 1024;
const ZIP_LIMITS: ZipLimits = { maxEntries: 5000, maxTotalSize: 256 * 1024 * 1024, ratioCheckFrom: 8 * 1024 * 1024, maxRatio: 200 };
// A standalone date line near the top or the end of a report (落款日期) is the document's date; so is a header
// line of an issuer and a date with no clause in it (「某某管理委员会　2025年1月10日印发」).
const DATE_LINE_MAX_CHARS = 20;
const HEADER_LINE_MAX_CHARS = 40;
const CLAUSE_MARK = /[，。；！？,;!?：:]/u;
const DATE_LINE_REACH = 3;

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_SIGNATURE = [0x50, 0x4b, 0x05, 0x06];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// An encrypted .docx is an OLE container holding an "EncryptionInfo" stream (its name in UTF-16LE).
const ENCRYPTION_INFO = Buffer.from("EncryptionInfo", "utf16le");

function refuseNonDocx(bytes: Uint8Array): void {
  if (startsWith(bytes, ZIP_SIGNATURE) || startsWith(bytes, EMPTY_ZIP_SIGNATURE)) return;
  if (startsWith(bytes, OLE_SIGNATURE)) {
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTION_INFO)) {
      throw new DocumentError("encrypted", message("encryptedDocx"));
    }
    throw new DocumentError("unsupported", message("legacyDoc"));
  }
  if (startsWith(bytes, [...Buffer.from("{\\rtf")])) throw new DocumentError("unsupported", message("notDocx", { detail: "RTF" }));
  throw new DocumentError("broken", message("notDocx", { detail: "not a zip file" }));
}

const DOCUMENT = "word/document.xml";
const STYLES = "word/styles.xml";

/** The document and its styles, after the zip-bomb checks. */
function unpack(bytes: Uint8Array): { documentXml: string; stylesXml?: string } {
  let contents: Map<string, Buffer>;
  try {
    contents = unzipChecked(bytes, zipEntries(bytes), ZIP_LIMITS, [DOCUMENT, STYLES]);
  } catch (error) {
    if (error instanceof ZipBombError) throw new DocumentError("zip-bomb", message("zipBomb", { detail: error.message }), { cause: error });
    throw new DocumentError("broken", message("notDocx", { detail: (error as Error).message }), { cause: error });
  }
  const document = contents.get(DOCUMENT);
  if (!document) throw new DocumentError("unsupported", message("notDocx", { detail: `no ${DOCUMENT}` }));
  const styles = contents.get(STYLES);
  return { documentXml: decodeXmlBytes(document), stylesXml: styles ? decodeXmlBytes(styles) : undefined };
}

function dateLine(lines: string[], words: LayoutWords): { date: string; evidence: string } | undefined {
  const near = [...lines.slice(0, DATE_LINE_REACH), ...lines.slice(-DATE_LINE_REACH)];
  for (const line of near) {
    if (line.length > DATE_LINE_MAX_CHARS && (line.length > HEADER_LINE_MAX_CHARS || CLAUSE_MARK.test(line))) continue;
    const date = isoDate(words.date.exec(line)?.groups);
    if (date) return { date, evidence: line };
  }
  return undefined;
}

export async function readDocx(bytes: Uint8Array): Promise<DocumentRead> {
  if (bytes.byteLength > MAX_DOCX_BYTES) {
    throw new DocumentError("too-large", message("tooLarge", { size: formatBytes(bytes.byteLength), limit: formatBytes(MAX_DOCX_BYTES) }));
  }
  refuseNonDocx(bytes);
  const { documentXml, stylesXml } = unpack(bytes);
  if (!/<w:body\b/.test(documentXml)) throw new DocumentError("broken", message("notDocx", { detail: "no w:body" }));
  const blocks = wordBlocks(documentXml, headingStyles(stylesXml));
  if (blocks.length === 0) throw new DocumentError("no-text", message("noText"));
  return { articles: [articleOf(blocks, layoutWords())], warnings: [] };
}

/** One article: the first heading (or a short first line) is the title, the rest the text. */
function articleOf(blocks: WordBlock[], words: LayoutWords): DocumentArticle {
  const lines = blocks.map((b) => b.text);
  const dated = dateLine(lines, words);
  // A header line of issuer and date (「某某管理委员会　2025年1月10日印发」) stands above the title, not for it.
  const official = lines.slice(0, words.officialTitleMaxLine).findIndex((line) => words.officialTitle.test(line.trim()));
  const headed = official > 0 ? official : dated !== undefined && dated.evidence === lines[0] && lines.length > 2 && !blocks[0]!.heading ? 1 : 0;
  const first = lines[headed]!;
  const titled = blocks[headed]!.heading || (first.length <= words.headlineMaxChars && !words.sentenceEnd.test(first) && lines.length > headed + 1);
  const title = titled ? first : first.slice(0, words.derivedTitleMaxChars);
  const text = lines.filter((_, i) => !(titled && i === headed)).join("\n");
  const article: DocumentArticle = { title, text, pages: [1] };
  if (official > 0) article.issuer = lines[0]!;
  if (dated) Object.assign(article, { date: dated.date, dateEvidence: dated.evidence });
  return article;
}
