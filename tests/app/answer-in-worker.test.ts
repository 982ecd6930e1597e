import { describe, expect, it } from "vitest";
import { cardOf, cardText, QUESTION, seedBots } from "./harness.js";

// The bot with `answerInWorker`: answers are worked out in a worker thread, so webhook acks do not
// wait behind them even when every answer blocks its thread for 200 ms.

const TEST_ENGINE = new URL("../support/worker-test-engine.ts", import.meta.url);

const bots = seedBots();

const start = (blockMs: number) =>
  bots.start(bots.engine, {
    encryptKey: "worker-encrypt-key", verificationToken: "worker-token",
    tuning: { rateLimit: { limit: 1000, windowMs: 60_000 } },
    answerInWorker: { engineModule: TEST_ENGINE, moduleData: { blockMs }, onEvent: () => undefined },
  });

describe("answering in a worker thread", () => {
  it("acks 20 concurrent webhook deliveries quickly while each answer blocks the worker for 200 ms", async () => {
    const h = await start(200);
    expect(h.bot.answerer?.stats().ready).toBe(true);
    const events = Array.from({ length: 20 }, (_, i) =>
      h.emulator.events.textMessage({ chatType: "p2p", chatId: `oc_worker_${i}`, senderId: `ou_worker_${i}`, text: QUESTION }));
    const deliveries = await Promise.all(events.map((event) => h.emulator.deliver(event, { redeliver: false })));
    for (const delivery of deliveries) {
      expect(delivery.delivered).toBe(true);
      expect(delivery.attempts).toHaveLength(1);
      expect(delivery.attempts[0]!.durationMs).toBeLessThan(1000);
    }
    // 20 × 200 ms of blocking: the answers are still coming when every ack is in.
    expect(h.emulator.messages.filter((m) => m.origin === "reply").length).toBeLessThan(20);
    const replies = await h.emulator.waitForMessages((m) => m.origin === "reply", 20, 30_000);
    const parents = new Set(events.map((e) => e.event.message.message_id));
    for (const reply of replies) {
      expect(parents.has(reply.parent_id ?? "")).toBe(true);
      expect(cardText(cardOf(h, reply))).toContain("20%");
    }
    await h.settled();
  });

  it("a worker crash becomes the apology card; the next question is answered by the restarted worker", async () => {
    const h = await start(0);
    const crash = h.emulator.events.textMessage({ chatType: "p2p", text: "crash:exit" });
    await h.emulator.deliver(crash, { redeliver: false });
    const [apology] = await h.emulator.waitForMessages((m) => m.origin === "reply" && m.parent_id === crash.event.message.message_id, 1, 10_000);
    expect(cardText(cardOf(h, apology!))).toContain("抱歉");
    await h.waitForActivity("failed");

    const next = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
    await h.emulator.deliver(next, { redeliver: false });
    const [answer] = await h.emulator.waitForMessages((m) => m.origin === "reply" && m.parent_id === next.event.message.message_id, 1, 10_000);
    expect(cardText(cardOf(h, answer!))).toContain("20%");
    expect(h.bot.answerer?.stats().restarts).toBe(1);
  });

  it("stop() terminates the worker", async () => {
    const h = await start(0);
    const thread = h.bot.answerer!.thread()!;
    const exited = new Promise<number>((resolve) => thread.once("exit", resolve));
    await bots.close();
    await exited;
    expect(h.bot.answerer!.thread()).toBeUndefined();
  });
});
