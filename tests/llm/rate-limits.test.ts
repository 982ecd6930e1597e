import { describe, expect, it } from "vitest";
import type { OpenAIServer } from "../support/openai-server.js";
import { labelOf, type LlmHarness, scriptedLlm } from "./helpers.js";

// Rate limits and server errors from the model provider are retried inside the answer's one deadline
// (LLM_TIMEOUT_MS): honouring Retry-After, else backing off, for as long as a try still fits.

const QUESTION = "青岛开发区2022年新签约入驻企业的目标是多少？";
const search = { toolCalls: [{ name: "search_articles", arguments: { query: "青岛开发区 新签约入驻企业 目标", zone: "青岛开发区", year: 2022 } }] };
const answerStep = (request: Parameters<typeof labelOf>[0]) => ({ text: `目标是新签约入驻企业100家以上[${labelOf(request, "100家以上")}]。` });
const limited = (extra: { delayMs?: number; headers?: Record<string, string> } = {}) =>
  ({ status: 429, headers: { "retry-after": "1", ...extra.headers }, delayMs: extra.delayMs });

let server: OpenAIServer;
let h: LlmHarness;
scriptedLlm((started, harness) => {
  server = started;
  h = harness;
});

describe("model rate limits inside the one deadline", () => {
  it("two 429s with Retry-After: 1 inside a 3 s deadline still end in the model's answer", async () => {
    server.chat.push(search, limited(), limited(), answerStep);
    const answer = await h.brain({ timeoutMs: 3000 }).answer(QUESTION, []);
    expect(answer.brain).toBe("llm");
    expect(answer.answer).toContain("100家以上");
    expect(server.chat.requests).toHaveLength(4);
    expect(h.events.filter((e) => e.type === "retry").map((e) => (e as { waitMs?: number }).waitMs)).toEqual([1000, 1000]);
  });

  it("…also when the first 429 is slow to come (a cold provider): the third try still fits the deadline", async () => {
    // The second 429 arrives ~1.75 s in: 1.25 s left, the 1 s wait fits, and the third try answers.
    server.chat.push(search, limited({ delayMs: 700 }), limited(), answerStep);
    const started = performance.now();
    const answer = await h.brain({ timeoutMs: 3000 }).answer(QUESTION, []);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(answer.brain).toBe("llm");
    expect(server.chat.requests).toHaveLength(4);
  });

  it("waits exactly what Retry-After asks (also as retry-after-ms and as an HTTP date)", async () => {
    const soon = new Date(Date.now() + 2000).toUTCString();
    server.chat.push(limited({ headers: { "retry-after": "0.2" } }), { status: 503, headers: { "retry-after-ms": "150" } }, { status: 429, headers: { "retry-after": soon } }, search, answerStep);
    const answer = await h.brain({ timeoutMs: 6000 }).answer(QUESTION, []);
    expect(answer.brain).toBe("llm");
    const waits = h.events.filter((e) => e.type === "retry").map((e) => (e as { waitMs?: number }).waitMs ?? 0);
    expect(waits.slice(0, 2)).toEqual([200, 150]);
    expect(waits[2]).toBeGreaterThan(500);
    expect(waits[2]).toBeLessThanOrEqual(2000);
  });

  it("more than three rate-limited tries are fine while the deadline allows", async () => {
    const quick = { status: 429, headers: { "retry-after-ms": "100" } };
    server.chat.push(quick, quick, quick, quick, search, answerStep);
    const answer = await h.brain({ timeoutMs: 3000 }).answer(QUESTION, []);
    expect(answer.brain).toBe("llm");
    expect(server.chat.requests).toHaveLength(6);
  });

  it("a wait that cannot fit the deadline is not started: the offline answer goes out at once", async () => {
    server.chat.push(search, limited({ headers: { "retry-after": "5" } }));
    const started = performance.now();
    const answer = await h.brain({ timeoutMs: 3000 }).answer(QUESTION, []);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(answer.brain).toBe("offline");
    expect(server.chat.requests).toHaveLength(2);
  });
});
