import { describe, expect, it } from "vitest";
import { cardOf, cardText, fakeLlmEngine, QUESTION, seedBots } from "../app/harness.js";

// With the LLM brain the bot sends 「查询中…」 first and fills the card in while the model writes
// (bots.engine onText hook), throttled within Feishu's limits; the final card replaces it.

const bots = seedBots();

describe("streaming answers (LLM brain)", () => {
  it("streams into a CardKit entity, then replaces it with the final answer card", async () => {
    const h = await bots.start(fakeLlmEngine(bots.engine, { steps: 5, stepMs: 60 }), { tuning: { streamIntervalMs: 100 } });
    const event = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
    await h.emulator.deliver(event);
    const [reply] = await h.emulator.waitForMessages((m) => m.parent_id === event.event.message.message_id);
    expect(reply!.card_id).toBeDefined();
    await h.waitForActivity("answered");
    const stored = h.emulator.cards.get(reply!.card_id!)!;
    expect(stored.contentUpdates.length).toBeGreaterThanOrEqual(1);
    expect(stored.contentUpdates.length).toBeLessThan(5);
    const gaps = stored.contentUpdates.slice(1).map((u, i) => u.at - stored.contentUpdates[i]!.at);
    expect(gaps.every((gap) => gap >= 90)).toBe(true);
    const final = cardOf(h, reply!) as { config: { streaming_mode?: boolean } };
    expect(final.config.streaming_mode).toBe(false);
    const text = cardText(final);
    expect(text).toContain("20%");
    expect(text).toContain("LLM");
    expect(text).not.toContain("查询中");
  });

  it("patches a plain card when configured for patch streaming", async () => {
    const h = await bots.start(fakeLlmEngine(bots.engine, { steps: 4, stepMs: 80 }), { tuning: { streaming: "patch", streamIntervalMs: 100 } });
    const event = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
    await h.emulator.deliver(event);
    const [reply] = await h.emulator.waitForMessages((m) => m.parent_id === event.event.message.message_id);
    expect(reply!.card_id).toBeUndefined();
    expect(cardText(reply!.revisions.length ? JSON.parse(reply!.revisions[0]!.content) : reply!.body)).toBeTruthy();
    await h.waitForActivity("answered");
    expect(reply!.revisions.length).toBeGreaterThanOrEqual(2);
    expect(cardText(reply!.body)).toContain("20%");
  });

  it("falls back to patches when CardKit is refused, and apologises in the same card on failure", async () => {
    const failing = fakeLlmEngine(bots.engine, { steps: 3, stepMs: 30, fail: new Error("model timed out"), failAfterSteps: 2 });
    const h = await bots.start(failing, {});
    h.emulator.faults.inject({ kind: "token-expired", times: 2, pathIncludes: "/cardkit/v1/cards" });
    const event = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
    await h.emulator.deliver(event);
    await h.waitForActivity("failed");
    await h.settled();
    expect(h.emulator.messages).toHaveLength(1);
    const [reply] = h.emulator.messages;
    expect(reply!.card_id).toBeUndefined();
    // The partial text was patched in, then the same card became the apology.
    expect(reply!.revisions.some((r) => r.content.includes("青岛经济技术开发区"))).toBe(true);
    expect(cardText(reply!.body)).toContain("抱歉");
    expect(h.activities.some((a) => a.type === "retry" && a.operation === "cardkit.card.create")).toBe(false);
  });
});
