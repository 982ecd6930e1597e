import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { OpenAIEmbedder } from "../../src/retrieval/embedders/openai.js";
import { SearchIndex } from "../../src/retrieval/hybrid.js";
import type { Chunk } from "../../src/domain/types.js";
import { watchNetwork } from "../support/network.js";
import { startOpenAIServer, type OpenAIServer } from "../support/openai-server.js";

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer();
});
afterAll(async () => {
  await server.close();
});

let network: ReturnType<typeof watchNetwork>;
beforeEach(() => {
  server.requests.length = 0;
  network = watchNetwork();
});
afterEach(() => network.restore());

function embedder(overrides: Partial<ConstructorParameters<typeof OpenAIEmbedder>[0]> = {}): OpenAIEmbedder {
  return new OpenAIEmbedder({ baseURL: server.url, apiKey: "test-key", model: "fake-embed", dimension: 48, batchSize: 2, maxRetries: 0, ...overrides });
}

function expectOnlyLoopback(): void {
  expect(network.destinations.length).toBeGreaterThan(0);
  for (const destination of network.destinations) {
    expect(destination).toMatch(/^(tcp:127\.0\.0\.1|fetch:http:\/\/127\.0\.0\.1:\d+\/v1\/)/u);
  }
}

describe("OpenAIEmbedder", () => {
  it("embeds in batches against the configured endpoint only", async () => {
    const e = embedder();
    expect(e.id).toBe("openai:fake-embed:48");
    const vectors = await e.embed(["青岛开发区", "上合示范区\n中欧班列", "青岛蓝谷"]);
    expect(vectors).toHaveLength(3);
    expect(vectors.every((vector) => vector.length === 48)).toBe(true);
    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual(["POST /v1/embeddings", "POST /v1/embeddings"]);
    const first = server.requests[0]!.body as { model: string; input: string[]; dimensions: number; encoding_format: string };
    expect(first).toMatchObject({ model: "fake-embed", input: ["青岛开发区", "上合示范区 中欧班列"], dimensions: 48, encoding_format: "float" });
    expect(server.requests[0]!.headers.authorization).toBe("Bearer test-key");
    expectOnlyLoopback();
  });

  it("omits `dimensions` when asked to and rejects vectors of the wrong length", async () => {
    await expect(embedder({ requestDimensions: false }).embed(["文本"])).rejects.toThrow(/dimension 64, expected 48/);
    expect(server.requests[0]!.body).not.toHaveProperty("dimensions");
  });

  it("refuses options that would send requests to a default host or produce unusable vectors", () => {
    expect(() => embedder({ baseURL: "" })).toThrow(/baseURL/);
    expect(() => embedder({ model: "" })).toThrow(/model/);
    expect(() => embedder({ dimension: 0 })).toThrow(/dimension/);
    expect(server.requests).toHaveLength(0);
  });

  it("backs a SearchIndex end to end without touching any other host", async () => {
    const texts = ["上合示范区开行中欧班列203列，居全省第一。", "青岛蓝谷推动112个重点项目建设。", "青岛高新区研发机构覆盖率达到85%。"];
    const chunks: Chunk[] = texts.map((text, i) => ({ id: `c${i}`, articleId: "a", source: "a.txt", start: 0, end: text.length, text, zones: [], years: [] }));
    const index = await SearchIndex.build(chunks, embedder());
    const hits = await index.search("中欧班列开行多少列", { k: 1, mode: "vector" });
    expect(hits[0]?.chunk.id).toBe("c0");
    expectOnlyLoopback();
  });
});
