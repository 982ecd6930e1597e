import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Config } from "../../src/config/index.js";
import { isWorkerEngine } from "../../src/app/intake.js";
import { createEngine, type Engine } from "../../src/engine/index.js";
import { createWorkerEngine } from "../../src/engine/worker-engine.js";
import { cardOf, cardText, startHarness, type Harness } from "../app/harness.js";
import { existsSync } from "node:fs";
import path from "node:path";
import { buildDocx } from "../documents/docx-builder.js";
import { blankPdf, encryptedPdf } from "../documents/minimal-pdf.js";
import { tempConfig } from "../support/engine.js";

// The Feishu intake end to end: the real SDK ↔ emulator ↔ bot over loopback, ingesting into a temp data dir.

const ADMIN = "ou_intake_admin";
const STRANGER = "ou_intake_stranger";

const ARTICLE_MD = `# 云溪经济开发区一季度新签约项目38个

2025-04-08

本报讯 今年一季度，云溪经济开发区新签约项目38个，总投资216亿元。其中，先进制造业项目21个。

一季度，云溪经济开发区实际使用外资1.2亿美元，同比增长15%。
`;

const WORKER_TXT = `澄江经济开发区前三季度新开工项目27个

2025-10-12

今年前三季度，澄江经济开发区新开工项目27个，完成固定资产投资95亿元。
`;

const PAGE_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>石湾高新区上半年外贸进出口总额增长12%</title></head>
<body><article><h1>石湾高新区上半年外贸进出口总额增长12%</h1><p>2025年7月15日</p>
<p>记者从石湾高新区获悉，今年上半年，石湾高新区实现外贸进出口总额86.5亿元，同比增长12%，其中出口52亿元。</p>
<p>上半年，石湾高新区新增市场主体1200家，高新技术企业达到310家。</p></article></body></html>`;

const SLOW_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>枫林经济开发区新增外资企业17家</title></head>
<body><article><h1>枫林经济开发区新增外资企业17家</h1><p>2025年9月3日</p>
<p>今年1至8月，枫林经济开发区新增外资企业17家，实际使用外资2.3亿美元。</p></article></body></html>`;

let holdSlowPage: (() => void) | undefined;
let config: Config;
let engine: Engine;
let cleanup: () => void;
let page: Server;
let pageUrl: string;
let h: Harness | undefined;

