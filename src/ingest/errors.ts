/** Why one input file could not be ingested. */
export type IngestFailureReason =
  | "empty"
  | "binary"
  | "undecodable"
  | "unsupported-type"
  | "too-large"
  | "invalid-metadata"
  | "unreadable"
  | "unparseable";

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
  reason: "front-matter-dropped" | "front-matter-field-ignored" | "html-extraction-fallback";
  detail: string;
}
