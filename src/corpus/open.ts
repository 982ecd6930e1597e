import { readdir } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config/index.js";
import { Gazetteer } from "../domain/gazetteer.js";
import { zoneEntries } from "../domain/learn.js";
import { FACTS_VERSION } from "../facts/index.js";
import type { Article } from "../domain/types.js";
import { SearchIndex } from "../retrieval/index.js";
import { CorpusStore, currentGeneration, STORE_VERSION } from "../store/index.js";
import { ingestFiles, sourceHash, type IngestReport, type LlmFactExtractor } from "./build.js";
import { createEmbedder } from "./embedder.js";

/** Everything the tools need, loaded from the current generation. */
export interface Corpus {
  store: CorpusStore;
  index: SearchIndex;
  gazetteer: Gazetteer;
  articles: Map<string, Article>;
  generation: string;
  close(): void;
}

export class CorpusMissingError extends Error {
  constructor(dataDir: string) {
    super(`No index in ${dataDir}: run \`zonebot ingest <files>\` first.`);
    this.name = "CorpusMissingError";
  }
}

export async function openCorpus(config: Config, gazetteer: Gazetteer = Gazetteer.load()): Promise<Corpus> {
  const generation = currentGeneration(config.dataDir);
  if (!generation) throw new CorpusMissingError(config.dataDir);
  const store = CorpusStore.open(path.join(generation.dir, "corpus.db"), { readonly: true });
  try {
    const index = await SearchIndex.load(path.join(generation.dir, "index"), createEmbedder(config.embedding));
    const articles = new Map(store.articles().map((article) => [article.id, article]));
    const known = gazetteer.withZones(zoneEntries(articles.values(), gazetteer));
    return { store, index, gazetteer: known, articles, generation: generation.name, close: () => store.close() };
  } catch (error) {
    store.close();
    throw error;
  }
}

/**
 * Builds or refreshes the index when it is missing or the seeds changed since it was built
 * (content hashes, so touching a file without changing it costs nothing).
 */
export async function ensureSeedsIngested(
  config: Config,
  gazetteer: Gazetteer,
  onProgress?: (done: number, total: number, file: string) => void,
  llmFacts?: LlmFactExtractor,
): Promise<IngestReport | undefined> {
  if (!(await seedsChanged(config))) return undefined;
  return ingestFiles([config.seedsDir], { config, gazetteer, onProgress, llmFacts });
}

async function seedsChanged(config: Config): Promise<boolean> {
  const generation = currentGeneration(config.dataDir);
  if (!generation) return true;
  const store = CorpusStore.open(path.join(generation.dir, "corpus.db"), { readonly: true });
  const known = new Map(store.sources().map((s) => [s.path, s.contentHash]));
  // A seed already ingested from another folder (an evaluation copies the seeds beside its articles) is there:
  // adding it again under the seeds' own path would hold every seed article twice.
  const contents = new Set(known.values());
  // Facts made by older extraction rules are re-extracted (ingestFiles does that for kept articles);
  // a store of an older layout is rebuilt from its files.
  const stale = store.meta<number>("factsVersion") !== FACTS_VERSION || store.version() !== STORE_VERSION;
  store.close();
  if (stale) return true;
  let entries: string[];
  try {
    entries = await readdir(config.seedsDir);
  } catch {
    return false;
  }
  for (const entry of entries) {
    if (entry.startsWith(".") || entry.endsWith(".meta.json")) continue;
    const file = path.resolve(config.seedsDir, entry);
    const hash = await sourceHash(file);
    if (known.get(file) !== hash && !contents.has(hash)) return true;
  }
  return false;
}
