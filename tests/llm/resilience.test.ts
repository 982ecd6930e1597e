import { describe, expect, it } from "vitest";
import { checkNumbers, EvidenceNumbers, loadPrompts } from "../../src/brain/llm/index.js";
import type { Answer } from "../../src/brain/index.js";
import type { OpenAIServer } from "../support/openai-server.js";
import { labelOf, type LlmHarness, scriptedLlm, toolResults } from "./helpers.js";

const QUESTION = "青岛开发区2022年新签约入驻企业的目标是多少？";
const notes = loadPrompts().notes;
const search = { toolCalls: [{ name: "search_articles", arguments: { query: "青岛开发区 新签约入驻企业 目标", zone: "青岛开发区", year: 2022 } }] };

let server: OpenAIServer;
let h: LlmHarness;
// Zero unverified numbers delivered in any test of this file (checked after the last).
scriptedLlm((started, harness) => {
  server = started;
  h = harness;
});

/** Every number the answer states is backed by a citation (after normalisation) — the delivery invariant. */
function expectVerified(answer: Answer): void {
  const evidence = new EvidenceNumbers(answer.citations.flatMap((c) => [c.quote, c.title, c.date ?? ""]));
  const years = answer.frame.year ? [answer.frame.year] : [];
  expect(checkNumbers(answer.answer, evidence, { years }).unverified, answer.answer).toEqual([]);
}

describe("number guard in the loop", () => {
  it("a hallucinated number is pointed out, retried once, and replaced by the offline answer", async () => {
    const seen: string[] = [];
    server.chat.push(search, { text: "青岛开发区2022年的目标是新签约入驻企业120家[1]。" }, { text: "目标为新签约入驻企业150家。" });
    const answer = await h.engine.ask(QUESTION, [], { brain: "llm", onText: (t) => seen.push(t) });
    expect(server.chat.requests).toHaveLength(3);
    const retry = server.chat.requests[2]!.body as { messages: { role: string; content: string }[] };
    const note = retry.messages.at(-1)!;
    expect(note.role).toBe("user");
    expect(note.content).toContain("“120家”");
    expect(retry.messages.at(-2)).toMatchObject({ role: "assistant", content: expect.stringContaining("120家") });
    expect(answer.brain).toBe("offline");
    expect(answer.answer.startsWith(notes.fallbackUnverified)).toBe(true);
    expect(answer.answer).toContain("100家以上");
    expect(answer.answer).not.toMatch(/120|150/);
    expect(seen.join("\n")).not.toMatch(/120|150/);
    expect(seen.at(-1)).toBe(answer.answer);
    expectVerified(answer);
    expect(h.events.map((e) => `${e.type}:${"reason" in e ? e.reason : ""}`)).toEqual(["retry:number-guard", "fallback:number-guard"]);
    expect(h.events[1]).toMatchObject({ unverified: ["150家"] });
  });

  it("a corrected answer after the retry is delivered", async () => {
    server.chat.push(search, { text: "目标是120家[1]。" }, (request) => ({ text: `目标是新签约入驻企业100家以上[${labelOf(request, "100家以上")}]。` }));
    const answer = await h.engine.ask(QUESTION, [], { brain: "llm" });
    expect(answer.brain).toBe("llm");
    expect(answer.answer).toBe("目标是新签约入驻企业100家以上①。");
    expectVerified(answer);
  });

  it("normalised numbers pass: 亿/万, Chinese numerals, and the question's year", async () => {
    server.chat.push(
      { toolCalls: [{ name: "search_articles", arguments: { query: "青岛蓝谷 重点项目", zone: "青岛蓝谷", year: 2023 } }] },
      (request) => ({ text: `青岛蓝谷2023年要推动一百一十二个重点项目建设[${labelOf(request, "112")}]。` }),
    );
    const answer = await h.engine.ask("青岛蓝谷2023年要推动多少个重点项目建设？", [], { brain: "llm" });
    expect(answer.brain).toBe("llm");
    expect(answer.answer).toContain("一百一十二个");
    expect(answer.citations[0]!.quote).toContain("112");
  });
});

