/** Why one input file (or link) could not be ingested. */
export type IngestFailureReason =
  | "empty"
  | "binary"
  | "undecodable"
  | "unsupported-type"
  | "too-large"
  | "invalid-metadata"
  | "unreadable"
  | "unparseable"
  // A PDF or Word file (src/documents says which, and why, to a person):
  | "encrypted"
  | "broken"
  | "zip-bomb"
  | "no-text"
  // A link (web.ts):
  | "bad-url"
  | "http-status"
  | "timeout"
  | "too-many-redirects"
  | "not-html"
  | "bad-charset"
  | "unreachable";

/** A per-file ingest failure; callers report it and carry on with the other files. */
export class IngestFileError extends Error {
  override readonly name = "IngestFileError";

  constructor(
    readonly file: string,
    readonly reason: IngestFailureReason,
    detail?: string,
  ) {
    super(`${file}: ${reason}${detail ? ` (${detail})` : ""}`);
  }
}

/** Something in a file that was skipped or guessed; the file is still ingested. */
export interface IngestWarning {
  /** `document`: what the PDF or Word reader reported (a page without a text layer, a 下转 without its 上接 …). */
  reason: "front-matter-dropped" | "front-matter-field-ignored" | "html-extraction-fallback" | "document";
  detail: string;
}
