import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../../src/config/index.js";
import type { Engine } from "../../src/engine/index.js";
import { cardOf, cardText, QUESTION, startHarness, type Harness } from "../app/harness.js";
import { seedEngine } from "../support/engine.js";

// Long-connection mode end to end: the bot's SDK WSClient connects to the emulator's WS gateway;
// events are pushed as protobuf frames and acked by the same App.processEvent as webhooks.

let engine: Engine;
let config: Config;
let cleanup: () => void;
let harness: Harness | undefined;

beforeAll(async () => {
  ({ engine, config, cleanup } = await seedEngine());
});
afterAll(() => cleanup());
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe("long connection (WSClient)", () => {
  it("answers a pushed DM question and acks the frame at once", async () => {
    const h = (harness = await startHarness(config, engine, { transport: "ws" }));
    expect(h.bot.transport).toBe("ws");
    expect(h.bot.webhook).toBeUndefined();
    const event = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
    const started = Date.now();
    const ack = await h.emulator.pushEvent(event);
    expect(ack.code).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
    const [reply] = await h.emulator.waitForMessages((m) => m.parent_id === event.event.message.message_id);
    const text = cardText(cardOf(h, reply!));
    expect(text).toContain("20%");
    expect(text).toContain("2022-01-15");
    expect(h.activities.find((a) => a.type === "received")).toMatchObject({ transport: "ws" });
  });

  it("dedupes a pushed duplicate and answers card callbacks in the ACK", async () => {
    const h = (harness = await startHarness(config, engine, { transport: "ws" }));
    const event = h.emulator.events.textMessage({ chatType: "group", mentionBot: true, text: QUESTION, senderId: "ou_ws" });
    await h.emulator.pushEvent(event);
    await h.emulator.pushEvent(event, { fragments: 2 });
    const [reply] = await h.emulator.waitForMessages((m) => m.parent_id === event.event.message.message_id);
    await h.settled();
    expect(h.emulator.messages).toHaveLength(1);
    expect(h.activities.filter((a) => a.type === "dropped" && a.reason === "duplicate")).toHaveLength(1);

    const click = h.emulator.events.cardAction({
      chatId: reply!.chat_id, messageId: reply!.message_id, operatorId: "ou_ws",
      value: { action: "feedback", vote: "up", q: event.event.message.message_id },
    });
    const ack = await h.emulator.pushEvent(click);
    expect(ack).toEqual({ code: 200, data: { toast: { type: "success", content: "感谢反馈！" } } });
    expect(h.state.votes()).toMatchObject([{ vote: "up", userId: "ou_ws" }]);
  });

  it("keeps answering after the connection drops and the SDK reconnects", async () => {
    const h = (harness = await startHarness(config, engine, { transport: "ws" }));
    h.emulator.dropWsClients();
    await h.emulator.waitForWsClient(5000);
    const event = h.emulator.events.textMessage({ chatType: "p2p", text: "/help" });
    expect((await h.emulator.pushEvent(event)).code).toBe(200);
    const [reply] = await h.emulator.waitForMessages((m) => m.parent_id === event.event.message.message_id);
    expect(cardText(cardOf(h, reply!))).toContain("/facts");
  });
});
