import { describe, expect, it } from "vitest";
import { QUESTION, fakeLlmEngine, seedBots, slowEngine } from "../app/harness.js";

// Recalled questions (im.message.recalled_v1) through the emulator: not answered when the recall
// comes first, or while the answer is worked out; an answer already sent stays unless configured.

const bots = seedBots();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("recalled questions", () => {
  it("a recall that arrives before the message event: the message is acked and never answered", async () => {
    const h = await bots.start(bots.engine);
    const event = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
    const messageId = event.event.message.message_id;
    expect((await h.emulator.deliver(h.emulator.recall(messageId))).delivered).toBe(true);
    const delivery = await h.emulator.deliver(event);
    expect(delivery.attempts.map((a) => a.status)).toEqual([200]);
    await h.waitForActivity("dropped", (a) => a.reason === "recalled");
    await h.settled();
    expect(h.emulator.messages).toHaveLength(0);
    expect(h.emulator.reactions).toHaveLength(0);
  });

  it("a redelivered message event after the recall (another event id) is not answered either", async () => {
    const h = await bots.start(bots.engine);
    const event = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
    await h.emulator.deliver(h.emulator.recall(event.event.message.message_id));
    await h.emulator.deliver({ ...event, header: { ...event.header, event_id: `${event.header.event_id}x` } });
    await h.waitForActivity("dropped", (a) => a.reason === "recalled");
    await h.settled();
    expect(h.emulator.messages).toHaveLength(0);
  });

  it("recalled while the answer is being worked out: no answer, no apology", async () => {
    const h = await bots.start(slowEngine(bots.engine, { delayMs: 400 }));
    const event = h.emulator.events.textMessage({ chatType: "group", mentionBot: true, text: QUESTION });
    await h.emulator.deliver(event);
    await pause(100);
    await h.emulator.deliver(h.emulator.recall(event.event.message.message_id));
    await h.waitForActivity("dropped", (a) => a.reason === "recalled", 3000);
    await h.settled();
    expect(h.emulator.messages).toHaveLength(0);
    expect(h.activities.some((a) => a.type === "failed")).toBe(false);
  });

  it("recalled while an LLM answer streams: the unfinished 「查询中…」 card is withdrawn", async () => {
    const h = await bots.start(fakeLlmEngine(bots.engine, { steps: 6, stepMs: 80 }));
    const event = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
    await h.emulator.deliver(event);
    const [pending] = await h.emulator.waitForMessages((m) => m.parent_id === event.event.message.message_id);
    await h.emulator.deliver(h.emulator.recall(event.event.message.message_id));
    await h.settled();
    expect(h.emulator.message(pending!.message_id)?.deleted).toBe(true);
    expect(h.emulator.messages).toHaveLength(1);
  });

  it("…the unfinished card is not counted as an answer: withdrawn once, also with FEISHU_RECALL_ANSWERS on", async () => {
    const h = await bots.start(fakeLlmEngine(bots.engine, { steps: 6, stepMs: 80 }), { feishu: { recallAnswers: true } });
    const event = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
    await h.emulator.deliver(event);
    const [pending] = await h.emulator.waitForMessages((m) => m.parent_id === event.event.message.message_id);
    await h.emulator.deliver(h.emulator.recall(event.event.message.message_id));
    expect(await h.waitForActivity("recalled")).toMatchObject({ answered: false, recalledReplies: [] });
    await h.settled();
    await pause(50);
    expect(h.emulator.message(pending!.message_id)?.deleted).toBe(true);
    expect(h.emulator.apiCalls.filter((c) => c.method === "DELETE" && c.path === `/open-apis/im/v1/messages/${pending!.message_id}`)).toMatchObject([{ status: 200 }]);
  });

  it("recalled after the answer was sent: the answer stays (it shows as a reply to a recalled message)", async () => {
    const h = await bots.start(bots.engine);
    const event = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
    await h.emulator.deliver(event);
    const [reply] = await h.emulator.waitForMessages((m) => m.parent_id === event.event.message.message_id);
    await h.settled();
    await h.emulator.deliver(h.emulator.recall(event.event.message.message_id));
    const recalled = await h.waitForActivity("recalled");
    expect(recalled).toMatchObject({ answered: true, recalledReplies: [] });
    await pause(100);
    expect(h.emulator.message(reply!.message_id)?.deleted).toBeFalsy();
  });

  it("…or is recalled too when FEISHU_RECALL_ANSWERS is on", async () => {
    const h = await bots.start(bots.engine, { feishu: { recallAnswers: true } });
    const event = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
    await h.emulator.deliver(event);
    const [reply] = await h.emulator.waitForMessages((m) => m.parent_id === event.event.message.message_id);
    await h.settled();
    await h.emulator.deliver(h.emulator.recall(event.event.message.message_id));
    expect(await h.waitForActivity("recalled")).toMatchObject({ answered: true, recalledReplies: [reply!.message_id] });
    await h.emulator.waitFor(() => (h.emulator.message(reply!.message_id)?.deleted ? true : undefined), 2000, "the answer recalled");
    await pause(50);
    expect(h.emulator.apiCalls.filter((c) => c.method === "DELETE" && c.path === `/open-apis/im/v1/messages/${reply!.message_id}`)).toMatchObject([{ status: 200 }]);
  });

  it("over the long connection as well", async () => {
    const h = await bots.start(slowEngine(bots.engine, { delayMs: 300 }), { transport: "ws" });
    const event = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
    await h.emulator.pushEvent(event);
    expect((await h.emulator.pushEvent(h.emulator.recall(event.event.message.message_id))).code).toBe(200);
    await h.waitForActivity("dropped", (a) => a.reason === "recalled", 3000);
    await h.settled();
    expect(h.emulator.messages).toHaveLength(0);
  });
});
