import { getPriority } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Turn } from "../../src/brain/types.js";
import type { Config } from "../../src/config/index.js";
import type { Engine } from "../../src/engine/index.js";
import { AnswerQueueFullError, AnswerWorker, AskTimeoutError, createWorkerEngine, WorkerCrashedError, type AnswerWorkerEvent, type WorkerEngine } from "../../src/engine/worker-engine.js";
import type { UsageRecord } from "../../src/brain/llm/index.js";
import { readEvalQuestions, seedEngine, tempConfig } from "../support/engine.js";
import { startOpenAIServer } from "../support/openai-server.js";
import { echoModel, llmConfig } from "../llm/helpers.js";

const TEST_ENGINE = new URL("../support/worker-test-engine.ts", import.meta.url);
const QUESTION = "青岛开发区2022年外贸进出口总额的增长目标是多少？";
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
/** The error a promise rejects with (a resolution fails the test). */
const failure = (promise: Promise<unknown>): Promise<Error> =>
  promise.then(() => { throw new Error("expected a rejection"); }, (error: unknown) => error as Error);

let local: Engine;
let config: Config;
let cleanup: () => void;

beforeAll(async () => {
  ({ engine: local, config, cleanup } = await seedEngine());
});
afterAll(() => cleanup?.());

describe("createWorkerEngine", () => {
  let engine: WorkerEngine;
  beforeAll(async () => {
    engine = await createWorkerEngine(config, { local });
  });
  afterAll(async () => {
    await engine?.close();
  });

  it("answers in another thread exactly as the in-process engine does", async () => {
    const questions = readEvalQuestions().slice(0, 6).map((q) => q.question);
    for (const question of questions) {
      const [inWorker, inProcess] = [await engine.ask(question), await local.ask(question)];
      expect(plain(inWorker)).toEqual(plain(inProcess));
    }
    // A follow-up: the history (with its frames) crosses the thread boundary too.
    const first = await local.ask(QUESTION);
    const history: Turn[] = [{ question: QUESTION, answer: first.answer, frame: first.frame }];
    const followUp = "2023年呢？";
    expect(plain(await engine.ask(followUp, history))).toEqual(plain(await local.ask(followUp, history)));
    expect(engine.answerer.stats()).toMatchObject({ ready: true, inFlight: 0, waiting: 0, restarts: 0, generation: local.corpus.generation });
    expect(engine.answerer.thread()!.threadId).toBeGreaterThan(0);
  });

  it("serves corpus, tools and the offline brain from the main thread's engine", () => {
    expect(engine.corpus).toBe(local.corpus);
    expect(engine.tools).toBe(local.tools);
    expect(engine.offline).toBe(local.offline);
    expect(engine.defaultBrain).toBe("offline");
  });

  it("keeps the order of asks", async () => {
    const questions = readEvalQuestions().slice(0, 12).map((q) => q.question);
    const settled: number[] = [];
    await Promise.all(questions.map((q, i) => engine.ask(q).then(() => settled.push(i))));
    expect(settled).toEqual(questions.map((_, i) => i));
  });
});

describe("AnswerWorker with a misbehaving engine", () => {
  let worker: AnswerWorker;
  const events: AnswerWorkerEvent[] = [];
  beforeAll(async () => {
    worker = await AnswerWorker.start(config, { engineModule: TEST_ENGINE, maxInFlight: 2, maxQueued: 3, askTimeoutMs: 1500, livenessTimeoutMs: 2000, onEvent: (e) => events.push(e) });
  });
  afterAll(async () => {
    await worker?.close();
  });

  it("rejects with the error's message and name", async () => {
    const error = await failure(worker.ask("fail:没有这个功能区"));
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe("没有这个功能区");
    expect(error.name).toBe("TypeError");
    expect((await worker.ask(QUESTION)).found).toBe(true);
  });

  it("forwards onText as the worker streams", async () => {
    const texts: string[] = [];
    const answer = await worker.ask("stream:3", [], { onText: (text) => texts.push(text) });
    expect(texts).toHaveLength(3);
    expect(texts.at(-1)).toBe(answer.answer);
    expect(texts[0]!.length).toBeLessThan(answer.answer.length);
  });

  it("a crashed worker is restarted: its in-flight asks are rejected, the waiting ones answered by the next", async () => {
    const restartsBefore = worker.stats().restarts;
    const crashing = failure(worker.ask("crash:exit"));
    const inFlight = failure(worker.ask(QUESTION)); // sent with it: the worker is gone before reading it
    const waiting = worker.ask(QUESTION); // waits here (maxInFlight 2), goes to the new worker
    const crash = await crashing;
    expect(crash).toBeInstanceOf(WorkerCrashedError);
    expect(crash.message).toMatch(/exit code 3/);
    expect(await inFlight).toBeInstanceOf(WorkerCrashedError);
    expect((await waiting).found).toBe(true);
    expect(worker.stats().restarts).toBe(restartsBefore + 1);
    expect(events.filter((e) => e.type === "crashed").at(-1)).toMatchObject({ rejected: 2 });
    expect(events.some((e) => e.type === "restarted")).toBe(true);

    const thrown = await failure(worker.ask("crash:throw"));
    expect(thrown).toBeInstanceOf(WorkerCrashedError);
    expect(thrown.message).toMatch(/worker blew up/);
    expect((await worker.ask(QUESTION)).found).toBe(true);
    expect(worker.stats().restarts).toBe(restartsBefore + 2);
  });

  it("an ask over its time is rejected; a stuck thread is replaced, a live one kept", async () => {
    const restartsBefore = worker.stats().restarts;
    // Slow but alive: the thread answers the ping once the 1.8 s block is over (liveness allows 2 s).
    const slow = await failure(worker.ask("block:1800 " + QUESTION));
    expect(slow).toBeInstanceOf(AskTimeoutError);
    expect((await worker.ask(QUESTION)).found).toBe(true);
    expect(worker.stats().restarts).toBe(restartsBefore);
    // Stuck: no pong, so the worker is terminated; what was sent after the timeout waits for the new one.
    const hung = await failure(worker.ask("hang"));
    expect(hung).toBeInstanceOf(AskTimeoutError);
    expect(hung.message).toMatch(/longer than 1500 ms/);
    expect((await worker.ask(QUESTION)).found).toBe(true);
    expect(worker.stats().restarts).toBe(restartsBefore + 1);
    expect(events.filter((e) => e.type === "crashed").at(-1)).toMatchObject({ reason: expect.stringMatching(/did not respond/), rejected: 0 });
  });

  it("bounds what waits", async () => {
    const asks = Array.from({ length: 6 }, () => worker.ask("block:100 " + QUESTION).then(() => "ok", (e: unknown) => e));
    const results = await Promise.all(asks);
    expect(results.slice(0, 5)).toEqual(["ok", "ok", "ok", "ok", "ok"]); // 2 in flight + 3 waiting
    expect(results[5]).toBeInstanceOf(AnswerQueueFullError);
  });
});

