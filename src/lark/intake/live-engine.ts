import type { BotEngine } from "../types.js";

/** How to release an engine once nobody uses it (the given one: nothing; a reopened one: close its store). */
type Release = () => void | Promise<void>;

/**
 * The engine the bot answers from, swappable at run time: after an ingest the new generation is opened
 * and swapped in, while questions already being answered finish on the engine they started with (the
 * previous generation). An engine the bot opened is closed when its last question is answered; the
 * engine given at start-up belongs to the caller and is never closed here.
 */
export class LiveEngine implements BotEngine {
  private current: BotEngine;
  private readonly owned = new Map<BotEngine, Release>();
  private readonly busy = new Map<BotEngine, number>();

  /** `release` is called once `initial` is retired and idle; without it the caller keeps and closes it. */
  constructor(initial: BotEngine, release?: Release) {
    this.current = initial;
    if (release) this.owned.set(initial, release);
  }

  get corpus(): BotEngine["corpus"] {
    return this.current.corpus;
  }

  get tools(): BotEngine["tools"] {
    return this.current.tools;
  }

  get defaultBrain(): BotEngine["defaultBrain"] {
    return this.current.defaultBrain;
  }

  get generation(): string {
    return this.current.corpus.generation;
  }

  async ask(...args: Parameters<BotEngine["ask"]>): ReturnType<BotEngine["ask"]> {
    const engine = this.current;
    this.busy.set(engine, (this.busy.get(engine) ?? 0) + 1);
    try {
      return await engine.ask(...args);
    } finally {
      const left = (this.busy.get(engine) ?? 1) - 1;
      if (left > 0) this.busy.set(engine, left);
      else this.busy.delete(engine);
      this.closeIfRetired(engine);
    }
  }

  /** Answers from `next` from now on; the previous engine is released once its questions are answered. */
  swap(next: BotEngine, release: Release): void {
    const previous = this.current;
    this.owned.set(next, release);
    this.current = next;
    this.closeIfRetired(previous);
  }

  /** Releases every engine it holds (at shutdown). */
  async close(): Promise<void> {
    const releases = [...this.owned.values()];
    this.owned.clear();
    await Promise.all(releases.map((release) => release()));
  }

  private closeIfRetired(engine: BotEngine): void {
    const release = this.owned.get(engine);
    if (engine === this.current || this.busy.has(engine) || !release) return;
    this.owned.delete(engine);
    void Promise.resolve(release()).catch(() => undefined);
  }
}
