import { IdleWaiters } from "./idle-waiters.js";
/** Work for one chat; runs after the event was acked. */
export type Job = () => Promise<void>;

export interface ChatQueueOptions {
  /** Jobs waiting per chat beyond the one running (default 5). */
  maxPerChat?: number;
  /** Jobs waiting or running over all chats (default 200). */
  maxTotal?: number;
  /** Chats answered at the same time (default 4). */
  concurrency?: number;
  /** A job threw (jobs are expected to handle their own errors; this is the last resort). */
  onError?: (error: unknown) => void;
  /** Awaited before a job starts (the App waits here until pending acks are written). */
  beforeStart?: () => Promise<void>;
}

/**
 * Per-chat FIFO: the jobs of one chat run one after another in arrival order (so answers keep the order
 * of questions), different chats in parallel up to `concurrency`. Bounded: `push` refuses when the chat
 * or the whole queue is full, and the caller tells the user to try later.
 */
export class ChatQueue {
  private readonly chats = new Map<string, Job[]>();
  private readonly running = new Set<string>();
  private readonly ready: string[] = [];
  private readonly idleWaiters = new IdleWaiters();
  private pending = 0;
  private readonly maxPerChat: number;
  private readonly maxTotal: number;
  private readonly concurrency: number;

  constructor(private readonly options: ChatQueueOptions = {}) {
    this.maxPerChat = options.maxPerChat ?? 5;
    this.maxTotal = options.maxTotal ?? 200;
    this.concurrency = options.concurrency ?? 4;
  }

  /** Jobs waiting or running. */
  get size(): number {
    return this.pending;
  }

  get activeChats(): number {
    return this.running.size;
  }

  push(chatId: string, job: Job): boolean {
    const waiting = this.chats.get(chatId) ?? [];
    if (this.pending >= this.maxTotal || waiting.length >= this.maxPerChat) return false;
    waiting.push(job);
    this.chats.set(chatId, waiting);
    this.pending += 1;
    if (!this.running.has(chatId) && waiting.length === 1) this.ready.push(chatId);
    this.pump();
    return true;
  }

  /** Resolves true once nothing is waiting or running, false if `timeoutMs` passes first. */
  idle(timeoutMs = Infinity): Promise<boolean> {
    return this.idleWaiters.wait(this.pending === 0, timeoutMs);
  }


  /**
   * Starts jobs up to the concurrency. A job never starts inside push(): it starts on a later turn of
   * the event loop (setImmediate), so the event that queued it is acknowledged first, and between two
   * answers pending I/O (other acks) gets its turn.
   */
  private pump(): void {
    while (this.running.size < this.concurrency && this.ready.length > 0) {
      const chatId = this.ready.shift()!;
      const jobs = this.chats.get(chatId);
      const job = jobs?.shift();
      if (!jobs || !job) continue;
      this.running.add(chatId);
      setImmediate(() => void this.runJob(chatId, jobs, job));
    }
  }

  private async runJob(chatId: string, jobs: Job[], job: Job): Promise<void> {
    try {
      await this.options.beforeStart?.();
      await job();
    } catch (error) {
      this.options.onError?.(error);
    } finally {
      this.pending -= 1;
      this.running.delete(chatId);
      if (jobs.length > 0) this.ready.push(chatId);
      else this.chats.delete(chatId);
      this.pump();
      if (this.pending === 0) this.idleWaiters.notify();
    }
  }
}
