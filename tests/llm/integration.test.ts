import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractFactsWithLlm } from "../../src/brain/llm/index.js";
import { PROJECT_ROOT } from "../../src/config/index.js";
import { createEngine } from "../../src/engine/index.js";
import { extractFacts } from "../../src/facts/index.js";
import { startOpenAIServer, type OpenAIServer } from "../support/openai-server.js";
import { tempConfig } from "../support/engine.js";
import { echoModel, isLoopback, llmConfig, llmHarness, watchNetwork, type LlmHarness } from "./helpers.js";

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer({ whenExhausted: echoModel });
});
afterAll(async () => {
  await server?.close();
});

describe("openai embedding provider", () => {
  let h: LlmHarness;
  // EMBEDDING_API_KEY is set: without one, src/retrieval/embedders/openai.ts passes "" and the OpenAI client refuses (reported).
  const embeddingEnv = { EMBEDDING_PROVIDER: "openai", EMBEDDING_BASE_URL: "", EMBEDDING_API_KEY: "emb-key", EMBEDDING_MODEL: "fake-embed", EMBEDDING_DIMENSIONS: "64" };
  beforeAll(async () => {
    server.requests.length = 0;
    h = await llmHarness(server, { ...embeddingEnv, EMBEDDING_BASE_URL: server.url });
  });
  afterAll(() => h?.cleanup());

  it("builds the index through /v1/embeddings, then answers with the LLM brain over it", async () => {
    const ingestCalls = server.requests.filter((r) => r.path === "/v1/embeddings");
    expect(ingestCalls.length).toBeGreaterThan(0);
    expect(ingestCalls[0]!.body).toMatchObject({ model: "fake-embed", dimensions: 64 });
    expect(h.engine.corpus.index.embedderId).toBe("openai:fake-embed:64");
    const before = server.requests.filter((r) => r.path === "/v1/embeddings").length;
    const answer = await h.engine.ask("青岛蓝谷2023年要推动多少个重点项目建设？", [], { brain: "llm" });
    expect(server.requests.filter((r) => r.path === "/v1/embeddings").length).toBeGreaterThan(before);
    expect(answer.brain).toBe("llm");
    expect(answer.found).toBe(true);
    expect(answer.citations.length).toBeGreaterThan(0);
  });

  it("refuses an index built by another embedding model, with a clear message", async () => {
    const other = llmConfig(server, h.config.dataDir, { ...embeddingEnv, EMBEDDING_BASE_URL: server.url, EMBEDDING_MODEL: "other-embed" });
    await expect(createEngine(other)).rejects.toThrow(/built with embedder openai:fake-embed:64.*cannot search it with openai:other-embed:64.*rebuild the index/);
    const local = llmConfig(server, h.config.dataDir);
    await expect(createEngine(local, { ensureSeeds: false })).rejects.toThrow(/built with embedder openai:fake-embed:64/);
  });
});

describe("no network beyond the configured endpoint", () => {
  it("an LLM answer and an LLM fact extraction only ever reach the loopback server", async () => {
    const temp = tempConfig("zonebot-llm-net-");
    const config = llmConfig(server, temp.dataDir);
    const engine = await createEngine(config, { llm: { onEvent: () => undefined } });
    const network = watchNetwork();
    try {
      const answer = await engine.ask("青岛开发区2022年新签约入驻企业的目标是多少？", [], { brain: "llm" });
      expect(answer.brain).toBe("llm");
      const article = [...engine.corpus.articles.values()][0]!;
      server.chat.push({ toolCalls: [{ name: "record_facts", arguments: { facts: [] } }] });
      const extracted = await extractFactsWithLlm(article, [], { llm: config.llm! });
      expect(extracted.error).toBeUndefined();
    } finally {
      network.restore();
      engine.close();
      temp.cleanup();
    }
    expect(network.destinations.length).toBeGreaterThan(0);
    expect(network.destinations.filter((d) => !isLoopback(d))).toEqual([]);
  });
});

