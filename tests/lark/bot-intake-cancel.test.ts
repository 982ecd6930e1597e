import { readFileSync } from "node:fs";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Config } from "../../src/config/index.js";
import { createEngine, type Engine } from "../../src/engine/index.js";
import type { BotLogger } from "../../src/lark/index.js";
import { cardOf, cardText, startHarness, type Harness } from "../app/harness.js";
import { tempConfig } from "../support/engine.js";

// The Feishu intake cancelled end to end (SDK ↔ emulator ↔ bot over loopback): a recalled file message or
// /add cancels its ingest while queued or running — no result card, its 「正在导入」 notice withdrawn, the
// previous generation current — and leaves a finished one alone; stopping the bot waits a bounded time for a
// running ingest, then cancels it and says so in the log.

const ADMIN = "ou_intake_admin";

const page = (zone: string, count: number) => `<!doctype html><html><head><meta charset="utf-8"><title>${zone}新签约项目${count}个</title></head>
<body><article><h1>${zone}新签约项目${count}个</h1><p>2025年8月12日</p>
<p>今年1至7月，${zone}新签约项目${count}个，总投资${count * 3}亿元。</p></article></body></html>`;

let config: Config;
let engine: Engine;
let cleanup: () => void;
let server: Server;
let base: string;
/** Responses held until the test releases them, by path: the ingest is in progress meanwhile. */
const held = new Map<string, ServerResponse>();
let h: Harness | undefined;

