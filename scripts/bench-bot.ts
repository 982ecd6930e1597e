/**
 * Bot bench: the Feishu bot against the emulator on loopback (one process), webhook mode with
 * encrypted + signed events, and the long connection for comparison.
 * `node --expose-gc --import tsx scripts/bench-bot.ts [--quick]`
 *
 *  1. Acknowledgement latency p50/p99 with 50 concurrent events: rounds of 50 deliveries fired at
 *     once while the answers of earlier rounds are still being worked out (target p99 ≤ 50 ms).
 *  2. Sustained questions per second answered through the emulator (50 in flight), and the time
 *     from delivery to the answer card stored by the emulator.
 *  3. RSS after 10,000 events (webhook): questions and group chatter without @; the emulator's own
 *     message store lives in the same process and is part of the figure.
 *
 * Bounded loops on loopback only; it stops by itself. Prints a table, writes bench/bot-latest.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { startLocalBot, type LocalBot } from "../src/app/index.js";
import { loadConfig, PROJECT_ROOT } from "../src/config/index.js";
import { createEngine } from "../src/engine/index.js";
import type { EventEnvelope, ReceiveMessageEvent } from "../src/lark/emulator/index.js";
import { silentLogger } from "../src/lark/index.js";
import { StateStore } from "../src/store/state-store.js";
import { readEvalQuestions } from "../tests/support/engine.js";

const quick = process.argv.includes("--quick");
const CONCURRENT = 50;
const ACK_ROUNDS = quick ? 4 : 12;
const SUSTAINED = quick ? 200 : 600;
const RSS_EVENTS = quick ? 2000 : 10_000;
/** Every RSS_QUESTION_EVERY-th event of the RSS run is a question; the others are group chatter without @. */
const RSS_QUESTION_EVERY = 4;
const rows: Array<[string, string]> = [];
const figures: Record<string, number> = {};
const report = (name: string, value: string, key?: string, raw?: number): void => {
  rows.push([name, value]);
  if (key && raw !== undefined) figures[key] = Math.round(raw * 100) / 100;
  process.stderr.write(`${name}: ${value}\n`);
};

const dataDir = mkdtempSync(path.join(tmpdir(), "zonebot-bench-bot-"));
const config = loadConfig({ ZONEBOT_SEEDS_DIR: path.join(PROJECT_ROOT, "seeds") }, { dataDir });
const engine = await createEngine(config);
const questions = readEvalQuestions().map((q) => q.question);
// Limits out of the way: the bench measures the machinery, not the per-user rate limit.
const tuning = { rateLimit: { limit: 100_000, windowMs: 60_000 }, queue: { maxPerChat: 10_000, maxTotal: 100_000, concurrency: 4 } };
const gc = (globalThis as { gc?: () => void }).gc;

try {
  const webhook = await startLocalBot(config, engine, {
    logger: silentLogger, encryptKey: "bench-key", verificationToken: "bench-token", tuning, state: StateStore.openFile(":memory:"),
  });
  await bench("webhook", webhook, true);
  const ws = await startLocalBot(config, engine, { logger: silentLogger, transport: "ws", tuning, state: StateStore.openFile(":memory:") });
  await bench("ws", ws, false);
} finally {
  engine.close();
  rmSync(dataDir, { recursive: true, force: true });
}

