/**
 * Bot bench: the Feishu bot against the emulator on loopback, webhook mode with encrypted + signed
 * events, and the long connection for comparison — answering in-process and in a worker thread, side by side.
 * `node --expose-gc --import tsx scripts/bench-bot.ts [--quick] [--only in-process|worker] [--typing off] [--warm-up off] [--ack-first off] [--acks-only] [--lean-client own]`
 * (diagnostics: `--stalls 1` GC pauses and event-loop stalls per ack phase, `--raw DIR` each lean ack's timeline)
 *
 * Processes: this coordinator builds the index once, then runs one *runner* process per answering mode
 * (so neither mode's memory or JIT state leaks into the other's figures). Each runner starts the bot and,
 * for the main figures, the emulator in a *child process* of its own: delivering, encrypting, signing and
 * storing replies is the emulator's work and is not charged to the bot's event loop. (The machine's cores
 * are shared all the same: bot thread, answer worker and emulator process compete for them.)
 *
 *  1. Acknowledgement latency p50/p99 with 50 concurrent events: rounds of 50 deliveries fired at
 *     once while the answers of earlier rounds are still being worked out (target p99 ≤ 50 ms), timed
 *     by the emulator from request to response.
 *  2. Sustained questions per second answered through the emulator (50 in flight), and the time
 *     from delivery to the answer card stored by the emulator.
 *  3. RSS of the bot's process (the worker thread included) after 10,000 events (webhook): questions
 *     and group chatter without @.
 *  4. For comparison with earlier runs: webhook acks with the emulator in the bot's own process.
 *
 * Beside the latencies, where the time goes: CPU per question of the bot's main thread, its other
 * threads (the answering worker is the busiest) and the emulator process (/proc per-thread times), and
 * for each webhook round, from its first request to its last ack, how long the bot's main thread ran
 * and how long it was runnable but waiting for a CPU (schedstat) — on 2 shared cores the second one
 * is most of an ack's latency.
 *
 * Bounded loops on loopback only; it stops by itself. Prints a table, writes bench/bot-latest.json.
 */
import { fork, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http, { type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance, PerformanceObserver } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { startBot, startLocalBot, type RunningBot } from "../src/app/index.js";
import { loadConfig, PROJECT_ROOT } from "../src/config/index.js";
import { createEngine } from "../src/engine/index.js";
import {
  encryptPayload, signBody, startFeishuEmulator, type EventEnvelope, type FeishuEmulator, type ReceiveMessageEvent,
} from "../src/lark/emulator/index.js";
import { silentLogger } from "../src/lark/index.js";
import { StateStore } from "../src/store/state-store.js";
import { readEvalQuestions } from "../tests/support/engine.js";

const SCRIPT = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);
const argValue = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const quick = args.includes("--quick");
/** `--acks-only`: only the acknowledgement phases (webhook lean client, deliver(), ws): for quick A/B runs. */
const acksOnly = args.includes("--acks-only");
const CONCURRENT = 50;
const ACK_ROUNDS = quick ? 4 : 12;
const SUSTAINED = quick ? 200 : 600;
const RSS_EVENTS = quick ? 2000 : 10_000;
/** Every RSS_QUESTION_EVERY-th event of the RSS run is a question; the others are group chatter without @. */
const RSS_QUESTION_EVERY = 4;
const MODES = ["in-process", "worker"] as const;
type Answering = (typeof MODES)[number];
type Transport = "webhook" | "ws";

if (args.includes("--client-child")) clientChild();
else if (args.includes("--emulator-child")) await emulatorChild();
else if (argValue("--answering")) await runner(argValue("--answering") as Answering, argValue("--data-dir")!, argValue("--out")!);
else await coordinator();

// ---- the measurements, run wherever the emulator lives ----

interface Driver {
  question(group: boolean): EventEnvelope<ReceiveMessageEvent>;
  send(event: EventEnvelope<ReceiveMessageEvent>): Promise<number>;
  repliesTo(ids: Set<string>, count: number, timeoutMs: number): Promise<Array<{ create_time: number; parent_id?: string }>>;
}

