import { describe, expect, it } from "vitest";
import { startFeishuEmulator } from "../../src/lark/emulator/index.js";
import { createLarkClient, Sender, silentLogger, TokenCache } from "../../src/lark/index.js";
import { newAppId } from "./helpers.js";

// One token fetch at a time: a burst of calls with an empty cache waits for the first caller's token.

describe("TokenCache", () => {
  it("the first miss fetches; later misses wait for its set and get the token", async () => {
    const cache = new TokenCache(Date.now, 1000);
    expect(await cache.get("t", { namespace: "a" })).toBeUndefined();
    const waiting = [cache.get("t", { namespace: "a" }), cache.get("t", { namespace: "a" })];
    expect(await cache.get("t", { namespace: "b" })).toBeUndefined(); // another app fetches its own
    await cache.set("t", "tok-1", Date.now() + 60_000, { namespace: "a" });
    expect(await Promise.all(waiting)).toEqual(["tok-1", "tok-1"]);
    expect(await cache.get("t", { namespace: "a" })).toBe("tok-1");
  });

  it("waiters fetch themselves when the first fetch never sets (it failed)", async () => {
    const cache = new TokenCache(Date.now, 50);
    expect(await cache.get("t")).toBeUndefined();
    const started = Date.now();
    expect(await cache.get("t")).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
    expect(await cache.get("t")).toBeUndefined(); // and the next miss is a fetch again, not a wait
  });

  it("an expired token is a miss; evict() empties the cache", async () => {
    let now = 1000;
    const cache = new TokenCache(() => now, 50);
    await cache.set("t", "old", 2000);
    expect(await cache.get("t")).toBe("old");
    now = 2001;
    expect(await cache.get("t")).toBeUndefined();
    await cache.set("t", "new", 9000);
    cache.evict();
    expect(await cache.get("t")).toBeUndefined();
  });

  it("50 concurrent calls through the SDK after start-up make one token request", async () => {
    const appId = newAppId();
    const emulator = await startFeishuEmulator({ appId, appSecret: "s" });
    try {
      const tokens = new TokenCache();
      const sender = new Sender(createLarkClient({ appId, appSecret: "s", domain: emulator.url }, tokens, silentLogger), tokens, { logger: silentLogger });
      const messages = Array.from({ length: 50 }, () => emulator.events.textMessage({ chatType: "p2p", text: "q" }).event.message.message_id);
      await Promise.all(messages.map((id) => sender.addReaction(id, "Typing")));
      expect(emulator.apiCalls.filter((c) => c.path.includes("tenant_access_token")).length).toBe(1);
      expect(emulator.apiCalls.filter((c) => c.path.includes("/reactions")).length).toBe(50);
    } finally {
      await emulator.close();
    }
  });
});

describe("TokenCache after a failed call", () => {
  it("abandonFetches() lets the waiters fetch at once", async () => {
    const cache = new TokenCache(Date.now, 5000);
    expect(await cache.get("t")).toBeUndefined();
    const waiter = cache.get("t");
    const started = Date.now();
    cache.abandonFetches();
    expect(await waiter).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(100);
  });
});
