import { describe, expect, it } from "vitest";
import { ChatQueue } from "../../src/lark/queue.js";
import { RateLimiter } from "../../src/lark/rate-limit.js";
import { cardOf, cardText, QUESTION, seedBots, slowEngine } from "../app/harness.js";

const tick = (ms = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe("ChatQueue", () => {
  it("runs one chat's jobs in order and different chats in parallel, up to the concurrency", async () => {
    const queue = new ChatQueue({ concurrency: 2 });
    const log: string[] = [];
    let running = 0;
    let peak = 0;
    const job = (name: string, ms: number) => async () => {
      running += 1;
      peak = Math.max(peak, running);
      log.push(`start ${name}`);
      await tick(ms);
      log.push(`end ${name}`);
      running -= 1;
    };
    queue.push("a", job("a1", 30));
    queue.push("a", job("a2", 1));
    queue.push("b", job("b1", 5));
    queue.push("c", job("c1", 5));
    expect(queue.size).toBe(4);
    expect(await queue.idle(2000)).toBe(true);
    expect(log.indexOf("end a1")).toBeLessThan(log.indexOf("start a2"));
    expect(log.indexOf("start b1")).toBeLessThan(log.indexOf("end a1"));
    expect(peak).toBe(2);
  });

  it("refuses work beyond the per-chat and total bounds, and survives a throwing job", async () => {
    const errors: unknown[] = [];
    const queue = new ChatQueue({ maxPerChat: 2, maxTotal: 4, concurrency: 1, onError: (e) => errors.push(e) });
    const wait = () => tick(10);
    expect(queue.push("a", async () => { throw new Error("boom"); })).toBe(true);
    expect(queue.push("a", wait)).toBe(true);
    expect(queue.push("a", wait)).toBe(true);
    expect(queue.push("a", wait)).toBe(false);
    expect(queue.push("b", wait)).toBe(true);
    expect(queue.push("c", wait)).toBe(false);
    expect(await queue.idle(2000)).toBe(true);
    expect(errors).toHaveLength(1);
    expect(queue.push("a", () => tick(200))).toBe(true);
    expect(await queue.idle(20)).toBe(false);
  });
});

describe("RateLimiter", () => {
  it("allows `limit` per window per user and reports the first refusal once", () => {
    let now = 0;
    const limiter = new RateLimiter({ limit: 2, windowMs: 10_000, clock: () => now });
    expect(limiter.take("u").allowed).toBe(true);
    now = 1000;
    expect(limiter.take("u").allowed).toBe(true);
    expect(limiter.take("u")).toEqual({ allowed: false, firstRefusal: true, retryAfterSeconds: 9 });
    expect(limiter.take("u").firstRefusal).toBe(false);
    expect(limiter.take("other").allowed).toBe(true);
    now = 10_001;
    expect(limiter.take("u").allowed).toBe(true);
  });
});

describe("ordering and limits over the wire", () => {
  const bots = seedBots();

  it("answers one chat's questions in the order they were asked", async () => {
    const h = await bots.start(slowEngine(bots.engine, { delayMs: 30 }));
    const questions = ["/sources", QUESTION, "/help"].map((text) => h.emulator.events.textMessage({ chatType: "p2p", text }));
    await Promise.all(questions.map((q) => h.emulator.deliver(q)));
    await h.emulator.waitForMessages(() => true, 3);
    await h.settled();
    const delivered = h.activities.filter((a) => a.type === "queued").map((a) => (a as { messageId: string }).messageId);
    expect(h.emulator.messages.map((m) => m.parent_id)).toEqual(delivered);
  });

  it("limits each user's questions: one notice, then silence until the window passes", async () => {
    const h = await bots.start(bots.engine, { tuning: { rateLimit: { limit: 2, windowMs: 60_000 } } });
    const events = Array.from({ length: 4 }, () => h.emulator.events.textMessage({ chatType: "p2p", senderId: "ou_eager", text: QUESTION }));
    for (const event of events) await h.emulator.deliver(event);
    await h.emulator.waitForMessages(() => true, 3);
    await h.settled();
    expect(h.emulator.messages).toHaveLength(3);
    const notice = h.emulator.messages.find((m) => m.parent_id === events[2]!.event.message.message_id)!;
    expect(cardText(cardOf(h, notice))).toMatch(/提问太频繁了，请稍等 \d+ 秒再问/);
    expect(h.activities.filter((a) => a.type === "dropped" && a.reason === "rate_limited")).toHaveLength(2);
    const other = h.emulator.events.textMessage({ chatType: "p2p", senderId: "ou_calm", text: QUESTION });
    await h.emulator.deliver(other);
    await h.emulator.waitForMessages((m) => m.parent_id === other.event.message.message_id);
  });

  it("tells the user to come back later when the chat's queue is full", async () => {
    const h = await bots.start(slowEngine(bots.engine, { delayMs: 300 }), { tuning: { queue: { maxPerChat: 1, maxTotal: 10, concurrency: 1 } } });
    const events = Array.from({ length: 3 }, (_, i) => h.emulator.events.textMessage({ chatType: "p2p", senderId: `ou_${i}`, chatId: "oc_busy", text: QUESTION }));
    for (const event of events) await h.emulator.deliver(event);
    const busy = await h.emulator.waitForMessages((m) => m.parent_id === events[2]!.event.message.message_id);
    expect(cardText(cardOf(h, busy[0]!))).toContain("请稍后再试");
    await h.settled();
    expect(h.emulator.messages).toHaveLength(3);
  });

  it("drops messages that are too old to answer (a late redelivery)", async () => {
    const h = await bots.start(bots.engine);
    const old = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION, createTime: Date.now() - 31 * 60_000 });
    await h.emulator.deliver(old);
    await h.waitForActivity("dropped", (a) => a.reason === "stale");
    expect(h.emulator.messages).toHaveLength(0);
  });

  it("ignores messages sent by bots", async () => {
    const h = await bots.start(bots.engine);
    const fromBot = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION, senderType: "app" });
    await h.emulator.deliver(fromBot);
    await h.waitForActivity("dropped", (a) => a.reason === "self");
  });
});
