import { describe, expect, it } from "vitest";
import { QUESTION, cardOf, cardText, seedBots } from "../app/harness.js";

// The long connection's liveness through the emulator over loopback: the SDK's pong watchdog (off by
// default in the SDK, turned on by the bot) notices a half-open socket — open, but no pongs and no
// events any more — and reconnects; /healthz (on PORT, also in ws mode) shows state, pongs, events
// and reconnects.

const bots = seedBots();
// Pings every 300 ms, a pong must follow within 200 ms, reconnect 100 ms after a loss. (The SDK
// re-arms its watchdog at every ping, so the pong deadline must be shorter than the ping interval.)
const fastLiveness = {
  transport: "ws" as const,
  feishu: { wsPingTimeoutMs: 200 },
  emulator: { wsClientConfig: { PingInterval: 0.3, ReconnectInterval: 0.1 } },
};

async function health(url: string | undefined): Promise<{ status: number; body: Record<string, unknown> & { connection: Record<string, unknown> } }> {
  const response = await fetch(url!);
  return { status: response.status, body: await response.json() as never };
}

describe("long connection liveness", () => {
  it("a half-open socket is noticed, replaced, and an event sent after the fault is answered in bounded time", async () => {
    const h = await bots.start(bots.engine, fastLiveness);
    await h.emulator.waitFor(() => (h.emulator.wsPongs > 0 ? true : undefined), 2000, "a first pong");
    const faultAt = Date.now();
    expect(h.emulator.breakWsClients()).toBe(1);
    expect(h.emulator.halfOpenWsCount).toBe(1);

    // Sent right after the fault: Feishu holds it until a connection is up again.
    const event = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
    const ack = await h.emulator.pushEvent(event, { waitForClientMs: 3000 });
    expect(ack.code).toBe(200);
    const [reply] = await h.emulator.waitForMessages((m) => m.parent_id === event.event.message.message_id, 1, 3000);
    expect(cardText(cardOf(h, reply!))).toContain("20%");
    // Ping interval + pong timeout + reconnect, with room for a busy machine; never the SDK's minutes.
    expect(Date.now() - faultAt).toBeLessThan(3000);
    expect(h.emulator.halfOpenWsCount).toBe(0);

    const reconnecting = await h.waitForActivity("connection", (a) => a.state === "reconnected");
    expect(reconnecting.detail).toMatchObject({ reconnects: 1 });
    const { status, body } = await health(h.bot.healthUrl);
    expect(status).toBe(200);
    expect(body.connection).toMatchObject({ transport: "ws", state: "connected", reconnects: 1, alert: false });
    expect(body.connection.lastReconnectAt).toEqual(expect.any(String));
  });

  it("without the pong deadline (0 = the SDK's default) the half-open socket goes unnoticed", async () => {
    const h = await bots.start(bots.engine, { ...fastLiveness, feishu: { wsPingTimeoutMs: 0 } });
    h.emulator.breakWsClients();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(h.emulator.wsClientCount).toBe(0);
    expect(h.emulator.halfOpenWsCount).toBe(1);
    expect(h.activities.some((a) => a.type === "connection" && a.state === "reconnecting")).toBe(false);
  });

  it("/healthz in ws mode: connection state, last pong and last event", async () => {
    const h = await bots.start(bots.engine, fastLiveness);
    expect(h.bot.webhook).toBeUndefined();
    let { status, body } = await health(h.bot.healthUrl);
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, lastEventAt: null, eventsReceived: 0 });
    expect(body.connection).toMatchObject({ state: "connected", reconnects: 0 });

    await h.emulator.waitFor(() => (h.emulator.wsPongs > 1 ? true : undefined), 2000, "pongs");
    const event = h.emulator.events.textMessage({ chatType: "p2p", text: "/help" });
    await h.emulator.pushEvent(event);
    ({ status, body } = await health(h.bot.healthUrl));
    expect(body.eventsReceived).toBe(1);
    expect(Date.parse(String(body.lastEventAt))).toBeGreaterThan(Date.now() - 5000);
    // The pong is seen through the SDK's trace log: this pins that the installed SDK still logs it.
    expect(body.connection.lastPongAt).toEqual(expect.any(String));
    expect(body.connection.silentForMs).toBeLessThan(1000);

    h.bot.app.startDraining();
    ({ status, body } = await health(h.bot.healthUrl));
    expect(status).toBe(503);
    expect(body).toMatchObject({ ok: false, draining: true });
  });

  it("/healthz says 503 while the connection is down", async () => {
    const h = await bots.start(bots.engine, { ...fastLiveness, emulator: { wsClientConfig: { PingInterval: 0.3, ReconnectInterval: 5 } } });
    h.emulator.dropWsClients();
    await h.waitForActivity("connection", (a) => a.state === "reconnecting");
    const { status, body } = await health(h.bot.healthUrl);
    expect(status).toBe(503);
    expect(body.connection).toMatchObject({ ok: false, reconnects: 1 });
    expect(body.connection.state).not.toBe("connected");
  });
});

describe("/healthz port taken", () => {
  it("the bot still starts in ws mode, without /healthz, and says so in the log", async () => {
    const { createServer } = await import("node:http");
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", () => resolve()));
    const port = (blocker.address() as { port: number }).port;
    const lines: string[] = [];
    const logger = { debug: () => {}, info: () => {}, warn: () => {}, error: (message: string) => void lines.push(message) };
    try {
      const h = await bots.start(bots.engine, { ...fastLiveness, logger, feishu: { ...fastLiveness.feishu, port } });
      expect(h.bot.healthUrl).toBeUndefined();
      expect(lines.some((line) => line.includes("/healthz"))).toBe(true);
      const event = h.emulator.events.textMessage({ chatType: "p2p", text: "/help" });
      expect((await h.emulator.pushEvent(event)).code).toBe(200);
    } finally {
      await bots.close();
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });
});
