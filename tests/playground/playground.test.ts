import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../../src/config/index.js";
import type { Engine } from "../../src/engine/index.js";
import { loadPlaygroundTexts, startPlayground, type Playground } from "../../src/playground/index.js";
import { StateStore } from "../../src/store/state-store.js";
import { fakeLlmEngine } from "../app/harness.js";
import { seedEngine } from "../support/engine.js";

// The playground in real headless Chromium (Debian's /usr/bin/chromium driven by playwright-core):
// the page → playground server → emulator → signed, encrypted webhook → bot (official SDK) → emulator
// → SSE → the page. CI installs the browser with apt-get; without it this suite is skipped.

const CHROMIUM = process.env.ZONEBOT_CHROMIUM ?? "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
const SKIP_REASON = `${CHROMIUM} is not installed (apt-get install -y chromium); skipping the browser tests`;
if (!available) console.warn(`tests/playground: ${SKIP_REASON}`);

const QUESTION = "青岛开发区2022年外贸进出口总额的增长目标是多少？";
const ARTICLE = "突破“实、融、活、优”，打造全国标杆";
const eventually = { timeout: 10_000 };
const SCREENSHOT = path.join(tmpdir(), "zonebot-playground.png");

let engine: Engine;
let config: Config;
let cleanup: () => void;

beforeAll(async () => {
  ({ engine, config, cleanup } = await seedEngine());
});
afterAll(() => cleanup());

describe("playground texts", () => {
  it("has sample questions that the seeds answer with a number", async () => {
    const texts = loadPlaygroundTexts();
    for (const question of texts.samples) {
      const answer = await engine.ask(question);
      expect(answer.found, question).toBe(true);
      expect(answer.citations.length, question).toBeGreaterThan(0);
    }
  });
});

describe("playground server", () => {
  it("serves the page, /healthz and the bootstrap, and delivers page messages as real events", async () => {
    const state = StateStore.openFile(":memory:");
    const pg = await startPlayground(config, engine, { port: 0, bot: { state } });
    try {
      const page = await fetch(pg.url.replace("localhost", "127.0.0.1"));
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("/app.js");
      const health = await fetch(`${pg.url}/healthz`.replace("localhost", "127.0.0.1"));
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ ok: true });
      const base = pg.url.replace("localhost", "127.0.0.1");
      const sent = await fetch(`${base}/api/messages`, {
        method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ chat: "dm", text: QUESTION }),
      });
      const { messageId } = await sent.json() as { messageId: string };
      const [reply] = await pg.local.emulator.waitForMessages((m) => m.parent_id === messageId);
      expect(JSON.stringify(reply!.body)).toContain("20%");
      // It went through the signed webhook, not a shortcut.
      expect(pg.local.emulator.deliveries.some((d) => d.url.endsWith("/webhook/event") && d.delivered)).toBe(true);
      expect((await fetch(`${base}/api/messages`, { method: "POST", body: "{nope" })).status).toBe(400);
      expect((await fetch(`${base}/nope`)).status).toBe(404);
    } finally {
      await pg.close();
      state.close();
    }
  });
});

