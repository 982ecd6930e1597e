import { availableParallelism } from "node:os";
import type { Gazetteer } from "../domain/gazetteer.js";
import type { WorkerSetup } from "./ingest-tasks.js";
import { InlineRunner, WorkerPool, type TaskRunner } from "./pool.js";

/** Below this much work (files or articles to extract; chunks count 1/8), starting threads costs more than it saves. */
export const PARALLEL_MIN_UNITS = 50;
const CHUNKS_PER_UNIT = 8;
/** A graph of fewer points is built on the calling thread. */
const GRAPH_THREAD_MIN_POINTS = 2000;

/**
 * Chooses where each phase runs. With `workers` unset, a pool of min(2, cores) threads starts the
 * first time a phase has enough work and serves every later phase; `workers` 0 or 1 keeps everything
 * in this thread, 2+ always uses that many threads. A big HNSW build gets a thread of its own.
 */
export class Executor {
  private readonly inline: InlineRunner;
  private pool?: WorkerPool;
  private graphPool?: WorkerPool;
  private readonly threads: number;
  private readonly forced: boolean;
  /** Threads of pools already released. */
  private usedBefore = 0;
  /** Set by close(): no thread starts after it (a cancelled ingest), and every caller waits for the same end. */
  private closing?: Promise<void>;

  constructor(private readonly setup: WorkerSetup, gazetteer: Gazetteer, workers: number | undefined) {
    this.inline = new InlineRunner(setup, gazetteer);
    this.forced = workers !== undefined;
    this.threads = workers ?? Math.min(2, availableParallelism());
  }

  /** Worker threads started so far (0 = everything ran in this thread). */
  get workersUsed(): number {
    return this.usedBefore + (this.pool?.threads ?? 0) + (this.graphPool?.threads ?? 0);
  }

  /** The runner for a phase of `units` files or articles. */
  async runner(units: number): Promise<TaskRunner> {
    this.assertOpen();
    if (this.pool) return this.pool;
    if (this.threads < 2 || (!this.forced && units < PARALLEL_MIN_UNITS)) return this.inline;
    this.pool = new WorkerPool(this.threads, this.setup);
    return this.pool;
  }

  /**
   * The runner for a phase of `chunks` chunks. Once a graph is being built on its own thread, the
   * pool gives up one thread, so the graph (the longest job) has a core to itself and the memory of
   * the thread that would only compete with it is freed.
   */
  async chunkRunner(chunks: number): Promise<TaskRunner> {
    const runner = await this.runner(Math.ceil(chunks / CHUNKS_PER_UNIT));
    if (this.graphPool && runner === this.pool && this.pool.size === this.threads && this.threads >= 2) await this.pool.shrink(this.threads - 1);
    return runner;
  }

  /** The runner that holds an HNSW graph of `points` while it is built (graph tasks are stateful: one thread). */
  async graphRunner(points: number): Promise<TaskRunner> {
    this.assertOpen();
    if (this.graphPool) return this.graphPool;
    if (this.threads < 2 || (!this.forced && points < GRAPH_THREAD_MIN_POINTS)) return this.inline;
    this.graphPool = new WorkerPool(1, this.setup, "zonebot-ingest-graph");
    return this.graphPool;
  }

  /**
   * Ends the work pool once only the graph is left to finish: its threads hold a tokeniser
   * dictionary and a heap each, which the write that follows can use better.
   */
  async releaseWorkers(): Promise<void> {
    const pool = this.pool;
    if (!pool) return;
    this.usedBefore += pool.threads;
    this.pool = undefined;
    await pool.close();
  }

  /** Terminates every thread; resolves once they have exited (the same promise for every caller). */
  close(): Promise<void> {
    this.closing ??= Promise.all([this.pool?.close(), this.graphPool?.close(), this.inline.close()]).then(() => undefined);
    return this.closing;
  }

  private assertOpen(): void {
    if (this.closing) throw new Error("the ingest executor is closed");
  }
}