function driver(emulator: FeishuEmulator, mode: Transport): Driver {
  const questions = readEvalQuestions().map((q) => q.question);
  let serial = 0;
  return {
    question: (group) => {
      const i = serial++;
      return emulator.events.textMessage({
        chatType: group ? "group" : "p2p", mentionBot: group, chatId: group ? `oc_bench_${i % 40}` : undefined,
        senderId: `ou_bench_${i % 400}`, text: questions[i % questions.length]!,
      });
    },
    send: async (event) => {
      const t = performance.now();
      if (mode === "webhook") {
        const result = await emulator.deliver(event, { redeliver: false });
        if (!result.delivered) throw new Error(`delivery failed: ${JSON.stringify(result.attempts)}`);
      } else {
        const ack = await emulator.pushEvent(event);
        if (ack.code !== 200) throw new Error(`ack ${ack.code}`);
      }
      return performance.now() - t;
    },
    repliesTo: (ids, count, timeoutMs) =>
      emulator.waitForMessages((m) => m.origin === "reply" && ids.has(m.parent_id ?? ""), count, timeoutMs),
  };
}

/**
 * 1. Rounds of 50 at once, answering of earlier rounds still going on; waits for every answer.
 * `lean` (webhook): the 50 requests are encrypted and signed before the clock starts and sent with a
 * keep-alive node:http client, so the figure is the bot's (and the kernel's), not the emulator's fetch().
 */
async function phaseAck(d: Driver, lean?: { url: string; encryptKey: string; poster?: RemotePoster }): Promise<{ acks: number[]; rounds: number[][]; timeline: ClientTimeline[] }> {
  const acks: number[] = [];
  const rounds: number[][] = [];
  const timeline: ClientTimeline[] = [];
  const ids = new Set<string>();
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENT * 2 });
  for (let round = 0; round < ACK_ROUNDS; round += 1) {
    const events = Array.from({ length: CONCURRENT }, (_, i) => d.question(i % 2 === 1));
    for (const e of events) ids.add(e.event.message.message_id);
    let round: number[];
    if (lean) {
      const prepared = events.map((event) => signed(event, lean.encryptKey));
      if (lean.poster) {
        const result = await lean.poster.post(lean.url, prepared);
        round = result.ms;
        timeline.push(...result.timeline);
      } else {
        round = await Promise.all(prepared.map((request) => post(lean.url, request, agent, timeline)));
      }
    } else {
      round = await Promise.all(events.map(d.send));
    }
    rounds.push(round);
    acks.push(...round);
  }
  agent.destroy();
  await d.repliesTo(ids, ids.size, 180_000);
  return { acks, rounds, timeline };
}

/**
 * `--lean-client own`: the lean client in a process of its own (as Feishu's event push is not its Open
 * API): otherwise it shares the emulator child's event loop with the API the bot's replies go to.
 */
interface RemotePoster {
  post(url: string, requests: Array<{ body: string; headers: Record<string, string> }>): Promise<{ ms: number[]; timeline: ClientTimeline[] }>;
  close(): void;
}

function startPoster(): RemotePoster {
  const child = fork(SCRIPT, ["--client-child"], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  let next = 1;
  const waiting = new Map<number, (result: { ms: number[]; timeline: ClientTimeline[] }) => void>();
  child.on("message", (message: { id: number; ms: number[]; timeline: ClientTimeline[] }) => {
    waiting.get(message.id)?.(message);
    waiting.delete(message.id);
  });
  return {
    post: (url, requests) => new Promise((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      child.send({ id, url, requests });
    }),
    close: () => child.kill(),
  };
}

function clientChild(): void {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENT * 2 });
  process.on("message", (message: { id: number; url: string; requests: Array<{ body: string; headers: Record<string, string> }> }) => {
    const timeline: ClientTimeline[] = [];
    void Promise.all(message.requests.map((request) => post(message.url, request, agent, timeline))).then((ms) => process.send!({ id: message.id, ms, timeline }));
  });
}

/** One lean request as the client saw it (epoch ms, comparable across processes): sent, flushed, answered. */
interface ClientTimeline {
  seq: string;
  start: number;
  flushed: number;
  end: number;
}

let benchSeq = 0;
const epochNow = (): number => performance.timeOrigin + performance.now();

