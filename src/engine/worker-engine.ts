/**
 * Answering off the intake thread: `ask()` runs in a `worker_threads` Worker that opens its own engine
 * on the same data dir (read-only, the current generation), so the bot's event loop only receives,
 * verifies and acknowledges events while questions are worked out elsewhere.
 *
 *   main thread (bot intake, acks, /sources, /facts, digest)          answer worker (answer-worker.ts)
 *   AnswerWorker.ask ─ FIFO (≤ maxQueued) ─► ≤ maxInFlight ─postMessage─► engine.ask ─► answer | error
 *                    ◄──────── text (onText streaming), usage, llm events ────────────┘
 *
 * A worker that dies (uncaught error, exit, an ask over `askTimeoutMs`) is replaced; the asks it was
 * working on are rejected (the bot answers those with the apology card), the ones still waiting are
 * sent to the new worker in order. `close()` rejects what is left and terminates the worker.
 */
import { Worker } from "node:worker_threads";
import type { Answer, Turn } from "../brain/types.js";
import type { Config } from "../config/index.js";
import type { UsageRecord } from "../brain/llm/usage.js";
import type { LlmEvent } from "../brain/llm/brain.js";
import { createEngine, type AskOptions, type BrainChoice, type Engine, type EngineOptions } from "./index.js";

// ---- protocol (structured-clone data only) ----

export interface AnswerWorkerData {
  config: Config;
  /** Module URL exporting `createEngine(config, options)`; default `./index.ts` (tests pass a slow or crashing one). */
  engineModule?: string;
  /** Passed to that module's createEngine as `options.data`. */
  moduleData?: unknown;
  forwardUsage: boolean;
  forwardEvents: boolean;
  /** Linux nice value the answering thread lowers itself by (default 10; 0 keeps normal priority). */
  niceness?: number;
}

export type ToWorker =
  | { type: "ask"; id: number; question: string; history: Turn[]; brain?: BrainChoice | "auto"; chatId?: string; stream: boolean }
  | { type: "ping"; id: number };

export interface SerializedError {
  message: string;
  name: string;
  stack?: string;
  code?: string;
}

export type FromWorker =
  | { type: "ready"; generation?: string; defaultBrain: BrainChoice }
  | { type: "pong"; id: number }
  | { type: "init-error"; error: SerializedError }
  | { type: "text"; id: number; text: string }
  | { type: "answer"; id: number; answer: Answer }
  | { type: "error"; id: number; error: SerializedError }
  | { type: "usage"; record: UsageRecord }
  | { type: "llm-event"; event: LlmEvent };

// ---- main side ----

export interface AnswerWorkerOptions {
  /** Per-chat token usage and LLM fallback/retry events, forwarded from the worker. */
  llm?: EngineOptions["llm"];
  /** Asks sent to the worker at once (default 8); more wait here, in order. */
  maxInFlight?: number;
  /** Asks waiting beyond those (default 1000); more are rejected at once. */
  maxQueued?: number;
  /**
   * An ask running longer is rejected (default 120 s; 0 = never), and the worker is pinged: a thread
   * that does not answer within `livenessTimeoutMs` (default 5 s) is stuck and gets replaced. Nothing
   * more is sent to the worker until it has answered the ping.
   */
  askTimeoutMs?: number;
  livenessTimeoutMs?: number;
  /** The worker's engine factory module (tests); see AnswerWorkerData. */
  engineModule?: string | URL;
  moduleData?: unknown;
  /** Worker start-up limit (default 120 s: a cold worker loads the index and the embedder). */
  startTimeoutMs?: number;
  /** Crashes, restarts, generation mismatches (default: one JSON line on stderr). */
  onEvent?: (event: AnswerWorkerEvent) => void;
}

export type AnswerWorkerEvent =
  | { type: "crashed"; reason: string; rejected: number }
  | { type: "restarted"; restarts: number; startMs: number }
  | { type: "start-failed"; error: string; retryInMs: number };

export interface AnswerWorkerStats {
  threadId?: number;
  ready: boolean;
  inFlight: number;
  waiting: number;
  restarts: number;
  generation?: string;
}

export class WorkerCrashedError extends Error {
  constructor(reason: string) {
    super(`the answering worker stopped: ${reason}`);
    this.name = "WorkerCrashedError";
  }
}

export class AskTimeoutError extends Error {
  constructor(ms: number) {
    super(`the answer took longer than ${ms} ms`);
    this.name = "AskTimeoutError";
  }
}

