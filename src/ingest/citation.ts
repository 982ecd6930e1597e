import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { PROJECT_ROOT } from "../config/index.js";

// What a citation says besides title and date about where its quote came from: read by OCR (a figure may be
// misread) and the PDF pages, so a reader can find it in the paper. The words are in prompts/citation-texts.json.

const TextsSchema = z.object({
  ocrAndPages: z.string().min(1),
  ocr: z.string().min(1),
  pages: z.string().min(1),
  pageSeparator: z.string(),
  pageRange: z.string(),
});
type CitationTexts = z.infer<typeof TextsSchema>;
let texts: CitationTexts | undefined;

function citationTexts(): CitationTexts {
  texts ??= TextsSchema.parse(JSON.parse(readFileSync(path.join(PROJECT_ROOT, "prompts", "citation-texts.json"), "utf8")));
  return texts;
}

/** What a citation source says about its document (SourceRef's `ocr` and `pages`, "2-3,5"). */
export interface DocumentPlace {
  ocr?: boolean;
  pages?: string;
}

/** 「（OCR识别，第2-3、5页）」, 「（OCR识别）」, 「（第3页）」, or "" when there is nothing to say. */
export function citationNote(place: DocumentPlace): string {
  const words = citationTexts();
  const pages = place.pages
    ?.split(",")
    .map((range) => range.trim().replace("-", words.pageRange))
    .filter(Boolean)
    .join(words.pageSeparator);
  if (place.ocr && pages) return fill(words.ocrAndPages, pages);
  if (place.ocr) return words.ocr;
  return pages ? fill(words.pages, pages) : "";
}

function fill(template: string, pages: string): string {
  return template.replace("{pages}", pages);
}