beforeAll(async () => {
  const temp = tempConfig("zonebot-intake-cancel-");
  config = { ...temp.config, admins: [ADMIN] };
  cleanup = temp.cleanup;
  engine = await createEngine(config);
  server = createServer((req, res) => {
    const url = req.url ?? "";
    if (url.startsWith("/held/")) held.set(url, res);
    else if (url === "/news/fast.html") res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page("金沙滩经济开发区", 44));
    else res.writeHead(404).end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterEach(async () => {
  await h?.close();
  h = undefined;
  for (const res of held.values()) res.destroy();
  held.clear();
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  engine.close();
  cleanup();
});

function release(url: string, zone: string, count: number): void {
  held.get(url)?.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page(zone, count));
}

const current = () => readFileSync(path.join(config.dataDir, "CURRENT"), "utf8").trim();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function send(harness: Harness, text: string): Promise<string> {
  const event = harness.emulator.events.textMessage({ text, senderId: ADMIN });
  await harness.emulator.deliver(event);
  return event.event.message.message_id;
}

async function sendFile(harness: Harness, fileName: string, text: string): Promise<string> {
  const event = harness.emulator.sendFile({ fileName, bytes: new TextEncoder().encode(text), senderId: ADMIN });
  await harness.emulator.deliver(event);
  return event.event.message.message_id;
}

/** The texts of the bot's replies to one message (withdrawn ones included), once `count` have arrived. */
async function replies(harness: Harness, messageId: string, count: number): Promise<string[]> {
  const sent = await harness.emulator.waitForMessages((m) => m.parent_id === messageId, count, 30_000);
  return sent.map((m) => cardText(cardOf(harness, m)));
}

const repliesTo = (harness: Harness, messageId: string) => harness.emulator.messages.filter((m) => m.parent_id === messageId);

async function answer(harness: Harness, question: string): Promise<string> {
  const id = await send(harness, question);
  return (await replies(harness, id, 1))[0]!;
}

describe("recalling the message of an ingest", () => {
  it("while it runs: cancelled, its notice withdrawn, no result card, the previous generation answers", async () => {
    h = await startHarness(config, engine);
    const generation = current();
    const add = await send(h, `/add ${base}/held/running.html`);
    const [started] = await replies(h, add, 1);
    expect(started).toContain("正在导入");
    await vi.waitFor(() => expect(held.has("/held/running.html")).toBe(true), { timeout: 10_000 });

    await h.emulator.deliver(h.emulator.recall(add));
    await vi.waitFor(() => expect(repliesTo(h!, add)[0]?.deleted).toBe(true), { timeout: 10_000 });
    // The page arrives after all: too late, the ingest is gone.
    release("/held/running.html", "银沙湾经济开发区", 26);
    await pause(500);
    expect(repliesTo(h, add)).toHaveLength(1);
    expect(current()).toBe(generation);
    expect(h.bot.engine.generation).toBe(generation);
    expect(await answer(h, "银沙湾经济开发区1至7月新签约项目多少个？")).not.toContain("26个");
  }, 60_000);

  it("while it waits behind another: it never starts (nothing downloaded), the other one finishes", async () => {
    h = await startHarness(config, engine);
    const add = await send(h, `/add ${base}/held/first.html`);
    await vi.waitFor(() => expect(held.has("/held/first.html")).toBe(true), { timeout: 10_000 });
    const file = await sendFile(h, "珊瑚湾开发区.md", `# 珊瑚湾经济开发区新签约项目31个\n\n2025-08-12\n\n今年1至7月，珊瑚湾经济开发区新签约项目31个。\n`);
    await replies(h, file, 1);
    await h.emulator.deliver(h.emulator.recall(file));
    await vi.waitFor(() => expect(repliesTo(h!, file)[0]?.deleted).toBe(true), { timeout: 10_000 });

    release("/held/first.html", "玉沙湾经济开发区", 52);
    const [, result] = await replies(h, add, 2);
    expect(result).toContain("《玉沙湾经济开发区新签约项目52个》");
    await pause(300);
    expect(repliesTo(h, file)).toHaveLength(1);
    expect(h.emulator.apiCalls.some((call) => call.path.includes(`/messages/${file}/resources/`))).toBe(false);
    expect(await answer(h, "珊瑚湾经济开发区1至7月新签约项目多少个？")).not.toContain("31个");
  }, 60_000);

  it("after it finished: nothing changes — the result card stays, the new generation stays current", async () => {
    h = await startHarness(config, engine);
    const add = await send(h, `/add ${base}/news/fast.html`);
    const [, result] = await replies(h, add, 2);
    expect(result).toContain("《金沙滩经济开发区新签约项目44个》");
    const generation = current();
    await h.emulator.deliver(h.emulator.recall(add));
    await pause(300);
    expect(repliesTo(h, add).map((m) => m.deleted ?? false)).toEqual([false, false]);
    expect(current()).toBe(generation);
    expect(await answer(h, "金沙滩经济开发区1至7月新签约项目多少个？")).toContain("44");
  }, 60_000);
});

describe("stopping the bot during an ingest", () => {
  it("waits ZONEBOT_INGEST_SHUTDOWN_MS, then cancels it with a log line; nothing of it is kept", async () => {
    const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
    const record = (level: string) => (message: string, fields?: Record<string, unknown>) => void lines.push({ level, message, fields });
    const logger: BotLogger = { debug: record("debug"), info: record("info"), warn: record("warn"), error: record("error") };
    const harness = await startHarness({ ...config, ingestShutdownMs: 400 }, engine, { logger });
    const generation = current();
    const add = await send(harness, `/add ${base}/held/stopping.html`);
    await vi.waitFor(() => expect(held.has("/held/stopping.html")).toBe(true), { timeout: 10_000 });

    const stopping = Date.now();
    await harness.close();
    const took = Date.now() - stopping;
    expect(took).toBeGreaterThanOrEqual(400);
    expect(took).toBeLessThan(10_000);
    expect(lines.some((line) => line.level === "warn" && /ingest cancelled: the bot is stopping/.test(line.message) && line.fields?.waitedMs === 400)).toBe(true);
    expect(lines.some((line) => /ingest cancelled; nothing of it was kept/.test(line.message) && line.fields?.cause === "shutdown")).toBe(true);
    release("/held/stopping.html", "白沙湾经济开发区", 29);
    expect(current()).toBe(generation);
    expect(harness.emulator.messages.filter((m) => m.parent_id === add)).toHaveLength(1);
  }, 60_000);

  it("an ingest that ends within the wait is not cancelled", async () => {
    const lines: string[] = [];
    const logger: BotLogger = { debug: () => undefined, info: (m) => void lines.push(m), warn: (m) => void lines.push(m), error: (m) => void lines.push(m) };
    const harness = await startHarness({ ...config, ingestShutdownMs: 20_000 }, engine, { logger });
    const generation = current();
    const add = await send(harness, `/add ${base}/held/quick.html`);
    await vi.waitFor(() => expect(held.has("/held/quick.html")).toBe(true), { timeout: 10_000 });
    const closing = harness.close();
    await pause(200);
    release("/held/quick.html", "黄沙湾经济开发区", 37);
    await closing;
    expect(lines.some((line) => /cancelled/.test(line))).toBe(false);
    expect(current()).not.toBe(generation);
    expect(harness.emulator.messages.filter((m) => m.parent_id === add)).toHaveLength(2);
  }, 60_000);
});
