export { CorpusStore, OLDEST_EXTENDABLE_STORE_VERSION, STORE_VERSION, type FactFilter, type SourceRecord } from "./corpus-store.js";
export {
  abandonGeneration, beginGeneration, commitGeneration, currentGeneration, writeFileDurably, type Generation,
} from "./generations.js";
