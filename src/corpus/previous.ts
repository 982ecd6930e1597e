import path from "node:path";
import type { Article, Fact } from "../domain/types.js";
import { openStoredIndex, type StoredIndex } from "../retrieval/hybrid.js";
import { CorpusStore, currentGeneration, OLDEST_EXTENDABLE_STORE_VERSION, STORE_VERSION, type SourceRecord } from "../store/index.js";

/** Meta keys ingestion writes into each generation's corpus.db. */
export const META = {
  factsVersion: "factsVersion",
  counts: "counts",
  vectors: "vectors",
} as const;

export interface GenerationCounts {
  articles: number;
  facts: number;
  chunks: number;
}

/**
 * How far the stored vectors are from a fresh fit: `stale` chunks were added or removed since all
 * vectors were last embedded with one IDF table; `graphPoints` counts HNSW labels, deleted ones included.
 */
export interface VectorsMeta {
  stale: number;
  graphPoints: number;
}

/**
 * The generation that is current when ingestion starts. Sources and meta are read at once (an
 * unchanged re-ingest needs nothing else); articles, facts and the index only when asked.
 */
export class PreviousGeneration {
  private constructor(
    readonly name: string | undefined,
    private readonly dir: string | undefined,
    private readonly store: CorpusStore | undefined,
  ) {}

  static open(dataDir: string): PreviousGeneration {
    const generation = currentGeneration(dataDir);
    if (!generation) return new PreviousGeneration(undefined, undefined, undefined);
    const store = CorpusStore.open(path.join(generation.dir, "corpus.db"), { readonly: true });
    return new PreviousGeneration(generation.name, generation.dir, store);
  }

  /** The generation's corpus.db (undefined when there is no generation). */
  get databasePath(): string | undefined {
    return this.dir ? path.join(this.dir, "corpus.db") : undefined;
  }

  get exists(): boolean {
    return this.store !== undefined;
  }

  /**
   * Whether ingest can extend the store: its layout is this code's or one it migrates (build.ts). An older
   * one (sources keyed by base name, article ids without the path) cannot be: its files are read again into a fresh store.
   */
  get current(): boolean {
    return this.store !== undefined && this.store.version() >= OLDEST_EXTENDABLE_STORE_VERSION;
  }

  /** Whether the store has exactly this code's layout (nothing to migrate). */
  get latest(): boolean {
    return this.store !== undefined && this.store.version() === STORE_VERSION;
  }

  storeVersion(): number | undefined {
    return this.store?.version();
  }

  sources(): SourceRecord[] {
    return this.store?.sources() ?? [];
  }

  factsVersion(): number | undefined {
    return this.store?.meta<number>(META.factsVersion);
  }

  counts(): GenerationCounts | undefined {
    return this.store?.meta<GenerationCounts>(META.counts);
  }

  vectorsMeta(): VectorsMeta | undefined {
    return this.store?.meta<VectorsMeta>(META.vectors);
  }

  articles(): Article[] {
    return this.store?.articles() ?? [];
  }

  facts(): Fact[] {
    return this.store?.facts() ?? [];
  }

  /** The saved search index, or undefined when there is none or it cannot be read. */
  index(): StoredIndex | undefined {
    if (!this.dir) return undefined;
    try {
      return openStoredIndex(path.join(this.dir, "index"));
    } catch {
      return undefined;
    }
  }

  close(): void {
    this.store?.close();
  }
}