/** What Feishu sends: the encrypted event, signed with a fresh timestamp and nonce. */
function signed(event: unknown, encryptKey: string): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({ encrypt: encryptPayload(encryptKey, JSON.stringify(event)) });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(8).toString("hex");
  return {
    body,
    headers: {
      "content-type": "application/json; charset=utf-8", "content-length": String(Buffer.byteLength(body)),
      "x-lark-request-timestamp": timestamp, "x-lark-request-nonce": nonce, "x-lark-signature": signBody(timestamp, nonce, encryptKey, body),
    },
  };
}

/** POSTs and resolves with the time from the request to the end of the response. */
function post(url: string, request: { body: string; headers: Record<string, string> }, agent: http.Agent, timeline?: ClientTimeline[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const seq = String(benchSeq++);
    const t = performance.now();
    const entry: ClientTimeline = { seq, start: epochNow(), flushed: 0, end: 0 };
    const req = http.request(url, { method: "POST", headers: { ...request.headers, "x-bench-seq": seq }, agent }, (res) => {
      res.resume();
      res.on("end", () => {
        entry.end = epochNow();
        timeline?.push(entry);
        return res.statusCode === 200 ? resolve(performance.now() - t) : reject(new Error(`ack status ${res.statusCode}`));
      });
    });
    req.on("finish", () => { entry.flushed = epochNow(); });
    req.on("error", reject);
    req.end(request.body);
  });
}

/** 2. SUSTAINED questions, 50 in flight, until every answer card is stored. */
async function phaseSustained(d: Driver): Promise<{ elapsedMs: number; latencies: number[] }> {
  const sentAt = new Map<string, number>();
  const events = Array.from({ length: SUSTAINED }, (_, i) => d.question(i % 2 === 1));
  const started = performance.now();
  await pool(events, CONCURRENT, async (event) => {
    sentAt.set(event.event.message.message_id, Date.now());
    await d.send(event);
  });
  const replies = await d.repliesTo(new Set(sentAt.keys()), SUSTAINED, 300_000);
  const elapsedMs = performance.now() - started;
  return { elapsedMs, latencies: replies.map((m) => m.create_time - (sentAt.get(m.parent_id ?? "") ?? m.create_time)) };
}

/** 3. RSS_EVENTS events, every 4th a question; waits for the answers. */
async function phaseRss(d: Driver, emulator: FeishuEmulator): Promise<{ seconds: number; asked: number }> {
  const asked = new Set<string>();
  const events = Array.from({ length: RSS_EVENTS }, (_, i) => {
    if (i % RSS_QUESTION_EVERY === 0) {
      const e = d.question(true);
      asked.add(e.event.message.message_id);
      return e;
    }
    return emulator.events.textMessage({ chatType: "group", chatId: `oc_chatter_${i % 50}`, senderId: `ou_chatter_${i % 500}`, text: `闲聊 ${i}` });
  });
  const t = performance.now();
  await pool(events, CONCURRENT, async (event) => { await d.send(event); });
  await d.repliesTo(asked, asked.size, 600_000);
  return { seconds: (performance.now() - t) / 1000, asked: asked.size };
}

// ---- the emulator in a child process ----

type ChildRequest =
  | { id: number; type: "start"; appId: string; appSecret: string; encryptKey: string; verificationToken: string }
  | { id: number; type: "configure"; webhookUrl: string; cardWebhookUrl: string }
  | { id: number; type: "waitWs" }
  | { id: number; type: "phase"; phase: "ack" | "ack-lean" | "sustained" | "rss"; transport: Transport }
  | { id: number; type: "close" };

