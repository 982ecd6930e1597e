export { ingestFiles, type IngestError, type IngestOptions, type IngestPhase, type IngestProgress, type IngestReport } from "./build.js";
export { createEmbedder } from "./embedder.js";
export { CorpusMissingError, ensureSeedsIngested, openCorpus, type Corpus } from "./open.js";
