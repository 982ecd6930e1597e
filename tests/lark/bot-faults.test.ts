import { randomBytes } from "node:crypto";
import type { LocalBotOptions } from "../../src/app/index.js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startBot } from "../../src/app/index.js";
import { encryptPayload, signBody, startFeishuEmulator } from "../../src/lark/emulator/index.js";
import { createJsonLogger, type BotActivity } from "../../src/lark/index.js";
import { StateStore } from "../../src/store/state-store.js";
import { cardOf, cardText, QUESTION, seedBots } from "../app/harness.js";

// The fault list over the wire: redeliveries (concurrent and across a restart), a 429 storm,
// malformed and unexpected input, huge messages, threads the bot is part of, follow-ups, feedback.

const encryptKey = "faults-encrypt-key";
const verificationToken = "faults-verification-token";

const bots = seedBots();

const start = (options: LocalBotOptions = {}) => bots.start(bots.engine, { encryptKey, verificationToken, ...options });

function signedPost(url: string, plain: string): Promise<Response> {
  const body = JSON.stringify({ encrypt: encryptPayload(encryptKey, plain) });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(8).toString("hex");
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json", "x-lark-request-timestamp": timestamp, "x-lark-request-nonce": nonce,
      "x-lark-signature": signBody(timestamp, nonce, encryptKey, body),
    },
    body,
  });
}

describe("exactly once", () => {
  it("one event delivered 5 times concurrently, then again after a bot restart → exactly one reply", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "zonebot-restart-"));
    const appId = `cli_${randomBytes(8).toString("hex")}`;
    const appSecret = randomBytes(16).toString("hex");
    const emulator = await startFeishuEmulator({ appId, appSecret, encryptKey, verificationToken });
    const activities: BotActivity[] = [];
    const boot = async () => {
      const state = StateStore.openFile(path.join(dir, "state.db"));
      const bot = await startBot(bots.config, bots.engine, {
        state, logger: createJsonLogger("silent"), onActivity: (a) => activities.push(a),
        feishu: { appId, appSecret, domain: emulator.url, transport: "webhook", host: "127.0.0.1", port: 0, encryptKey, verificationToken },
      });
      emulator.configureWebhooks({ webhookUrl: bot.webhook!.eventUrl, cardWebhookUrl: bot.webhook!.cardUrl });
      return { bot, state };
    };
    try {
      let running = await boot();
      const event = emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
      const results = await emulator.deliverDuplicates(event, 5);
      expect(results.every((r) => r.delivered)).toBe(true);
      await emulator.waitForMessages((m) => m.parent_id === event.event.message.message_id);
      await running.bot.stop();
      running.state.close();

      // Restart on the same state.db: Feishu's later redeliveries (same event id, or the same message
      // under a new event id) must not produce a second reply.
      running = await boot();
      await emulator.deliverDuplicates(event, 5);
      await emulator.deliver(emulator.events.envelope("im.message.receive_v1", event.event));
      await running.bot.app.settled(5000);
      expect(emulator.messages.filter((m) => m.parent_id === event.event.message.message_id)).toHaveLength(1);
      expect(activities.filter((a) => a.type === "dropped" && a.reason === "duplicate")).toHaveLength(10);
      expect(activities.filter((a) => a.type === "answered")).toHaveLength(1);
      await running.bot.stop();
      running.state.close();
    } finally {
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a 429 storm on the reply endpoint: the answer arrives once, after the backoff", async () => {
    const h = await start();
    h.emulator.faults.inject({ kind: "429", times: 3, resetSeconds: 1, pathIncludes: "/reply" });
    const event = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
    const started = Date.now();
    expect((await h.emulator.deliver(event)).delivered).toBe(true);
    const [reply] = await h.emulator.waitForMessages((m) => m.parent_id === event.event.message.message_id, 1, 15_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2500);
    expect(cardText(cardOf(h, reply!))).toContain("20%");
    await h.settled();
    expect(h.activities.filter((a) => a.type === "retry" && a.status === 429)).toHaveLength(3);
    expect(h.emulator.messages).toHaveLength(1);
  }, 30_000);
});

