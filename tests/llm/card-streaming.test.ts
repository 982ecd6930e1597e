import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOpenAIServer, type OpenAIServer } from "../support/openai-server.js";
import { cardOf, cardText, startHarness, type Harness } from "../app/harness.js";
import { labelOf, llmHarness, unsupportedNumbers, type LlmHarness } from "./helpers.js";

// The whole path over the wire: Feishu emulator → bot → LLM brain → scripted model (SSE) → CardKit
// streaming updates → the final card with citations.
const QUESTION = "青岛开发区2022年新签约入驻企业的目标是多少？";

let server: OpenAIServer;
let llm: LlmHarness;
let bot: Harness;
beforeAll(async () => {
  server = await startOpenAIServer();
  llm = await llmHarness(server);
  bot = await startHarness(llm.config, llm.engine, { tuning: { streamIntervalMs: 50 } });
});
afterAll(async () => {
  await bot?.close();
  llm?.cleanup();
  await server?.close();
});

describe("LLM answer streamed into a Feishu card", () => {
  it("sends 「查询中…」, streams the model's text into it, and ends with the cited answer", async () => {
    server.chat.push(
      { toolCalls: [{ name: "search_articles", arguments: { query: "青岛开发区 新签约入驻企业 目标", zone: "青岛开发区", year: 2022 } }] },
      (request) => {
        const label = labelOf(request, "100家以上");
        return { text: `青岛经济技术开发区2022年的目标是新签约入驻企业100家以上[${label}]，这是年度目标，不是实际完成数。`, chunkChars: 2, chunkDelayMs: 15 };
      },
    );
    const event = bot.emulator.events.textMessage({ chatType: "p2p", text: QUESTION });
    await bot.emulator.deliver(event);
    const [reply] = await bot.emulator.waitForMessages((m) => m.parent_id === event.event.message.message_id, 1, 10_000);
    await bot.waitForActivity("answered", () => true, 15_000);
    expect(reply!.card_id).toBeDefined();
    const stored = bot.emulator.cards.get(reply!.card_id!)!;
    expect(stored.contentUpdates.length).toBeGreaterThanOrEqual(1);
    const final = cardText(cardOf(bot, reply!));
    expect(final).toContain("100家以上");
    expect(final).toContain("突破“实、融、活、优”，打造全国标杆");
    expect(final).not.toContain("查询中");
    const answer = llm.delivered.at(-1)!;
    expect(answer.brain).toBe("llm");
    expect(unsupportedNumbers(answer)).toEqual([]);
    expect(bot.emulator.messages.filter((m) => m.parent_id === event.event.message.message_id)).toHaveLength(1);
  });
});