export class AnswerQueueFullError extends Error {
  constructor(limit: number) {
    super(`too many questions waiting for the answering worker (${limit})`);
    this.name = "AnswerQueueFullError";
  }
}

interface PendingAsk {
  id: number;
  question: string;
  history: Turn[];
  options: AskOptions;
  resolve: (answer: Answer) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

const BOOT = new URL("./answer-worker-boot.mjs", import.meta.url);
const ENTRY = new URL("./answer-worker.ts", import.meta.url);
const MAX_RESTART_DELAY_MS = 30_000;

/**
 * One answering worker thread: `ask()` with the engine's signature, FIFO, bounded; restarted when it dies.
 * Use `AnswerWorker.start(config, options)`; `close()` when done.
 */
export class AnswerWorker {
  private worker?: Worker;
  private ready = false;
  private closed = false;
  private nextId = 1;
  private restarts = 0;
  private failedStarts = 0;
  private hasStarted = false;
  private generationName?: string;
  private restartTimer?: NodeJS.Timeout;
  /** Set while a liveness ping is unanswered: nothing new is sent meanwhile. */
  private pingTimer?: NodeJS.Timeout;
  private nextPing = 1;
  private closing?: Promise<void>;
  private readonly waiting: PendingAsk[] = [];
  private readonly inFlight = new Map<number, PendingAsk>();
  private readonly maxInFlight: number;
  private readonly maxQueued: number;
  private readonly askTimeoutMs: number;
  private readonly livenessTimeoutMs: number;

  private constructor(private readonly config: Config, private readonly options: AnswerWorkerOptions, public defaultBrain: BrainChoice) {
    this.maxInFlight = Math.max(1, options.maxInFlight ?? 8);
    this.maxQueued = Math.max(0, options.maxQueued ?? 1000);
    this.askTimeoutMs = options.askTimeoutMs ?? 120_000;
    this.livenessTimeoutMs = options.livenessTimeoutMs ?? 5000;
  }

  /** Starts the worker and waits until its engine is open; rejects (nothing left running) if it cannot start. */
  static async start(config: Config, options: AnswerWorkerOptions = {}): Promise<AnswerWorker> {
    const answerer = new AnswerWorker(config, options, config.llm ? "llm" : "offline");
    await answerer.spawn();
    return answerer;
  }

  /** The corpus generation the worker opened. */
  get generation(): string | undefined {
    return this.generationName;
  }

  stats(): AnswerWorkerStats {
    return {
      threadId: this.worker?.threadId, ready: this.ready, inFlight: this.inFlight.size, waiting: this.waiting.length,
      restarts: this.restarts, generation: this.generationName,
    };
  }

  /** The current thread (diagnostics and tests: terminating it counts as a crash). */
  thread(): Worker | undefined {
    return this.worker;
  }

