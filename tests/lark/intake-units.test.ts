import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/brain/types.js";
import type { BotEngine } from "../../src/lark/index.js";
import { LiveEngine, sentenceOf, sizeText } from "../../src/lark/intake/index.js";

/** A stand-in engine: `generation` names it; each ask waits for `release` so a test can hold it in flight. */
function fakeEngine(generation: string): BotEngine & { releaseAll(): void; closed: number } {
  const waiting: (() => void)[] = [];
  const engine = {
    corpus: { generation } as BotEngine["corpus"],
    tools: {} as BotEngine["tools"],
    defaultBrain: "offline" as const,
    closed: 0,
    ask: async (question: string): Promise<Answer> => {
      await new Promise<void>((resolve) => waiting.push(resolve));
      return { answer: `${generation}:${question}` } as unknown as Answer;
    },
    releaseAll: () => {
      for (const resolve of waiting.splice(0)) resolve();
    },
  };
  return engine;
}

describe("LiveEngine", () => {
  it("a question asked before the swap is answered by the previous generation, later ones by the new", async () => {
    const old = fakeEngine("g1");
    const next = fakeEngine("g2");
    let oldReleased = 0;
    let nextReleased = 0;
    const live = new LiveEngine(old, () => void (oldReleased += 1));
    const early = live.ask("q1");
    live.swap(next, () => void (nextReleased += 1));
    expect(live.generation).toBe("g2");
    const late = live.ask("q2");
    // Still answering on g1: not released yet.
    expect(oldReleased).toBe(0);
    old.releaseAll();
    next.releaseAll();
    expect((await early).answer).toBe("g1:q1");
    expect((await late).answer).toBe("g2:q2");
    expect(oldReleased).toBe(1);
    expect(nextReleased).toBe(0);
    await live.close();
    expect(nextReleased).toBe(1);
  });

  it("never releases the engine it was given without a release function (the caller's)", async () => {
    const given = fakeEngine("g1");
    const live = new LiveEngine(given);
    let released = 0;
    live.swap(fakeEngine("g2"), () => void (released += 1));
    await live.close();
    expect(released).toBe(1);
    expect(live.corpus.generation).toBe("g2");
  });
});

describe("sentenceOf", () => {
  const cases: Array<{ text: string; clause: string; expected: string }> = [
    { text: "开头一句。今年一季度，新签约项目38个，总投资216亿元。下一句。", clause: "新签约项目38个", expected: "今年一季度，新签约项目38个，总投资216亿元。" },
    { text: "第一段没有句号\n全年实现营收12亿元\n第三段", clause: "实现营收12亿元", expected: "全年实现营收12亿元" },
    { text: "增长了吗？同比增长15%！后文", clause: "增长15%", expected: "同比增长15%！" },
    { text: "新开工项目27个", clause: "27个", expected: "新开工项目27个" },
  ];
  for (const { text, clause, expected } of cases) {
    it(`${clause} → ${expected}`, () => {
      const start = text.indexOf(clause);
      expect(sentenceOf(text, { start, end: start + clause.length, evidence: clause })).toBe(expected);
    });
  }

  it("falls back to the clause when the article text is missing or the offsets do not fit, and cuts long sentences", () => {
    expect(sentenceOf(undefined, { start: 0, end: 3, evidence: "38个" })).toBe("38个");
    expect(sentenceOf("短", { start: 0, end: 9, evidence: "38个" })).toBe("38个");
    const long = `${"很".repeat(200)}38个。`;
    expect(sentenceOf(long, { start: 200, end: 203, evidence: "38个" })).toMatch(/^很{120}…$/);
  });
});

describe("sizeText", () => {
  const cases: Array<[number, string]> = [[50 * 1024 * 1024, "50 MB"], [1.5 * 1024 * 1024, "1.5 MB"], [1024, "1 KB"], [300, "1 KB"], [200 * 1024, "200 KB"]];
  for (const [bytes, expected] of cases) it(`${bytes} → ${expected}`, () => expect(sizeText(bytes)).toBe(expected));
});
