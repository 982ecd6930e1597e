import { randomBytes } from "node:crypto";
import http from "node:http";
import { performance } from "node:perf_hooks";
import { AckGate, App, HttpReceiver, silentLogger, type WebhookSecurity } from "../lark/index.js";
import { encryptBody, expectedSignature } from "../lark/security.js";
import { StateStore } from "../store/state-store.js";

/**
 * Warming the receiving path before the first delivery. Measured (bench:bot, webhook, 2 cores): the
 * first round of 50 deliveries after start was the slowest of a run (its slowest ack 45–108 ms against
 * 20–45 ms later): every step ran for the first time — node's HTTP server and parser, signature and
 * AES, the SDK dispatcher, the intake chain, SQLite statements — in interpreted, unoptimised code.
 *
 * The rehearsal runs that same path on a scratch copy of the bot: an App with an in-memory state store,
 * a queue that never starts a job and no typing indicator, behind a scratch HttpReceiver on loopback,
 * fed signed and encrypted messages as Feishu sends them (questions in a one-to-one chat and with an
 * @mention in a group, chatter without one, a command). Same classes and functions as the real bot, so
 * the compiled code is theirs too; nothing reaches the real state, the activity log or Feishu.
 */
export interface WarmUpSettings {
  /** Rehearsed deliveries (default 300). */
  requests?: number;
  /** Sent at once (default 25). */
  concurrency?: number;
}

export interface WarmUpReport {
  /** Deliveries acknowledged with 200 by the scratch receiver. */
  acked: number;
  /** Of those, the ones the scratch intake queued for an answer or a command (never run). */
  queued: number;
  ms: number;
}

export interface WarmUpSubject {
  /** The real App: its texts, tuning, engine, sender and commands are lent to the scratch copy. */
  app: App;
  /** `webhook`: the rehearsal goes over HTTP through a scratch HttpReceiver; otherwise the dispatcher is fed directly. */
  transport: "webhook" | "ws" | "custom";
  security: WebhookSecurity;
  appId: string;
}

const DEFAULT_REQUESTS = 300;
const DEFAULT_CONCURRENCY = 25;

export async function warmUpReceiving(subject: WarmUpSubject, settings: WarmUpSettings = {}): Promise<WarmUpReport> {
  const started = performance.now();
  const requests = settings.requests ?? DEFAULT_REQUESTS;
  const state = StateStore.openFile(":memory:");
  const scratch = scratchApp(subject.app, state);
  const events = Array.from({ length: requests }, (_, i) => rehearsalEvent(i, subject));
  try {
    const acked = subject.transport === "webhook"
      ? await overHttp(scratch, subject.security, events, settings.concurrency ?? DEFAULT_CONCURRENCY)
      : await throughDispatcher(scratch, events);
    await scratch.processed(10_000);
    return { acked, queued: scratch.services.queue.size, ms: performance.now() - started };
  } finally {
    state.close();
  }
}

/** A copy of the bot that answers nothing: in-memory state, a queue with no workers, no reactions, no limits. */
function scratchApp(app: App, state: StateStore): App {
  const { engine, sender, texts, tuning, botOpenId } = app.services;
  const scratch = new App({
    engine, sender, texts, botOpenId, state, logger: silentLogger, ackGate: new AckGate(0, 0),
    tuning: {
      ...tuning,
      typing: { ...tuning.typing, enabled: false },
      queue: { maxPerChat: Number.MAX_SAFE_INTEGER, maxTotal: Number.MAX_SAFE_INTEGER, concurrency: 0 },
      rateLimit: { limit: Number.MAX_SAFE_INTEGER, windowMs: tuning.rateLimit.windowMs },
    },
  });
  for (const command of app.commands.list()) if (!scratch.commands.find(command.name)) scratch.command(command);
  return scratch;
}

/** The i-th rehearsed delivery, a schema 2.0 message event (each id new, so none is a duplicate). */
function rehearsalEvent(i: number, subject: WarmUpSubject): Record<string, unknown> {
  const tag = randomBytes(6).toString("hex");
  const now = String(Date.now());
  const kind = i % 4;
  const group = kind === 1 || kind === 2;
  const botOpenId = subject.app.services.botOpenId ?? "ou_warm_up_bot";
  const mentions = kind === 1 ? [{ key: "@_user_1", id: { open_id: botOpenId }, name: "bot", tenant_key: "warm-up" }] : [];
  const text = kind === 3 ? "/help" : `${kind === 1 ? "@_user_1 " : ""}warm-up question ${i}`;
  return {
    schema: "2.0",
    header: {
      event_id: `warm_up_${tag}_${i}`, event_type: "im.message.receive_v1", create_time: now,
      token: subject.security.verificationToken ?? "", app_id: subject.appId, tenant_key: "warm-up",
    },
    event: {
      sender: { sender_id: { open_id: `ou_warm_up_${i}` }, sender_type: "user", tenant_key: "warm-up" },
      message: {
        message_id: `om_warm_up_${tag}_${i}`, chat_id: group ? `oc_warm_up_${i % 7}` : `oc_warm_up_p2p_${i}`,
        chat_type: group ? "group" : "p2p", message_type: "text", content: JSON.stringify({ text }), create_time: now, mentions,
      },
    },
  };
}

/** Through a scratch HttpReceiver on loopback, signed and encrypted when the real one checks that. */
async function overHttp(scratch: App, security: WebhookSecurity, events: Array<Record<string, unknown>>, concurrency: number): Promise<number> {
  const receiver = new HttpReceiver({ ...security, host: "127.0.0.1", port: 0, logger: silentLogger });
  receiver.init(scratch);
  await receiver.start();
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  let acked = 0;
  try {
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < events.length) {
        const status = await post(receiver.eventUrl, delivery(events[next++]!, security), agent);
        if (status === 200) acked += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, events.length) }, lane));
  } finally {
    agent.destroy();
    await receiver.stop();
  }
  return acked;
}

/** Without HTTP (long connection, custom receivers): the SDK dispatcher and the App, as WSClient calls them. */
async function throughDispatcher(scratch: App, events: Array<Record<string, unknown>>): Promise<number> {
  const dispatcher = scratch.dispatcher("ws");
  let acked = 0;
  for (const event of events) {
    const ack: unknown = await dispatcher.invoke(event, { needCheck: false });
    if (typeof ack === "object" && ack !== null) acked += 1;
  }
  return acked;
}

function delivery(event: Record<string, unknown>, security: WebhookSecurity): { body: string; headers: Record<string, string> } {
  const plain = JSON.stringify(event);
  const key = security.encryptKey;
  const body = key ? JSON.stringify({ encrypt: encryptBody(key, plain) }) : plain;
  const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8", "content-length": String(Buffer.byteLength(body)) };
  if (key) {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = randomBytes(8).toString("hex");
    Object.assign(headers, {
      "x-lark-request-timestamp": timestamp, "x-lark-request-nonce": nonce, "x-lark-signature": expectedSignature(timestamp, nonce, key, body),
    });
  }
  return { body, headers };
}

function post(url: string, request: { body: string; headers: Record<string, string> }, agent: http.Agent): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(url, { method: "POST", headers: request.headers, agent }, (res) => {
      res.resume();
      res.once("end", () => resolve(res.statusCode ?? 0));
      res.once("error", () => resolve(0));
    });
    req.once("error", () => resolve(0));
    req.end(request.body);
  });
}
