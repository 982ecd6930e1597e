import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  DEFAULT_SCHEDULE, DigestStore, formatLocal, lastOccurrence, loadDigestTexts, nextOccurrence, parseSubscribeArgs, periodKey,
} from "../../src/digest/index.js";

const texts = loadDigestTexts();
const canonical = (name: string): string | undefined => ({ 青岛开发区: "青岛经济技术开发区", 高新区: "青岛高新区" } as Record<string, string>)[name];
/** Monday 2026-11-23 in Shanghai at hh:mm. */
const mon = (hhmm: string): number => Date.parse(`2026-11-23T${hhmm}:00+08:00`);

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});
function tempFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "zonebot-digest-"));
  dirs.push(dir);
  return path.join(dir, "state.db");
}

describe("schedule", () => {
  it("finds the last and next Monday 09:07 in Asia/Shanghai and names the ISO week", () => {
    expect(formatLocal(lastOccurrence(DEFAULT_SCHEDULE, mon("09:07")))).toBe("2026-11-23 09:07");
    expect(formatLocal(lastOccurrence(DEFAULT_SCHEDULE, mon("09:06")))).toBe("2026-11-16 09:07");
    expect(formatLocal(nextOccurrence(DEFAULT_SCHEDULE, mon("09:07")))).toBe("2026-11-30 09:07");
    expect(periodKey(mon("09:07"))).toBe("2026-W48");
    // 01:30 UTC on Monday is still Monday in Shanghai, 23:30 UTC Sunday is already Monday there.
    expect(periodKey(Date.parse("2026-11-22T23:30:00Z"))).toBe("2026-W48");
    expect(periodKey(Date.parse("2027-01-01T12:00:00+08:00"))).toBe("2026-W53");
  });

  it("parses /digest subscribe arguments in any order", () => {
    expect(parseSubscribeArgs([], canonical, texts)).toEqual({ schedule: DEFAULT_SCHEDULE, zones: [] });
    const parsed = parseSubscribeArgs(["周三", "10:17", "青岛开发区", "高新区"], canonical, texts);
    expect(parsed.schedule).toMatchObject({ weekday: 3, hour: 10, minute: 17, timezone: "Asia/Shanghai" });
    expect(parsed.zones).toEqual(["青岛经济技术开发区", "青岛高新区"]);
    expect(parseSubscribeArgs(["星期日08：37"], canonical, texts).schedule).toMatchObject({ weekday: 7, hour: 8, minute: 37 });
    expect(parseSubscribeArgs(["周八"], canonical, texts).error).toContain("周八");
    expect(parseSubscribeArgs(["25:00"], canonical, texts).error).toContain("25:00");
    expect(parseSubscribeArgs(["火星开发区"], canonical, texts).error).toContain("不认识“火星开发区”");
  });
});

describe("ledger", () => {
  const claim = (store: DigestStore, owner: string, now: number) => store.claim({
    chatId: "oc_1", periodKey: "2026-W48", dueAt: mon("09:07"), owner, uuid: "u", now, leaseMs: 600_000, retryAfterMs: 300_000, maxAttempts: 3,
  });

  it("lets exactly one of two connections claim a period; a dead claimer's lease and a failed send can be taken over", () => {
    const file = tempFile();
    const a = DigestStore.openFile(file);
    const b = DigestStore.openFile(file);
    try {
      expect(claim(a, "A", mon("09:07"))).toBe(true);
      expect(claim(b, "B", mon("09:07"))).toBe(false);
      expect(claim(b, "B", mon("09:16"))).toBe(false);
      // A died holding the claim: after the 10 min lease B takes it over, once.
      expect(claim(b, "B", mon("09:17"))).toBe(true);
      expect(claim(a, "A", mon("09:17"))).toBe(false);
      expect(a.markSent("oc_1", "2026-W48", "A", { messageId: "m", sentAt: 1, snapshot: { articles: [], fingerprint: "", at: "" } })).toBe(false);
      b.markFailed("oc_1", "2026-W48", "B", "HTTP 500");
      expect(a.entry("oc_1", "2026-W48")).toMatchObject({ status: "failed", claimedBy: "B", attempts: 2 });
      expect(claim(a, "A", mon("09:20"))).toBe(false);
      expect(claim(a, "A", mon("09:22"))).toBe(true);
      expect(a.markSent("oc_1", "2026-W48", "A", { messageId: "m", sentAt: mon("09:22"), snapshot: { articles: ["x"], fingerprint: "f", at: "" } })).toBe(true);
      expect(claim(b, "B", mon("10:00"))).toBe(false);
      expect(b.lastSent("oc_1")).toMatchObject({ status: "sent", messageId: "m", snapshot: { articles: ["x"] }, attempts: 3 });
    } finally {
      a.close();
      b.close();
    }
  });

  it("keeps subscriptions across reopen; unsubscribe removes them", () => {
    const file = tempFile();
    let store = DigestStore.openFile(file);
    expect(store.subscribe({ chatId: "oc_1", chatType: "group", ...DEFAULT_SCHEDULE, zones: ["青岛高新区"], createdBy: "ou_1" }, 1000)).toBe(false);
    expect(store.subscribe({ chatId: "oc_1", chatType: "group", ...DEFAULT_SCHEDULE, minute: 17, zones: [], createdBy: "ou_2" }, 2000)).toBe(true);
    store.close();
    store = DigestStore.openFile(file);
    expect(store.subscription("oc_1")).toMatchObject({ minute: 17, zones: [], createdAt: 1000, updatedAt: 2000 });
    expect(store.unsubscribe("oc_1")).toBe(true);
    expect(store.unsubscribe("oc_1")).toBe(false);
    expect(store.subscriptions()).toEqual([]);
    store.close();
  });
});