async function emulatorChild(): Promise<void> {
  let emulator: FeishuEmulator | undefined;
  let encryptKey = "";
  let webhookUrl = "";
  const drivers = new Map<Transport, Driver>();
  process.on("message", (request: ChildRequest) => {
    void (async () => {
      switch (request.type) {
        case "start":
          encryptKey = request.encryptKey;
          emulator = await startFeishuEmulator({
            appId: request.appId, appSecret: request.appSecret, encryptKey: request.encryptKey, verificationToken: request.verificationToken,
          });
          return { url: emulator.url, botOpenId: emulator.botOpenId };
        case "configure":
          webhookUrl = request.webhookUrl;
          emulator!.configureWebhooks({ webhookUrl: request.webhookUrl, cardWebhookUrl: request.cardWebhookUrl });
          return {};
        case "waitWs":
          await emulator!.waitForWsClient(10_000);
          return {};
        case "phase": {
          const d = drivers.get(request.transport) ?? driver(emulator!, request.transport);
          drivers.set(request.transport, d);
          const cpu = process.cpuUsage();
          const withCpu = <T extends object>(result: T): T & { cpuMs: number } => {
            const used = process.cpuUsage(cpu);
            return { ...result, cpuMs: (used.user + used.system) / 1000 };
          };
          if (request.phase === "ack") return withCpu(await phaseAck(d));
          if (request.phase === "ack-lean") {
            const poster = argValue("--lean-client") === "own" ? startPoster() : undefined;
            try {
              return withCpu(await phaseAck(d, { url: webhookUrl, encryptKey, poster }));
            } finally {
              poster?.close();
            }
          }
          if (request.phase === "sustained") return phaseSustained(d);
          return phaseRss(d, emulator!);
        }
        case "close":
          await emulator?.close();
          setImmediate(() => process.exit(0));
          return {};
      }
    })().then(
      (result) => process.send!({ id: request.id, ok: true, result }),
      (error: unknown) => process.send!({ id: request.id, ok: false, error: String(error) }),
    );
  });
}

interface RemoteEmulator {
  call<T = Record<string, unknown>>(request: Omit<ChildRequest, "id"> & Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

function startEmulatorChild(): RemoteEmulator {
  const leanClient = argValue("--lean-client") ? ["--lean-client", argValue("--lean-client")!] : [];
  const child: ChildProcess = fork(SCRIPT, ["--emulator-child", ...(quick ? ["--quick"] : []), ...leanClient], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  let next = 1;
  const waiting = new Map<number, { resolve: (v: never) => void; reject: (e: Error) => void }>();
  child.on("message", (message: { id: number; ok: boolean; result?: unknown; error?: string }) => {
    const w = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.ok) w?.resolve(message.result as never);
    else w?.reject(new Error(message.error));
  });
  child.on("exit", (code) => {
    for (const w of waiting.values()) w.reject(new Error(`emulator child exited (${code})`));
    waiting.clear();
  });
  return {
    call: (request) => new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      child.send({ ...request, id });
    }),
    close: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      await Promise.race([
        new Promise<void>((resolve) => {
          const id = next++;
          waiting.set(id, { resolve: () => resolve(), reject: () => resolve() });
          child.send({ type: "close", id });
        }),
        exited,
      ]);
      await exited;
    },
  };
}

// ---- one answering mode (runner process) ----

type Figures = Record<string, number>;
type Rows = Array<[string, string]>;