  ask(question: string, history: Turn[] = [], options: AskOptions = {}): Promise<Answer> {
    if (this.closed) return Promise.reject(new Error("the answering worker is closed"));
    const free = this.ready && !this.pingTimer ? Math.max(0, this.maxInFlight - this.inFlight.size) : 0;
    if (this.waiting.length >= this.maxQueued + free) {
      return Promise.reject(new AnswerQueueFullError(this.maxQueued));
    }
    return new Promise<Answer>((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, question, history, options, resolve, reject });
      this.pump();
    });
  }

  /** Rejects waiting and running asks, terminates the worker; idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.closed = true;
      if (this.restartTimer) clearTimeout(this.restartTimer);
      this.stopPing();
      const error = new Error("the answering worker is closed");
      this.rejectAll(error);
      const worker = this.worker;
      this.worker = undefined;
      this.ready = false;
      if (worker) await worker.terminate();
    })();
    return this.closing;
  }

  private pump(): void {
    const worker = this.worker;
    if (!worker || !this.ready || this.pingTimer) return;
    while (this.inFlight.size < this.maxInFlight && this.waiting.length > 0) {
      const ask = this.waiting.shift()!;
      const message: ToWorker = {
        type: "ask", id: ask.id, question: ask.question, history: ask.history,
        brain: ask.options.brain, chatId: ask.options.chatId, stream: ask.options.onText !== undefined,
      };
      try {
        worker.postMessage(message);
      } catch (error) {
        // History that cannot be cloned: this ask's own fault, not the worker's.
        ask.reject(error instanceof Error ? error : new Error(String(error)));
        continue;
      }
      this.inFlight.set(ask.id, ask);
      if (this.askTimeoutMs > 0) {
        ask.timer = setTimeout(() => this.timedOut(worker, ask), this.askTimeoutMs);
        ask.timer.unref();
      }
    }
  }

  /** An ask ran over its time: it is rejected, and the worker must show it is not stuck. */
  private timedOut(worker: Worker, ask: PendingAsk): void {
    this.settle(ask.id);
    ask.reject(new AskTimeoutError(this.askTimeoutMs));
    if (this.worker !== worker || this.pingTimer) return;
    const id = this.nextPing++;
    this.pingTimer = setTimeout(() => {
      this.pingTimer = undefined;
      this.kill(worker, `the worker did not respond for ${this.livenessTimeoutMs} ms after an answer took longer than ${this.askTimeoutMs} ms`);
    }, this.livenessTimeoutMs);
    this.pingTimer.unref();
    (this.pingTimer as NodeJS.Timeout & { pingId?: number }).pingId = id;
    worker.postMessage({ type: "ping", id } satisfies ToWorker);
  }

  private stopPing(): void {
    if (this.pingTimer) clearTimeout(this.pingTimer);
    this.pingTimer = undefined;
  }

  private settle(id: number): PendingAsk | undefined {
    const ask = this.inFlight.get(id);
    if (!ask) return undefined;
    this.inFlight.delete(id);
    if (ask.timer) clearTimeout(ask.timer);
    return ask;
  }

  private onMessage(message: FromWorker): void {
    switch (message.type) {
      case "text": {
        const onText = this.inFlight.get(message.id)?.options.onText;
        try {
          onText?.(message.text);
        } catch {
          // A streaming consumer's failure must not break the answer.
        }
        return;
      }
      case "pong":
        if ((this.pingTimer as (NodeJS.Timeout & { pingId?: number }) | undefined)?.pingId === message.id) this.stopPing();
        break;
      case "answer":
        this.settle(message.id)?.resolve(message.answer);
        break;
      case "error":
        this.settle(message.id)?.reject(revive(message.error));
        break;
      case "usage":
        this.options.llm?.onUsage?.(message.record);
        return;
      case "llm-event":
        if (this.options.llm?.onEvent) this.options.llm.onEvent(message.event);
        else process.stderr.write(`zonebot llm: ${JSON.stringify(message.event)}\n`);
        return;
      default:
        return;
    }
    this.pump();
  }

  /** Starts a worker; resolves once its engine is open. */
  private spawn(): Promise<void> {
    try {
      return this.spawnWorker();
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      this.startFailed(failure);
      return Promise.reject(failure);
    }
  }

  private spawnWorker(): Promise<void> {
    const startedAt = Date.now();
    const worker = new Worker(BOOT, {
      workerData: {
        entry: ENTRY.href,
        data: {
          config: this.config,
          engineModule: this.options.engineModule === undefined ? undefined : String(this.options.engineModule),
          moduleData: this.options.moduleData,
          forwardUsage: this.options.llm?.onUsage !== undefined,
          forwardEvents: true,
        } satisfies AnswerWorkerData,
      },
      // Not the parent's flags: --expose-gc (the bench) is refused in a worker, vitest's --conditions are not
      // ours; tsx is registered by the boot file.
      execArgv: process.execArgv.includes("--enable-source-maps") ? ["--enable-source-maps"] : [],
      name: "zonebot-answers",
    });
    this.worker = worker;
    this.ready = false;
    let lastError: Error | undefined;
    return new Promise<void>((resolve, reject) => {
      let started = false;
      const startTimer = setTimeout(() => {
        if (!started) void worker.terminate();
        lastError ??= new Error(`the answering worker did not start within ${this.options.startTimeoutMs ?? 120_000} ms`);
      }, this.options.startTimeoutMs ?? 120_000);
      startTimer.unref();
      worker.on("message", (message: FromWorker) => {
        if (this.worker !== worker) return;
        if (message.type === "ready") {
          started = true;
          clearTimeout(startTimer);
          this.ready = true;
          this.hasStarted = true;
          this.failedStarts = 0;
          this.generationName = message.generation;
          this.defaultBrain = message.defaultBrain;
          resolve();
          if (this.restarts > 0) this.emit({ type: "restarted", restarts: this.restarts, startMs: Date.now() - startedAt });
          this.pump();
        } else if (message.type === "init-error") {
          lastError = revive(message.error);
        } else {
          this.onMessage(message);
        }
      });
      worker.on("error", (error) => {
        lastError = error;
      });
      worker.on("exit", (code) => {
        clearTimeout(startTimer);
        if (this.worker !== worker) return;
        this.worker = undefined;
        this.ready = false;
        this.stopPing();
        if (this.closed) return;
        const killReason = (worker as Worker & { killReason?: string }).killReason;
        const reason = killReason ?? (lastError ? lastError.message : `exit code ${code}`);
        if (!started) {
          const error = lastError ?? new Error(`the answering worker exited during start-up (code ${code})`);
          reject(error);
          this.startFailed(error);
          return;
        }
        const rejected = this.inFlight.size;
        for (const ask of [...this.inFlight.values()]) {
          this.settle(ask.id);
          ask.reject(new WorkerCrashedError(reason));
        }
        this.emit({ type: "crashed", reason, rejected });
        this.restarts += 1;
        this.spawn().catch(() => undefined);
      });
    });
  }

  /** A (re)start failed: what waits cannot be answered now; try again later, backing off. */
  private startFailed(error: Error): void {
    if (!this.hasStarted) {
      // The first start: start() rejects and nothing is left running.
      this.closed = true;
      return;
    }
    this.failedStarts += 1;
    for (const ask of this.waiting.splice(0)) ask.reject(new WorkerCrashedError(`could not restart: ${error.message}`));
    const delay = Math.min(MAX_RESTART_DELAY_MS, 500 * 2 ** (this.failedStarts - 1));
    this.emit({ type: "start-failed", error: error.message, retryInMs: delay });
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      if (this.closed || this.worker) return;
      this.spawn().catch(() => undefined);
    }, delay);
    this.restartTimer.unref();
  }

  private kill(worker: Worker, reason: string): void {
    if (this.worker !== worker) return;
    (worker as Worker & { killReason?: string }).killReason = reason;
    void worker.terminate();
  }

  private rejectAll(error: Error): void {
    for (const ask of this.waiting.splice(0)) ask.reject(error);
    for (const ask of [...this.inFlight.values()]) {
      this.settle(ask.id);
      ask.reject(error);
    }
  }

  private emit(event: AnswerWorkerEvent): void {
    try {
      if (this.options.onEvent) this.options.onEvent(event);
      else process.stderr.write(`zonebot answers: ${JSON.stringify(event)}\n`);
    } catch {
      // Reporting must not break answering.
    }
  }
}

