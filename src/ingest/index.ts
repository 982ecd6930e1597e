/** Ingest front end: raw newspaper files → cleaned, split, dated Article records. */
export { cleanText, parseBlocks, renderBlocks, type Block } from "./clean.js";
export { splitArticles, isDateline, type ArticlePiece } from "./split.js";
export { buildArticles, zonesOf, sha256Hex, type FileMeta } from "./metadata.js";
export { normalizeDate, findDateline, dominantYear, type Dateline } from "./dates.js";
export {
  loadArticleFile,
  listArticleFiles,
  readSidecar,
  articlesFromText,
  isSupportedArticleFile,
  DEFAULT_MAX_BYTES,
  type LoadOptions,
  type Sidecar,
} from "./loaders.js";
export { decodeText } from "./decode.js";
export { htmlToText, decodeEntities } from "./html.js";
export { splitFrontMatter, type FrontMatter } from "./frontmatter.js";
export { IngestFileError, type IngestFailureReason } from "./errors.js";
export { loadMarkers, defaultMarkers, type Markers } from "./markers.js";