async function runner(answering: Answering, dataDir: string, out: string): Promise<void> {
  const config = loadConfig({ ZONEBOT_SEEDS_DIR: path.join(PROJECT_ROOT, "seeds") }, { dataDir });
  const engine = await createEngine(config, { ensureSeeds: false });
  const rows: Rows = [];
  const figures: Figures = {};
  const label = answering === "worker" ? "worker" : "in-process";
  const report = (name: string, value: string, key?: string, raw?: number): void => {
    rows.push([`${label} · ${name}`, value]);
    if (key && raw !== undefined) figures[`${answering}.${key}`] = round2(raw);
    process.stderr.write(`${label} · ${name}: ${value}\n`);
  };
  // Limits out of the way: the bench measures the machinery, not the per-user rate limit.
  // The typing indicator (a reaction added and removed per answered question) is on, as in production;
  // `--typing off` measures without its two extra API calls per question.
  const typing = { enabled: argValue("--typing") !== "off", emoji: "Typing" };
  // `--warm-up off`: no start-up rehearsal of the receiving path (for A/B runs).
  const warmUp = argValue("--warm-up") === "off" ? false as const : undefined;
  // `--ack-first off`: webhook intake before the ack, as before DeferredIntake (for A/B runs).
  const webhookAckFirst = argValue("--ack-first") !== "off";
  const tuning = {
    rateLimit: { limit: 100_000, windowMs: 60_000 }, queue: { maxPerChat: 10_000, maxTotal: 100_000, concurrency: 4 }, typing, webhookAckFirst,
  };
  const answerInWorker = answering === "worker" ? { onEvent: (e: unknown) => process.stderr.write(`worker: ${JSON.stringify(e)}\n`) } : false;
  const gc = (globalThis as { gc?: () => void }).gc;
  try {
    for (const transport of ["webhook", "ws"] as const) {
      const remote = startEmulatorChild();
      const secrets = { appId: `cli_${randomBytes(8).toString("hex")}`, appSecret: randomBytes(16).toString("hex"), encryptKey: "bench-key", verificationToken: "bench-token" };
      const emu = await remote.call<{ url: string; botOpenId: string }>({ type: "start", ...secrets });
      let bot: RunningBot | undefined;
      try {
        bot = await startBot(config, engine, {
          feishu: {
            appId: secrets.appId, appSecret: secrets.appSecret, domain: emu.url, transport, host: "127.0.0.1", port: 0,
            encryptKey: secrets.encryptKey, verificationToken: secrets.verificationToken, botOpenId: emu.botOpenId,
          },
          logger: silentLogger, tuning, state: StateStore.openFile(":memory:"), answerInWorker, warmUp,
        });
        if (bot.warmUp) process.stderr.write(`${label} · ${transport}: start-up rehearsal ${bot.warmUp.acked} deliveries in ${ms(bot.warmUp.ms)}\n`);
        if (bot.webhook) await remote.call({ type: "configure", webhookUrl: bot.webhook.eventUrl, cardWebhookUrl: bot.webhook.cardUrl });
        else await remote.call({ type: "waitWs" });
        const tag = `${transport} (emulator in a child process)`;

        const ackRun = async (phase: "ack" | "ack-lean", name: string, key: string): Promise<void> => {
          const serverSide = bot!.webhook ? timeRequests(bot!) : undefined;
          const loop = monitorEventLoopDelay({ resolution: 1 });
          loop.enable();
          const stalls = argValue("--stalls") ? watchStalls() : undefined;
          const cpuBefore = threadCpu();
          const { acks, rounds, cpuMs, timeline } = await remote.call<{ acks: number[]; rounds: number[][]; cpuMs: number; timeline: ClientTimeline[] }>({ type: "phase", phase, transport });
          const cpu = threadCpuSince(cpuBefore);
          loop.disable();
          stalls?.stop(name);
          process.stderr.write(`${label} · ${name}: per-round max ack ${rounds.map((r) => Math.round(Math.max(...r))).join(" ")} ms\n`);
          serverSide?.stop();
          if (serverSide && timeline.length > 0) reportTimeline(name, timeline, serverSide.bySeq);
          await bot!.app.settled(60_000);
          report(`${name}: ack p50 / p99 (${CONCURRENT} concurrent × ${ACK_ROUNDS} rounds)`, `${ms(pct(acks, 0.5))} / ${ms(pct(acks, 0.99))}`,
            `${key}.ack_p99_ms`, pct(acks, 0.99));
          figures[`${answering}.${key}.ack_p50_ms`] = round2(pct(acks, 0.5));
          figures[`${answering}.${key}.ack_max_ms`] = round2(Math.max(...acks));
          if (serverSide) {
            const inBot = serverSide.durations;
            report(`${name}: … of which in the bot (request parsed → ack written) p50 / p99`, `${ms(pct(inBot, 0.5))} / ${ms(pct(inBot, 0.99))}`,
              `${key}.ack_in_bot_p99_ms`, pct(inBot, 0.99));
            figures[`${answering}.${key}.ack_in_bot_p50_ms`] = round2(pct(inBot, 0.5));
            const { windows } = serverSide;
            if (windows.length > 0) {
              const ran = windows.map((w) => w.ranMs);
              const waited = windows.map((w) => w.waitedMs);
              report(`${name}: … bot main thread from a round's first request to its last ack: ran / waited for a CPU, median (max) over rounds`,
                `${ms(pct(ran, 0.5))} (${ms(Math.max(...ran))}) / ${ms(pct(waited, 0.5))} (${ms(Math.max(...waited))})`, `${key}.round_cpu_wait_max_ms`, Math.max(...waited));
              figures[`${answering}.${key}.round_ran_p50_ms`] = round2(pct(ran, 0.5));
              figures[`${answering}.${key}.round_cpu_wait_p50_ms`] = round2(pct(waited, 0.5));
            }
          }
          const perQuestion = (total: number): string => (total / acks.length).toFixed(2);
          report(`${name}: CPU per question (ack + answer): bot main thread / bot's other threads (busiest) / emulator process`,
            `${perQuestion(cpu.main)} / ${perQuestion(cpu.others)} (${perQuestion(cpu.busiest[0] ?? 0)}) / ${perQuestion(cpuMs)} ms`, `${key}.main_cpu_per_question_ms`, cpu.main / acks.length);
          const delay = (q: number): number => loop.percentile(q) / 1e6;
          report(`${name}: bot thread event-loop delay p99 / max (ack rounds and their answers)`, `${ms(delay(99))} / ${ms(loop.max / 1e6)}`,
            `${key}.loop_delay_max_ms`, loop.max / 1e6);
        };
        if (transport === "webhook") {
          await ackRun("ack-lean", "webhook (lean signed client in a child process)", "webhook");
          await ackRun("ack", "webhook (emulator deliver() in a child process)", "webhook_emulator_child");
        } else {
          await ackRun("ack", tag, transport);
        }

        if (acksOnly) continue;
        const { elapsedMs, latencies } = await remote.call<{ elapsedMs: number; latencies: number[] }>({ type: "phase", phase: "sustained", transport });
        report(`${tag}: questions answered per second (${SUSTAINED}, ${CONCURRENT} in flight)`, (SUSTAINED / (elapsedMs / 1000)).toFixed(1),
          `${transport}.answers_per_s`, SUSTAINED / (elapsedMs / 1000));
        report(`${tag}: delivery → answer card p50 / p99`, `${ms(pct(latencies, 0.5))} / ${ms(pct(latencies, 0.99))}`,
          `${transport}.answer_p99_ms`, pct(latencies, 0.99));
        figures[`${answering}.${transport}.answer_p50_ms`] = round2(pct(latencies, 0.5));

        if (transport === "webhook") {
          await bot.app.settled(60_000);
          gc?.();
          const before = process.memoryUsage();
          const { seconds, asked } = await remote.call<{ seconds: number; asked: number }>({ type: "phase", phase: "rss", transport });
          await bot.app.settled(60_000);
          gc?.();
          const after = process.memoryUsage();
          report(`${transport}: bot process RSS before → after ${RSS_EVENTS} events (${asked} answered, ${seconds.toFixed(0)} s)`,
            `${mb(before.rss)} → ${mb(after.rss)} (main heap ${mb(before.heapUsed)} → ${mb(after.heapUsed)})`, `${transport}.rss_after_mb`, after.rss / 2 ** 20);
          figures[`${answering}.${transport}.rss_before_mb`] = round1(before.rss / 2 ** 20);
          figures[`${answering}.${transport}.heap_after_mb`] = round1(after.heapUsed / 2 ** 20);
        }
      } finally {
        await bot?.stop();
        bot?.state.close();
        await remote.close();
      }
    }

    // 4. The earlier set-up: emulator and bot in one process (the emulator's work is charged to the bot).
    if (acksOnly) return;
    const local = await startLocalBot(config, engine, {
      logger: silentLogger, encryptKey: "bench-key", verificationToken: "bench-token", tuning, state: StateStore.openFile(":memory:"), answerInWorker,
    });
    try {
      const { acks } = await phaseAck(driver(local.emulator, "webhook"));
      await local.bot.app.settled(60_000);
      report(`webhook (emulator in the bot's process): ack p50 / p99 (${CONCURRENT} concurrent × ${ACK_ROUNDS} rounds)`,
        `${ms(pct(acks, 0.5))} / ${ms(pct(acks, 0.99))}`, "webhook_same_process.ack_p99_ms", pct(acks, 0.99));
      figures[`${answering}.webhook_same_process.ack_p50_ms`] = round2(pct(acks, 0.5));
    } finally {
      await local.close();
      local.bot.state.close();
    }
  } finally {
    engine.close();
    writeFileSync(out, JSON.stringify({ rows, figures }));
  }
}

