/** Ingest front end: raw newspaper files and web pages → cleaned, split, dated Article records. */
export { cleanText, parseBlocks, renderBlocks, type Block, type Layout } from "./clean.js";
export { splitArticles, isDateline, type ArticlePiece } from "./split.js";
export { buildArticles, zonesOf, sha256Hex, type FileMeta } from "./metadata.js";
export { normalizeDate, findDateline, findHeaderDate, earliestWritingDate, dominantYear, type Dateline, type DateClue, type HeaderDate } from "./dates.js";
export {
  loadArticleFile,
  readArticleFile,
  listArticleFiles,
  readSidecar,
  fileIdentity,
  identityOf,
  articlesFromText,
  isSupportedArticleFile,
  isPdfFile,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_DOCUMENT_BYTES,
  type LoadOptions,
  type LoadedFile,
  type Sidecar,
  type FileIdentity,
} from "./loaders.js";
export { decodeText } from "./decode.js";
export { extractHtmlArticle, htmlToText, readabilityContent, type HtmlArticle, type HtmlOptions } from "./html.js";
export { markdownToText } from "./markdown.js";
export { tableSentences, type Table } from "../documents/index.js";
export { splitFrontMatter, type FrontMatter } from "./frontmatter.js";
export { IngestFileError, failureDetail, failureText, type IngestFailureReason, type IngestWarning } from "./errors.js";
export { loadMarkers, defaultMarkers, type Markers } from "./markers.js";
export { fetchPage, savePage, saveLinks, decodePage, isLink, type FetchLimits, type FetchedPage, type SavedLink } from "./web.js";
export { documentArticles, readDocumentBytes, type DocumentKind } from "./documents.js";
export { citationNote, type DocumentPlace } from "./citation.js";
