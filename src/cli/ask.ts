import { createInterface } from "node:readline";
import type { Engine } from "../engine/index.js";
import { answerRecord, printAnswer } from "./output.js";

export interface AskOptions {
  json?: boolean;
  jsonl?: boolean;
  brain: string;
}

export async function runAsk(engine: Engine, question: string, options: AskOptions): Promise<void> {
  if (options.jsonl) return answerLines(engine, options);
  if (!question.trim()) throw new Error('no question given: zonebot ask "青岛开发区2022年计划新签约过亿元项目多少个？"');
  const answer = await engine.ask(question, [], { brain: brainOf(options.brain) });
  if (options.json) process.stdout.write(`${JSON.stringify(answerRecord(answer))}\n`);
  else printAnswer(answer);
}

/** One JSON object per stdin line in, one per stdout line out; malformed lines get an error record. */
export function brainOf(choice: string): "offline" | "llm" | "auto" {
  return choice === "offline" || choice === "llm" ? choice : "auto";
}

async function answerLines(engine: Engine, options: AskOptions): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let id: unknown = null;
    try {
      const parsed = JSON.parse(line) as { id?: unknown; question?: unknown };
      id = parsed.id ?? null;
      if (typeof parsed.question !== "string") throw new Error('each line needs a string "question"');
      const answer = await engine.ask(parsed.question, [], { brain: brainOf(options.brain) });
      process.stdout.write(`${JSON.stringify(answerRecord(answer, id))}\n`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      process.stdout.write(`${JSON.stringify({ id, question: null, answer: "", found: false, citations: [], facts: [], error: message })}\n`);
    }
  }
}
