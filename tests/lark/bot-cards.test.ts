import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/brain/types.js";
import { startFeishuEmulator } from "../../src/lark/emulator/index.js";
import {
  answerCard, CARD_LIMIT_BYTES, cardBytes, createLarkClient, loadBotTexts, markdownCard, pendingCard, Sender, silentLogger, TokenCache,
} from "../../src/lark/index.js";
import { cardText } from "../app/harness.js";
import { seedEngine } from "../support/engine.js";
import { newAppId } from "./helpers.js";

const texts = loadBotTexts();
let real: Answer;
let cleanup: () => void;

beforeAll(async () => {
  const seeded = await seedEngine();
  cleanup = seeded.cleanup;
  real = await seeded.engine.ask("青岛开发区2022年外贸进出口总额的增长目标是多少？");
});
afterAll(() => cleanup());

const withCitations = (count: number, quoteChars: number): Answer => ({
  ...real,
  citations: Array.from({ length: count }, (_, i) => ({
    source: `${i}.txt`, title: `第${i}篇：青岛西海岸新区发展报告`, date: "2022-01-15", quote: "青岛经济技术开发区外贸进出口".repeat(quoteChars / 14),
  })),
});

describe("answer card", () => {
  it("is a JSON 2.0 card: answer, collapsed citations, mode footer and feedback buttons", () => {
    const card = answerCard(real, texts, { questionMessageId: "om_q" });
    expect(card.schema).toBe("2.0");
    expect(card.config.update_multi).toBe(true);
    const [answer, panel, hr, footer] = card.body.elements;
    expect(answer).toMatchObject({ tag: "markdown", element_id: "answer_md" });
    expect(String(answer!.content)).toContain("20%");
    expect(panel).toMatchObject({ tag: "collapsible_panel", expanded: false, header: { title: { content: "**来源（1）**" } } });
    expect(cardText(panel)).toContain("**1. 《突破“实、融、活、优”，打造全国标杆》** 2022-01-15\n> 促进内外贸提质增效");
    expect(hr).toEqual({ tag: "hr" });
    expect(cardText(footer)).toContain("依据：事实表 · 离线");
    const json = JSON.stringify(footer);
    expect(json).toContain('"value":{"action":"feedback","vote":"up","q":"om_q"}');
    expect(json).toContain('"value":{"action":"feedback","vote":"down","q":"om_q"}');
    expect(cardText(answerCard({ ...real, mode: "search", brain: "llm" }, texts, { questionMessageId: "q" }))).toContain("依据：原文检索 · LLM");
  });

  it("stays under 30 KB: long quotes are cut first, then citations are dropped with a note", () => {
    const many = withCitations(200, 1400);
    const card = answerCard(many, texts, { questionMessageId: "om_q" });
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_LIMIT_BYTES);
    const text = cardText(card);
    expect(text).toContain("20%");
    expect(text).toContain("来源（200）");
    expect(text).toMatch(/另有 \d+ 条来源未显示/);
    expect(text).toContain("…");

    const few = answerCard(withCitations(3, 4200), texts, { questionMessageId: "om_q" });
    expect(cardText(few)).not.toContain("未显示");
    expect(cardText(few)).toContain("…");
  });

  it("cuts an enormous answer rather than failing", () => {
    const card = answerCard({ ...real, answer: "开发区".repeat(20_000) }, texts, { questionMessageId: "om_q" });
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_LIMIT_BYTES);
    expect(cardText(card)).toContain("（内容过长，已截断）");
  });

  it("escapes tags so quoted or echoed text cannot @everyone", () => {
    const card = answerCard({ ...real, answer: "关于“<at id=all></at>”" }, texts, { questionMessageId: "q" });
    expect(JSON.stringify(card.body)).not.toContain("<at");
    expect(cardText(card)).toContain("&lt;at id=all&gt;&lt;/at&gt;");
  });

  it("the emulator (30 KB rule, 2.0 validation) accepts every card the bot builds", async () => {
    const appId = newAppId();
    const emulator = await startFeishuEmulator({ appId, appSecret: "s" });
    try {
      const tokens = new TokenCache();
      const sender = new Sender(createLarkClient({ appId, appSecret: "s", domain: emulator.url }, tokens, silentLogger), tokens, { logger: silentLogger });
      const question = emulator.events.textMessage({ text: "q" }).event.message.message_id;
      const cards = [
        answerCard(withCitations(200, 1400), texts, { questionMessageId: question }),
        answerCard({ ...real, answer: "开发区".repeat(20_000) }, texts, { questionMessageId: question }),
        markdownCard(texts, "长".repeat(40_000)),
        pendingCard(texts),
      ];
      for (const [i, card] of cards.entries()) await sender.reply(question, card, { uuid: `card-${i}` });
      expect(emulator.messages).toHaveLength(cards.length);
    } finally {
      await emulator.close();
    }
  });
});
