// Reading the documents people have: newspaper e-paper and report PDFs (pdfjs-dist, OCR through tesseract
// for scanned pages) and Word .docx files (mammoth). Each gives articles: title, text (one paragraph per
// line), the date printed in the page header, the pages read. A file that cannot be read throws a
// DocumentError whose `reason` says why.

export { readDocx } from "./docx/read.js";
export { DocumentError, type DocumentErrorReason } from "./errors.js";
export { type PdfOptions, readPdf } from "./pdf/read.js";
export type { DocumentArticle, DocumentRead } from "./types.js";
export { type Table, tableSentences } from "./cells.js";
export { isOfficialTitle } from "./words.js";
