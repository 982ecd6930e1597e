import { describe, expect, it } from "vitest";
import { QUESTION, seedBots, slowEngine } from "../app/harness.js";
import type { FeishuEmulator, StoredReaction } from "../../src/lark/emulator/index.js";

// The typing indicator through the emulator: a reaction on the user's question from the moment it
// is accepted until the answer (or the apology) is sent; none for commands that answer at once.

const bots = seedBots();

const reactionsOn = (emulator: FeishuEmulator, messageId: string): StoredReaction[] =>
  emulator.reactions.filter((r) => r.message_id === messageId);

describe("typing indicator", () => {
  it("is on the question while it is answered and gone once the answer is sent", async () => {
    const h = await bots.start(slowEngine(bots.engine, { delayMs: 400 }));
    const event = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
    await h.emulator.deliver(event);
    const messageId = event.event.message.message_id;
    // Shown long before the answer exists.
    const [shown] = await h.emulator.waitFor(() => (reactionsOn(h.emulator, messageId).length ? reactionsOn(h.emulator, messageId) : undefined), 300);
    expect(shown).toMatchObject({ emoji_type: "Typing", operator_type: "app" });
    expect(shown!.removed_at).toBeUndefined();
    expect(h.emulator.messages).toHaveLength(0);

    const [reply] = await h.emulator.waitForMessages((m) => m.parent_id === messageId);
    await h.settled();
    expect(shown!.removed_at).toBeGreaterThanOrEqual(reply!.create_time);
    expect(reactionsOn(h.emulator, messageId)).toHaveLength(1);
  });

  it("is removed when answering fails (the apology is sent instead)", async () => {
    const h = await bots.start(slowEngine(bots.engine, { delayMs: 50, fail: new Error("engine exploded") }));
    const event = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
    await h.emulator.deliver(event);
    await h.emulator.waitForMessages((m) => m.parent_id === event.event.message.message_id);
    await h.settled();
    const [reaction] = reactionsOn(h.emulator, event.event.message.message_id);
    expect(reaction?.removed_at).toEqual(expect.any(Number));
  });

  it("is skipped for commands that answer at once, shown for commands that say they are slow", async () => {
    const h = await bots.start(bots.engine, {
      commands: [{ name: "slow", usage: "/slow", description: "slow", showsTyping: true, run: async (ctx) => { await ctx.reply({ schema: "2.0", body: { elements: [] } } as never, "slow"); } }],
    });
    const help = h.emulator.events.textMessage({ chatType: "p2p", text: "/help" });
    const slow = h.emulator.events.textMessage({ chatType: "p2p", text: "/slow" });
    await h.emulator.deliver(help);
    await h.emulator.deliver(slow);
    await h.emulator.waitForMessages(() => true, 2);
    await h.settled();
    expect(reactionsOn(h.emulator, help.event.message.message_id)).toHaveLength(0);
    expect(reactionsOn(h.emulator, slow.event.message.message_id)).toMatchObject([{ removed_at: expect.any(Number) }]);
  });

  const settings: Array<{ name: string; typing: { enabled: boolean; emoji: string }; expected: string[] }> = [
    { name: "a configured emoji", typing: { enabled: true, emoji: "OnIt" }, expected: ["OnIt"] },
    { name: "the off switch", typing: { enabled: false, emoji: "Typing" }, expected: [] },
  ];
  for (const setting of settings) {
    it(`honours ${setting.name}`, async () => {
      const h = await bots.start(bots.engine, { feishu: { typing: setting.typing } });
      const event = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
      await h.emulator.deliver(event);
      await h.emulator.waitForMessages((m) => m.parent_id === event.event.message.message_id);
      await h.settled();
      expect(reactionsOn(h.emulator, event.event.message.message_id).map((r) => r.emoji_type)).toEqual(setting.expected);
    });
  }

  it("an emoji Feishu does not know never blocks the answer", async () => {
    const h = await bots.start(bots.engine, { feishu: { typing: { enabled: true, emoji: "NoSuchEmoji" } } });
    const event = h.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
    await h.emulator.deliver(event);
    await h.emulator.waitForMessages((m) => m.parent_id === event.event.message.message_id);
    await h.settled();
    expect(h.emulator.apiCalls.filter((c) => c.path.endsWith("/reactions")).map((c) => c.code)).toEqual([231001]);
    expect(h.activities.some((a) => a.type === "failed")).toBe(false);
  });
});
