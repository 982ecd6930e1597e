import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { encryptPayload, signBody } from "../../src/lark/emulator/index.js";
import { QUESTION, seedBots } from "../app/harness.js";

// The webhook receiver's own checks, before the SDK or the App see anything: every refused request
// must leave no trace (no activity, no dedupe entry, no message).

const encryptKey = "sec-encrypt-key";
const verificationToken = "sec-verification-token";

const bots = seedBots();

interface Signed {
  body: string;
  headers: Record<string, string>;
}

function signed(payload: unknown, options: { key?: string; timestamp?: number; encrypt?: boolean } = {}): Signed {
  const key = options.key ?? encryptKey;
  const plain = JSON.stringify(payload);
  const body = options.encrypt === false ? plain : JSON.stringify({ encrypt: encryptPayload(key, plain) });
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = randomBytes(8).toString("hex");
  return {
    body,
    headers: {
      "content-type": "application/json",
      "x-lark-request-timestamp": timestamp,
      "x-lark-request-nonce": nonce,
      "x-lark-signature": signBody(timestamp, nonce, key, body),
    },
  };
}

async function post(url: string, request: Partial<Signed> & { body: string }): Promise<{ status: number; json: unknown }> {
  const res = await fetch(url, { method: "POST", headers: request.headers ?? { "content-type": "application/json" }, body: request.body });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, json };
}

describe("webhook checks with an encrypt key", () => {
  it("answers a bad signature with 401 and no side effects: the genuine event still gets answered", async () => {
    const h = await bots.start(bots.engine, { encryptKey, verificationToken });
    const event = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
    const forged = await h.emulator.deliver(event, { badSignature: true, redeliver: false });
    expect(forged.response?.status).toBe(401);
    expect(h.activities.filter((a) => a.type === "received")).toHaveLength(0);
    expect(h.activities).toContainEqual(expect.objectContaining({ type: "rejected", reason: "signature mismatch", status: 401 }));
    expect(h.state.seen(`event:${event.header.event_id}`)).toBe(false);

    expect((await h.emulator.deliver(event)).delivered).toBe(true);
    await h.emulator.waitForMessages((m) => m.parent_id === event.event.message.message_id);
  });

  it("refuses stale timestamps (more than 5 minutes off) and missing signatures", async () => {
    const h = await bots.start(bots.engine, { encryptKey });
    const url = h.bot.webhook!.eventUrl;
    const event = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
    const stale = await post(url, signed(event, { timestamp: Math.floor(Date.now() / 1000) - 301 }));
    expect(stale).toMatchObject({ status: 401, json: { msg: "stale timestamp" } });
    const future = await post(url, signed(event, { timestamp: Math.floor(Date.now() / 1000) + 400 }));
    expect(future.status).toBe(401);
    const unsigned = await post(url, { body: signed(event).body });
    expect(unsigned).toMatchObject({ status: 401, json: { msg: "missing signature headers" } });
    const wrongKey = await post(url, signed(event, { key: "someone-else" }));
    expect(wrongKey.status).toBe(401);
    expect(h.activities.filter((a) => a.type === "received")).toHaveLength(0);

    const skewed = await post(url, signed(event, { timestamp: Math.floor(Date.now() / 1000) - 200 }));
    expect(skewed.status).toBe(200);
    await h.emulator.waitForMessages((m) => m.parent_id === event.event.message.message_id);
  });

  it("passes the URL verification challenge, signed or not, but only when it decrypts with our key", async () => {
    const h = await bots.start(bots.engine, { encryptKey, verificationToken });
    const result = await h.emulator.challenge();
    expect(result.ok).toBe(true);
    expect(result.durationMs).toBeLessThan(1000);
    const url = h.bot.webhook!.eventUrl;
    const challenge = { challenge: "abc123", token: verificationToken, type: "url_verification" };
    const unsigned = await post(url, { body: signed(challenge).body });
    expect(unsigned).toEqual({ status: 200, json: { challenge: "abc123" } });
    const plain = await post(url, { body: JSON.stringify(challenge) });
    expect(plain.status).toBe(401);
    const foreign = await post(url, { body: signed(challenge, { key: "other" }).body });
    expect(foreign.status).toBe(400);
    const wrongToken = await post(url, signed({ ...challenge, token: "nope" }));
    expect(wrongToken).toMatchObject({ status: 401, json: { msg: "verification token mismatch" } });
  });
});

describe("webhook checks without an encrypt key", () => {
  it("compares the verification token in the body", async () => {
    const h = await bots.start(bots.engine, { verificationToken });
    const event = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
    const url = h.bot.webhook!.eventUrl;
    const forged = await post(url, { body: JSON.stringify({ ...event, header: { ...event.header, token: "guess" } }) });
    expect(forged).toMatchObject({ status: 401, json: { msg: "verification token mismatch" } });
    const missing = await post(url, { body: JSON.stringify({ ...event, header: { ...event.header, token: undefined } }) });
    expect(missing.status).toBe(401);
    expect(h.state.seen(`event:${event.header.event_id}`)).toBe(false);

    expect((await h.emulator.deliver(event)).delivered).toBe(true);
    await h.emulator.waitForMessages((m) => m.parent_id === event.event.message.message_id);
    expect((await h.emulator.challenge()).ok).toBe(true);
  });

  it("refuses encrypted bodies it cannot decrypt, non-JSON and oversized bodies", async () => {
    const h = await bots.start(bots.engine, {});
    const url = h.bot.webhook!.eventUrl;
    expect((await post(url, { body: JSON.stringify({ encrypt: "AAAA" }) })).status).toBe(400);
    expect((await post(url, { body: "{not json" })).status).toBe(400);
    expect((await post(url, { body: "[1,2]" })).status).toBe(400);
    expect((await post(url, { body: JSON.stringify({ pad: "x".repeat(1024 * 1024 + 10) }) })).status).toBe(413);
  });
});

describe("routes", () => {
  it("answers 404 at once for unknown paths, ignores query strings, serves /healthz, 503 while draining", async () => {
    const h = await bots.start(bots.engine, {});
    const base = h.bot.webhook!.url;
    const started = Date.now();
    expect((await post(`${base}/webhook/other`, { body: "{}" })).status).toBe(404);
    expect((await fetch(`${base}/webhook/event`)).status).toBe(404);
    expect(Date.now() - started).toBeLessThan(1000);

    const event = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
    expect((await post(`${base}/webhook/event?from=feishu`, { body: JSON.stringify(event) })).status).toBe(200);
    await h.emulator.waitForMessages((m) => m.parent_id === event.event.message.message_id);

    const health = await fetch(h.bot.webhook!.healthUrl);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, draining: false, brain: "offline" });

    h.bot.app.startDraining();
    const late = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
    expect((await post(h.bot.webhook!.eventUrl, { body: JSON.stringify(late) })).status).toBe(503);
    expect(h.state.seen(`event:${late.header.event_id}`)).toBe(false);
  });
});
