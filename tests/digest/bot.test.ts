import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../../src/config/index.js";
import { createDigest, DigestService, DigestStore, type DigestBotParts, type DigestEvent } from "../../src/digest/index.js";
import type { Engine } from "../../src/engine/index.js";
import type { StoredMessage } from "../../src/lark/emulator/index.js";
import { createJsonLogger, Sender, TokenCache } from "../../src/lark/index.js";
import { cardOf, cardText, startHarness, type Harness } from "../app/harness.js";
import { seedEngine } from "../support/engine.js";

/** Shanghai wall-clock time → epoch ms. */
const at = (local: string): number => Date.parse(`${local}+08:00`);
const MON_0800 = at("2026-11-23T08:00:00");
const MON_0907 = at("2026-11-23T09:07:00");
const OWNER = "ou_owner_0001";
const MEMBER = "ou_member_0002";
const GROUP = "oc_digest_group_1";

let engine: Engine;
let config: Config;
let cleanup: () => void;
beforeAll(async () => {
  ({ engine, config, cleanup } = await seedEngine());
});
afterAll(() => cleanup());

interface World {
  h: Harness;
  digest: DigestBotParts;
  clock: { now: number };
  file: string;
  events: DigestEvent[];
  /** Another "process": its own SQLite connection, owner and sender, same state.db and same Feishu. */
  process(name: string): { service: DigestService; sender: Sender; close(): void };
  close(): Promise<void>;
}

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function start(options: { admins?: string[] } = {}): Promise<World> {
  const dir = mkdtempSync(path.join(tmpdir(), "zonebot-digest-bot-"));
  const file = path.join(dir, "state.db");
  const clock = { now: MON_0800 };
  const events: DigestEvent[] = [];
  const store = DigestStore.openFile(file);
  const cfg = { ...config, admins: options.admins ?? [] };
  const digest = createDigest(engine, cfg, { store, clock: () => clock.now, owner: "main", onEvent: (e) => events.push(e), writer: null });
  const h = await startHarness(cfg, engine, { commands: digest.commands, cardActions: digest.cardActions, texts: digest.texts });
  h.emulator.addChat({ chat_id: GROUP, chat_mode: "group", owner_id: OWNER, member_open_ids: [OWNER, MEMBER] });
  const others: { close(): void }[] = [];
  const w: World = {
    h, digest, clock, file, events,
    process(name) {
      const otherStore = DigestStore.openFile(file);
      const service = new DigestService(engine, cfg, { store: otherStore, clock: () => clock.now, owner: name, writer: null, onEvent: (e) => events.push(e) });
      const tokens = new TokenCache();
      const sender = new Sender(h.bot.sender.client, tokens, { logger: createJsonLogger("silent"), retry: { baseDelayMs: 10, maxDelayMs: 200 } });
      const handle = { service, sender, close: () => otherStore.close() };
      others.push(handle);
      return handle;
    },
    close: async () => {
      await h.close();
      for (const other of others) other.close();
      digest.service.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  world = w;
  return w;
}

/** Sends `/digest …` (or anything) as `sender` in a group (mentioning the bot) or a DM; returns the reply text. */
async function say(w: World, text: string, options: { sender?: string; chatId?: string; chatType?: "group" | "p2p" } = {}): Promise<string> {
  const chatType = options.chatType ?? "group";
  const event = w.h.emulator.events.textMessage({
    chatType, chatId: chatType === "group" ? options.chatId ?? GROUP : undefined, senderId: options.sender ?? OWNER, text, mentionBot: chatType === "group",
  });
  await w.h.emulator.deliver(event);
  const [reply] = await w.h.emulator.waitForMessages((m) => m.parent_id === event.event.message.message_id);
  return cardText(cardOf(w.h, reply!));
}

const isDigest = (m: StoredMessage): boolean => {
  const body = m.body as { header?: { title?: { content?: string } } } | undefined;
  return m.origin === "create" && String(body?.header?.title?.content ?? "").startsWith("功能区周报");
};
const digestsIn = (w: World, chatId: string): StoredMessage[] => w.h.emulator.messages.filter((m) => m.chat_id === chatId && isDigest(m));

describe("weekly digest against the Feishu emulator", () => {
  it("subscribe, a week passes: exactly one card per chat; the next week one more", async () => {
    const w = await start();
    expect(await say(w, "/digest subscribe")).toContain("已订阅：每周一 09:07（北京时间）推送周报，范围：全部功能区");
    expect(await say(w, "/digest subscribe 周三 10:17 青岛开发区", { chatType: "p2p", sender: MEMBER })).toContain("每周三 10:17");
    const dm = w.digest.service.store.subscriptions().find((s) => s.chatType === "p2p")!.chatId;
    const scheduler = w.digest.service.startScheduler(w.h.bot.sender, { cron: false });
    // Tick every 10 minutes for 7 days.
    for (let t = MON_0800; t < MON_0800 + 7 * 86_400_000; t += 10 * 60_000) {
      w.clock.now = t;
      await scheduler.tick(t);
    }
    expect(digestsIn(w, GROUP)).toHaveLength(1);
    expect(digestsIn(w, dm)).toHaveLength(1);
    const groupCard = digestsIn(w, GROUP)[0]!;
    expect(groupCard.create_time).toBeGreaterThan(0);
    expect(w.digest.service.store.entry(GROUP, "2026-W48")).toMatchObject({ status: "sent", messageId: groupCard.message_id, claimedBy: "main" });
    const dmText = cardText(cardOf(w.h, digestsIn(w, dm)[0]!));
    expect(dmText).toContain("范围：青岛经济技术开发区");
    // Week 2: nothing changed, so the card says so briefly, once.
    for (let t = MON_0800 + 7 * 86_400_000; t < MON_0800 + 8 * 86_400_000; t += 10 * 60_000) {
      w.clock.now = t;
      await scheduler.tick(t);
    }
    const cards = digestsIn(w, GROUP);
    expect(cards).toHaveLength(2);
    expect(cardText(cardOf(w.h, cards[1]!))).toContain("本周没有新收录的文章");
    expect(await say(w, "/digest status")).toMatch(/上一期：2026-11-30 09:\d0（已发送）\n下一期：2026-12-07 09:07/);
    await scheduler.stop();
  });

  it("startScheduler catches up at start (croner then fires every minute) and stops cleanly", async () => {
    const w = await start();
    await say(w, "/digest subscribe");
    w.clock.now = at("2026-11-23T09:30:00");
    const scheduler = w.digest.service.startScheduler(w.h.bot.sender);
    expect(scheduler.nextRun()).toBeInstanceOf(Date);
    await w.h.emulator.waitFor(() => (digestsIn(w, GROUP).length === 1 ? true : undefined), 5000, "the catch-up digest");
    await scheduler.stop();
    expect(scheduler.nextRun()).toBeNull();
    expect(digestsIn(w, GROUP)).toHaveLength(1);
  });

  it("a restart around the scheduled minute, or a crash mid-send, still gives one card", async () => {
    const w = await start();
    await say(w, "/digest subscribe");
    const a = w.process("A");
    expect(await a.service.runDue(a.sender, at("2026-11-23T09:06:00"))).toEqual([expect.objectContaining({ outcome: "not-due" })]);
    // A claims the 09:07 digest and dies before sending (no message).
    const due = MON_0907;
    const uuid = a.service.uuidFor(GROUP, "2026-W48");
    expect(a.service.store.claim({ chatId: GROUP, periodKey: "2026-W48", dueAt: due, owner: "A", uuid, now: due, leaseMs: 600_000, retryAfterMs: 300_000, maxAttempts: 3 })).toBe(true);
    a.close();
    // Restarted B at 09:08: the claim is A's (lease running); at 09:17 it takes over and sends.
    const b = w.process("B");
    expect((await b.service.runDue(b.sender, at("2026-11-23T09:08:00")))[0]!.outcome).toBe("taken");
    expect((await b.service.runDue(b.sender, at("2026-11-23T09:17:00")))[0]!.outcome).toBe("sent");
    b.close();
    // C starts at 09:18: already sent.
    const c = w.process("C");
    expect((await c.service.runDue(c.sender, at("2026-11-23T09:18:00")))[0]!.outcome).toBe("already");
    expect(digestsIn(w, GROUP)).toHaveLength(1);
  });

  it("a crash after sending but before recording: the takeover re-sends with the same uuid, Feishu keeps one", async () => {
    const w = await start();
    await say(w, "/digest subscribe");
    const a = w.process("A");
    const uuid = a.service.uuidFor(GROUP, "2026-W48");
    a.service.store.claim({ chatId: GROUP, periodKey: "2026-W48", dueAt: MON_0907, owner: "A", uuid, now: MON_0907, leaseMs: 600_000, retryAfterMs: 300_000, maxAttempts: 3 });
    const composed = await a.service.compose({ chatId: GROUP, now: MON_0907 });
    const first = await a.sender.sendToChat(GROUP, composed.card, { uuid });
    a.close();
    const b = w.process("B");
    const [result] = await b.service.runDue(b.sender, at("2026-11-23T09:20:00"));
    expect(result).toMatchObject({ outcome: "sent", messageId: first.messageId });
    expect(digestsIn(w, GROUP)).toHaveLength(1);
  });

  it("two bot processes ticking at the same minute send one card", async () => {
    const w = await start();
    await say(w, "/digest subscribe");
    const one = w.process("one");
    const two = w.process("two");
    const results = await Promise.all([
      one.service.runDue(one.sender, MON_0907), two.service.runDue(two.sender, MON_0907),
      w.digest.service.runDue(w.h.bot.sender, MON_0907 + 1000),
    ]);
    const outcomes = results.flat().map((r) => r.outcome).sort();
    expect(outcomes.filter((o) => o === "sent")).toHaveLength(1);
    expect(outcomes.every((o) => ["sent", "taken", "already"].includes(o))).toBe(true);
    expect(digestsIn(w, GROUP)).toHaveLength(1);
    expect(w.events.filter((e) => e.type === "sent")).toHaveLength(1);
  });

  it("unsubscribe stops it", async () => {
    const w = await start();
    await say(w, "/digest subscribe");
    expect(await say(w, "/digest unsubscribe")).toContain("已退订");
    await w.digest.service.runDue(w.h.bot.sender, MON_0907);
    await w.digest.service.runDue(w.h.bot.sender, MON_0907 + 7 * 86_400_000);
    expect(digestsIn(w, GROUP)).toHaveLength(0);
    expect(await say(w, "/digest status")).toContain("还没有订阅");
    expect(await say(w, "/digest unsubscribe")).toContain("还没有订阅");
  });

  it("429 and 500 during the send are retried: still one card", async () => {
    const w = await start();
    await say(w, "/digest subscribe");
    w.h.emulator.faults.inject({ kind: "429", times: 1, method: "POST", pathIncludes: "/im/v1/messages", resetSeconds: 0 });
    w.h.emulator.faults.inject({ kind: "500", times: 2, method: "POST", pathIncludes: "/im/v1/messages" });
    const [result] = await w.digest.service.runDue(w.h.bot.sender, MON_0907);
    expect(result!.outcome).toBe("sent");
    expect(digestsIn(w, GROUP)).toHaveLength(1);
    const retries = w.h.activities.filter((a) => a.type === "retry");
    expect(retries.map((r) => (r as { status?: number }).status)).toEqual([429, 500, 500]);
    const sends = w.h.emulator.apiCalls.filter((c) => c.method === "POST" && c.path.includes("/im/v1/messages") && !c.path.includes("reply"));
    const uuids = new Set(sends.map((c) => (c.body as { uuid?: string }).uuid));
    expect(uuids.size).toBe(1);
  });

  it("a send that keeps failing is marked failed and retried on a later tick, within the attempts", async () => {
    const w = await start();
    await say(w, "/digest subscribe");
    w.h.emulator.faults.inject({ kind: "500", times: 4, method: "POST", pathIncludes: "/im/v1/messages" });
    expect((await w.digest.service.runDue(w.h.bot.sender, MON_0907))[0]!.outcome).toBe("failed");
    expect((await w.digest.service.runDue(w.h.bot.sender, MON_0907 + 60_000))[0]!.outcome).toBe("taken");
    expect((await w.digest.service.runDue(w.h.bot.sender, MON_0907 + 6 * 60_000))[0]!.outcome).toBe("sent");
    expect(digestsIn(w, GROUP)).toHaveLength(1);
    expect(w.digest.service.store.entry(GROUP, "2026-W48")).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("a run missed during downtime is sent once within the grace window, else skipped and logged", async () => {
    const w = await start();
    await say(w, "/digest subscribe");
    // Down from Monday 09:00 to 20:00: within 12 h, sent at start-up.
    expect((await w.digest.service.runDue(w.h.bot.sender, at("2026-11-23T20:00:00")))[0]!.outcome).toBe("sent");
    // The next Monday the bot is down until Tuesday 08:00 (23 h late): skipped, recorded once.
    expect((await w.digest.service.runDue(w.h.bot.sender, at("2026-12-01T08:00:00")))[0]!.outcome).toBe("skipped");
    expect((await w.digest.service.runDue(w.h.bot.sender, at("2026-12-01T08:10:00")))[0]!.outcome).toBe("already");
    expect(digestsIn(w, GROUP)).toHaveLength(1);
    expect(w.events.filter((e) => e.type === "skipped")).toEqual([expect.objectContaining({ periodKey: "2026-W49" })]);
    expect(await say(w, "/digest status")).toContain("错过，未补发");
  });

  it("a newly ingested article appears in the next digest", async () => {
    const w = await start();
    await say(w, "/digest subscribe");
    await w.digest.service.runDue(w.h.bot.sender, MON_0907);
    const { ingestFiles } = await import("../../src/corpus/index.js");
    const { Gazetteer } = await import("../../src/domain/gazetteer.js");
    const { writeFileSync } = await import("node:fs");
    const inbox = mkdtempSync(path.join(tmpdir(), "zonebot-digest-new-"));
    try {
      const file = path.join(inbox, "gaoxin-new.md");
      writeFileSync(file, "---\ntitle: 高新区新发布的项目进展\ndate: 2026-11-25\nzone: 青岛高新区\n---\n　　本报讯 青岛高新区力争全年引进优质项目260个以上，确保年底前建成投产一批重点项目。\n");
      await ingestFiles([file], { config, gazetteer: Gazetteer.load() });
    } finally {
      rmSync(inbox, { recursive: true, force: true });
    }
    await w.digest.service.runDue(w.h.bot.sender, MON_0907 + 7 * 86_400_000);
    const cards = digestsIn(w, GROUP);
    expect(cards).toHaveLength(2);
    const text = cardText(cardOf(w.h, cards[1]!));
    expect(text).toContain("新收录文章（1）");
    expect(text).toContain("《高新区新发布的项目进展》 2026-11-25");
    expect(text).not.toContain("本周没有新收录的文章");
  });

  it("in a group only the owner, a group admin or ZONEBOT_ADMINS may change the subscription", async () => {
    const w = await start({ admins: ["ou_bot_admin"] });
    expect(await say(w, "/digest subscribe", { sender: MEMBER })).toContain("只有群主、群管理员或机器人管理员可以修改");
    expect(w.digest.service.store.subscription(GROUP)).toBeUndefined();
    expect(await say(w, "/digest unsubscribe", { sender: MEMBER })).toContain("只有群主");
    w.h.emulator.chats.get(GROUP)!.user_manager_id_list.push(MEMBER);
    expect(await say(w, "/digest subscribe 周五 16:47", { sender: MEMBER })).toContain("已订阅：每周五 16:47");
    expect(await say(w, "/digest subscribe 红岛高新区", { sender: "ou_bot_admin" })).toContain("已更新订阅");
    expect(w.digest.service.store.subscription(GROUP)).toMatchObject({ zones: ["青岛高新区"], createdBy: "ou_bot_admin" });
    // Anyone may look.
    expect(await say(w, "/digest status", { sender: "ou_someone" })).toContain("本群已订阅周报");
    // A chat the bot cannot read (API error): a clear message, nothing changed.
    const event = w.h.emulator.events.textMessage({ chatType: "group", chatId: "oc_gone", senderId: MEMBER, text: "/digest subscribe", mentionBot: true });
    w.h.emulator.chats.delete("oc_gone");
    await w.h.emulator.deliver(event);
    const [reply] = await w.h.emulator.waitForMessages((m) => m.parent_id === event.event.message.message_id);
    expect(cardText(cardOf(w.h, reply!))).toContain("暂时无法确认你的群权限（232011）");
    expect(w.digest.service.store.subscription("oc_gone")).toBeUndefined();
  });

  it("explains bad arguments and shows usage", async () => {
    const w = await start();
    expect(await say(w, "/digest")).toContain("/digest subscribe [周一 09:07] [功能区…]");
    expect(await say(w, "/digest subscribe 周八")).toContain("没看懂“周八”");
    expect(await say(w, "/digest subscribe 火星开发区")).toContain("不认识“火星开发区”");
    expect(await say(w, "/digest subscribe 周一 09:00")).toContain("飞书建议避开整点和半点");
    expect(await say(w, "/digest foo")).toContain("没有 /digest foo 这个子命令");
    expect(await say(w, "/help")).toContain("/digest subscribe [周一 09:07] [功能区…] | unsubscribe | now | status");
  });

  it("/digest now previews in the chat; the follow-up form answers a question under the card", async () => {
    const w = await start();
    const event = w.h.emulator.events.textMessage({ chatType: "group", chatId: GROUP, senderId: MEMBER, text: "/digest now 青岛开发区", mentionBot: true });
    await w.h.emulator.deliver(event);
    const [preview] = await w.h.emulator.waitForMessages((m) => m.parent_id === event.event.message.message_id);
    const card = cardOf(w.h, preview!) as { body: { elements: { tag: string }[] } };
    expect(card.body.elements.some((e) => e.tag === "chart")).toBe(true);
    expect(cardText(card)).toContain("范围：青岛经济技术开发区");
    expect(w.digest.service.store.history(GROUP)).toEqual([]);
    const click = w.h.emulator.events.cardAction({
      chatId: GROUP, messageId: preview!.message_id, operatorId: MEMBER, value: { action: "digest_ask" },
      formValue: { question: "青岛开发区2022年外贸进出口总额的增长目标是多少？" },
    });
    const ack = await w.h.emulator.deliver(click);
    expect(JSON.stringify(ack.response?.json)).toContain("正在查询");
    const [answer] = await w.h.emulator.waitForMessages((m) => m.parent_id === preview!.message_id);
    expect(cardText(cardOf(w.h, answer!))).toContain("20%");
    const empty = await w.h.emulator.deliver(w.h.emulator.events.cardAction({ chatId: GROUP, messageId: preview!.message_id, value: { action: "digest_ask" }, formValue: { question: " " } }));
    expect(JSON.stringify(empty.response?.json)).toContain("请先在输入框里写下问题");
  });

  it("posts a welcome card explaining /help and /digest when added to a group", async () => {
    const w = await start();
    await w.h.emulator.deliver(w.h.emulator.events.botAdded({ chatId: "oc_new_group", operatorId: OWNER }));
    const [welcome] = await w.h.emulator.waitForMessages((m) => m.chat_id === "oc_new_group");
    const text = cardText(cardOf(w.h, welcome!));
    expect(text).toContain("/help");
    expect(text).toContain("/digest subscribe");
  });
});