describe("resilience", () => {
  it("429 → retried (honouring retry-after) → success", async () => {
    server.chat.push({ status: 429, headers: { "retry-after-ms": "50" } }, search, { status: 503 }, (request) => ({ text: `100家以上[${labelOf(request, "100家以上")}]` }));
    const answer = await h.engine.ask(QUESTION, [], { brain: "llm" });
    expect(answer.brain).toBe("llm");
    expect(server.chat.requests).toHaveLength(4);
    expect(h.events.filter((e) => e.type === "retry").map((e) => (e as { status?: number }).status)).toEqual([429, 503]);
  });

  it("a non-retryable error (401) falls back at once with the note", async () => {
    server.chat.push({ status: 401, message: "bad key" });
    const started = performance.now();
    const answer = await h.engine.ask(QUESTION, [], { brain: "llm" });
    expect(performance.now() - started).toBeLessThan(1500);
    expect(answer.answer.startsWith(notes.fallback)).toBe(true);
    expect(answer.answer).toContain("100家以上");
    expect(server.chat.requests).toHaveLength(1);
    expect(h.events).toEqual([expect.objectContaining({ type: "fallback", reason: "model-error", detail: expect.stringContaining("401") })]);
  });

  it("persistent 500s are retried with backoff until the deadline, then fall back in time", async () => {
    const brain = h.brain({ timeoutMs: 2000 });
    server.chat.push(...Array.from({ length: 20 }, () => ({ status: 500 })));
    const started = performance.now();
    const answer = await brain.answer(QUESTION, []);
    expect(performance.now() - started).toBeLessThan(2000 + 500);
    expect(answer.brain).toBe("offline");
    // Backoff grows (125–250, 250–500, 500–1000 ms …): a handful of tries fit, never a tight loop.
    expect(server.chat.requests.length).toBeGreaterThanOrEqual(3);
    expect(server.chat.requests.length).toBeLessThanOrEqual(6);
  });

  it("a model that never answers: the offline answer is delivered within LLM_TIMEOUT_MS + 1 s", async () => {
    const brain = h.brain({ timeoutMs: 1200 });
    server.chat.push({ hang: true });
    const started = performance.now();
    const answer = await brain.answer(QUESTION, []);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(1150);
    expect(elapsed).toBeLessThan(1200 + 1000);
    expect(answer.answer.startsWith(notes.fallback)).toBe(true);
    expect(answer.found).toBe(true);
    expect(h.events).toEqual([expect.objectContaining({ type: "fallback", reason: "deadline" })]);
  });

  it("a slow stream is cut at the deadline; the streamed part is replaced by the fallback", async () => {
    const brain = h.brain({ timeoutMs: 1200 });
    const seen: string[] = [];
    server.chat.push(search, (request) => ({
      text: `根据资料，青岛开发区今年的目标是，新签约入驻企业100家以上[${labelOf(request, "100家以上")}]，${"并且继续推进各项工作，".repeat(40)}`,
      chunkChars: 2, chunkDelayMs: 15,
    }));
    const started = performance.now();
    const answer = await brain.answer(QUESTION, [], { onText: (t) => seen.push(t) });
    expect(performance.now() - started).toBeLessThan(2200);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.at(-1)).toBe(answer.answer);
    expect(answer.answer.startsWith(notes.fallback)).toBe(true);
  });

  it("retries stay inside the deadline (retry-after longer than the time left → fallback now)", async () => {
    const brain = h.brain({ timeoutMs: 1500 });
    server.chat.push({ status: 429, headers: { "retry-after": "30" } });
    const started = performance.now();
    const answer = await brain.answer(QUESTION, []);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(answer.brain).toBe("offline");
  });
});

describe("malformed tool calls and schema violations", () => {
  it("malformed JSON arguments → error message back to the model → it recovers", async () => {
    server.chat.push(
      { toolCalls: [{ name: "search_articles", arguments: '{"query": "青岛开发区 新签约' }] },
      search,
      (request) => ({ text: `100家以上[${labelOf(request, "100家以上")}]` }),
    );
    const answer = await h.engine.ask(QUESTION, [], { brain: "llm" });
    expect(answer.brain).toBe("llm");
    const firstResult = toolResults(server.chat.requests[1]!)[0]!;
    expect(firstResult).toMatch(/^工具调用失败：search_articles 的参数不是合法的 JSON/);
    expect(h.events).toEqual([expect.objectContaining({ type: "tool-error", tool: "search_articles" })]);
  });

  it("unknown tools, extra keys and wrong types are rejected, never executed", async () => {
    server.chat.push(
      { toolCalls: [
        { name: "run_shell", arguments: { cmd: "cat /etc/passwd" } },
        { name: "search_articles", arguments: { query: "青岛", sql: "drop table facts" } },
        { name: "lookup_metric", arguments: { metric: 42 } },
      ] },
      search,
      (request) => ({ text: `100家以上[${labelOf(request, "100家以上")}]` }),
    );
    const answer = await h.engine.ask(QUESTION, [], { brain: "llm" });
    expect(answer.brain).toBe("llm");
    const [unknown, extra, wrongType] = toolResults(server.chat.requests[1]!);
    expect(unknown).toMatch(/不存在名为“run_shell”的工具/);
    expect(extra).toMatch(/search_articles 的参数不符合要求/);
    expect(extra).toContain("sql");
    expect(wrongType).toMatch(/lookup_metric 的参数不符合要求/);
    expect(toolResults(server.chat.requests[1]!).join("")).not.toContain("<tool_result");
  });

  it("too many rejected calls → offline answer", async () => {
    const bad = { toolCalls: [{ name: "search_articles", arguments: "{not json" }] };
    server.chat.push(bad, bad, bad, bad, bad);
    const answer = await h.engine.ask(QUESTION, [], { brain: "llm" });
    expect(answer.brain).toBe("offline");
    expect(h.events.at(-1)).toMatchObject({ type: "fallback", reason: "tool-errors" });
  });

  it("the tool-round cap forces a final answer (tool_choice none), then falls back if ignored", async () => {
    const brain = h.brain({ limits: { toolRounds: 2 } });
    server.chat.push(search, search, search);
    const answer = await brain.answer(QUESTION, []);
    expect(answer.brain).toBe("offline");
    const last = server.chat.requests.at(-1)!.body as { tool_choice?: unknown };
    expect(last.tool_choice).toBe("none");
    expect(h.events.at(-1)).toMatchObject({ type: "fallback", reason: "tool-rounds" });
  });
});