describe("odd input", () => {
  it("malformed JSON, unknown event types and events without a message: clear answers, no reply, no crash", async () => {
    const h = await start();
    const url = h.bot.webhook!.eventUrl;
    const bad = await signedPost(url, "{this is not json");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ msg: expect.stringContaining("not JSON") });

    const unknown = h.emulator.events.envelope("im.message.reaction.created_v1", { message_id: "om_x", reaction_type: { emoji_type: "SMILE" } });
    const acked = await h.emulator.deliver(unknown);
    expect(acked.response?.status).toBe(200);

    const hollow = h.emulator.events.envelope("im.message.receive_v1", { sender: { sender_id: { open_id: "ou_x" } } });
    expect((await h.emulator.deliver(hollow)).response?.status).toBe(200);
    await h.waitForActivity("dropped", (a) => a.reason === "malformed");

    const garbled = h.emulator.events.message({ chatType: "p2p", messageType: "text", content: {} });
    (garbled.event.message as { content: string }).content = "{broken";
    await h.emulator.deliver(garbled);
    const [notice] = await h.emulator.waitForMessages((m) => m.parent_id === garbled.event.message.message_id);
    expect(cardText(cardOf(h, notice!))).toContain("请在 @我 之后写上问题");

    // Still answering afterwards.
    const event = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
    await h.emulator.deliver(event);
    await h.emulator.waitForMessages((m) => m.parent_id === event.event.message.message_id);
    expect(h.bot.app.health()).toMatchObject({ ok: true });
  });

  it("over 2,000 characters gets the 「问题太长了」 notice (default limit), even for a huge message", async () => {
    const h = await start();
    const long = h.emulator.events.textMessage({ chatType: "p2p", senderId: "ou_long", text: "青".repeat(2001) });
    const huge = h.emulator.events.textMessage({ chatType: "p2p", senderId: "ou_huge", text: "岛".repeat(150_000) });
    for (const event of [long, huge]) expect((await h.emulator.deliver(event)).response?.status).toBe(200);
    const replies = await h.emulator.waitForMessages((m) => m.origin === "reply", 2);
    const textOf = (id: string) => cardText(cardOf(h, replies.find((m) => m.parent_id === id)!));
    expect(textOf(long.event.message.message_id)).toContain("2001 字，上限 2000 字");
    expect(textOf(huge.event.message.message_id)).toContain("150000 字，上限 2000 字");
    expect(h.activities.filter((a) => a.type === "dropped" && a.reason === "too_long")).toHaveLength(2);
  });

  it("a sticker or file gets a short note on what the bot can read", async () => {
    const h = await start();
    const sticker = h.emulator.events.stickerMessage({ chatType: "p2p", fileKey: "file_x" });
    await h.emulator.deliver(sticker);
    const [reply] = await h.emulator.waitForMessages((m) => m.parent_id === sticker.event.message.message_id);
    expect(cardText(cardOf(h, reply!))).toContain("表情");
  });
});