describe("priority", () => {
  it.runIf(process.platform === "linux")("answers at a lower OS priority than the receiving thread (acks first when both want a core)", async () => {
    const worker = await AnswerWorker.start(config, { engineModule: TEST_ENGINE, maxInFlight: 1 });
    try {
      expect((await worker.ask("priority")).answer).toBe("10");
      expect(getPriority(0)).toBe(0);
    } finally {
      await worker.close();
    }
  });
});

describe("start and close", () => {
  it("close() rejects what is pending and terminates the thread", async () => {
    const worker = await AnswerWorker.start(config, { engineModule: TEST_ENGINE, maxInFlight: 1 });
    const thread = worker.thread()!;
    const exited = new Promise<number>((resolve) => thread.once("exit", resolve));
    const running = failure(worker.ask("block:300 " + QUESTION));
    const waiting = failure(worker.ask(QUESTION));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await worker.close();
    expect((await running).message).toMatch(/closed/);
    expect((await waiting).message).toMatch(/closed/);
    await expect(worker.ask(QUESTION)).rejects.toThrow(/closed/);
    await exited;
    expect(worker.thread()).toBeUndefined();
    await worker.close(); // idempotent
  });

  it("createWorkerEngine without a local engine opens one and closes it again", async () => {
    const engine = await createWorkerEngine(config);
    expect((await engine.ask(QUESTION)).found).toBe(true);
    expect(engine.corpus.articles.size).toBe(local.corpus.articles.size);
    await engine.close();
    expect(() => engine.corpus.store.articles()).toThrow();
  });

  it("a worker that cannot start rejects start-up and leaves nothing running", async () => {
    await expect(AnswerWorker.start(config, { engineModule: TEST_ENGINE, moduleData: { failStart: true } }))
      .rejects.toThrow("the test engine refuses to start");
    const missing = tempConfig("zonebot-worker-missing-");
    try {
      await expect(AnswerWorker.start(missing.config)).rejects.toThrow(/index|corpus|ingest/i);
    } finally {
      missing.cleanup();
    }
  });
});

describe("the LLM brain in the worker", () => {
  it("streams onText and forwards token usage over the thread boundary", async () => {
    const server = await startOpenAIServer({ whenExhausted: echoModel });
    const temp = tempConfig("zonebot-worker-llm-");
    const usage: UsageRecord[] = [];
    let engine: WorkerEngine | undefined;
    try {
      const llm = llmConfig(server, temp.dataDir);
      engine = await createWorkerEngine(llm, { llm: { onUsage: (u) => usage.push(u), onEvent: () => undefined } });
      expect(engine.defaultBrain).toBe("llm");
      const texts: string[] = [];
      const answer = await engine.ask("青岛开发区2022年新签约入驻企业的目标是多少？", [], { chatId: "oc_worker", onText: (t) => texts.push(t) });
      expect(answer.brain).toBe("llm");
      expect(texts.length).toBeGreaterThan(0);
      expect(usage.length).toBeGreaterThan(0);
      expect(usage[0]!.chatId).toBe("oc_worker");
      expect(engine.llm!.usage.get("oc_worker")?.answers).toBeGreaterThan(0);
    } finally {
      await engine?.close();
      await server.close();
      temp.cleanup();
    }
  });
});
