/**
 * An engine module for the answering worker in tests (`engineModule: new URL(this file)`): the real
 * engine over the data dir, plus questions that misbehave on purpose and an optional block of the
 * worker's thread before every answer (`moduleData: { blockMs }`).
 *
 *   "crash:throw"  an uncaught exception in the worker          "crash:exit"  process.exit(3) in the worker
 *   "fail:<text>"  ask rejects with Error(<text>)               "hang"        never answers (busy for 10 min)
 *   "block:<ms> …" blocks the worker's thread <ms> ms, then answers the rest of the question
 *   "stream:<n>"   calls onText n times, then answers
 *   "priority"     answers with the OS priority (nice value) of the worker's thread
 */
import { getPriority } from "node:os";
import { createEngine as createRealEngine, type AskOptions, type EngineOptions } from "../../src/engine/index.js";
import type { Config } from "../../src/config/index.js";
import type { Turn } from "../../src/brain/types.js";

function block(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy: the worker's thread does nothing else meanwhile
  }
}

export async function createEngine(config: Config, options: EngineOptions & { data?: unknown }) {
  const data = (options.data ?? {}) as { blockMs?: number; failStart?: boolean };
  if (data.failStart) throw new Error("the test engine refuses to start");
  const engine = await createRealEngine(config, options);
  return {
    defaultBrain: engine.defaultBrain,
    corpus: engine.corpus,
    close: () => engine.close(),
    async ask(question: string, history: Turn[] = [], askOptions: AskOptions = {}) {
      if (data.blockMs) block(data.blockMs);
      if (question === "crash:throw") {
        setImmediate(() => {
          throw new Error("worker blew up");
        });
        return new Promise<never>(() => undefined);
      }
      if (question === "crash:exit") process.exit(3);
      if (question === "hang") {
        block(600_000);
      }
      if (question.startsWith("fail:")) throw new TypeError(question.slice(5));
      if (question === "priority") {
        const answer = await engine.ask("青岛开发区2022年外贸进出口总额的增长目标是多少？", history, { ...askOptions, brain: "offline" });
        return { ...answer, answer: String(getPriority(0)) };
      }
      const blockMatch = /^block:(\d+) (.*)$/s.exec(question);
      if (blockMatch) {
        block(Number(blockMatch[1]));
        return engine.ask(blockMatch[2]!, history, askOptions);
      }
      const streamMatch = /^stream:(\d+)$/.exec(question);
      if (streamMatch) {
        const answer = await engine.ask("青岛开发区2022年外贸进出口总额的增长目标是多少？", history, { ...askOptions, brain: "offline" });
        const steps = Number(streamMatch[1]);
        for (let i = 1; i <= steps; i += 1) askOptions.onText?.(answer.answer.slice(0, Math.ceil((answer.answer.length * i) / steps)));
        return answer;
      }
      return engine.ask(question, history, askOptions);
    },
  };
}
