import { describe, expect, it } from "vitest";
import { Bm25Index } from "../../src/retrieval/bm25.js";
import { tokenize } from "../../src/retrieval/tokenize.js";

const docs = [
  "上合示范区开行中欧班列203列，居全省第一。",
  "青岛蓝谷推动112个重点项目建设加力提速。",
  "青岛高新区规上工业企业研发机构覆盖率达到85%。",
  "青岛开发区全年力争实现外贸进出口总额增长20%以上。",
];

describe("Bm25Index", () => {
  const index = Bm25Index.build(docs.map(tokenize));

  it("ranks the document sharing the rare query terms first", () => {
    expect(index.search(tokenize("中欧班列开行了多少列？"), 3)[0]?.doc).toBe(0);
    expect(index.search(tokenize("研发机构覆盖率是多少"), 3)[0]?.doc).toBe(2);
    expect(index.search(tokenize("外贸进出口增长目标"), 3)[0]?.doc).toBe(3);
  });

  it("returns only matching documents, best first, and honours the limit", () => {
    const hits = index.search(tokenize("青岛蓝谷重点项目"), 10);
    expect(hits.every((hit) => hit.score > 0)).toBe(true);
    expect(hits.map((hit) => hit.score)).toEqual([...hits.map((hit) => hit.score)].sort((a, b) => b - a));
    expect(hits[0]?.doc).toBe(1);
    expect(index.search(tokenize("青岛"), 2)).toHaveLength(2);
    expect(index.search(tokenize("火星殖民"), 5)).toEqual([]);
  });

  it("applies the filter before ranking", () => {
    const hits = index.search(tokenize("中欧班列"), 5, (doc) => doc !== 0);
    expect(hits.some((hit) => hit.doc === 0)).toBe(false);
  });

  it("prefers shorter documents at equal term frequency", () => {
    const lengths = Bm25Index.build([tokenize("光电产业"), tokenize("光电产业，以及大量其他不相关的港口物流码头泊位建设内容")]);
    const hits = lengths.search(tokenize("光电产业"), 2);
    expect(hits.map((hit) => hit.doc)).toEqual([0, 1]);
  });

  it("round-trips through its serialisable state", () => {
    const restored = Bm25Index.fromState(JSON.parse(JSON.stringify(index.state())));
    const query = tokenize("青岛重点项目增长");
    expect(restored.search(query, 4)).toEqual(index.search(query, 4));
  });
});