/** An error as the worker reported it, with its message, name and code. */
function revive(serialized: SerializedError): Error {
  const error = new Error(serialized.message);
  error.name = serialized.name;
  if (serialized.stack) error.stack = serialized.stack;
  if (serialized.code !== undefined) (error as Error & { code?: string }).code = serialized.code;
  return error;
}

// ---- the Engine-compatible wrapper ----

export interface WorkerEngineOptions extends EngineOptions, Omit<AnswerWorkerOptions, "llm"> {
  /**
   * The in-process engine that serves `corpus`, `tools`, `offline` and `llm` (commands, /facts, the
   * digest). Created from `config` (seed index ensured first) when not given; `close()` closes it only then.
   */
  local?: Engine;
}

/** An Engine whose `ask()` runs in the answering worker; everything else is the in-process engine's. */
export interface WorkerEngine extends Engine {
  readonly answerer: AnswerWorker;
  /** Terminates the worker (and closes the local engine when this created it). */
  close(): Promise<void>;
}

export async function createWorkerEngine(config: Config, options: WorkerEngineOptions = {}): Promise<WorkerEngine> {
  const { local: given, ...rest } = options;
  const local = given ?? (await createEngine(config, rest));
  let answerer: AnswerWorker;
  try {
    answerer = await AnswerWorker.start(config, {
      ...rest,
      llm: {
        onUsage: (record) => {
          local.llm?.usage.add(record);
          options.llm?.onUsage?.(record);
        },
        onEvent: options.llm?.onEvent,
      },
    });
  } catch (error) {
    if (!given) local.close();
    throw error;
  }
  if (answerer.generation !== undefined && answerer.generation !== local.corpus.generation) {
    process.stderr.write(`zonebot answers: the worker opened ${answerer.generation}, the main thread has ${local.corpus.generation}\n`);
  }
  let closing: Promise<void> | undefined;
  return {
    corpus: local.corpus,
    tools: local.tools,
    offline: local.offline,
    llm: local.llm,
    get defaultBrain() {
      return answerer.defaultBrain;
    },
    answerer,
    ask: (question, history, askOptions) => answerer.ask(question, history, askOptions),
    close: () => {
      closing ??= answerer.close().finally(() => {
        if (!given) local.close();
      });
      return closing;
    },
  };
}
