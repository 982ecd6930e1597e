import type { Answer, Turn } from "../../src/brain/types.js";
import { afterAll, afterEach, beforeAll } from "vitest";
import type { Config } from "../../src/config/index.js";
import type { Engine } from "../../src/engine/index.js";
import { startLocalBot, type LocalBot, type LocalBotOptions } from "../../src/app/index.js";
import type { StoredMessage } from "../../src/lark/emulator/index.js";
import { createJsonLogger, type BotActivity, type BotEngine } from "../../src/lark/index.js";
import { StateStore } from "../../src/store/state-store.js";
import { seedEngine } from "../support/engine.js";

export interface Harness extends LocalBot {
  activities: BotActivity[];
  state: StateStore;
  /** Resolves with the first activity matching, waiting up to `timeoutMs`. */
  waitForActivity<T extends BotActivity["type"]>(type: T, match?: (a: Extract<BotActivity, { type: T }>) => boolean, timeoutMs?: number): Promise<Extract<BotActivity, { type: T }>>;
  /** Waits until the queue is empty (all answers sent). */
  settled(): Promise<void>;
}

const logLevel = process.env.ZONEBOT_TEST_LOG === "1" ? "debug" : "silent";

/** Emulator + bot on loopback with a fresh in-memory state store and fast retries. */
export async function startHarness(config: Config, engine: BotEngine, options: LocalBotOptions = {}): Promise<Harness> {
  const activities: BotActivity[] = [];
  const waiters = new Set<() => void>();
  const state = options.state ?? StateStore.openFile(":memory:");
  const local = await startLocalBot(config, engine, {
    logger: createJsonLogger(logLevel),
    retry: { baseDelayMs: 10, maxDelayMs: 2000 },
    ...options,
    tuning: { streamIntervalMs: 50, ...options.tuning },
    state,
    onActivity: (activity) => {
      activities.push(activity);
      options.onActivity?.(activity);
      for (const waiter of [...waiters]) waiter();
    },
  });
  const waitForActivity: Harness["waitForActivity"] = (type, match = () => true, timeoutMs = 5000) =>
    new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = activities.find((a) => a.type === type && match(a as never));
        if (!found) return false;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(found as never);
        return true;
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`timed out waiting for activity ${type}; saw ${JSON.stringify(activities.map((a) => a.type))}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  return {
    ...local,
    activities,
    state,
    waitForActivity,
    settled: async () => {
      await local.bot.app.settled(10_000);
    },
    close: async () => {
      await local.close();
      if (!options.state) state.close();
    },
  };
}

/** The card JSON a bot message carries (raw 2.0 card, or a CardKit entity's current card). */
/** A file's bots over the seed engine: built once per file, every bot started closed after its test. */
export interface SeedBots {
  readonly engine: Engine;
  readonly config: Config;
  /** Starts a bot over `engine` (the seed engine, or a wrapper of it); it is closed after the test. */
  start(engine: BotEngine, options?: LocalBotOptions): Promise<Harness>;
  /** Closes the running bot now (a test that checks what closing does). */
  close(): Promise<void>;
}

/** Registers the hooks: call once at the top of a test file (or describe block). */
export function seedBots(): SeedBots {
  let seeded: Awaited<ReturnType<typeof seedEngine>> | undefined;
  let running: Harness | undefined;
  const close = async () => {
    const harness = running;
    running = undefined;
    await harness?.close();
  };
  beforeAll(async () => {
    seeded = await seedEngine();
  });
  afterAll(() => seeded?.cleanup());
  afterEach(close);
  const ready = () => {
    if (!seeded) throw new Error("seedBots(): the seed engine is built in beforeAll");
    return seeded;
  };
  return {
    get engine() {
      return ready().engine;
    },
    get config() {
      return ready().config;
    },
    async start(engine, options = {}) {
      running = await startHarness(ready().config, engine, options);
      return running;
    },
    close,
  };
}

export function cardOf(harness: Harness, message: StoredMessage): Record<string, unknown> {
  if (message.card_id) return harness.emulator.cards.get(message.card_id)?.card ?? {};
  return message.body as Record<string, unknown>;
}

/** All text of a card (markdown contents, button labels), joined, for assertions. */
export function cardText(card: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const record = node as Record<string, unknown>;
      if (typeof record.content === "string") parts.push(record.content);
      for (const value of Object.values(record)) if (typeof value === "object") walk(value);
    }
  };
  walk(card);
  return parts.join("\n");
}

/**
 * An engine that looks like the LLM brain to the bot: `defaultBrain` is `llm`, and `ask` streams the
 * offline answer through `onText` in a few steps before returning it (with `brain: "llm"`).
 */
export function fakeLlmEngine(engine: BotEngine, options: { steps?: number; stepMs?: number; fail?: Error; failAfterSteps?: number } = {}): BotEngine {
  return {
    corpus: engine.corpus,
    tools: engine.tools,
    defaultBrain: "llm",
    async ask(question: string, history: Turn[] = [], askOptions = {}): Promise<Answer> {
      const answer = await engine.ask(question, history, { brain: "offline" });
      const steps = options.steps ?? 4;
      for (let i = 1; i <= steps; i += 1) {
        if (options.fail && i > (options.failAfterSteps ?? 0)) throw options.fail;
        await new Promise((resolve) => setTimeout(resolve, options.stepMs ?? 40));
        askOptions.onText?.(answer.answer.slice(0, Math.ceil((answer.answer.length * i) / steps)));
      }
      if (options.fail) throw options.fail;
      return { ...answer, brain: "llm" };
    },
  };
}

/** An engine whose ask() waits (to test acks, ordering and drain) or throws. */
export function slowEngine(engine: BotEngine, options: { delayMs?: number; fail?: Error } = {}): BotEngine & { calls: string[] } {
  const calls: string[] = [];
  return {
    corpus: engine.corpus,
    tools: engine.tools,
    defaultBrain: engine.defaultBrain,
    calls,
    async ask(question, history, askOptions) {
      calls.push(question);
      await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 0));
      if (options.fail) throw options.fail;
      return engine.ask(question, history, askOptions);
    },
  };
}

export const QUESTION = "青岛开发区2022年外贸进出口总额的增长目标是多少？";
