import { describe, expect, it } from "vitest";
import { WsLiveness } from "../../src/lark/receivers/ws-liveness.js";

// The silence alert: one error line per silent spell (no event and no pong for silenceAlertMs),
// counted from the latest sign of life, and an all-clear when life returns.

function liveness(alertMs = 1000) {
  const lines: Array<{ level: string; message: string; fields?: Record<string, unknown> }> = [];
  const at = (level: string) => (message: string, fields?: Record<string, unknown>) => lines.push({ level, message, fields });
  let now = 0;
  let lastEvent: number | undefined;
  const l = new WsLiveness({
    silenceAlertMs: alertMs,
    logger: { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") },
    clock: () => now,
    lastEventAt: () => lastEvent,
  });
  return {
    l, lines,
    at: (ms: number) => { now = ms; },
    event: (ms: number) => { lastEvent = ms; },
    alerts: () => lines.filter((line) => line.level === "error").length,
  };
}

describe("WsLiveness", () => {
  const cases: Array<{ name: string; connected?: number; pong?: number; event?: number; now: number; alert: boolean }> = [
    { name: "never connected: nothing to judge", now: 5000, alert: false },
    { name: "connected just now", connected: 4500, now: 5000, alert: false },
    { name: "connected long ago, nothing since", connected: 0, now: 5000, alert: true },
    { name: "a recent pong keeps it quiet", connected: 0, pong: 4200, now: 5000, alert: false },
    { name: "a recent event keeps it quiet", connected: 0, event: 4900, now: 5000, alert: false },
    { name: "old pong and old event", connected: 0, pong: 3000, event: 3500, now: 5000, alert: true },
    { name: "exactly at the limit", connected: 4000, now: 5000, alert: true },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const t = liveness();
      if (c.connected !== undefined) {
        t.at(c.connected);
        t.l.connected();
      }
      if (c.pong !== undefined) {
        t.at(c.pong);
        t.l.pong();
      }
      if (c.event !== undefined) t.event(c.event);
      t.at(c.now);
      t.l.check();
      expect(t.l.alert).toBe(c.alert);
      expect(t.alerts()).toBe(c.alert ? 1 : 0);
    });
  }

  it("alerts once per silent spell, clears when a pong comes, alerts again on the next spell", () => {
    const t = liveness();
    t.l.connected();
    for (const ms of [1500, 2000, 2500]) {
      t.at(ms);
      t.l.check();
    }
    expect(t.alerts()).toBe(1);
    expect(t.lines.find((line) => line.level === "error")?.fields).toMatchObject({ silentForMs: 1500, alertAfterMs: 1000 });
    t.l.pong();
    t.l.check();
    expect(t.l.alert).toBe(false);
    expect(t.lines.at(-1)?.message).toMatch(/heard from again/);
    t.at(4000);
    t.l.check();
    expect(t.alerts()).toBe(2);
  });

  it("counts reconnects and the time the connection was down", () => {
    const t = liveness();
    t.l.connected();
    t.at(100);
    t.l.reconnecting();
    t.at(150);
    t.l.reconnecting();
    t.at(400);
    t.l.reconnected();
    expect(t.l.snapshot()).toMatchObject({ reconnects: 2, lastReconnectAt: new Date(400).toISOString() });
    expect(t.lines.find((line) => line.message.includes("re-established"))?.fields).toMatchObject({ reconnects: 2, downMs: 300 });
    expect(t.lines.filter((line) => line.level === "warn")).toHaveLength(2);
  });
});
