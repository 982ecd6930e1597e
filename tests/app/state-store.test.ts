import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { StateStore } from "../../src/store/state-store.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = (): string => {
  const dir = mkdtempSync(path.join(tmpdir(), "zonebot-state-"));
  dirs.push(dir);
  return dir;
};

describe("StateStore", () => {
  it("claims ids atomically, across two handles on the same file", () => {
    const dir = tempDir();
    const a = StateStore.open(dir);
    const b = StateStore.open(dir);
    try {
      expect(a.claim("event:1", "message:m1")).toBe(true);
      expect(b.claim("event:1", "message:m1")).toBe(false);
      expect(b.claim("event:2", "message:m1")).toBe(false);
      expect(b.seen("event:2")).toBe(false);
      expect(b.claim("event:2", "message:m2")).toBe(true);
    } finally {
      a.close();
      b.close();
    }
  });

  it("remembers processed ids for at least 12 hours, then forgets them", () => {
    let now = 1_000_000;
    const store = StateStore.openFile(":memory:", { clock: () => now, dedupeRetentionMs: 60_000 });
    store.claim("event:x");
    now += 11 * 3600_000;
    expect(store.claim("event:x")).toBe(false);
    now += 2 * 3600_000;
    expect(store.seen("event:x")).toBe(false);
    expect(store.prune()).toBe(1);
    expect(store.claim("event:x")).toBe(true);
    store.close();
  });

  it("keeps the last turns per conversation with their frames", () => {
    const store = StateStore.openFile(":memory:", { turnsPerConversation: 3 });
    for (let i = 0; i < 5; i += 1) {
      store.addTurn({ conversation: "oc_1", chatId: "oc_1", messageId: `om_${i}`, question: `q${i}`, answer: `a${i}`, frame: { question: `q${i}`, year: 2020 + i } as never });
    }
    store.addTurn({ conversation: "oc_1#omt_1", chatId: "oc_1", messageId: "om_t", question: "in thread" });
    expect(store.recentTurns("oc_1", 6).map((t) => t.question)).toEqual(["q2", "q3", "q4"]);
    expect(store.recentTurns("oc_1", 2).map((t) => (t.frame as { year?: number } | undefined)?.year)).toEqual([2023, 2024]);
    expect(store.recentTurns("oc_1#omt_1")).toMatchObject([{ question: "in thread", answer: undefined, frame: undefined }]);
    expect(store.turnForMessage("om_4")?.answer).toBe("a4");
    store.close();
  });

  it("stores one vote per user and answer, and adds up token usage per chat and day", () => {
    const store = StateStore.openFile(":memory:", { clock: () => Date.parse("2024-05-01T10:00:00Z") });
    const vote = { questionMessageId: "om_q", userId: "ou_a", chatId: "oc", cardMessageId: "om_card", question: "q" };
    store.recordVote({ ...vote, vote: "up" });
    store.recordVote({ ...vote, vote: "down" });
    store.recordVote({ ...vote, userId: "ou_b", vote: "up" });
    expect(store.votes("om_q").map((v) => [v.userId, v.vote])).toEqual([["ou_a", "down"], ["ou_b", "up"]]);
    store.recordUsage({ chatId: "oc", model: "m", promptTokens: 100, completionTokens: 20 });
    store.recordUsage({ chatId: "oc", model: "m", promptTokens: 50, completionTokens: 5 });
    expect(store.usage({ day: "2024-05-01" })).toEqual([{ day: "2024-05-01", chatId: "oc", model: "m", promptTokens: 150, completionTokens: 25, calls: 2 }]);
    store.close();
  });
  it("remembers the threads the bot is part of, and votes carry the answer (older files are migrated)", () => {
    const store = StateStore.openFile(":memory:");
    expect(store.isBotThread("thread:omt_1")).toBe(false);
    store.markBotThread("oc_1", "thread:omt_1", "root:om_bot");
    expect(store.isBotThread("thread:omt_2", "root:om_bot")).toBe(true);
    expect(store.isBotThread("thread:omt_1")).toBe(true);
    store.addTurn({ conversation: "oc_1", chatId: "oc_1", messageId: "om_q", replyId: "om_bot", question: "q", answer: "a" });
    expect(store.turnAt("om_bot")).toMatchObject({ messageId: "om_q", question: "q" });
    store.recordVote({ questionMessageId: "om_q", userId: "ou_a", chatId: "oc_1", cardMessageId: "om_bot", question: "q", answer: "a", vote: "up" });
    expect(store.votes("om_q")).toMatchObject([{ answer: "a", vote: "up" }]);
    store.close();
  });
});
