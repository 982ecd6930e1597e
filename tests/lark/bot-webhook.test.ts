import { describe, expect, it } from "vitest";
import type { LocalBotOptions } from "../../src/app/index.js";
import type { BotEngine } from "../../src/lark/index.js";
import { cardOf, cardText, QUESTION, seedBots, slowEngine } from "../app/harness.js";

// Webhook mode end to end: the emulator POSTs encrypted, signed events to the bot's HTTP receiver;
// the bot answers through the real SDK client against the emulator's Open API.

const encryptKey = "bot-encrypt-key";
const verificationToken = "bot-verification-token";

const bots = seedBots();

const start = (options: LocalBotOptions = {}, engine: BotEngine = bots.engine) => bots.start(engine, { encryptKey, verificationToken, ...options });

describe("answering over webhooks", () => {
  it("answers a DM question with the number and its citation, replying to the user's message", async () => {
    const h = await start();
    const event = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
    const delivery = await h.emulator.deliver(event);
    expect(delivery.delivered).toBe(true);
    expect(delivery.attempts).toHaveLength(1);
    expect(delivery.attempts[0]!.durationMs).toBeLessThan(1000);

    const [reply] = await h.emulator.waitForMessages((m) => m.origin === "reply");
    expect(reply!.parent_id).toBe(event.event.message.message_id);
    expect(reply!.msg_type).toBe("interactive");
    const card = cardOf(h, reply!) as { schema: string; body: { elements: Array<Record<string, unknown>> } };
    expect(card.schema).toBe("2.0");
    const text = cardText(card);
    expect(text).toContain("20%");
    expect(text).toContain("突破“实、融、活、优”，打造全国标杆");
    expect(text).toContain("2022-01-15");
    expect(text).toContain("事实表");
    const panel = card.body.elements.find((el) => el.tag === "collapsible_panel");
    expect(panel).toMatchObject({ expanded: false });
    expect(JSON.stringify(card)).toContain(`"q":"${event.event.message.message_id}"`);
    await h.settled();
    expect(h.state.recentTurns(event.event.message.chat_id)).toHaveLength(1);
  });

  it("keeps the conversation: a follow-up reuses the zone and metric of the previous turn", async () => {
    const h = await start();
    const first = h.emulator.events.textMessage({ chatType: "p2p", text: "2020年西海岸新区国家高新技术企业要达到多少家？" });
    await h.emulator.deliver(first);
    await h.emulator.waitForMessages((m) => m.parent_id === first.event.message.message_id);
    const followUp = h.emulator.events.textMessage({ chatType: "p2p", text: "那青岛开发区2022年呢？" });
    await h.emulator.deliver(followUp);
    const [reply] = await h.emulator.waitForMessages((m) => m.parent_id === followUp.event.message.message_id);
    expect(cardText(cardOf(h, reply!))).toContain("200家以上");
  });

  it("in groups answers only when @-mentioned, and inside the thread when asked in one", async () => {
    const h = await start();
    const quiet = h.emulator.events.textMessage({ chatType: "group", chatId: "oc_team", text: QUESTION });
    await h.emulator.deliver(quiet);
    await h.waitForActivity("dropped", (a) => a.messageId === quiet.event.message.message_id && a.reason === "not_mentioned");

    const asked = h.emulator.events.textMessage({ chatType: "group", chatId: "oc_team", text: QUESTION, mentionBot: true });
    await h.emulator.deliver(asked);
    const [answer] = await h.emulator.waitForMessages((m) => m.parent_id === asked.event.message.message_id);
    expect(answer!.thread_id).toBeUndefined();

    // A question inside an existing thread gets its answer in that thread.
    const opened = await h.bot.sender.reply(asked.event.message.message_id, { schema: "2.0", config: { update_multi: true }, body: { elements: [] } }, { uuid: "open-thread", inThread: true });
    const inThread = h.emulator.events.textMessage({ chatType: "group", chatId: "oc_team", text: "那青岛开发区2021年呢？", mentionBot: true, threadId: opened.threadId });
    await h.emulator.deliver(inThread);
    const [threaded] = await h.emulator.waitForMessages((m) => m.parent_id === inThread.event.message.message_id);
    expect(threaded!.thread_id).toBe(opened.threadId);
    await h.settled();
    const call = h.emulator.apiCalls.find((c) => c.path.endsWith(`/${inThread.event.message.message_id}/reply`));
    expect(call?.body).toMatchObject({ reply_in_thread: true });
    expect(h.activities.filter((a) => a.type === "answered")).toHaveLength(2);
  });

  it("answers a redelivered or duplicated event once", async () => {
    const h = await start();
    const event = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
    const results = await h.emulator.deliverDuplicates(event, 3);
    expect(results.every((r) => r.delivered)).toBe(true);
    await h.emulator.waitForMessages((m) => m.origin === "reply");
    await h.settled();
    expect(h.emulator.messages).toHaveLength(1);
    expect(h.activities.filter((a) => a.type === "dropped" && a.reason === "duplicate")).toHaveLength(2);

    // The same message under a new event id (e.g. after a reconnect) is a duplicate too.
    const again = h.emulator.events.envelope("im.message.receive_v1", event.event);
    await h.emulator.deliver(again);
    await h.settled();
    expect(h.emulator.messages).toHaveLength(1);
  });

  it("acks at once while the answer is still being worked out", async () => {
    const slow = slowEngine(bots.engine, { delayMs: 1500 });
    const h = await start({}, slow);
    const event = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
    const delivery = await h.emulator.deliver(event);
    expect(delivery.attempts[0]!.durationMs).toBeLessThan(500);
    expect(h.emulator.messages).toHaveLength(0);
    await h.emulator.waitForMessages((m) => m.origin === "reply", 1, 5000);
  });

  it("acks within the budget even when a handler on the ack path is slow", async () => {
    const slowAction = async () => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return { toast: { type: "info", content: "late" } };
    };
    const h = await start({ tuning: { ackTimeoutMs: 200 }, cardActions: { slow: slowAction } });
    const click = h.emulator.events.cardAction({ chatId: "oc_x", messageId: "om_x", value: { action: "slow" } });
    const result = await h.emulator.deliver(click);
    expect(result.response?.json).toEqual({});
    expect(result.attempts[0]!.durationMs).toBeLessThan(1000);
  });

  it("sends an apology card when answering fails", async () => {
    const h = await start({}, slowEngine(bots.engine, { fail: new Error("index exploded") }));
    const event = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
    await h.emulator.deliver(event);
    const [reply] = await h.emulator.waitForMessages((m) => m.parent_id === event.event.message.message_id);
    const text = cardText(cardOf(h, reply!));
    expect(text).toContain("抱歉");
    expect(text).toContain("answer_failed");
    expect((reply!.body as { header: { template: string } }).header.template).toBe("red");
    expect(h.activities.find((a) => a.type === "failed")).toMatchObject({ code: "answer_failed" });
  });

  it("tells the user what it cannot read: other message types, empty and overlong questions", async () => {
    const h = await start({ tuning: { maxQuestionChars: 50 } });
    const image = h.emulator.events.imageMessage({ chatType: "p2p", imageKey: "img_x" });
    const empty = h.emulator.events.textMessage({ chatType: "group", text: "", mentionBot: true });
    const long = h.emulator.events.textMessage({ chatType: "p2p", senderId: "ou_long", text: "青岛开发区".repeat(20) });
    for (const event of [image, empty, long]) await h.emulator.deliver(event);
    const replies = await h.emulator.waitForMessages((m) => m.origin === "reply", 3);
    const textOf = (id: string) => cardText(cardOf(h, replies.find((m) => m.parent_id === id)!));
    expect(textOf(image.event.message.message_id)).toContain("图片");
    expect(textOf(empty.event.message.message_id)).toContain("请在 @我 之后写上问题");
    expect(textOf(long.event.message.message_id)).toContain("100 字，上限 50 字");
  });

  it("reads post (rich text) messages", async () => {
    const h = await start();
    const post = h.emulator.events.postMessage({
      chatType: "group", mentionBot: true, paragraphs: [[{ tag: "text", text: "青岛开发区2022年外贸进出口总额的" }], [{ tag: "text", text: "增长目标是多少？" }]],
    });
    await h.emulator.deliver(post);
    const [reply] = await h.emulator.waitForMessages((m) => m.parent_id === post.event.message.message_id);
    expect(cardText(cardOf(h, reply!))).toContain("20%");
  });

  it("stores 👍/👎 from the card buttons and answers with a toast", async () => {
    const h = await start();
    const event = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION, senderId: "ou_voter" });
    await h.emulator.deliver(event);
    const [reply] = await h.emulator.waitForMessages((m) => m.origin === "reply");
    const card = JSON.stringify(cardOf(h, reply!));
    const value = JSON.parse(/"value":(\{"action":"feedback","vote":"down"[^}]*\})/.exec(card)![1]!) as Record<string, unknown>;
    const click = h.emulator.events.cardAction({ chatId: reply!.chat_id, messageId: reply!.message_id, operatorId: "ou_voter", value });
    const result = await h.emulator.deliver(click);
    expect(result.url).toMatch(/\/webhook\/card$/);
    expect(result.response?.json).toEqual({ toast: { type: "success", content: "已记录，我们会改进。" } });
    const up = h.emulator.events.cardAction({ chatId: reply!.chat_id, messageId: reply!.message_id, operatorId: "ou_voter", value: { ...value, vote: "up" } });
    expect((await h.emulator.deliver(up)).response?.json).toEqual({ toast: { type: "success", content: "感谢反馈！" } });
    expect(h.state.votes(event.event.message.message_id)).toMatchObject([
      { userId: "ou_voter", vote: "up", question: QUESTION, cardMessageId: reply!.message_id },
    ]);
    const unknown = h.emulator.events.cardAction({ chatId: "oc_x", messageId: "om_x", value: { action: "nope" } });
    expect((await h.emulator.deliver(unknown)).response?.json).toMatchObject({ toast: { type: "warning" } });
  });

  it("welcomes a group when the bot is added, once", async () => {
    const h = await start();
    const added = h.emulator.events.botAdded({ chatId: "oc_new_group", operatorId: "ou_admin" });
    await h.emulator.deliverDuplicates(added, 2);
    const [welcome] = await h.emulator.waitForMessages((m) => m.chat_id === "oc_new_group");
    await h.settled();
    expect(cardText(welcome!.body)).toContain("/help");
    expect(h.emulator.messages).toHaveLength(1);
  });
});
