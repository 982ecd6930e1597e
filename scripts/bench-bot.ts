/**
 * Bot bench: the Feishu bot against the emulator on loopback, webhook (encrypted + signed) and long
 * connection. `node --import tsx scripts/bench-bot.ts [--quick]`. Prints a Markdown table and writes
 * bench/bot-latest.json. Figures: ack latency (what Feishu's 3 s rule is about), time from delivery to
 * the answer card stored by the emulator, and answers per second with many chats at once.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { startLocalBot, type LocalBot } from "../src/app/index.js";
import { loadConfig, PROJECT_ROOT } from "../src/config/index.js";
import { createEngine } from "../src/engine/index.js";
import { silentLogger } from "../src/lark/index.js";
import { StateStore } from "../src/store/state-store.js";
import { readEvalQuestions } from "../tests/support/engine.js";

const quick = process.argv.includes("--quick");
const QUESTIONS = quick ? 60 : 240;
const CHATS = 12;
const IN_FLIGHT = 12;
const rows: [string, string][] = [];
const report = (name: string, value: string): void => {
  rows.push([name, value]);
  process.stderr.write(`${name}: ${value}\n`);
};

const dataDir = mkdtempSync(path.join(tmpdir(), "zonebot-bench-bot-"));
const config = loadConfig({ ZONEBOT_SEEDS_DIR: path.join(PROJECT_ROOT, "seeds") }, { dataDir });
const engine = await createEngine(config);
const questions = readEvalQuestions().map((q) => q.question);
const tuning = { rateLimit: { limit: 1000, windowMs: 60_000 }, queue: { maxPerChat: 1000, maxTotal: 10_000, concurrency: 4 } };

try {
  await run("webhook", await startLocalBot(config, engine, {
    logger: silentLogger, encryptKey: "bench-key", verificationToken: "bench-token", tuning, state: StateStore.openFile(":memory:"),
  }));
  await run("ws", await startLocalBot(config, engine, { logger: silentLogger, transport: "ws", tuning, state: StateStore.openFile(":memory:") }));
} finally {
  engine.close();
  rmSync(dataDir, { recursive: true, force: true });
}

const table = ["| measure | value |", "|---|---|", ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join("\n");
process.stdout.write(`${table}\n`);
mkdirSync(path.join(PROJECT_ROOT, "bench"), { recursive: true });
writeFileSync(path.join(PROJECT_ROOT, "bench", "bot-latest.json"), `${JSON.stringify({ at: new Date().toISOString(), quick, rows: Object.fromEntries(rows) }, null, 2)}\n`);

async function run(mode: "webhook" | "ws", local: LocalBot): Promise<void> {
  const { emulator } = local;
  const acks: number[] = [];
  const sentAt = new Map<string, number>();
  const events = Array.from({ length: QUESTIONS }, (_, i) => emulator.events.textMessage({
    chatType: i % 2 === 0 ? "p2p" : "group", mentionBot: true, chatId: i % 2 === 0 ? undefined : `oc_bench_${i % CHATS}`,
    senderId: `ou_bench_${i % CHATS}`, text: questions[i % questions.length]!,
  }));
  const started = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < events.length) {
      const event = events[next++]!;
      const t = performance.now();
      sentAt.set(event.event.message.message_id, Date.now());
      if (mode === "webhook") {
        const result = await emulator.deliver(event, { redeliver: false });
        if (!result.delivered) throw new Error(`delivery failed: ${JSON.stringify(result.attempts)}`);
      } else {
        const ack = await emulator.pushEvent(event);
        if (ack.code !== 200) throw new Error(`ack ${ack.code}`);
      }
      acks.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const replies = await emulator.waitForMessages((m) => m.origin === "reply", QUESTIONS, 120_000);
  const elapsed = performance.now() - started;
  const answers = replies.map((m) => m.create_time - (sentAt.get(m.parent_id ?? "") ?? m.create_time));
  report(`${mode}: ack p50 / p99 (${QUESTIONS} questions, ${IN_FLIGHT} in flight)`, `${ms(pct(acks, 0.5))} / ${ms(pct(acks, 0.99))}`);
  report(`${mode}: delivery → answer card p50 / p99`, `${ms(pct(answers, 0.5))} / ${ms(pct(answers, 0.99))}`);
  report(`${mode}: answers per second (${CHATS} chats)`, (QUESTIONS / (elapsed / 1000)).toFixed(1));
  await local.close();
  local.bot.state.close();
}

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 2 : 0)} ms`;
}
