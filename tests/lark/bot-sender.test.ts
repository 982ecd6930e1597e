import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFeishuEmulator, type FeishuEmulator } from "../../src/lark/emulator/index.js";
import {
  createLarkClient, deriveUuid, LarkApiError, markdownCard, Sender, silentLogger, TokenCache, loadBotTexts, type RetryPolicy,
} from "../../src/lark/index.js";
import { newAppId } from "./helpers.js";

// The sender against the emulator's Open API through the real SDK client: what is retried, how long
// it waits, what is never retried, and the token refresh the SDK does not do by itself.

const texts = loadBotTexts();
const card = markdownCard(texts, "答案");
let emulator: FeishuEmulator;
let appId: string;

beforeEach(async () => {
  appId = newAppId();
  emulator = await startFeishuEmulator({ appId, appSecret: "s" });
});
afterEach(() => emulator.close());

interface Retry { operation: string; attempt: number; delayMs: number; code?: number; status?: number }

function sender(retry: Partial<RetryPolicy> = { baseDelayMs: 20, maxDelayMs: 3000 }, domain = emulator.url): { sender: Sender; retries: Retry[] } {
  const tokens = new TokenCache();
  const retries: Retry[] = [];
  const s = new Sender(createLarkClient({ appId, appSecret: "s", domain, requestTimeoutMs: 2000 }, tokens, silentLogger), tokens, {
    logger: silentLogger,
    retry,
    onRetry: ({ operation, attempt, delayMs, error }) => retries.push({ operation, attempt, delayMs, code: error.larkCode, status: error.status }),
  });
  return { sender: s, retries };
}

const question = (): string => emulator.events.textMessage({ chatType: "p2p", text: "q" }).event.message.message_id;
const calls = (fragment: string): number => emulator.apiCalls.filter((c) => c.path.includes(fragment)).length;

describe("retries", () => {
  it("waits x-ogw-ratelimit-reset seconds after a 429, then sends once", async () => {
    const { sender: s, retries } = sender();
    emulator.faults.inject({ kind: "429", resetSeconds: 1, pathIncludes: "/reply" });
    const started = Date.now();
    const sent = await s.reply(question(), card, { uuid: "u-429" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(sent.messageId).toMatch(/^om_/);
    expect(retries).toEqual([expect.objectContaining({ operation: "im.message.reply", status: 429, code: 99991400 })]);
    expect(retries[0]!.delayMs).toBeGreaterThanOrEqual(1000);
    expect(emulator.messages).toHaveLength(1);
  });

  it("backs off exponentially on 5xx and gives up after maxAttempts", async () => {
    const { sender: s, retries } = sender({ maxAttempts: 3, baseDelayMs: 40, maxDelayMs: 1000 });
    emulator.faults.inject({ kind: "500", times: 2, pathIncludes: "/reply" });
    await s.reply(question(), card, { uuid: "u-500" });
    expect(retries.map((r) => r.status)).toEqual([500, 500]);
    expect(retries[1]!.delayMs).toBeGreaterThanOrEqual(40);

    emulator.faults.inject({ kind: "500", times: 10, pathIncludes: "/reply" });
    const before = calls("/reply");
    const error = await s.reply(question(), card, { uuid: "u-500b" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LarkApiError);
    expect((error as LarkApiError).retryClass).toBe("server");
    expect(calls("/reply") - before).toBe(3);
  });

  it("retries 230020 (5 patches per second per message) until every patch lands", async () => {
    const { sender: s, retries } = sender({ baseDelayMs: 150, maxDelayMs: 2000, maxAttempts: 6 });
    const sent = await s.reply(question(), card, { uuid: "u-patch" });
    await Promise.all(Array.from({ length: 8 }, (_, i) => s.patchCard(sent.messageId, markdownCard(texts, `v${i}`))));
    expect(emulator.message(sent.messageId)?.revisions).toHaveLength(8);
    expect(retries.some((r) => r.code === 230020)).toBe(true);
  });

  it("never retries format or permission errors", async () => {
    const { sender: s, retries } = sender();
    const missing = await s.reply("om_does_not_exist", card, { uuid: "u-x" }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ larkCode: 230011, retryClass: "fatal" });
    const notOurs = await s.patchCard("om_nope", card).catch((e: unknown) => e);
    expect(notOurs).toMatchObject({ larkCode: 230001, retryClass: "fatal" });
    expect(retries).toHaveLength(0);
    expect(calls("/om_does_not_exist/reply")).toBe(1);
  });

  it("retries network failures and reports them as such", async () => {
    const { sender: s, retries } = sender({ maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 50 }, "http://127.0.0.1:9");
    const error = await s.reply("om_x", card, { uuid: "u-net" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ retryClass: "network", code: "lark_network_error" });
    expect(retries).toHaveLength(1);
  });
});

describe("tokens", () => {
  it("fetches a new tenant token after 99991663 (the SDK alone would keep the revoked one)", async () => {
    const { sender: s } = sender();
    await s.reply(question(), card, { uuid: "u-t1" });
    emulator.revokeToken();
    await s.reply(question(), card, { uuid: "u-t2" });
    expect(emulator.issuedTokens).toHaveLength(2);
    expect(emulator.messages).toHaveLength(2);
    const rejected = emulator.apiCalls.filter((c) => c.code === 99991663);
    expect(rejected).toHaveLength(1);
  });

  it("refreshes only once per call", async () => {
    const { sender: s } = sender();
    emulator.faults.inject({ kind: "token-expired", times: 2, pathIncludes: "/reply" });
    const error = await s.reply(question(), card, { uuid: "u-t3" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ larkCode: 99991663, retryClass: "token" });
    // One token request at first use, one after the first rejection, none after the second.
    expect(calls("/tenant_access_token/internal")).toBe(2);
    expect(calls("/reply")).toBe(2);
  });
});

describe("idempotency", () => {
  it("derives one uuid per inbound message and purpose, short enough for Feishu", async () => {
    const uuid = deriveUuid("om_dc13264520392913993dd051dba21dcf", "answer");
    expect(uuid).toBe(deriveUuid("om_dc13264520392913993dd051dba21dcf", "answer"));
    expect(uuid).not.toBe(deriveUuid("om_dc13264520392913993dd051dba21dcf", "apology"));
    expect(uuid.length).toBeLessThanOrEqual(50);
    const { sender: s } = sender();
    const root = question();
    const a = await s.reply(root, card, { uuid: deriveUuid(root, "answer") });
    const b = await s.reply(root, card, { uuid: deriveUuid(root, "answer") });
    expect(b.messageId).toBe(a.messageId);
    expect(emulator.messages).toHaveLength(1);
  });
});
