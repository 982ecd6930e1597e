import type { Config } from "../config/index.js";
import { gateAnswer, OfflineBrain, type Answer, type Turn } from "../brain/index.js";
import { createLlmBrain, extractFactsWithLlm, type LlmBrain, type LlmHooks } from "../brain/llm/index.js";
import { ensureSeedsIngested, openCorpus, type Corpus, type IngestReport } from "../corpus/index.js";
import { Gazetteer } from "../domain/gazetteer.js";
import { metricSynonyms } from "../facts/index.js";
import { Toolbox } from "../tools/index.js";

/** One loaded corpus with its tools and the offline brain: what the CLI, bot and digest share. */
export interface Engine {
  corpus: Corpus;
  tools: Toolbox;
  offline: OfflineBrain;
  /** The LLM brain when a model is configured (usage ledger, warm-up). */
  llm?: LlmBrain;
  /** Which brain answers by default: `llm` when a model is configured, else `offline`. */
  readonly defaultBrain: BrainChoice;
  ask(question: string, history?: Turn[], options?: AskOptions): Promise<Answer>;
  close(): void;
}

export type BrainChoice = "offline" | "llm";

export interface AskOptions {
  /** `auto` (default) uses the LLM brain when configured, else the offline one. */
  brain?: BrainChoice | "auto";
  /** Streaming: called with the answer text so far (LLM brain only; the offline brain answers at once). */
  onText?: (textSoFar: string) => void;
  /** Whose question it is, for per-chat token accounting. */
  chatId?: string;
}

export class BrainUnavailableError extends Error {
  constructor() {
    super("the LLM brain needs LLM_BASE_URL and LLM_MODEL to be configured");
    this.name = "BrainUnavailableError";
  }
}

export interface EngineOptions {
  /** Build or refresh the seed index first when missing or stale (default true). */
  ensureSeeds?: boolean;
  onProgress?: (done: number, total: number, file: string) => void;
  onIngest?: (report: IngestReport) => void;
  /** LLM brain hooks: per-chat token usage, fallback/retry events. */
  llm?: LlmHooks;
}

export async function createEngine(config: Config, options: EngineOptions = {}): Promise<Engine> {
  const gazetteer = Gazetteer.load();
  if (options.ensureSeeds ?? true) {
    const report = await ensureSeedsIngested(config, gazetteer, options.onProgress, extractFactsWithLlm);
    if (report) options.onIngest?.(report);
  }
  const corpus = await openCorpus(config, gazetteer);
  const tools = new Toolbox(corpus);
  const offline = new OfflineBrain(tools, corpus, metricSynonyms);
  const llm = createLlmBrain(config, tools, offline, options.llm);
  const defaultBrain: BrainChoice = config.llm ? "llm" : "offline";
  return {
    corpus, tools, offline, llm, defaultBrain,
    async ask(question, history = [], askOptions = {}) {
      const choice = askOptions.brain === undefined || askOptions.brain === "auto" ? defaultBrain : askOptions.brain;
      if (choice === "llm") {
        if (!llm) throw new BrainUnavailableError();
        return gateAnswer(await llm.answer(question, history, { onText: askOptions.onText, chatId: askOptions.chatId }));
      }
      return gateAnswer(await offline.answer(question, history));
    },
    close: () => corpus.close(),
  };
}
