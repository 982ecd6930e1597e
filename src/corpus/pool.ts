/**
 * Runs ingest tasks (ingest-tasks.ts) in-process or on worker threads behind one interface.
 *
 *   main thread ─ run(task) ─► FIFO ─► idle worker ─ postMessage ─► TaskContext.run ─► result (buffers moved)
 *               ─ configure(context task) ─► every worker, now and any replacement, before its next task
 *
 * A worker that dies (uncaught error, exit) fails the task it was running with WorkerCrashedError
 * and is replaced; the other tasks carry on. `close()` terminates every worker.
 */
import { Worker } from "node:worker_threads";
import type { Gazetteer } from "../domain/gazetteer.js";
import { TaskContext, type ContextTask, type Done, type IngestTask, type TaskOf, type TaskResults, type TaskType, type WorkerSetup } from "./ingest-tasks.js";

export interface TaskRunner {
  /** Worker threads behind this runner (0 = the calling thread). */
  readonly threads: number;
  run<K extends TaskType>(task: TaskOf<K>): Promise<TaskResults[K]>;
  /** Sets up every thread (zones, embedder state): now, and any thread started later. */
  configure(task: ContextTask): Promise<void>;
  close(): Promise<void>;
}

export class WorkerCrashedError extends Error {
  constructor(reason: string) {
    super(`an ingest worker stopped: ${reason}`);
    this.name = "WorkerCrashedError";
  }
}

/** Runs tasks on the calling thread, one after another. */
export class InlineRunner implements TaskRunner {
  readonly threads = 0;
  private readonly context: TaskContext;

  constructor(setup: WorkerSetup, gazetteer: Gazetteer) {
    this.context = new TaskContext(setup, gazetteer);
  }

  async run<K extends TaskType>(task: TaskOf<K>): Promise<TaskResults[K]> {
    // Yield first, so progress callbacks and timers get a turn between tasks.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const { result } = await this.context.run(task);
    return result as TaskResults[K];
  }

  async configure(task: ContextTask): Promise<void> {
    await this.context.run(task);
  }

  async close(): Promise<void> {}
}

// ---- worker pool ----

export type ToWorker = { id: number; task: IngestTask };
export type FromWorker = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: { message: string; name: string } };

const BOOT = new URL("./ingest-worker-boot.mjs", import.meta.url);
const ENTRY = new URL("./ingest-worker.ts", import.meta.url);
/** Replacements allowed per pool; past that a crash loop fails the ingest instead of spinning. */
const MAX_RESPAWNS = 8;
/** Threads started and not yet exited, across pools (diagnostics: nothing may outlive an ingest). */
let liveThreads = 0;

export function liveIngestThreads(): number {
  return liveThreads;
}

interface Pending {
  task: IngestTask;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Context tasks waiting for this worker; they go before anything from the shared queue. */
  pinned: Pending[];
  running?: Pending;
  lastError?: Error;
  /** Set while a shrink waits for this worker's last task. */
  drained?: () => void;
}

export class WorkerPool implements TaskRunner {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  /** Workers shrink() is ending: they take no new tasks and are not replaced. */
  private readonly retired: Slot[] = [];
  /** Latest context task of each type, replayed to replacement workers. */
  private readonly context = new Map<ContextTask["type"], ContextTask>();
  private nextId = 1;
  private respawns = 0;
  private closed = false;

  constructor(readonly threads: number, private readonly setup: WorkerSetup, private readonly name = "zonebot-ingest") {
    for (let i = 0; i < threads; i++) this.slots.push(this.spawn());
  }

  run<K extends TaskType>(task: TaskOf<K>): Promise<TaskResults[K]> {
    if (this.closed) return Promise.reject(new Error("the ingest worker pool is closed"));
    if (this.slots.length === 0) return Promise.reject(new WorkerCrashedError("every worker crashed"));
    return new Promise<TaskResults[K]>((resolve, reject) => {
      this.queue.push({ task, resolve: resolve as (value: unknown) => void, reject });
      this.pump();
    });
  }

