/**
 * The LLM brain: a hand-rolled bindTools loop (ChatOpenAI, temperature 0) over the engine's tools, with
 * one deadline for the whole answer, a cap on tool rounds, the number guard before anything is shown or
 * returned, a single guarded retry, and the offline brain's answer (with a short note) whenever the model
 * cannot deliver a verified answer in time. A chat never hangs.
 */
import type { BaseMessage } from "@langchain/core/messages";
import type { LlmConfig } from "../../config/index.js";
import type { Toolbox } from "../../tools/index.js";
import type { OfflineBrain } from "../offline.js";
import type { Answer, Turn } from "../types.js";
import { buildCitations, renderMarkers } from "./citations.js";
import { LeakDetector, looksLikeInstruction } from "../../text/injection.js";
import { ChatModel, DeadlineError, ModelError, type ModelReply } from "./model.js";
import { checkNumbers } from "./numbers.js";
import { loadPrompts, type LlmPrompts } from "./prompts.js";
import { StreamGate } from "./stream-gate.js";
import { ToolSession } from "./tools.js";
import { UsageLedger, type UsageRecord } from "./usage.js";

export type FallbackReason = "deadline" | "model-error" | "number-guard" | "tool-errors" | "tool-rounds" | "leak" | "empty";

export type LlmEvent =
  | { type: "fallback"; reason: FallbackReason; chatId: string; question: string; detail?: string; unverified?: string[] }
  | { type: "retry"; reason: "http"; chatId: string; attempt: number; status?: number; waitMs: number; detail: string }
  | { type: "retry"; reason: "number-guard"; chatId: string; unverified: string[] }
  | { type: "tool-error"; chatId: string; tool: string; detail: string };

export interface LlmAskOptions {
  onText?: (textSoFar: string) => void;
  chatId?: string;
}

export interface LlmBrainOptions {
  config: LlmConfig;
  tools: Toolbox;
  offline: OfflineBrain;
  /** Called once per answer with the tokens the model reported for it. */
  onUsage?: (record: UsageRecord) => void;
  /** Fallbacks, retries and rejected tool calls (default: one JSON line on stderr). */
  onEvent?: (event: LlmEvent) => void;
  prompts?: LlmPrompts;
  limits?: Partial<LlmLimits>;
}

export interface LlmLimits {
  /** Model turns that may call tools before a final answer is forced. */
  toolRounds: number;
  /** Rejected tool calls (bad JSON, schema, unknown tool) tolerated per answer. */
  toolErrors: number;
  /** Tool calls executed from one model turn. */
  callsPerTurn: number;
  /** Earlier turns of the chat sent as history. */
  historyTurns: number;
}

const DEFAULT_LIMITS: LlmLimits = { toolRounds: 4, toolErrors: 3, callsPerTurn: 6, historyTurns: 4 };
const NOT_FOUND = /^(?:抱歉，?)?(?:资料|现有资料|检索到的资料)中?(?:没有|未)(?:找到|检索到|提到)|^没有找到/u;

type Outcome = { ok: true; answer: Answer } | { ok: false; reason: FallbackReason; detail?: string; unverified?: string[] };

/** Per-answer timing: model wait vs everything else (the agent's overhead). */
export interface AnswerTiming {
  totalMs: number;
  modelMs: number;
  modelCalls: number;
}

export class LlmBrain {
  readonly usage = new UsageLedger();
  /** Timing of the last answer (for the bench). */
  lastTiming: AnswerTiming | undefined;
  private readonly model: ChatModel;
  private readonly prompts: LlmPrompts;
  private readonly leak: LeakDetector;
  private readonly limits: LlmLimits;

  constructor(private readonly options: LlmBrainOptions) {
    this.model = new ChatModel(options.config);
    this.prompts = options.prompts ?? loadPrompts();
    this.leak = new LeakDetector(this.prompts.rules);
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
  }

  /** Loads LangChain ahead of the first question (optional; the first answer does it otherwise). */
  async warmUp(): Promise<void> {
    await this.model.load();
  }

