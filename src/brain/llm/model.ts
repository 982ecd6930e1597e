/**
 * The chat model: ChatOpenAI from @langchain/openai against any OpenAI-compatible endpoint, loaded on
 * first use. Always streamed through `.stream()` with usage from `stream_options.include_usage` —
 * never `streaming: true`, which makes LangChain estimate tokens with a tiktoken download (no network
 * here). LangChain's own retries are off (maxRetries 0): retries happen here, inside the caller's deadline.
 */
import type { BaseMessage } from "@langchain/core/messages";
import type { LlmConfig } from "../../config/index.js";
import { openAIToolDefinitions } from "./tools.js";

export interface RawToolCall {
  id: string;
  name: string;
  /** The arguments exactly as the model sent them (JSON text, possibly malformed). */
  args: string;
}

export interface ModelReply {
  text: string;
  toolCalls: RawToolCall[];
  usage?: { promptTokens: number; completionTokens: number };
  /** Time spent waiting on the model (request to last chunk), for overhead accounting. */
  modelMs: number;
}

export interface CallOptions {
  signal: AbortSignal;
  /** Absolute time (performance.now()) after which no retry is started. */
  deadline: number;
  /** "none" forces a final answer (tool-round cap reached). */
  toolChoice?: "auto" | "none";
  /** Called with the reply text so far as it streams. */
  onDelta?: (textSoFar: string) => void;
  /** Called before each retry. */
  onRetry?: (info: { attempt: number; status?: number; waitMs: number; message: string }) => void;
}

export class DeadlineError extends Error {
  constructor() {
    super("the LLM deadline passed");
    this.name = "DeadlineError";
  }
}

export class ModelError extends Error {
  constructor(message: string, readonly status?: number, readonly retryable = false) {
    super(message);
    this.name = "ModelError";
  }
}

type Messages = typeof import("@langchain/core/messages");
type Runnable = { stream(input: BaseMessage[], options: { signal: AbortSignal }): Promise<AsyncIterable<unknown>> };

interface Loaded {
  messages: Messages;
  auto: Runnable;
  none: Runnable;
}

/** A safety cap only: rate limits and 5xx are retried for as long as the deadline leaves room. */
const MAX_ATTEMPTS = 10;
const BASE_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 4000;
/**
 * A retry is started only when, after its wait, at least this much of the deadline is left: enough for
 * a short reply from a provider that has just lifted its limit, not more (a wider margin turned two
 * 429s with Retry-After: 1 inside a 3 s deadline into the offline fallback).
 */
const MIN_ATTEMPT_MS = 100;

export class ChatModel {
  private loaded: Promise<Loaded> | undefined;
  private callIds = 0;

  constructor(private readonly config: LlmConfig) {}

  /** The LangChain modules and bound models; the first call pays the import (~0.5 s), later calls nothing. */
  load(): Promise<Loaded> {
    this.loaded ??= (async () => {
      const [{ ChatOpenAI }, messages] = await Promise.all([import("@langchain/openai"), import("@langchain/core/messages")]);
      const chat = new ChatOpenAI({
        model: this.config.model,
        temperature: 0,
        // The OpenAI client refuses a missing key; local servers (vLLM, Ollama) ignore it.
        apiKey: this.config.apiKey || "not-needed",
        configuration: { baseURL: this.config.baseUrl },
        timeout: this.config.timeoutMs,
        maxRetries: 0,
      });
      const tools = openAIToolDefinitions();
      return {
        messages,
        auto: chat.bindTools(tools) as unknown as Runnable,
        none: chat.bindTools(tools, { tool_choice: "none" }) as unknown as Runnable,
      };
    })();
    this.loaded.catch(() => {
      this.loaded = undefined;
    });
    return this.loaded;
  }