/**
 * Bot-side time of each webhook request: from the server's `request` event (headers parsed) to the
 * response's `finish`; and for each round of CONCURRENT requests (first request → last ack), how long
 * the bot's main thread ran and how long it was runnable but waiting for a CPU (Linux schedstat).
 * (Reads HttpReceiver's private server: bench only.)
 */
function timeRequests(bot: RunningBot): {
  durations: number[]; windows: Array<{ ranMs: number; waitedMs: number }>; bySeq: Map<string, { arrived: number; acked: number }>; stop(): void;
} {
  const server = (bot.receiver as unknown as { server?: Server }).server;
  const durations: number[] = [];
  const bySeq = new Map<string, { arrived: number; acked: number }>();
  const windows: Array<{ ranMs: number; waitedMs: number }> = [];
  let started = 0;
  let finished = 0;
  let opened: number[] | undefined;
  const onRequest = (_req: http.IncomingMessage, res: http.ServerResponse): void => {
    const t = performance.now();
    const seq = _req.headers["x-bench-seq"];
    if (started++ % CONCURRENT === 0) opened = schedStat();
    res.once("finish", () => {
      durations.push(performance.now() - t);
      if (typeof seq === "string") bySeq.set(seq, { arrived: performance.timeOrigin + t, acked: performance.timeOrigin + performance.now() });
      if (++finished % CONCURRENT !== 0 || !opened) return;
      const closed = schedStat();
      if (closed && opened.length === 2) windows.push({ ranMs: (closed[0]! - opened[0]!) / 1e6, waitedMs: (closed[1]! - opened[1]!) / 1e6 });
    });
  };
  server?.on("request", onRequest);
  return { durations, windows, bySeq, stop: () => server?.off("request", onRequest) };
}

