import type { Config } from "../config/index.js";
import { OfflineBrain, type Answer, type Turn } from "../brain/index.js";
import { ensureSeedsIngested, openCorpus, type Corpus, type IngestReport } from "../corpus/index.js";
import { Gazetteer } from "../domain/gazetteer.js";
import { metricSynonyms } from "../facts/index.js";
import { Toolbox } from "../tools/index.js";

/** One loaded corpus with its tools and the offline brain: what the CLI, bot and digest share. */
export interface Engine {
  corpus: Corpus;
  tools: Toolbox;
  offline: OfflineBrain;
  ask(question: string, history?: Turn[]): Promise<Answer>;
  close(): void;
}

export interface EngineOptions {
  /** Build or refresh the seed index first when missing or stale (default true). */
  ensureSeeds?: boolean;
  onProgress?: (done: number, total: number, file: string) => void;
  onIngest?: (report: IngestReport) => void;
}

export async function createEngine(config: Config, options: EngineOptions = {}): Promise<Engine> {
  const gazetteer = Gazetteer.load();
  if (options.ensureSeeds ?? true) {
    const report = await ensureSeedsIngested(config, gazetteer, options.onProgress);
    if (report) options.onIngest?.(report);
  }
  const corpus = await openCorpus(config, gazetteer);
  const tools = new Toolbox(corpus);
  const offline = new OfflineBrain(tools, corpus, metricSynonyms);
  return {
    corpus, tools, offline,
    ask: (question, history) => offline.answer(question, history),
    close: () => corpus.close(),
  };
}
