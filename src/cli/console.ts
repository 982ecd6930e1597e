import { createInterface } from "node:readline/promises";
import type { Turn } from "../brain/index.js";
import type { Engine } from "../engine/index.js";
import { printAnswer } from "./output.js";

/** A terminal chat over the same engine, keeping turns for follow-ups (「那2021年呢？」). */
export async function runConsole(engine: Engine): Promise<void> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const history: Turn[] = [];
  process.stdout.write("zonebot（离线模式）— 输入问题，空行退出。\n");
  for (;;) {
    const question = (await rl.question("> ").catch(() => "")).trim();
    if (!question) break;
    const answer = await engine.ask(question, history.slice(-6));
    history.push({ question, answer: answer.answer, frame: answer.frame });
    printAnswer(answer);
  }
  rl.close();
}
