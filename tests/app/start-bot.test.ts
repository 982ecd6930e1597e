import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startBot, startLocalBot } from "../../src/app/index.js";
import { startFeishuEmulator } from "../../src/lark/emulator/index.js";
import { silentLogger, type App, type IncomingEvent, type Receiver } from "../../src/lark/index.js";
import { StateStore } from "../../src/store/state-store.js";
import { cardOf, cardText, QUESTION, seedBots, slowEngine } from "./harness.js";

const bots = seedBots();

describe("startBot", () => {
  it("runs in-process against the emulator with its state in <dataDir>/state.db (the playground setup)", async () => {
    const local = await startLocalBot(bots.config, bots.engine, { logger: silentLogger, encryptKey: "k" });
    try {
      expect(local.bot.transport).toBe("webhook");
      expect(local.bot.webhook?.eventUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhook\/event$/);
      expect(local.bot.state.file).toBe(path.join(bots.config.dataDir, "state.db"));
      expect(existsSync(path.join(bots.config.dataDir, "state.db"))).toBe(true);
      const event = local.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
      await local.emulator.deliver(event);
      const [reply] = await local.emulator.waitForMessages((m) => m.parent_id === event.event.message.message_id);
      expect(JSON.stringify(reply!.body)).toContain("20%");
    } finally {
      await local.close();
    }
  });

  it("needs credentials, and a real-looking app id for the long connection", async () => {
    await expect(startBot(bots.config, bots.engine, { logger: silentLogger })).rejects.toThrow(/FEISHU_APP_ID/);
    await expect(startBot(bots.config, bots.engine, {
      logger: silentLogger, feishu: { appId: "my-app", appSecret: "s", domain: "http://127.0.0.1:9", botOpenId: "ou_bot" },
    })).rejects.toThrow(/cli_ \+ 16 hex/);
  });

  it("takes any Receiver: a fake one drives the same App.processEvent", async () => {
    class FakeReceiver implements Receiver {
      app?: App;
      started = false;
      init(app: App): void { this.app = app; }
      async start(): Promise<void> { this.started = true; }
      async stop(): Promise<void> { this.started = false; }
      send(event: Omit<IncomingEvent, "transport" | "receivedAt">) {
        return this.app!.processEvent({ ...event, transport: "test", receivedAt: Date.now() });
      }
    }
    const appId = `cli_${"0".repeat(16)}`;
    const emulator = await startFeishuEmulator({ appId, appSecret: "s" });
    const receiver = new FakeReceiver();
    const bot = await startBot(bots.config, bots.engine, {
      logger: silentLogger, receiver, feishu: { appId, appSecret: "s", domain: emulator.url }, state: StateStore.openFile(":memory:"),
    });
    try {
      expect(bot.transport).toBe("custom");
      expect(receiver.started).toBe(true);
      const event = emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
      const ack = await receiver.send({
        eventId: event.header.event_id, eventType: event.header.event_type, createTime: Number(event.header.create_time),
        data: { ...event.header, ...event.event },
      });
      expect(ack).toEqual({});
      const [reply] = await emulator.waitForMessages((m) => m.parent_id === event.event.message.message_id);
      expect(JSON.stringify(reply!.body)).toContain("20%");
    } finally {
      await bot.stop();
      bot.state.close();
      await emulator.close();
    }
    expect(receiver.started).toBe(false);
  });

  it("drains on stop: new webhooks are refused, the answer in progress is still sent", async () => {
    const h = await bots.start(slowEngine(bots.engine, { delayMs: 600 }));
    const first = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
    await h.emulator.deliver(first);
    await h.waitForActivity("queued");
    const stopping = h.bot.stop();
    const late = await h.emulator.deliver(h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION }), { redeliver: false });
    expect(late.delivered).toBe(false);
    await stopping;
    expect(h.emulator.messages).toHaveLength(1);
    expect(cardText(cardOf(h, h.emulator.messages[0]!))).toContain("20%");
  });

  it("stops on SIGTERM when asked to handle signals", async () => {
    const h = await bots.start(bots.engine, { handleSignals: true });
    expect(process.listenerCount("SIGTERM")).toBeGreaterThan(0);
    process.emit("SIGTERM", "SIGTERM");
    await h.bot.stopped;
    expect(h.bot.app.draining).toBe(true);
    expect((await fetch(h.bot.webhook!.healthUrl).catch(() => undefined))?.status).toBeUndefined();
  });
});
