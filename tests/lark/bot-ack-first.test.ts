import { describe, expect, it } from "vitest";
import { QUESTION, seedBots } from "../app/harness.js";

// Webhook deliveries are acknowledged before their intake chain runs (DeferredIntake): the ack of a
// burst's last request no longer waits for the intake of every request before it.

const bots = seedBots();
const secrets = { encryptKey: "ack-first-key", verificationToken: "ack-first-token" };

describe("webhook: ack first, intake after", () => {
  it("acknowledges a message before its intake runs, then answers it once no ack is pending", async () => {
    const h = await bots.start(bots.engine, secrets);
    const gate = h.bot.app.services.ackGate;
    gate.enter(); // another delivery of the burst is still being acknowledged
    const event = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
    const delivery = await h.emulator.deliver(event, { redeliver: false });
    expect(delivery.delivered).toBe(true);
    expect(h.activities.filter((a) => a.type === "received" || a.type === "queued")).toEqual([]);
    expect(h.bot.app.health()).toMatchObject({ unprocessed: 1 });
    gate.leave();
    const [reply] = await h.emulator.waitForMessages((m) => m.parent_id === event.event.message.message_id);
    expect(JSON.stringify(reply!.body)).toContain("20%");
    await h.waitForActivity("answered");
    expect(h.activities.map((a) => a.type)).toEqual(expect.arrayContaining(["received", "queued", "answered"]));
  });

  it("keeps the order of a chat's messages and drops a redelivered one as before", async () => {
    const h = await bots.start(bots.engine, secrets);
    const first = h.emulator.events.textMessage({ chatType: "p2p", chatId: "oc_order", text: QUESTION });
    const second = h.emulator.events.textMessage({ chatType: "p2p", chatId: "oc_order", text: "/help" });
    await Promise.all([first, second, first].map((e) => h.emulator.deliver(e, { redeliver: false })));
    await h.settled();
    const queued = h.activities.filter((a) => a.type === "queued").map((a) => (a as { messageId: string }).messageId);
    expect(queued).toEqual([first.event.message.message_id, second.event.message.message_id]);
    expect(h.activities.filter((a) => a.type === "dropped" && a.reason === "duplicate")).toHaveLength(1);
  });

  it("stopping waits for events already acknowledged: their answers still go out", async () => {
    const h = await bots.start(bots.engine, secrets);
    const event = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
    await h.emulator.deliver(event, { redeliver: false });
    await h.bot.stop();
    expect(h.emulator.messages.filter((m) => m.parent_id === event.event.message.message_id)).toHaveLength(1);
  });

  // Card callbacks keep their toast in the ack: bot-webhook.test.ts (👍/👎) runs with ack-first on.

  it("webhookAckFirst: false runs the intake before the ack", async () => {
    const h = await bots.start(bots.engine, { ...secrets, tuning: { webhookAckFirst: false } });
    const event = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
    await h.emulator.deliver(event, { redeliver: false });
    expect(h.activities.filter((a) => a.type === "queued")).toHaveLength(1);
  });
});