/**
 * Where a lean webhook ack's time goes, for the slowest acks (≥ 40 ms) and for the first round: client
 * start → flushed to the socket, flushed → the bot's request event, in the bot, ack written → the
 * client has read the response (epoch clocks of two processes: sub-ms skew).
 */
function reportTimeline(name: string, timeline: ClientTimeline[], bySeq: Map<string, { arrived: number; acked: number }>): void {
  const parts = timeline.flatMap((c) => {
    const s = bySeq.get(c.seq);
    if (!s) return [];
    return [{ seq: Number(c.seq), total: c.end - c.start, send: c.flushed - c.start, toBot: s.arrived - c.flushed, inBot: s.acked - s.arrived, back: c.end - s.acked }];
  }).sort((a, b) => a.seq - b.seq);
  const first = parts[0]?.seq ?? 0;
  const describe = (rows: typeof parts): string => rows.length === 0 ? "none" : `${rows.length} acks, median total ${ms(pct(rows.map((r) => r.total), 0.5))}: `
    + `client send ${ms(pct(rows.map((r) => r.send), 0.5))}, → bot ${ms(pct(rows.map((r) => r.toBot), 0.5))}, in bot ${ms(pct(rows.map((r) => r.inBot), 0.5))}, → client ${ms(pct(rows.map((r) => r.back), 0.5))}`;
  process.stderr.write(`${name}: slow acks (≥ 40 ms): ${describe(parts.filter((r) => r.total >= 40))}\n`);
  process.stderr.write(`${name}: first round: ${describe(parts.filter((r) => r.seq < first + CONCURRENT))}\n`);
  process.stderr.write(`${name}: later rounds: ${describe(parts.filter((r) => r.seq >= first + CONCURRENT))}\n`);
  const rawDir = argValue("--raw");
  if (rawDir) writeFileSync(path.join(rawDir, `timeline-${Date.now()}.json`), JSON.stringify(parts));
}

