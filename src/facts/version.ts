/**
 * Version of the fact extraction rules. Stored with each generation; when it differs from the
 * running code, ingestion re-extracts facts of kept articles (their text is in the store) so an
 * upgrade never answers from facts the old rules produced.
 */
export const FACTS_VERSION = 111;