describe.skipIf(!available)(`playground in headless Chromium${available ? "" : ` (SKIPPED: ${SKIP_REASON})`}`, () => {
  let userDataDir: string;
  let context: BrowserContext;

  beforeAll(async () => {
    userDataDir = mkdtempSync(path.join(tmpdir(), "zonebot-chromium-"));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"],
      viewport: { width: 1360, height: 860 },
      locale: "zh-CN",
    });
  });
  afterAll(async () => {
    await context?.close();
    rmSync(userDataDir, { recursive: true, force: true });
  });

  const open = async (pg: Playground): Promise<Page> => {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(pg.url);
    await page.locator("#composer").waitFor();
    await page.locator(".chip").first().waitFor();
    return page;
  };

  const type = async (page: Page, text: string): Promise<void> => {
    await page.locator("#composer").click();
    await page.keyboard.type(text);
  };

  it("group chat: silent without @, a citation card with @zonebot, 👍 stored with a toast", async () => {
    const state = StateStore.openFile(":memory:");
    const pg = await startPlayground(config, engine, { port: 0, bot: { state } });
    const page = await open(pg);
    try {
      await expect.poll(() => page.locator("#chat-title").textContent(), eventually).toBe("开发区交流群");

      // Without @: the message shows up, the bot stays silent (the activity pane says why).
      await type(page, QUESTION);
      await page.keyboard.press("Enter");
      await page.locator('.msg.user .bubble', { hasText: QUESTION }).waitFor();
      await page.locator('#activity-list li[data-reason="not_mentioned"]').waitFor();
      expect(await page.locator(".msg.bot").count()).toBe(0);
      expect(pg.local.emulator.messages).toHaveLength(0);

      // With @ through the autocomplete: type "@", pick zonebot, then the question.
      await page.locator("#composer").click();
      await page.keyboard.type("@");
      await page.locator("#mention-popup").waitFor({ state: "visible" });
      await page.locator("#mention-bot").click();
      await page.keyboard.type(QUESTION);
      expect(await page.locator("#composer").inputValue()).toBe(`@zonebot ${QUESTION}`);
      await page.keyboard.press("Enter");
      await page.locator(".msg.user .mention", { hasText: "@zonebot" }).waitFor();

      const card = page.locator(".msg.bot .card").first();
      await card.waitFor();
      await expect.poll(() => card.locator('[data-element-id="answer_md"]').textContent(), eventually).toContain("20%");
      expect(await card.locator(".card-header").textContent()).toContain("开发区问答");
      expect(await card.textContent()).toContain("事实表");
      // The reply quotes the question it answers, like Feishu.
      expect(await page.locator(".msg.bot .reply-quote").first().textContent()).toContain("外贸进出口总额");

      // Citations: collapsed at first, expandable, with the article title and date.
      const panel = card.locator("details.card-panel");
      expect(await panel.evaluate((el) => (el as unknown as { open: boolean }).open)).toBe(false);
      expect(await panel.locator(".card-panel-body").isVisible()).toBe(false);
      await panel.locator("summary").click();
      await panel.locator(".card-panel-body", { hasText: ARTICLE }).waitFor({ state: "visible" });
      expect(await panel.locator(".card-panel-body").textContent()).toContain("2022-01-15");

      // 👍 → card.action.trigger through the emulator → toast, and the vote in the state store.
      await card.locator(".card-btn", { hasText: "👍" }).click();
      await page.locator("#toast.success", { hasText: "感谢反馈" }).waitFor({ state: "visible" });
      const questionId = pg.local.emulator.inboundMessages.find((m) => m.chat_id === pg.groupChatId && m.content.includes("@_user_1"))!.message_id;
      await expect.poll(() => state.votes(questionId), eventually).toMatchObject([
        { vote: "up", userId: pg.userId, chatId: pg.groupChatId, question: QUESTION },
      ]);
      expect(await card.locator(".card-btn.voted").textContent()).toContain("👍");

      // A follow-up in a thread on the bot's card needs no @ (the bot is part of that thread).
      await page.locator(".msg.bot").first().hover();
      await page.locator(".msg.bot .reply-thread").first().click();
      await page.locator("#thread-banner").waitFor({ state: "visible" });
      await type(page, "那2021年呢？");
      await page.keyboard.press("Enter");
      const thread = page.locator(".thread .msg.bot .card");
      await thread.first().waitFor();
      await expect.poll(() => thread.first().textContent(), eventually).toContain("2021");
      expect(await page.locator(".thread .msg.user .bubble").first().textContent()).toBe("那2021年呢？");

      await page.screenshot({ path: SCREENSHOT, fullPage: false });
      expect(existsSync(SCREENSHOT)).toBe(true);
    } finally {
      await page.close();
      await pg.close();
      state.close();
    }
  });

  it("DM tab: answers without @; an LLM-style answer shows 「查询中…」 and then streams into the card", async () => {
    const state = StateStore.openFile(":memory:");
    const llm = fakeLlmEngine(engine, { steps: 5, stepMs: 250 });
    const pg = await startPlayground(config, llm, { port: 0, pollMs: 50, bot: { state, tuning: { streamIntervalMs: 100 } } });
    const page = await open(pg);
    try {
      await page.locator("#tab-dm").click();
      await expect.poll(() => page.locator("#chat-title").textContent(), eventually).toBe("zonebot");
      expect(await page.locator("#mention-button").isHidden()).toBe(true);
      await type(page, QUESTION);
      await page.keyboard.press("Enter");
      const card = page.locator(".msg.bot .card").first();
      await card.waitFor();
      // Seen while streaming: the pending text or a partial answer, with the streaming marker.
      const seen = new Set<string>();
      await expect.poll(async () => {
        seen.add((await card.locator('[data-element-id="answer_md"]').textContent()) ?? "");
        return card.textContent();
      }, { interval: 30, timeout: 10_000 }).toContain("依据");
      expect([...seen].some((text) => text.includes("查询中") || !text.includes("20%"))).toBe(true);
      await expect.poll(() => card.locator('[data-element-id="answer_md"]').textContent(), eventually).toContain("20%");
      expect(await card.locator(".streaming-dot").count()).toBe(0);
      expect(await card.textContent()).toContain("LLM");
    } finally {
      await page.close();
      await pg.close();
      state.close();
    }
  });
});
