/** Public surface of retrieval: tokenizer, chunker, embedders and the hybrid search index. */
export { tokenize, contentTerms, segments, analyse, stopwords, BIGRAM_PREFIX, type Analysis } from "./tokenize.js";
export { chunkArticle, splitSentences, chunkZones, zonesForSpan, articleZoneMentions, chunkYears, type ChunkOptions } from "./chunk.js";
export { Bm25Index, type Bm25Params, type ScoredDoc } from "./bm25.js";
export type { Embedder } from "./embedders/types.js";
export { LocalEmbedder, type LocalEmbedderOptions } from "./embedders/local.js";
export { OpenAIEmbedder, type OpenAIEmbedderOptions } from "./embedders/openai.js";
export { VectorIndex, type VectorHit, type HnswOptions } from "./vector-index.js";
export {
  SearchIndex,
  IndexMismatchError,
  fuseRrf,
  fuseWeighted,
  type SearchHit,
  type SearchOptions,
  type SearchMode,
  type FusionMethod,
  type BuildOptions,
} from "./hybrid.js";
export { readManifest, type Manifest, type SaveStepHook } from "./persist.js";
