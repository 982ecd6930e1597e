import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../../src/config/index.js";
import type { Engine } from "../../src/engine/index.js";
import { startPlayground } from "../../src/playground/index.js";
import { StateStore } from "../../src/store/state-store.js";
import { seedEngine } from "../support/engine.js";

// The playground's attach button: a file from the page reaches the bot as a Feishu file message through the
// emulator, and the intake card comes back (the one person at the playground is its admin).

const CHROMIUM = process.env.ZONEBOT_CHROMIUM ?? "/usr/bin/chromium";
const MD = "# 柳湾高新区新增科技型企业64家\n\n2025-05-06\n\n今年以来，柳湾高新区新增科技型中小企业64家，同比增长23%。\n";

let engine: Engine;
let config: Config;
let cleanup: () => void;

beforeAll(async () => {
  ({ engine, config, cleanup } = await seedEngine());
}, 120_000);
afterAll(() => cleanup());

describe("playground attach", () => {
  it("POST /api/files sends a file message and the intake answers with its card", async () => {
    const state = StateStore.openFile(":memory:");
    const pg = await startPlayground(config, engine, { port: 0, bot: { state } });
    try {
      const base = pg.url.replace("localhost", "127.0.0.1");
      const sent = await fetch(`${base}/api/files`, {
        method: "POST", headers: { "content-type": "application/json" },
        body: JSON.stringify({ chat: "dm", fileName: "柳湾.md", data: Buffer.from(MD).toString("base64") }),
      });
      expect(sent.status).toBe(200);
      const { messageId } = await sent.json() as { messageId: string };
      expect(pg.local.emulator.message(messageId)?.msg_type).toBe("file");
      const replies = await pg.local.emulator.waitForMessages((m) => m.parent_id === messageId, 2, 30_000);
      expect(JSON.stringify(replies.map((r) => r.body))).toContain("柳湾高新区新增科技型企业64家");
      const bad = await fetch(`${base}/api/files`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ chat: "dm" }) });
      expect(bad.status).toBe(400);
    } finally {
      await pg.close();
      state.close();
    }
  }, 60_000);

  it.skipIf(!existsSync(CHROMIUM))("the 📎 button in the page sends the chosen file", async () => {
    const state = StateStore.openFile(":memory:");
    const pg = await startPlayground(config, engine, { port: 0, bot: { state } });
    const userDataDir = mkdtempSync(path.join(tmpdir(), "zonebot-chromium-"));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM, headless: true, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"], locale: "zh-CN",
    });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(pg.url);
      await page.locator("#tab-dm").click();
      await expect(page.locator("#attach-button").textContent()).resolves.toContain("文件");
      await page.locator("#attach-input").setInputFiles({ name: "柳湾二.txt", mimeType: "text/plain", buffer: Buffer.from(MD.replace("64家", "65家")) });
      const file = await pg.local.emulator.waitFor(() => pg.local.emulator.inboundMessages.find((m) => m.msg_type === "file"), 10_000, "a file message");
      expect(file.content).toContain("柳湾二.txt");
      await pg.local.emulator.waitForMessages((m) => m.parent_id === file.message_id, 2, 30_000);
      await page.getByText("📎 柳湾二.txt").first().waitFor();
    } finally {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
      await pg.close();
      state.close();
    }
  }, 60_000);
});