  async answer(question: string, history: Turn[] = [], ask: LlmAskOptions = {}): Promise<Answer> {
    const chatId = ask.chatId ?? "default";
    const started = performance.now();
    const timeoutMs = this.options.config.timeoutMs;
    const controller = new AbortController();
    const timing: AnswerTiming = { totalMs: 0, modelMs: 0, modelCalls: 0 };
    const usage = { promptTokens: 0, completionTokens: 0 };
    const gate = new StreamGate(ask.onText, () => true, (text) => text);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<Outcome>((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        resolve({ ok: false, reason: "deadline", detail: `no verified answer within ${timeoutMs} ms` });
      }, timeoutMs);
    });
    const run = this.run(question, history, { chatId, signal: controller.signal, deadline: started + timeoutMs, onText: ask.onText, timing, usage })
      .catch((error: unknown): Outcome => {
        if (error instanceof DeadlineError || controller.signal.aborted) return { ok: false, reason: "deadline", detail: "aborted" };
        const detail = error instanceof Error ? error.message : String(error);
        return { ok: false, reason: "model-error", detail: error instanceof ModelError && error.status ? `HTTP ${error.status}: ${detail}` : detail };
      });
    let outcome: Outcome;
    try {
      outcome = await Promise.race([run, deadline]);
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
    this.recordUsage(chatId, usage);
    let answer: Answer;
    if (outcome.ok) answer = outcome.answer;
    else {
      this.event({ type: "fallback", reason: outcome.reason, chatId, question, detail: outcome.detail, unverified: outcome.unverified });
      answer = await this.fallback(question, history, outcome.reason);
    }
    gate.finish(answer.answer);
    timing.totalMs = performance.now() - started;
    this.lastTiming = timing;
    return answer;
  }

  // ---- the loop ----

  private async run(
    question: string,
    history: Turn[],
    ctx: { chatId: string; signal: AbortSignal; deadline: number; onText?: (text: string) => void; timing: AnswerTiming; usage: { promptTokens: number; completionTokens: number } },
  ): Promise<Outcome> {
    const { messages: lc } = await this.model.load();
    const session = new ToolSession(this.options.tools, this.prompts.notes);
    const frame = this.options.offline.read(question, history);
    const years = yearsOf([question, ...history.map((t) => t.question)], frame.year);
    const safe = (text: string) => checkNumbers(text, session.evidence, { years }).unverified.length === 0 && !this.leak.leaks(text);
    const onText = ctx.onText && ((text: string) => {
      if (!ctx.signal.aborted) ctx.onText!(text);
    });
    const gate = new StreamGate(onText, safe, (text) => renderMarkers(text, (label) => session.items.has(label)).text);
    const messages: BaseMessage[] = [new lc.SystemMessage(this.prompts.system), ...this.historyMessages(history, lc), new lc.HumanMessage(`${this.prompts.notes.questionHeader}${question.slice(0, 1000)}`)];
    let rounds = 0;
    let toolErrors = 0;
    let guardRetried = false;
    for (;;) {
      const forceAnswer = rounds >= this.limits.toolRounds;
      gate.reset();
      const reply: ModelReply = await this.model.call(messages, {
        signal: ctx.signal,
        deadline: ctx.deadline,
        toolChoice: forceAnswer ? "none" : "auto",
        onDelta: (text) => gate.push(text),
        onRetry: (info) => this.event({ type: "retry", reason: "http", chatId: ctx.chatId, attempt: info.attempt, status: info.status, waitMs: info.waitMs, detail: info.message }),
      });
      ctx.timing.modelMs += reply.modelMs;
      ctx.timing.modelCalls++;
      if (reply.usage) {
        ctx.usage.promptTokens += reply.usage.promptTokens;
        ctx.usage.completionTokens += reply.usage.completionTokens;
      }
      if (reply.toolCalls.length > 0) {
        if (forceAnswer) return { ok: false, reason: "tool-rounds", detail: `still calling tools after ${rounds} rounds` };
        rounds++;
        messages.push(new lc.AIMessage({
          content: reply.text,
          tool_calls: reply.toolCalls.map((call) => ({ id: call.id, name: call.name, args: parseArgs(call.args), type: "tool_call" as const })),
        }));
        for (const [i, call] of reply.toolCalls.entries()) {
          const outcome = i < this.limits.callsPerTurn
            ? await session.run(call.name, call.args)
            : { content: "工具调用失败：一次回复中的工具调用过多，请合并后重试。", error: true, items: [] };
          if (outcome.error) {
            toolErrors++;
            this.event({ type: "tool-error", chatId: ctx.chatId, tool: call.name.slice(0, 60), detail: outcome.content.slice(0, 200) });
          }
          messages.push(new lc.ToolMessage({ content: outcome.content, tool_call_id: call.id }));
        }
        if (toolErrors > this.limits.toolErrors) return { ok: false, reason: "tool-errors", detail: `${toolErrors} rejected tool calls` };
        continue;
      }
      const text = reply.text.trim();
      if (!text) return { ok: false, reason: "empty", detail: "the model returned no text" };
      if (this.leak.leaks(text)) return { ok: false, reason: "leak", detail: "the answer repeated the system prompt" };
      const verdict = checkNumbers(text, session.evidence, { years });
      if (verdict.unverified.length > 0) {
        if (guardRetried) return { ok: false, reason: "number-guard", detail: "unverified numbers after one retry", unverified: verdict.unverified };
        guardRetried = true;
        this.event({ type: "retry", reason: "number-guard", chatId: ctx.chatId, unverified: verdict.unverified });
        messages.push(new lc.AIMessage(reply.text));
        messages.push(new lc.HumanMessage(this.prompts.retry.replace("{numbers}", verdict.unverified.map((n) => `“${n}”`).join("、"))));
        continue;
      }
      const built = buildCitations(text, session.items, (articleId) => this.options.tools.sourceOf(articleId));
      const found = built.citations.length > 0 && !NOT_FOUND.test(built.text);
      return {
        ok: true,
        answer: {
          question, answer: built.text, found, citations: built.citations, facts: built.facts,
          brain: "llm", mode: "llm", frame, derived: verdict.derived,
        },
      };
    }
  }

  private historyMessages(history: Turn[], lc: typeof import("@langchain/core/messages")): BaseMessage[] {
    const recent = history.slice(-this.limits.historyTurns);
    const out: BaseMessage[] = [];
    for (const turn of recent) {
      out.push(new lc.HumanMessage(`${this.prompts.notes.questionHeader}${turn.question.slice(0, 500)}`));
      if (turn.answer) out.push(new lc.AIMessage(turn.answer.slice(0, 600)));
    }
    return out;
  }

  // ---- fallback ----

  /** The offline brain's answer with a short note; an answer quoting instruction-like text is withheld. */
  private async fallback(question: string, history: Turn[], reason: FallbackReason): Promise<Answer> {
    const notes = this.prompts.notes;
    const note = reason === "number-guard" ? notes.fallbackUnverified : reason === "leak" ? notes.fallbackRefused : notes.fallback;
    let offline: Answer;
    try {
      offline = await this.options.offline.answer(question, history);
    } catch (error) {
      // Never leave a chat without an answer, even if the offline brain fails too.
      this.event({ type: "fallback", reason: "model-error", chatId: "-", question, detail: `offline brain failed: ${error instanceof Error ? error.message : String(error)}` });
      const frame = this.options.offline.read(question, history);
      return { question, answer: `${note}\n${notes.unavailable}`, found: false, citations: [], facts: [], brain: "offline", mode: "none", frame, derived: [] };
    }
    const tainted = offline.citations.some((c) => looksLikeInstruction(c.quote)) || looksLikeInstruction(offline.answer);
    if (tainted) {
      return { ...offline, answer: `${note}\n${notes.injectedSource}`, found: false, citations: [], facts: [], mode: "none", derived: [] };
    }
    return { ...offline, answer: `${note}\n${offline.answer}` };
  }

  private recordUsage(chatId: string, usage: { promptTokens: number; completionTokens: number }): void {
    if (usage.promptTokens === 0 && usage.completionTokens === 0) return;
    const record = { chatId, ...usage };
    this.usage.add(record);
    try {
      this.options.onUsage?.(record);
    } catch {
      // Accounting must not break an answer.
    }
  }

  private event(event: LlmEvent): void {
    try {
      if (this.options.onEvent) this.options.onEvent(event);
      else process.stderr.write(`zonebot llm: ${JSON.stringify(event)}\n`);
    } catch {
      // Logging must not break an answer.
    }
  }
}

/** Tool arguments as an object for the history message (the raw text went to the tool itself). */
function parseArgs(raw: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function yearsOf(texts: string[], frameYear: number | undefined): number[] {
  const years = new Set<number>();
  if (frameYear) years.add(frameYear);
  for (const text of texts) for (const m of text.matchAll(/(?:19|20)\d{2}/g)) years.add(Number(m[0]));
  return [...years];
}

