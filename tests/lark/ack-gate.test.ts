import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AckGate } from "../../src/lark/ack-gate.js";

// Outbound work waits while acks are pending: released when the last ack is written, or after the
// bounded wait so a steady stream of events cannot starve the answers.

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

async function released(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => { done = true; });
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

describe("AckGate", () => {
  it("lets work through at once when no ack is pending", async () => {
    expect(await released(new AckGate(25).clear())).toBe(true);
  });

  it("holds work until the last pending ack is written", async () => {
    const gate = new AckGate(25);
    gate.enter();
    gate.enter();
    const waiting = gate.clear();
    expect(await released(waiting)).toBe(false);
    gate.leave();
    expect(await released(waiting)).toBe(false);
    gate.leave();
    expect(await released(waiting)).toBe(true);
    expect(gate.busy).toBe(0);
  });

  it("never holds work longer than maxWaitMs", async () => {
    const gate = new AckGate(25);
    gate.enter();
    let done = false;
    void gate.clear().then(() => { done = true; });
    await vi.advanceTimersByTimeAsync(24);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await vi.runOnlyPendingTimersAsync();
    expect(done).toBe(true);
  });

  it("releases waiters in order, one per event-loop turn", async () => {
    vi.useRealTimers();
    const gate = new AckGate(1000);
    gate.enter();
    const order: string[] = [];
    const waiters = ["a", "b", "c"].map((name) => gate.clear().then(() => order.push(name)));
    gate.leave();
    await new Promise((resolve) => setImmediate(resolve));
    // After one turn only the first has gone; the rest follow on later turns.
    expect(order).toEqual(["a"]);
    await Promise.all(waiters);
    expect(order).toEqual(["a", "b", "c"]);
  });

  it("an extra leave() cannot make the count negative", async () => {
    const gate = new AckGate(25);
    gate.leave();
    gate.enter();
    expect(await released(gate.clear())).toBe(false);
  });
});

describe("AckGate with a quiet period", () => {
  it("after the last ack, waits quietMs for the next delivery of the burst before letting work go", async () => {
    const gate = new AckGate(25, 3);
    gate.enter();
    const waiting = gate.clear();
    gate.leave();
    expect(await released(waiting)).toBe(false);
    await vi.advanceTimersByTimeAsync(2);
    gate.enter(); // the burst goes on: the quiet period starts again after this ack
    gate.leave();
    await vi.advanceTimersByTimeAsync(2);
    expect(await released(waiting)).toBe(false);
    await vi.advanceTimersByTimeAsync(2); // 3 ms after the last ack (+1 for the release on the next turn)
    expect(await released(waiting)).toBe(true);
  });

  it("work asked for during the quiet period waits for it too, and never longer than maxWaitMs", async () => {
    const gate = new AckGate(10, 3);
    gate.enter();
    gate.leave();
    const late = gate.clear();
    expect(await released(late)).toBe(false);
    for (let i = 0; i < 5; i += 1) {
      await vi.advanceTimersByTimeAsync(2);
      gate.enter();
      gate.leave();
      if (i === 3) expect(await released(late)).toBe(false); // 8 ms: the burst still holds it
    }
    await vi.advanceTimersByTimeAsync(1);
    expect(await released(late)).toBe(true); // 10 ms passed: it goes though deliveries keep coming
  });

  it("with no burst going on, work goes at once", async () => {
    const gate = new AckGate(25, 3);
    gate.enter();
    gate.leave();
    await vi.advanceTimersByTimeAsync(3);
    expect(await released(gate.clear())).toBe(true);
  });
});
