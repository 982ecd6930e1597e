export { fileOfArticle } from "./identity.js";
export {
  ingestFiles, IngestCancelledError, type LlmFactExtractor, type IngestError, type IngestFileWarning, type IngestOptions, type StoreUpgrade, type IngestPhase, type IngestProgress, type IngestReport,
} from "./build.js";
export { createEmbedder } from "./embedder.js";
export { CorpusMissingError, ensureSeedsIngested, openCorpus, type Corpus } from "./open.js";