beforeAll(async () => {
  const temp = tempConfig("zonebot-intake-");
  config = { ...temp.config, admins: [ADMIN] };
  cleanup = temp.cleanup;
  engine = await createEngine(config);
  page = createServer((req, res) => {
    if (req.url === "/news/slow.html") {
      // Held until the test releases it: the ingest is in progress meanwhile.
      holdSlowPage = () => {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(SLOW_HTML);
      };
    } else if (req.url === "/news/1.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(PAGE_HTML);
    } else {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise<void>((resolve) => page.listen(0, "127.0.0.1", resolve));
  pageUrl = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
}, 120_000);

afterEach(async () => {
  await h?.close();
  h = undefined;
});

afterAll(async () => {
  await new Promise<void>((resolve) => page.close(() => resolve()));
  engine.close();
  cleanup();
});

/** The texts of the bot's replies to one inbound message, once `count` have arrived. */
async function replies(harness: Harness, messageId: string, count: number, timeoutMs = 30_000): Promise<string[]> {
  const sent = await harness.emulator.waitForMessages((m) => m.parent_id === messageId, count, timeoutMs);
  return sent.map((m) => cardText(cardOf(harness, m)));
}

async function askText(harness: Harness, text: string, senderId = ADMIN): Promise<{ messageId: string; reply: string }> {
  const event = harness.emulator.events.textMessage({ text, senderId });
  await harness.emulator.deliver(event);
  const messageId = event.event.message.message_id;
  const [reply] = await replies(harness, messageId, 1);
  return { messageId, reply: reply! };
}

async function sendFile(harness: Harness, fileName: string, bytes: Uint8Array, senderId = ADMIN): Promise<string> {
  const event = harness.emulator.sendFile({ fileName, bytes, senderId });
  await harness.emulator.deliver(event);
  return event.event.message.message_id;
}

describe("Feishu intake", () => {
  it("an admin's .md file becomes a new generation the running bot answers from", async () => {
    h = await startHarness(config, engine);
    const question = "云溪经济开发区2025年一季度新签约项目多少个？";
    const before = (await askText(h, question)).reply;
    expect(before).not.toContain("38个");
    const generation = h.bot.engine.generation;

    const messageId = await sendFile(h, "云溪开发区一季度.md", new TextEncoder().encode(ARTICLE_MD));
    const [started, result] = await replies(h, messageId, 2);
    expect(started).toContain("正在导入");
    expect(result).toMatch(/导入完成：新增 1 篇文章，\d+ 条数据/);
    expect(result).toContain("《云溪经济开发区一季度新签约项目38个》 2025-04-08");
    expect(result).toContain("云溪经济开发区");
    expect(result).toContain("新数据举例");
    expect(result).toMatch(/新签约项目38个|216亿元/);
    // The download went through the message resources API.
    expect(h.emulator.apiCalls.some((call) => call.path.includes(`/messages/${messageId}/resources/`) && call.query.type === "file" && call.status === 200)).toBe(true);

    expect(h.bot.engine.generation).not.toBe(generation);
    const after = (await askText(h, question)).reply;
    expect(after).toContain("38");
    expect(after).toContain("云溪经济开发区一季度新签约项目38个");

    const sources = (await askText(h, "/sources")).reply;
    expect(sources.split("\n").find((line) => line.startsWith("- "))).toContain("《云溪经济开发区一季度新签约项目38个》 2025-04-08");

    // The same file again adds nothing and says so.
    const again = await sendFile(h, "云溪开发区一季度.md", new TextEncoder().encode(ARTICLE_MD));
    const [, repeated] = await replies(h, again, 2);
    expect(repeated).toContain("没有新增内容");
  }, 60_000);

  it("with ZONEBOT_INTAKE_DM=admins refuses a non-admin in a one-to-one chat politely, downloads nothing and keeps the generation", async () => {
    h = await startHarness(config, engine, { intake: { oneToOne: "admins" } });
    const generation = h.bot.engine.generation;
    const messageId = await sendFile(h, "notes.txt", new TextEncoder().encode("石湾高新区新增企业50家。"), STRANGER);
    const [reply] = await replies(h, messageId, 1);
    expect(reply).toContain("只有管理员可以向资料库添加文件和链接");
    const { reply: add } = await askText(h, `/add ${pageUrl}/news/1.html`, STRANGER);
    expect(add).toContain("只有管理员");
    await h.settled();
    expect(h.emulator.apiCalls.some((call) => call.path.includes("/resources/"))).toBe(false);
    expect(h.bot.engine.generation).toBe(generation);
  });

  it("by default follows the /digest rule: anyone may add in a one-to-one chat", async () => {
    h = await startHarness(config, engine);
    const messageId = await sendFile(h, "notes.txt", new TextEncoder().encode("石湾高新区2025年新增企业50家。"), STRANGER);
    const [first] = await replies(h, messageId, 1);
    expect(first).not.toContain("只有管理员");
    expect(first).toContain("正在导入");
    await h.settled();
  }, 60_000);

  it("names an unsupported type and a file over the size limit; nothing is ingested", async () => {
    h = await startHarness(config, engine, { intake: { maxBytes: 1024 } });
    const generation = h.bot.engine.generation;
    const sheet = await sendFile(h, "报表.xlsx", new Uint8Array([80, 75, 3, 4]));
    const [unsupported] = await replies(h, sheet, 1);
    expect(unsupported).toContain("暂时读不了“报表.xlsx”这种文件");
    const big = await sendFile(h, "长文.txt", new TextEncoder().encode("云溪经济开发区。".repeat(400)));
    const [, tooLarge] = await replies(h, big, 2);
    expect(tooLarge).toContain("“长文.txt”太大了：超过 1 KB");
    expect(h.bot.engine.generation).toBe(generation);
  });

  it("/add fetches a link over loopback and reports the article and its facts", async () => {
    h = await startHarness(config, engine);
    const { messageId } = await askText(h, `/add ${pageUrl}/news/1.html`);
    const [, result] = await replies(h, messageId, 2);
    expect(result).toMatch(/导入完成：新增 1 篇文章，\d+ 条数据/);
    expect(result).toContain("《石湾高新区上半年外贸进出口总额增长12%》");
    expect(result).toMatch(/86\.5亿元|12%/);

    const { messageId: missing } = await askText(h, `/add ${pageUrl}/news/404.html`);
    const [, failed] = await replies(h, missing, 2);
    expect(failed).toContain("未能导入");
    expect(failed).toContain("HTTP 404");
    const { reply: usage } = await askText(h, "/add 不是链接");
    expect(usage).toContain("用法：/add 链接");
  }, 60_000);

  it("answering in a worker: a new worker opens the new generation and answers from it", async () => {
    h = await startHarness(config, engine, { answerInWorker: { onEvent: () => undefined } });
    const first = h.bot.answerer;
    expect(first?.stats().ready).toBe(true);
    const messageId = await sendFile(h, "澄江开发区.txt", new TextEncoder().encode(WORKER_TXT));
    const [, result] = await replies(h, messageId, 2, 60_000);
    expect(result).toContain("《澄江经济开发区前三季度新开工项目27个》");
    expect(h.bot.answerer).not.toBe(first);
    expect(h.bot.answerer?.generation).toBe(h.bot.engine.generation);
    const { reply } = await askText(h, "澄江经济开发区2025年前三季度新开工项目多少个？");
    expect(reply).toContain("27");
  }, 120_000);

  it("a Word file is read with its table; in a group the owner may add and a member may not", async () => {
    h = await startHarness(config, engine);
    const group = "oc_intake_group";
    h.emulator.addChat({ chat_id: group, chat_mode: "group", owner_id: "ou_group_owner", user_manager_id_list: [] });
    const docx = buildDocx([
      { heading: "东港经济开发区2025年主要指标" },
      { paragraph: "2025年12月20日" },
      { paragraph: "2025年，东港经济开发区实现地区生产总值420亿元，同比增长7.5%。" },
      { table: [["指标", "数值"], ["规模以上工业企业", "156家"]] },
    ]);
    const addByOwner = h.emulator.events.textMessage({ chatType: "group", chatId: group, senderId: "ou_group_owner", mentionBot: true, text: `/add ${pageUrl}/news/404.html` });
    await h.emulator.deliver(addByOwner);
    const [started] = await replies(h, addByOwner.event.message.message_id, 1);
    expect(started).toContain("正在导入");
    const addByMember = h.emulator.events.textMessage({ chatType: "group", chatId: group, senderId: "ou_group_member", mentionBot: true, text: `/add ${pageUrl}/news/404.html` });
    await h.emulator.deliver(addByMember);
    const [memberRefused] = await replies(h, addByMember.event.message.message_id, 1);
    expect(memberRefused).toContain("只有管理员");

    const word = await sendFile(h, "东港指标.docx", docx);
    const [, result] = await replies(h, word, 2);
    expect(result).toContain("《东港经济开发区2025年主要指标》");
    expect(result).toMatch(/420亿元|7\.5%|156家/);
  }, 60_000);

  it("an encrypted or textless PDF is rejected with its reason; nothing is kept and the generation stays", async () => {
    h = await startHarness(config, engine);
    const generation = h.bot.engine.generation;
    for (const [name, bytes] of [["加密.pdf", encryptedPdf()], ["空白.pdf", blankPdf()]] as const) {
      const messageId = await sendFile(h, name, bytes);
      const [, result] = await replies(h, messageId, 2);
      expect(result).toContain("没有新增内容");
      expect(result).toContain("未能导入");
      expect(result).toContain(name);
      expect(existsSync(path.join(config.dataDir, "uploads", messageId))).toBe(false);
    }
    expect(h.bot.engine.generation).toBe(generation);
  }, 60_000);

  it("questions asked while an ingest runs are answered at once, from the previous generation", async () => {
    h = await startHarness(config, engine);
    const question = "枫林经济开发区2025年1至8月新增外资企业多少家？";
    const { messageId: add } = await askText(h, `/add ${pageUrl}/news/slow.html`);
    await vi.waitFor(() => expect(holdSlowPage).toBeDefined(), { timeout: 10_000 });
    const during = await askText(h, question);
    expect(during.reply).not.toContain("17家");
    expect(h.emulator.messages.filter((m) => m.parent_id === add)).toHaveLength(1);
    holdSlowPage!();
    const [, result] = await replies(h, add, 2);
    expect(result).toContain("《枫林经济开发区新增外资企业17家》");
    const after = await askText(h, question);
    expect(after.reply).toContain("17");
  }, 60_000);

  it("given a worker engine (as `zonebot bot` runs), the new generation is answered by a new worker engine", async () => {
    const workerEngine = await createWorkerEngine(config, { local: engine, onEvent: () => undefined });
    try {
      expect(isWorkerEngine(workerEngine)).toBe(true);
      h = await startHarness(config, workerEngine);
      const text = WORKER_TXT.replaceAll("澄江", "白沙").replaceAll("27", "31");
      const messageId = await sendFile(h, "白沙开发区.txt", new TextEncoder().encode(text));
      const [, result] = await replies(h, messageId, 2, 60_000);
      expect(result).toContain("《白沙经济开发区前三季度新开工项目31个》");
      const { reply } = await askText(h, "白沙经济开发区2025年前三季度新开工项目多少个？");
      expect(reply).toContain("31");
      await h.close();
      h = undefined;
    } finally {
      await workerEngine.close();
    }
  }, 120_000);
});
