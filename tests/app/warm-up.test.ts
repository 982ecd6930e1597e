import { describe, expect, it } from "vitest";
import { QUESTION, seedBots } from "./harness.js";

const bots = seedBots();

/** Open API calls that would show a user something (messages, reactions, cards). */
const visibleCalls = (calls: Array<{ path: string }>): string[] =>
  calls.map((c) => c.path).filter((p) => /\/im\/|\/cardkit\//.test(p));

describe("start-up rehearsal of the receiving path", () => {
  it.each(["webhook", "ws"] as const)("%s: runs every rehearsed delivery through the intake, sends and records nothing", async (transport) => {
    const bot = await bots.start(bots.engine, {
      transport, encryptKey: "warm-key", verificationToken: "warm-token", warmUp: { requests: 40, concurrency: 8 },
    });
    const report = bot.bot.warmUp;
    expect(report?.acked).toBe(40);
    // Questions in a one-to-one chat, @mentions in groups and /help reach the queue; group chatter does not.
    expect(report?.queued).toBe(30);
    expect(bot.activities.filter((a) => a.type !== "connection")).toEqual([]);
    expect(visibleCalls(bot.emulator.apiCalls)).toEqual([]);
    expect(bot.bot.app.services.queue.size).toBe(0);
    expect(bot.bot.app.health().eventsReceived).toBe(0);

    // The real bot answers as before.
    const event = bot.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
    if (transport === "webhook") await bot.emulator.deliver(event);
    else await bot.emulator.pushEvent(event);
    const [reply] = await bot.emulator.waitForMessages((m) => m.parent_id === event.event.message.message_id);
    expect(JSON.stringify(reply!.body)).toContain("20%");
  });

  it("rehearses unsigned deliveries when the app has no encrypt key", async () => {
    const bot = await bots.start(bots.engine, { verificationToken: "warm-token", warmUp: { requests: 8 } });
    expect(bot.bot.warmUp?.acked).toBe(8);
    expect(visibleCalls(bot.emulator.apiCalls)).toEqual([]);
  });

  it("can be turned off", async () => {
    const bot = await bots.start(bots.engine, { warmUp: false });
    expect(bot.bot.warmUp).toBeUndefined();
  });
});