const table = ["| measure | value |", "|---|---|", ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join("\n");
process.stdout.write(`${table}\n`);
mkdirSync(path.join(PROJECT_ROOT, "bench"), { recursive: true });
writeFileSync(
  path.join(PROJECT_ROOT, "bench", "bot-latest.json"),
  `${JSON.stringify({ at: new Date().toISOString(), quick, node: process.version, figures, rows: Object.fromEntries(rows) }, null, 2)}\n`,
);

async function bench(mode: "webhook" | "ws", local: LocalBot, withRss: boolean): Promise<void> {
  const { emulator } = local;
  let serial = 0;
  const question = (group: boolean): EventEnvelope<ReceiveMessageEvent> => {
    const i = serial++;
    return emulator.events.textMessage({
      chatType: group ? "group" : "p2p", mentionBot: group, chatId: group ? `oc_bench_${i % 40}` : undefined,
      senderId: `ou_bench_${i % 400}`, text: questions[i % questions.length]!,
    });
  };
  const send = async (event: EventEnvelope<ReceiveMessageEvent>): Promise<number> => {
    const t = performance.now();
    if (mode === "webhook") {
      const result = await emulator.deliver(event, { redeliver: false });
      if (!result.delivered) throw new Error(`delivery failed: ${JSON.stringify(result.attempts)}`);
    } else {
      const ack = await emulator.pushEvent(event);
      if (ack.code !== 200) throw new Error(`ack ${ack.code}`);
    }
    return performance.now() - t;
  };
  const repliesTo = (ids: Set<string>, count: number, timeoutMs: number) =>
    emulator.waitForMessages((m) => m.origin === "reply" && ids.has(m.parent_id ?? ""), count, timeoutMs);

  // 1. Acks: rounds of 50 at once, answering of earlier rounds still going on.
  const acks: number[] = [];
  const ackIds = new Set<string>();
  for (let round = 0; round < ACK_ROUNDS; round += 1) {
    const events = Array.from({ length: CONCURRENT }, (_, i) => question(i % 2 === 1));
    for (const e of events) ackIds.add(e.event.message.message_id);
    acks.push(...(await Promise.all(events.map(send))));
  }
  await repliesTo(ackIds, ackIds.size, 120_000);
  await local.bot.app.services.queue.idle(60_000);
  report(`${mode}: ack p50 / p99 (${CONCURRENT} concurrent × ${ACK_ROUNDS} rounds)`, `${ms(pct(acks, 0.5))} / ${ms(pct(acks, 0.99))}`,
    `${mode}.ack_p99_ms`, pct(acks, 0.99));
  figures[`${mode}.ack_p50_ms`] = Math.round(pct(acks, 0.5) * 100) / 100;

  // 2. Sustained: SUSTAINED questions, 50 in flight, until every answer card is stored.
  const sentAt = new Map<string, number>();
  const sustained = Array.from({ length: SUSTAINED }, (_, i) => question(i % 2 === 1));
  const started = performance.now();
  await pool(sustained, CONCURRENT, async (event) => {
    sentAt.set(event.event.message.message_id, Date.now());
    await send(event);
  });
  const replies = await repliesTo(new Set(sentAt.keys()), SUSTAINED, 300_000);
  const elapsed = performance.now() - started;
  const latencies = replies.map((m) => m.create_time - (sentAt.get(m.parent_id ?? "") ?? m.create_time));
  report(`${mode}: questions answered per second (${SUSTAINED}, ${CONCURRENT} in flight)`, (SUSTAINED / (elapsed / 1000)).toFixed(1),
    `${mode}.answers_per_s`, SUSTAINED / (elapsed / 1000));
  report(`${mode}: delivery → answer card p50 / p99`, `${ms(pct(latencies, 0.5))} / ${ms(pct(latencies, 0.99))}`,
    `${mode}.answer_p99_ms`, pct(latencies, 0.99));

  // 3. RSS after 10,000 events.
  if (withRss) {
    await local.bot.app.services.queue.idle(60_000);
    gc?.();
    const before = process.memoryUsage();
    const asked = new Set<string>();
    const events = Array.from({ length: RSS_EVENTS }, (_, i) => {
      if (i % RSS_QUESTION_EVERY === 0) {
        const e = question(true);
        asked.add(e.event.message.message_id);
        return e;
      }
      return emulator.events.textMessage({ chatType: "group", chatId: `oc_chatter_${i % 50}`, senderId: `ou_chatter_${i % 500}`, text: `闲聊 ${i}` });
    });
    const t = performance.now();
    await pool(events, CONCURRENT, async (event) => { await send(event); });
    await repliesTo(asked, asked.size, 600_000);
    await local.bot.app.services.queue.idle(60_000);
    const seconds = (performance.now() - t) / 1000;
    gc?.();
    const after = process.memoryUsage();
    report(`${mode}: RSS before → after ${RSS_EVENTS} events (${asked.size} answered, ${seconds.toFixed(0)} s)`,
      `${mb(before.rss)} → ${mb(after.rss)} (heap ${mb(before.heapUsed)} → ${mb(after.heapUsed)})`, `${mode}.rss_after_mb`, after.rss / 2 ** 20);
    figures[`${mode}.rss_before_mb`] = Math.round((before.rss / 2 ** 20) * 10) / 10;
    figures[`${mode}.heap_after_mb`] = Math.round((after.heapUsed / 2 ** 20) * 10) / 10;
  }
  await local.close();
  local.bot.state.close();
}

async function pool<T>(items: T[], width: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: width }, worker));
}

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 2 : 0)} ms`;
}

function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MB`;
}
