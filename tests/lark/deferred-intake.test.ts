import { describe, expect, it } from "vitest";
import { AckGate } from "../../src/lark/ack-gate.js";
import { DeferredIntake } from "../../src/lark/deferred-intake.js";
import type { IncomingEvent } from "../../src/lark/index.js";

const event = (id: string): IncomingEvent => ({ eventId: id, eventType: "im.message.receive_v1", data: {}, transport: "http", receivedAt: 0 });
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("DeferredIntake", () => {
  it("runs acknowledged events in arrival order, only once no ack is pending", async () => {
    const gate = new AckGate(1000, 0);
    const ran: string[] = [];
    const intake = new DeferredIntake(gate, async (e) => { ran.push(e.eventId); }, () => {});
    gate.enter();
    for (const id of ["a", "b", "c"]) intake.push(event(id));
    for (let i = 0; i < 5; i += 1) await turn();
    expect(ran).toEqual([]);
    expect(intake.size).toBe(3);
    gate.leave();
    expect(await intake.idle(1000)).toBe(true);
    expect(ran).toEqual(["a", "b", "c"]);
    expect(intake.size).toBe(0);
  });

  it("goes one event per turn, so a delivery arriving in between holds the rest back", async () => {
    const gate = new AckGate(1000, 0);
    const ran: string[] = [];
    const intake = new DeferredIntake(gate, async (e) => {
      ran.push(e.eventId);
      if (e.eventId === "a") gate.enter(); // a new delivery is being acked
    }, () => {});
    intake.push(event("a"));
    intake.push(event("b"));
    for (let i = 0; i < 5; i += 1) await turn();
    expect(ran).toEqual(["a"]);
    gate.leave();
    await intake.idle(1000);
    expect(ran).toEqual(["a", "b"]);
  });

  it("loses nothing when one event's intake fails: the error is reported and the next one runs", async () => {
    const gate = new AckGate(1000, 0);
    const ran: string[] = [];
    const failed: string[] = [];
    const intake = new DeferredIntake(gate, async (e) => {
      if (e.eventId === "bad") throw new Error("boom");
      ran.push(e.eventId);
    }, (error, e) => failed.push(`${e.eventId}: ${String(error)}`));
    for (const id of ["a", "bad", "c"]) intake.push(event(id));
    expect(await intake.idle(1000)).toBe(true);
    expect(ran).toEqual(["a", "c"]);
    expect(failed).toEqual(["bad: Error: boom"]);
  });

  it("idle() gives up after its timeout while an ack holds the backlog", async () => {
    const gate = new AckGate(10_000, 0);
    const intake = new DeferredIntake(gate, async () => {}, () => {});
    gate.enter();
    intake.push(event("a"));
    expect(await intake.idle(20)).toBe(false);
    gate.leave();
    expect(await intake.idle(1000)).toBe(true);
  });
});