  /**
   * Ends all but `threads` workers (idle ones first; busy ones once their task is done): their
   * memory (a heap, a tokeniser dictionary) is better spent elsewhere when less parallelism is wanted.
   */
  async shrink(threads: number): Promise<void> {
    const surplus = [...this.slots].sort((a, b) => Number(a.running !== undefined) - Number(b.running !== undefined)).slice(0, Math.max(0, this.slots.length - threads));
    await Promise.all(surplus.map(async (slot) => {
      this.slots.splice(this.slots.indexOf(slot), 1);
      this.retired.push(slot);
      for (const pending of slot.pinned.splice(0)) pending.resolve(null);
      if (slot.running) await new Promise<void>((resolve) => (slot.drained = resolve));
      await slot.worker.terminate();
    }));
  }

  get size(): number {
    return this.slots.length;
  }

  async configure(task: ContextTask): Promise<void> {
    this.context.set(task.type, task);
    await Promise.all(this.slots.map((slot) => this.pin(slot, task)));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const error = new Error("the ingest worker pool was closed");
    for (const pending of this.queue.splice(0)) pending.reject(error);
    await Promise.all([...this.slots, ...this.retired].map(async (slot) => {
      for (const pending of slot.pinned.splice(0)) pending.reject(error);
      slot.running?.reject(error);
      slot.running = undefined;
      await slot.worker.terminate();
    }));
  }

  private pin(slot: Slot, task: ContextTask): Promise<unknown> {
    return new Promise((resolve, reject) => {
      slot.pinned.push({ task, resolve, reject });
      this.pump();
    });
  }

  private spawn(): Slot {
    const worker = new Worker(BOOT, {
      workerData: { entry: ENTRY.href, setup: this.setup },
      // Not the parent's flags (--expose-gc is refused in a worker; vitest's are not ours); tsx is registered by the boot file.
      execArgv: process.execArgv.includes("--enable-source-maps") ? ["--enable-source-maps"] : [],
      name: this.name,
    });
    const slot: Slot = { worker, pinned: [] };
    liveThreads += 1;
    worker.once("exit", () => {
      liveThreads -= 1;
    });
    worker.on("message", (message: FromWorker) => this.settle(slot, message));
    worker.on("error", (error) => {
      slot.lastError = error;
    });
    worker.on("exit", (code) => this.exited(slot, code));
    return slot;
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.running) continue;
      const next = slot.pinned.shift() ?? this.queue.shift();
      if (!next) continue;
      slot.running = next;
      const message: ToWorker = { id: this.nextId++, task: next.task };
      try {
        slot.worker.postMessage(message);
      } catch (error) {
        slot.running = undefined;
        next.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
  }

  private settle(slot: Slot, message: FromWorker): void {
    const pending = slot.running;
    slot.running = undefined;
    if (pending) {
      if (message.ok) pending.resolve(message.result);
      else pending.reject(Object.assign(new Error(message.error.message), { name: message.error.name }));
    }
    slot.drained?.();
    this.pump();
  }

  /** A worker ended: fail what it was running, start a replacement set up like the others. */
  private exited(slot: Slot, code: number): void {
    if (this.closed) return;
    const reason = slot.lastError?.message ?? `exit code ${code}`;
    const lost = [...(slot.running ? [slot.running] : []), ...slot.pinned.splice(0)];
    slot.running = undefined;
    for (const pending of lost) pending.reject(new WorkerCrashedError(reason));
    slot.drained?.();
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    if (++this.respawns > MAX_RESPAWNS) {
      this.slots.splice(index, 1);
      if (this.slots.length === 0) for (const pending of this.queue.splice(0)) pending.reject(new WorkerCrashedError(`${reason} (no workers left)`));
      return;
    }
    const replacement = this.spawn();
    this.slots[index] = replacement;
    for (const task of this.context.values()) this.pin(replacement, task).catch(() => undefined);
    this.pump();
  }
}

/** The worker side of the protocol (ingest-worker.ts): one task at a time, results with their buffers moved. */
export function serveTasks(port: { on(event: "message", listener: (message: ToWorker) => void): void; postMessage(message: FromWorker, transfer?: ArrayBuffer[]): void }, context: TaskContext): void {
  let chain = Promise.resolve();
  port.on("message", (message) => {
    chain = chain.then(async () => {
      let done: Done<unknown>;
      try {
        done = await context.run(message.task);
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        port.postMessage({ id: message.id, ok: false, error: { message: failure.message, name: failure.name } });
        return;
      }
      port.postMessage({ id: message.id, ok: true, result: done.result }, done.transfer);
    });
  });
}
