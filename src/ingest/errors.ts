import { ingestText } from "./texts.js";

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
    readonly detail?: string,
  ) {
    super(messageOf(file, reason, detail));
  }
}

function messageOf(file: string, reason: string, detail: string | undefined): string {
  return `${file}: ${reason}${detail ? ` (${detail})` : ""}`;
}

/** A failure said to a person when its message says nothing beyond its reason (an empty file, a binary one). */
export function failureText(reason: string): string {
  const key = `reason.${reason}`;
  const text = ingestText(key);
  return text === key ? reason : text;
}

/**
 * What a failure's message adds to its file and reason (a summary line shows those already): the detail of an
 * IngestFileError's message; any other message whole.
 */
export function failureDetail(file: string, reason: string, message: string): string {
  const echo = messageOf(file, reason, undefined);
  if (message === echo) return "";
  return message.startsWith(`${echo} (`) && message.endsWith(")") ? message.slice(echo.length + 2, -1) : message;
}

/** Something in a file that was skipped or guessed; the file is still ingested. */
export interface IngestWarning {
  /** `document`: what the PDF or Word reader reported (a page without a text layer, a 下转 without its 上接 …). */
  reason: "front-matter-dropped" | "front-matter-field-ignored" | "html-extraction-fallback" | "document";
  detail: string;
}
