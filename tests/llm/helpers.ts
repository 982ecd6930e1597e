import path from "node:path";
import { loadConfig, PROJECT_ROOT, type Config } from "../../src/config/index.js";
import { createEngine, type Engine } from "../../src/engine/index.js";
import { checkNumbers, EvidenceNumbers, LlmBrain, type LlmBrainOptions, type LlmEvent, type UsageRecord } from "../../src/brain/llm/index.js";
import type { Answer } from "../../src/brain/index.js";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { startOpenAIServer, type ChatStep, type OpenAIServer, type RecordedRequest } from "../support/openai-server.js";
import { tempConfig } from "../support/engine.js";

export const MODEL = "scripted-model";

/** A config whose LLM (and optionally embeddings) point at the scripted server. */
export function llmConfig(server: OpenAIServer, dataDir: string, env: Record<string, string> = {}): Config {
  return loadConfig({
    ZONEBOT_SEEDS_DIR: path.join(PROJECT_ROOT, "seeds"),
    LLM_BASE_URL: server.url,
    LLM_API_KEY: "test-key",
    LLM_MODEL: MODEL,
    LLM_TIMEOUT_MS: "4000",
    ...env,
  }, { dataDir });
}

export interface LlmHarness {
  engine: Engine;
  config: Config;
  events: LlmEvent[];
  usage: UsageRecord[];
  /** Every answer delivered through this harness (engine.ask and brain().answer). */
  delivered: Answer[];
  /** A brain over the same engine with other settings (a shorter deadline, other limits). */
  brain(overrides?: Partial<Omit<LlmBrainOptions, "tools" | "offline">> & { timeoutMs?: number }): LlmBrain;
  cleanup(): void;
}

export async function llmHarness(server: OpenAIServer, env: Record<string, string> = {}): Promise<LlmHarness> {
  const temp = tempConfig("zonebot-llm-");
  const config = llmConfig(server, temp.dataDir, env);
  const events: LlmEvent[] = [];
  const usage: UsageRecord[] = [];
  const engine = await createEngine(config, { llm: { onEvent: (e) => events.push(e), onUsage: (u) => usage.push(u) } });
  const delivered: Answer[] = [];
  const ask = engine.ask.bind(engine);
  engine.ask = async (...args) => {
    const answer = await ask(...args);
    delivered.push(answer);
    return answer;
  };
  return {
    engine, config, events, usage, delivered,
    brain: ({ timeoutMs, ...rest } = {}) => {
      const brain = new LlmBrain({
        config: { ...config.llm!, ...(timeoutMs ? { timeoutMs } : {}) },
        tools: engine.tools, offline: engine.offline, onEvent: (e) => events.push(e), onUsage: (u) => usage.push(u), ...rest,
      });
      const answer = brain.answer.bind(brain);
      brain.answer = async (...args) => {
        const result = await answer(...args);
        delivered.push(result);
        return result;
      };
      return brain;
    },
    cleanup: () => {
      engine.close();
      temp.cleanup();
    },
  };
}

/** Numbers of a delivered answer that its citations (quotes, titles, dates) do not support, after normalisation. */
/**
 * A scripted model server and an LLM harness over the seeds for one test file: fresh script and event
 * log for every test, and at the end the delivery invariant — no answer of the file states a number its
 * citations lack. `use` receives both once they are up.
 */
export function scriptedLlm(use: (server: OpenAIServer, harness: LlmHarness) => void): void {
  let server: OpenAIServer | undefined;
  let harness: LlmHarness | undefined;
  beforeAll(async () => {
    server = await startOpenAIServer();
    harness = await llmHarness(server);
    use(server, harness);
  });
  afterAll(async () => {
    for (const answer of harness?.delivered ?? []) expect(unsupportedNumbers(answer), answer.answer).toEqual([]);
    harness?.cleanup();
    await server?.close();
  });
  beforeEach(() => {
    server?.chat.reset();
    if (harness) {
      harness.events.length = 0;
      harness.usage.length = 0;
    }
  });
}

export function unsupportedNumbers(answer: Answer): string[] {
  const evidence = new EvidenceNumbers(answer.citations.flatMap((c) => [c.quote, c.title, c.date ?? ""]));
  const years = [...answer.question.matchAll(/(?:19|20)\d{2}/g)].map((m) => Number(m[0]));
  if (answer.frame.year) years.push(answer.frame.year);
  return checkNumbers(answer.answer, evidence, { years }).unverified.filter((n) => !answer.derived.includes(n));
}

// ---- reading what the scripted model was sent ----

export interface SentMessage {
  role: string;
  content: string | null;
  tool_call_id?: string;
  tool_calls?: { id: string; function: { name: string; arguments: string } }[];
}

export function messagesOf(request: RecordedRequest): SentMessage[] {
  return ((request.body as { messages?: SentMessage[] }).messages ?? []);
}

export function toolResults(request: RecordedRequest): string[] {
  return messagesOf(request).filter((m) => m.role === "tool").map((m) => String(m.content ?? ""));
}

/** The [n] label of the first item in the tool results whose text contains `needle`. */
export function labelOf(request: RecordedRequest, needle: string): number {
  for (const content of toolResults(request)) {
    for (const block of content.split(/\n(?=\[\d+\] )/)) {
      const label = /^\[(\d+)\] /m.exec(block);
      if (label && block.includes(needle)) return Number(label[1]);
    }
  }
  throw new Error(`no tool result contains ${needle}`);
}

/**
 * A stateless stand-in for a cooperative model: first searches for the user's question, then answers
 * with the first retrieved sentence that has a digit, quoted verbatim and cited.
 */
export const echoModel: ChatStep = (request) => {
  const messages = messagesOf(request);
  const results = toolResults(request);
  const question = [...messages].reverse().find((m) => m.role === "user")?.content ?? "";
  if (results.length === 0) return { toolCalls: [{ name: "search_articles", arguments: { query: String(question).replace(/^用户问题：/, "").slice(0, 100), k: 3 } }] };
  for (const block of results.join("\n").split(/\n(?=\[\d+\] )/)) {
    const label = /^\[(\d+)\] /m.exec(block);
    const body = block.split("\n").slice(1).join("\n");
    const sentence = body.match(/[^。！？\n]*\d[^。！？\n]*[。！？]?/u)?.[0];
    if (label && sentence) return { text: `据资料，${sentence.trim()}[${label[1]}]` };
  }
  return { text: "资料中没有找到相关内容。" };
};

export { isLoopback, watchNetwork } from "../support/network.js";
