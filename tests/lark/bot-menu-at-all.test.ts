import { describe, expect, it } from "vitest";
import { createDigest } from "../../src/digest/index.js";
import { QUESTION, cardOf, cardText, seedBots } from "../app/harness.js";

// @所有人 is not a question; the bot's custom menu (application.bot.menu_v6) runs commands, replying to
// the user who clicked — both through the emulator over loopback.

const bots = seedBots();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("@all", () => {
  const cases: Array<{ name: string; input: { mentionAll?: boolean; mentionBot?: boolean; chatType: "group" | "p2p" }; answered: boolean }> = [
    { name: "an @所有人 announcement in a group", input: { chatType: "group", mentionAll: true }, answered: false },
    { name: "@所有人 together with @bot", input: { chatType: "group", mentionAll: true, mentionBot: true }, answered: true },
    { name: "@bot alone", input: { chatType: "group", mentionBot: true }, answered: true },
  ];
  for (const c of cases) {
    it(`${c.name}: ${c.answered ? "answered" : "not a question"}`, async () => {
      const h = await bots.start(bots.engine);
      const event = h.emulator.events.textMessage({ ...c.input, text: QUESTION });
      await h.emulator.deliver(event);
      if (c.answered) await h.emulator.waitForMessages((m) => m.parent_id === event.event.message.message_id);
      else await h.waitForActivity("dropped", (a) => a.reason === "at_all");
      await h.settled();
      expect(h.emulator.messages).toHaveLength(c.answered ? 1 : 0);
      expect(h.emulator.reactions).toHaveLength(c.answered ? 1 : 0);
    });
  }

  it("an @所有人 post (rich text) in a thread the bot is part of is not a question either", async () => {
    const h = await bots.start(bots.engine);
    const first = h.emulator.events.textMessage({ chatType: "group", mentionBot: true, threadId: "omt_emu_thread_at_all", text: QUESTION });
    await h.emulator.deliver(first);
    await h.emulator.waitForMessages((m) => m.parent_id === first.event.message.message_id);
    await h.settled();
    // A follow-up without @ in the same thread is answered (the bot is part of it)…
    const followUp = h.emulator.events.textMessage({ chatType: "group", threadId: "omt_emu_thread_at_all", text: "那2021年呢？" });
    await h.emulator.deliver(followUp);
    await h.emulator.waitForMessages((m) => m.parent_id === followUp.event.message.message_id);
    // …an announcement to everyone there is not.
    const post = h.emulator.events.postMessage({
      chatType: "group", threadId: "omt_emu_thread_at_all",
      paragraphs: [[{ tag: "at", user_id: "@_all", user_name: "所有人" }, { tag: "text", text: " 今天下午三点开会" }]],
    });
    await h.emulator.deliver(post);
    const dropped = await h.waitForActivity("dropped", (a) => a.messageId === post.event.message.message_id);
    expect(dropped.reason).toBe("at_all");
    await h.settled();
    expect(h.emulator.messages).toHaveLength(2);
  });
});

describe("bot menu", () => {
  it("help and sources run their commands and reply to the user who clicked", async () => {
    const h = await bots.start(bots.engine);
    await h.emulator.deliver(h.emulator.events.botMenu({ eventKey: "help", operatorId: "ou_menu_user" }));
    await h.emulator.deliver(h.emulator.events.botMenu({ eventKey: "sources", operatorId: "ou_menu_user" }));
    const [help, sources] = await h.emulator.waitForMessages((m) => m.receive_id === "ou_menu_user", 2);
    expect(help!.receive_id_type).toBe("open_id");
    expect(cardText(cardOf(h, help!))).toContain("/facts");
    expect(cardText(cardOf(h, sources!))).toMatch(/资料库：\d+ 个文件，\d+ 篇文章，\d+ 条数据/);
    expect(h.activities.filter((a) => a.type === "menu").map((a) => (a as { command?: string }).command)).toEqual(["/help", "/sources"]);
  });

  it("digest_now runs /digest now in the user's chat with the bot", async () => {
    const digest = createDigest(bots.engine, bots.config);
    try {
      const h = await bots.start(bots.engine, { commands: digest.commands, cardActions: digest.cardActions, texts: digest.texts });
      // The user wrote to the bot before: the menu click is placed in that chat.
      const hello = h.emulator.events.textMessage({ chatType: "p2p", senderId: "ou_menu_user", text: "/help" });
      await h.emulator.deliver(hello);
      await h.emulator.waitForMessages((m) => m.parent_id === hello.event.message.message_id);
      await h.emulator.deliver(h.emulator.events.botMenu({ eventKey: "digest_now", operatorId: "ou_menu_user" }));
      const [card] = await h.emulator.waitForMessages((m) => m.receive_id === "ou_menu_user", 1, 10_000);
      expect(card!.chat_id).toBe(hello.event.message.chat_id);
      expect(h.activities.find((a) => a.type === "menu")).toMatchObject({ eventKey: "digest_now", command: "/digest now" });
      expect(h.activities.some((a) => a.type === "failed")).toBe(false);
    } finally {
      await bots.close();
      digest.service.close();
    }
  });

  it("a redelivered click runs once; an unknown key gets the command list", async () => {
    const h = await bots.start(bots.engine);
    const click = h.emulator.events.botMenu({ eventKey: "help" });
    await h.emulator.deliverDuplicates(click, 3);
    await h.emulator.deliver(h.emulator.events.botMenu({ eventKey: "no_such_item" }));
    await h.settled();
    await pause(50);
    const texts = h.emulator.messages.map((m) => cardText(cardOf(h, m)));
    expect(texts).toHaveLength(2);
    expect(texts.filter((t) => t.includes("没有 /no_such_item 这个命令"))).toHaveLength(1);
  });

  it("works over the long connection too", async () => {
    const h = await bots.start(bots.engine, { transport: "ws" });
    expect((await h.emulator.pushEvent(h.emulator.events.botMenu({ eventKey: "help", operatorId: "ou_ws_menu" }))).code).toBe(200);
    const [reply] = await h.emulator.waitForMessages((m) => m.receive_id === "ou_ws_menu");
    expect(cardText(cardOf(h, reply!))).toContain("/sources");
  });
});
