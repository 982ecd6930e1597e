export type DocumentErrorReason = "encrypted" | "broken" | "too-large" | "zip-bomb" | "unsupported" | "no-text";

/** A document that cannot be read at all; `reason` says why, `message` says it to a person. */
export class DocumentError extends Error {
  override readonly name = "DocumentError";
  constructor(readonly reason: DocumentErrorReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