  /** One model turn, retried on 429/5xx/connection errors/timeouts while the deadline allows. */
  async call(messages: BaseMessage[], options: CallOptions): Promise<ModelReply> {
    const { auto, none } = await this.load();
    const runnable = options.toolChoice === "none" ? none : auto;
    for (let attempt = 1; ; attempt++) {
      if (options.signal.aborted) throw new DeadlineError();
      try {
        return await this.once(runnable, messages, options);
      } catch (error) {
        if (options.signal.aborted) throw new DeadlineError();
        const problem = classify(error);
        const waitMs = retryWait(problem, attempt);
        const left = options.deadline - performance.now();
        if (!problem.retryable || attempt >= MAX_ATTEMPTS || left < waitMs + MIN_ATTEMPT_MS) {
          throw new ModelError(problem.message, problem.status, problem.retryable);
        }
        options.onRetry?.({ attempt, status: problem.status, waitMs, message: problem.message });
        await sleep(waitMs, options.signal);
      }
    }
  }

  private async once(runnable: Runnable, messages: BaseMessage[], options: CallOptions): Promise<ModelReply> {
    const started = performance.now();
    const stream = await runnable.stream(messages, { signal: options.signal });
    let text = "";
    const calls = new Map<number, RawToolCall>();
    let usage: ModelReply["usage"];
    for await (const raw of stream) {
      const chunk = raw as {
        content?: unknown;
        tool_call_chunks?: { index?: number; id?: string; name?: string; args?: string }[];
        usage_metadata?: { input_tokens: number; output_tokens: number };
      };
      if (typeof chunk.content === "string" && chunk.content) {
        text += chunk.content;
        options.onDelta?.(text);
      }
      for (const piece of chunk.tool_call_chunks ?? []) {
        const index = piece.index ?? calls.size;
        const call = calls.get(index) ?? { id: "", name: "", args: "" };
        if (piece.id) call.id = piece.id;
        if (piece.name) call.name += piece.name;
        if (piece.args) call.args += piece.args;
        calls.set(index, call);
      }
      if (chunk.usage_metadata) usage = { promptTokens: chunk.usage_metadata.input_tokens, completionTokens: chunk.usage_metadata.output_tokens };
    }
    if (options.signal.aborted) throw new DeadlineError();
    const toolCalls = [...calls.entries()].sort(([a], [b]) => a - b).map(([, call]) => ({ ...call, id: call.id || `zonebot_call_${++this.callIds}` }));
    return { text, toolCalls, usage, modelMs: performance.now() - started };
  }
}

interface Problem {
  retryable: boolean;
  status?: number;
  retryAfterMs?: number;
  message: string;
}

function classify(error: unknown): Problem {
  const e = error as { status?: unknown; headers?: unknown; name?: unknown; message?: unknown; code?: unknown; constructor?: { name?: string } };
  const status = typeof e?.status === "number" ? e.status : undefined;
  const message = typeof e?.message === "string" ? e.message.split("\n")[0]! : String(error);
  const name = `${typeof e?.name === "string" ? e.name : ""} ${e?.constructor?.name ?? ""}`;
  const retryAfterMs = retryAfter(e?.headers);
  if (status !== undefined) return { retryable: status === 408 || status === 409 || status === 429 || status >= 500, status, retryAfterMs, message };
  if (/Timeout|Connection|ECONNRESET|ECONNREFUSED|EPIPE|socket/i.test(`${name} ${message} ${String(e?.code ?? "")}`)) return { retryable: true, message };
  return { retryable: false, message };
}

/**
 * How long to wait before the next attempt: what the provider asked for (Retry-After), else capped
 * exponential backoff with jitter, so that many answers limited at once do not retry in lockstep.
 */
function retryWait(problem: { retryAfterMs?: number }, attempt: number): number {
  if (problem.retryAfterMs !== undefined) return problem.retryAfterMs;
  const exponential = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (attempt - 1));
  return Math.round(exponential / 2 + Math.random() * (exponential / 2));
}

function retryAfter(headers: unknown): number | undefined {
  const get = (name: string): string | undefined => {
    if (!headers) return undefined;
    if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
    const value = (headers as Record<string, unknown>)[name];
    return typeof value === "string" ? value : undefined;
  };
  const ms = Number(get("retry-after-ms"));
  if (Number.isFinite(ms) && ms > 0) return ms;
  const value = get("retry-after");
  if (value === undefined || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds > 0 ? seconds * 1000 : undefined;
  // Retry-After may also be an HTTP date.
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new DeadlineError());
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new DeadlineError());
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
