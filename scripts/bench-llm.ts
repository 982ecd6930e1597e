/**
 * LLM brain bench: agent overhead per answer outside model time, against the scripted loopback model.
 * `npx tsx scripts/bench-llm.ts [--passes N]` (default 3 passes over the 42 public questions).
 *
 * Overhead = wall time of `answer()` minus the model's own time, measured on the server side (request
 * body received → last byte of the response). So it covers everything the agent does: LangChain's message
 * conversion and request building, the HTTP client and SSE parsing, tool calls (search, facts), the number
 * guard, the stream gate and citations. The first answer also pays the lazy LangChain import; it is reported
 * separately. (The brain's own `lastTiming.modelMs` is client-side and includes LangChain's per-call work.)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { loadConfig, PROJECT_ROOT } from "../src/config/index.js";
import { createEngine } from "../src/engine/index.js";
import type { LlmEvent } from "../src/brain/llm/index.js";
import { startOpenAIServer } from "../tests/support/openai-server.js";
import { readEvalQuestions } from "../tests/support/engine.js";
import { echoModel } from "../tests/llm/helpers.js";

const passesArg = process.argv.indexOf("--passes");
const passes = passesArg > 0 ? Number(process.argv[passesArg + 1]) : 3;

const server = await startOpenAIServer({ whenExhausted: echoModel });
const dataDir = mkdtempSync(path.join(tmpdir(), "zonebot-bench-llm-"));
const events: LlmEvent[] = [];
try {
  const config = loadConfig({
    ZONEBOT_SEEDS_DIR: path.join(PROJECT_ROOT, "seeds"),
    LLM_BASE_URL: server.url, LLM_API_KEY: "bench", LLM_MODEL: "scripted-model", LLM_TIMEOUT_MS: "20000",
  }, { dataDir });
  const engine = await createEngine(config, { llm: { onEvent: (e) => events.push(e) } });
  const brain = engine.llm!;
  const questions = readEvalQuestions();

  /** Server-side model time of the chat requests made since `from`. */
  const serverTime = (from: number) => server.chat.requests.slice(from).reduce((sum, r) => sum + (r.durationMs ?? 0), 0);

  const started = performance.now();
  let from = server.chat.requests.length;
  await brain.answer(questions[0]!.question);
  const coldTotal = performance.now() - started;
  report("first answer (includes lazy LangChain import)", `${ms(coldTotal)} total, ${ms(coldTotal - serverTime(from))} outside the model`);

  const overhead: number[] = [];
  const streamed: number[] = [];
  const model: number[] = [];
  let calls = 0;
  for (let pass = 0; pass < passes; pass++) {
    for (const [i, q] of questions.entries()) {
      const stream = i % 2 === 1;
      from = server.chat.requests.length;
      const t0 = performance.now();
      await brain.answer(q.question, [], stream ? { onText: () => undefined } : {});
      const total = performance.now() - t0;
      await new Promise((resolve) => setImmediate(resolve));
      const modelMs = serverTime(from);
      (stream ? streamed : overhead).push(total - modelMs);
      model.push(modelMs);
      calls += brain.lastTiming!.modelCalls;
    }
  }
  const all = [...overhead, ...streamed];
  report(`answers`, `${all.length} (${passes} passes × ${questions.length} questions), ${(calls / all.length).toFixed(2)} model calls each, ${events.filter((e) => e.type === "fallback").length} fallbacks`);
  report("overhead outside the model p50 / p95 / max", `${ms(pct(all, 0.5))} / ${ms(pct(all, 0.95))} / ${ms(Math.max(...all))}`);
  report("  without onText / with onText (p50)", `${ms(pct(overhead, 0.5))} / ${ms(pct(streamed, 0.5))}`);
  report("model time (scripted loopback server, server side) p50", ms(pct(model, 0.5)));
  report("target", `≤ 30 ms per answer outside model time → ${pct(all, 0.95) <= 30 ? "met (p95)" : "NOT met at p95"}`);
  engine.close();
} finally {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}

function report(name: string, value: string): void {
  process.stdout.write(`${name}: ${value}\n`);
}

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

function ms(value: number): string {
  return `${value.toFixed(2)} ms`;
}