describe("conversations", () => {
  it("「那2021年呢？」 after the 2022 target answers for the same zone and metric", async () => {
    const h = await start();
    const first = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
    await h.emulator.deliver(first);
    await h.emulator.waitForMessages((m) => m.parent_id === first.event.message.message_id);
    const followUp = h.emulator.events.textMessage({ chatType: "p2p", text: "那2021年呢？" });
    await h.emulator.deliver(followUp);
    const [reply] = await h.emulator.waitForMessages((m) => m.parent_id === followUp.event.message.message_id);
    const text = cardText(cardOf(h, reply!));
    expect(text).toContain("青岛经济技术开发区2021年");
    expect(text).toMatch(/外贸/);
  });

  it("in a group thread the bot is part of, messages without @ are answered; elsewhere they are not", async () => {
    const h = await start();
    const chatId = "oc_threads";
    // Asked with @ in a thread (opened on someone's message): the bot replies there and joins the thread.
    const root = h.emulator.events.textMessage({ chatType: "group", chatId, text: "大家好" });
    await h.emulator.deliver(root);
    const threadId = "omt_thread_one";
    h.emulator.message(root.event.message.message_id)!.thread_id = threadId;
    const asked = h.emulator.events.textMessage({ chatType: "group", chatId, text: QUESTION, mentionBot: true, threadId });
    await h.emulator.deliver(asked);
    const [answer] = await h.emulator.waitForMessages((m) => m.parent_id === asked.event.message.message_id);
    expect(answer!.thread_id).toBe(threadId);

    // No @, same thread → answered, in the thread, with the thread's context.
    const followUp = h.emulator.events.textMessage({ chatType: "group", chatId, text: "那2021年呢？", threadId });
    await h.emulator.deliver(followUp);
    const [threaded] = await h.emulator.waitForMessages((m) => m.parent_id === followUp.event.message.message_id);
    expect(threaded!.thread_id).toBe(threadId);
    expect(cardText(cardOf(h, threaded!))).toContain("青岛经济技术开发区2021年");

    // No @, a thread the bot never joined → silence.
    const other = h.emulator.events.textMessage({ chatType: "group", chatId, text: "无关的讨论" });
    await h.emulator.deliver(other);
    h.emulator.message(other.event.message.message_id)!.thread_id = "omt_thread_two";
    const chatter = h.emulator.events.textMessage({ chatType: "group", chatId, text: QUESTION, threadId: "omt_thread_two" });
    await h.emulator.deliver(chatter);
    await h.waitForActivity("dropped", (a) => a.messageId === chatter.event.message.message_id && a.reason === "not_mentioned");

    // A thread opened on the bot's own (main-chat) answer includes the bot: no @ needed there either.
    const main = h.emulator.events.textMessage({ chatType: "group", chatId, text: QUESTION, mentionBot: true });
    await h.emulator.deliver(main);
    const [mainAnswer] = await h.emulator.waitForMessages((m) => m.parent_id === main.event.message.message_id);
    expect(mainAnswer!.thread_id).toBeUndefined();
    h.emulator.message(mainAnswer!.message_id)!.thread_id = "omt_on_answer";
    const onAnswer = h.emulator.events.textMessage({ chatType: "group", chatId, text: "那2021年呢？", threadId: "omt_on_answer", rootId: mainAnswer!.message_id });
    await h.emulator.deliver(onAnswer);
    const [inThread] = await h.emulator.waitForMessages((m) => m.parent_id === onAnswer.event.message.message_id);
    expect(inThread!.thread_id).toBe("omt_on_answer");
    expect(cardText(cardOf(h, inThread!))).toContain("青岛经济技术开发区2021年");
    await h.settled();
    expect(h.emulator.messages.filter((m) => m.parent_id === chatter.event.message.message_id)).toHaveLength(0);
  });

  it("a feedback click stores chat, message, question, answer and vote", async () => {
    const h = await start();
    const event = h.emulator.events.textMessage({ chatType: "group", chatId: "oc_fb", text: QUESTION, mentionBot: true, senderId: "ou_asker" });
    await h.emulator.deliver(event);
    const [reply] = await h.emulator.waitForMessages((m) => m.parent_id === event.event.message.message_id);
    await h.settled();
    const click = h.emulator.events.cardAction({
      chatId: "oc_fb", messageId: reply!.message_id, operatorId: "ou_voter", value: { action: "feedback", vote: "up", q: event.event.message.message_id },
    });
    expect((await h.emulator.deliver(click)).response?.json).toMatchObject({ toast: { type: "success" } });
    const [vote] = h.state.votes(event.event.message.message_id);
    expect(vote).toMatchObject({
      chatId: "oc_fb", cardMessageId: reply!.message_id, questionMessageId: event.event.message.message_id,
      question: QUESTION, userId: "ou_voter", vote: "up",
    });
    expect(vote!.answer).toContain("20%");
  });
});