describe("LLM-assisted fact extraction", () => {
  it("keeps only verbatim, number-bearing, new facts", async () => {
    const temp = tempConfig("zonebot-llm-extract-");
    const config = llmConfig(server, temp.dataDir);
    const engine = await createEngine(config);
    try {
      const article = [...engine.corpus.articles.values()].find((a) => a.source === "000_2ff4632f0b7735b9.txt" && a.text.includes("8个园区"))!;
      const rule = extractFacts(article, engine.corpus.gazetteer).facts;
      const parks = /持续抓好中电光谷等8个园区建设/.exec(article.text)![0];
      const firms = /力争全年新签约入驻企业100家以上/.exec(article.text)![0];
      const withoutParks = rule.filter((f) => !f.evidence.includes("8个园区"));
      const facts = [
        { evidence: parks, raw: "8个", metric: "园区建设", subject: "中电光谷等园区", zone: "青岛开发区", year: 2022, kind: "plan", qualifier: "" },
        { evidence: firms, raw: "100家", metric: "新签约入驻企业", zone: "青岛开发区", year: 2022, kind: "target", qualifier: "以上" },
        { evidence: "力争全年新签约入驻企业120家以上", raw: "120家", metric: "新签约入驻企业", kind: "target" },
        { evidence: parks, raw: "80个", metric: "园区建设", kind: "plan" },
        { evidence: "光电产业", raw: "8个", metric: "x", kind: "stat" },
      ];
      server.chat.reset();
      server.chat.push({ toolCalls: [{ name: "record_facts", arguments: { facts } }] });
      const result = await extractFactsWithLlm(article, withoutParks, { llm: config.llm!, gazetteer: engine.corpus.gazetteer, pieceChars: 100_000 });
      expect(result.error).toBeUndefined();
      expect(result.facts).toHaveLength(1);
      expect(result.facts[0]).toMatchObject({ raw: "8个", value: 8, unit: "个", zone: "青岛经济技术开发区", year: 2022, kind: "plan", evidence: parks, source: article.source });
      expect(article.text.slice(result.facts[0]!.start, result.facts[0]!.end)).toBe(parks);
      expect(result.duplicates).toBe(1);
      expect(result.rejected).toBe(3);
      expect(result.usage.promptTokens).toBeGreaterThan(0);
      const request = server.chat.requests[0]!.body as { tools: { function: { name: string } }[]; tool_choice: unknown; stream?: boolean };
      expect(request.tools.map((t) => t.function.name)).toEqual(["record_facts"]);
      expect(request.tool_choice).toEqual({ type: "function", function: { name: "record_facts" } });
      expect(request.stream).toBeFalsy();
    } finally {
      engine.close();
      temp.cleanup();
    }
  });

  it("a failing model leaves the rule-based facts alone and reports why", async () => {
    const temp = tempConfig("zonebot-llm-extract2-");
    const config = llmConfig(server, temp.dataDir);
    const engine = await createEngine(config);
    try {
      const article = [...engine.corpus.articles.values()][0]!;
      server.chat.reset();
      server.chat.push({ status: 400, message: "no tools here" });
      const result = await extractFactsWithLlm(article, [], { llm: config.llm! });
      expect(result.facts).toEqual([]);
      expect(result.error).toMatch(/no tools here|400/);
    } finally {
      engine.close();
      temp.cleanup();
    }
  });
});

describe("CLI contract with --brain llm", () => {
  it("--jsonl: one record per line, same shape as the offline brain", async () => {
    const temp = tempConfig("zonebot-llm-cli-");
    server.chat.reset();
    try {
      const input = [
        JSON.stringify({ id: "a", question: "青岛蓝谷2023年要推动多少个重点项目建设？" }),
        JSON.stringify({ id: 2, question: "青岛开发区2022年新签约入驻企业的目标是多少？" }),
        "not json",
      ].join("\n");
      const result = await run(["ask", "--jsonl", "--brain", "llm", "--data-dir", temp.dataDir], input, {
        LLM_BASE_URL: server.url, LLM_MODEL: "scripted-model", LLM_API_KEY: "k", LLM_TIMEOUT_MS: "8000", ZONEBOT_DATA_DIR: "",
      });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).not.toContain('"fallback"');
      expect(server.chat.requests.length).toBeGreaterThanOrEqual(4);
      const lines = result.stdout.trim().split("\n");
      expect(lines).toHaveLength(3);
      const [first, second, third] = lines.map((line) => JSON.parse(line));
      expect(Object.keys(first).sort()).toEqual(["answer", "citations", "facts", "found", "id", "question"]);
      expect(Object.keys(second).sort()).toEqual(["answer", "citations", "facts", "found", "id", "question"]);
      expect(first).toMatchObject({ id: "a", found: true });
      expect(first.citations[0]).toEqual({ source: expect.any(String), title: expect.any(String), date: expect.any(String), quote: expect.any(String) });
      expect(third.found).toBe(false);
      expect(third.error).toMatch(/JSON/);
    } finally {
      temp.cleanup();
    }
  });
});

/** Spawns the CLI without blocking this process (the scripted server lives here). */
function run(args: string[], input: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, "bin/zonebot.mjs"), ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}
