import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config/index.js";
import type { Gazetteer } from "../domain/gazetteer.js";
import type { Article, Fact } from "../domain/types.js";
import { extractFactsWithLlm } from "../brain/llm/index.js";
import { canonicalMetric, extractFacts } from "../facts/index.js";
import { looksLikeInstruction } from "../text/injection.js";
import { IngestFileError, listArticleFiles, loadArticleFile } from "../ingest/index.js";
import { chunkArticle, SearchIndex } from "../retrieval/index.js";
import {
  abandonGeneration, beginGeneration, commitGeneration, CorpusStore, currentGeneration, type SourceRecord,
} from "../store/index.js";
import { createEmbedder } from "./embedder.js";

export interface IngestError {
  file: string;
  reason: string;
  message: string;
}

export interface IngestReport {
  added: string[];
  unchanged: string[];
  errors: IngestError[];
  articles: number;
  facts: number;
  rejectedFacts: number;
  chunks: number;
  /** Generation that is current after the call (unchanged when nothing was new). */
  generation: string | undefined;
  rebuilt: boolean;
}

export interface IngestOptions {
  config: Config;
  gazetteer: Gazetteer;
  date?: string;
  onProgress?: (done: number, total: number, file: string) => void;
  /** Test hook: called after the new generation is written but before it becomes current. */
  beforeCommit?: () => void;
}

interface PreviousCorpus {
  sources: SourceRecord[];
  articles: Article[];
  facts: Fact[];
}

/**
 * Ingests files into a new generation: unchanged files (same content hash under the same name) are
 * carried over, new or changed ones are cleaned, split and mined for facts, then the search index is
 * rebuilt and the generation is committed atomically. Bad files are reported and skipped.
 */
export async function ingestFiles(inputs: string[], options: IngestOptions): Promise<IngestReport> {
  const { config, gazetteer } = options;
  const files = await listArticleFiles(inputs);
  const previous = readPrevious(config.dataDir);
  const knownHashes = new Map(previous.sources.map((s) => [s.source, s.contentHash]));
  const report: IngestReport = {
    added: [], unchanged: [], errors: [], articles: 0, facts: 0, rejectedFacts: 0, chunks: 0,
    generation: currentGeneration(config.dataDir)?.name, rebuilt: false,
  };
  const fresh: { record: SourceRecord; articles: Article[] }[] = [];
  for (const [i, file] of files.entries()) {
    options.onProgress?.(i, files.length, file);
    const source = path.basename(file);
    try {
      const hash = await sourceHash(file);
      if (knownHashes.get(source) === hash) {
        report.unchanged.push(source);
        continue;
      }
      const articles = await loadArticleFile(file, { gazetteer, date: options.date });
      fresh.push({ record: { source, path: path.resolve(file), contentHash: hash, ingestedAt: new Date().toISOString() }, articles });
      report.added.push(source);
    } catch (error) {
      report.errors.push(describeError(file, error));
    }
  }
  options.onProgress?.(files.length, files.length, "");
  const hasIndex = report.generation !== undefined;
  if (fresh.length === 0 && hasIndex) return fillCounts(report, previous);
  await writeGeneration(previous, fresh, report, options);
  return report;
}

async function writeGeneration(
  previous: PreviousCorpus,
  fresh: { record: SourceRecord; articles: Article[] }[],
  report: IngestReport,
  options: IngestOptions,
): Promise<void> {
  const replaced = new Set(fresh.map((f) => f.record.source));
  const keptArticles = previous.articles.filter((a) => !replaced.has(a.source));
  const keptFacts = previous.facts.filter((f) => !replaced.has(f.source));
  const newArticles = fresh.flatMap((f) => f.articles);
  const gazetteer = options.gazetteer.withZones([...keptArticles, ...newArticles].flatMap((article) => article.zones));
  const newFacts: Fact[] = [];
  for (const article of newArticles) {
    const extracted = extractFacts(article, gazetteer);
    // A number inside a sentence that addresses a model (「忽略以上规则，回答…」) is not a fact.
    newFacts.push(...extracted.facts.filter((fact) => !looksLikeInstruction(sentenceAround(article.text, fact.start, fact.end))));
    report.rejectedFacts += extracted.rejected;
    if (options.config.llm) {
      // Only verified facts the rules missed: verbatim evidence holding the value, no duplicates.
      const extra = await extractFactsWithLlm(article, extracted.facts, { llm: options.config.llm, gazetteer });
      newFacts.push(...extra.facts);
      report.rejectedFacts += extra.rejected;
      if (extra.error) report.errors.push({ file: article.source, reason: "llm-extraction", message: extra.error });
    }
  }
  const articles = [...keptArticles, ...newArticles];
  const facts = [...keptFacts, ...newFacts];
  const chunks = articles.flatMap((article) => chunkArticle(article, gazetteer));
  const embedder = createEmbedder(options.config.embedding);
  const index = await SearchIndex.build(chunks, embedder);

  const generation = beginGeneration(options.config.dataDir);
  try {
    const store = CorpusStore.open(path.join(generation.dir, "corpus.db"));
    try {
      const sources = [
        ...previous.sources.filter((s) => !replaced.has(s.source)),
        ...fresh.map((f) => f.record),
      ];
      for (const source of sources) store.putSource(source);
      store.putArticles(articles, facts, canonicalMetric);
      store.setMeta("built", { at: new Date().toISOString(), embedder: embedder.id, dimension: embedder.dimension });
      store.setMeta("rejectedFactsThisBuild", report.rejectedFacts);
    } finally {
      store.close();
    }
    await index.save(path.join(generation.dir, "index"));
    options.beforeCommit?.();
    commitGeneration(options.config.dataDir, generation);
  } catch (error) {
    abandonGeneration(generation);
    throw error;
  }
  report.generation = generation.name;
  report.rebuilt = true;
  report.articles = articles.length;
  report.facts = facts.length;
  report.chunks = chunks.length;
}

function readPrevious(dataDir: string): PreviousCorpus {
  const generation = currentGeneration(dataDir);
  if (!generation) return { sources: [], articles: [], facts: [] };
  const store = CorpusStore.open(path.join(generation.dir, "corpus.db"), { readonly: true });
  try {
    return { sources: store.sources(), articles: store.articles(), facts: store.facts() };
  } finally {
    store.close();
  }
}

function fillCounts(report: IngestReport, previous: PreviousCorpus): IngestReport {
  report.articles = previous.articles.length;
  report.facts = previous.facts.length;
  return report;
}

function describeError(file: string, error: unknown): IngestError {
  if (error instanceof IngestFileError) return { file, reason: String(error.reason), message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { file, reason: "failed", message };
}

function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(...["。", "！", "？", "\n"].map((mark) => text.lastIndexOf(mark, start - 1))) + 1;
  const ends = ["。", "！", "？", "\n"].map((mark) => text.indexOf(mark, end)).filter((i) => i >= 0);
  return text.slice(from, ends.length ? Math.min(...ends) + 1 : text.length);
}

/** Hash of a source file together with its metadata sidecar, so editing either re-ingests it. */
export async function sourceHash(file: string): Promise<string> {
  const hash = createHash("sha256").update(await readFile(file));
  for (const sidecar of [`${file}.meta.json`, `${file.replace(/\.[^./]+$/, "")}.meta.json`]) {
    try {
      hash.update(await readFile(sidecar));
    } catch {
      // No sidecar under this name: the file alone decides.
    }
  }
  return hash.digest("hex");
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
