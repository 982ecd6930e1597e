import { describe, expect, it } from "vitest";
import { LocalEmbedder } from "../../src/retrieval/embedders/local.js";

function cosine(a: Float32Array, b: Float32Array): number {
  return a.reduce((sum, value, i) => sum + value * b[i]!, 0);
}

const corpus = [
  "青岛开发区力争全年新签约入驻企业100家以上。",
  "上合示范区开行中欧班列203列，居全省第一。",
  "西海岸新区新建改建5G基站3000处，实现主城区信号全覆盖。",
  "青岛蓝谷推动112个重点项目建设加力提速。",
];

describe("LocalEmbedder", () => {
  it("has an id naming version and dimension, and returns unit vectors of that dimension", async () => {
    const embedder = new LocalEmbedder({ dimension: 128 });
    expect(embedder.id).toBe("local-hash-v1-128");
    const [vector] = await embedder.embed(["青岛开发区新签约企业"]);
    expect(vector).toHaveLength(128);
    expect(cosine(vector!, vector!)).toBeCloseTo(1, 5);
  });

  it("is deterministic across instances", async () => {
    const a = new LocalEmbedder();
    const b = new LocalEmbedder();
    a.fit(corpus);
    b.fit(corpus);
    const [va] = await a.embed([corpus[1]!]);
    const [vb] = await b.embed([corpus[1]!]);
    expect(Array.from(va!)).toEqual(Array.from(vb!));
  });

  it("places a paraphrased question nearer its source sentence than unrelated text", async () => {
    const embedder = new LocalEmbedder();
    embedder.fit(corpus);
    const [question, ...docs] = await embedder.embed(["上合示范区中欧班列开了多少列", ...corpus]);
    const scores = docs.map((doc) => cosine(question!, doc));
    expect(scores.indexOf(Math.max(...scores))).toBe(1);
    expect(scores[1]!).toBeGreaterThan(scores[2]! + 0.2);
  });

  it("restores its fitted IDF state so embeddings are reproducible after load", async () => {
    const fitted = new LocalEmbedder();
    fitted.fit(corpus);
    const restored = new LocalEmbedder();
    restored.restore(JSON.parse(JSON.stringify(fitted.state())));
    const [a] = await fitted.embed([corpus[0]!]);
    const [b] = await restored.embed([corpus[0]!]);
    expect(Array.from(b!)).toEqual(Array.from(a!));
    expect(() => new LocalEmbedder({ dimension: 64 }).restore(fitted.state())).toThrow(/dimension/);
  });
});