/** Diagnostics (--stalls): GC pauses and event-loop stalls over 8 ms on the bot's main thread, with when they happened. */
function watchStalls(): { stop(name: string): void } {
  const t0 = performance.now();
  const startedUs = process.hrtime.bigint() / 1000n;
  const gcs: string[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.duration > 2) gcs.push(`${(e.startTime - t0).toFixed(0)}+${e.duration.toFixed(1)}(${(e as unknown as { detail?: { kind?: number } }).detail?.kind})`);
  });
  observer.observe({ entryTypes: ["gc"] });
  const blocked: string[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    if (now - last > 8) blocked.push(`${(last - t0).toFixed(0)}+${(now - last).toFixed(0)}`);
    last = now;
  }, 1);
  return {
    stop: (name) => {
      clearInterval(timer);
      observer.disconnect();
      process.stderr.write(`${name}: monotonic µs ${startedUs}–${process.hrtime.bigint() / 1000n}\n`);
      process.stderr.write(`${name}: gc > 2 ms: ${gcs.join(" ") || "none"}\nstalls > 8 ms: ${blocked.join(" ")}\n`);
    },
  };
}

/** The main thread's time on a CPU and time runnable but waiting for one, in ns (Linux; [] elsewhere). */
function schedStat(): number[] {
  try {
    return readFileSync(`/proc/self/task/${process.pid}/schedstat`, "utf8").trim().split(" ").slice(0, 2).map(Number);
  } catch {
    return [];
  }
}

// ---- coordinator ----

async function coordinator(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "zonebot-bench-bot-"));
  const only = argValue("--only") as Answering | undefined;
  const rows: Rows = [];
  const figures: Figures = {};
  try {
    const config = loadConfig({ ZONEBOT_SEEDS_DIR: path.join(PROJECT_ROOT, "seeds") }, { dataDir });
    (await createEngine(config)).close(); // build the index once; the runners only open it
    for (const answering of MODES) {
      if (only && only !== answering) continue;
      const out = path.join(dataDir, `${answering}.json`);
      const passOn = [...(quick ? ["--quick"] : []), ...(acksOnly ? ["--acks-only"] : []), ...["--typing", "--warm-up", "--ack-first", "--lean-client", "--raw", "--stalls"].flatMap((flag) => (argValue(flag) ? [flag, argValue(flag)!] : []))];
      const child = spawn(process.execPath, [...process.execArgv, SCRIPT, "--answering", answering, "--data-dir", dataDir, "--out", out, ...passOn], {
        stdio: ["ignore", "inherit", "inherit"],
      });
      const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
      if (code !== 0) throw new Error(`the ${answering} runner failed (exit ${code})`);
      const result = JSON.parse(readFileSync(out, "utf8")) as { rows: Rows; figures: Figures };
      rows.push(...result.rows);
      Object.assign(figures, result.figures);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const table = ["| measure | value |", "|---|---|", ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join("\n");
  process.stdout.write(`${table}\n`);
  mkdirSync(path.join(PROJECT_ROOT, "bench"), { recursive: true });
  writeFileSync(
    path.join(PROJECT_ROOT, "bench", "bot-latest.json"),
    `${JSON.stringify({ at: new Date().toISOString(), quick, node: process.version, figures, rows: Object.fromEntries(rows) }, null, 2)}\n`,
  );
}

// ---- helpers ----

/** CPU time (ms) used so far by each thread of this process, from /proc (Linux; empty elsewhere). */
function threadCpu(): Map<string, number> {
  // Declared here, not at module level: the runner runs from the module's top-level await, before later constants exist.
  const clockTicks = 100;
  const used = new Map<string, number>();
  try {
    for (const tid of readdirSync("/proc/self/task")) {
      const fields = readFileSync(`/proc/self/task/${tid}/stat`, "utf8").split(") ")[1]!.split(" ");
      used.set(tid, ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks);
    }
  } catch {
    // not Linux
  }
  return used;
}

/** CPU time since `before`: the main thread's, all other threads' together, and the busiest three of those. */
function threadCpuSince(before: Map<string, number>): { main: number; others: number; busiest: number[] } {
  let main = 0;
  const others: number[] = [];
  for (const [tid, ms] of threadCpu()) {
    const spent = ms - (before.get(tid) ?? 0);
    if (tid === String(process.pid)) main += spent;
    else others.push(spent);
  }
  others.sort((a, b) => b - a);
  return { main, others: others.reduce((sum, ms) => sum + ms, 0), busiest: others.slice(0, 3) };
}

async function pool<T>(items: T[], width: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const work = async (): Promise<void> => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: width }, work));
}

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 2 : 0)} ms`;
}

function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MB`;
}

