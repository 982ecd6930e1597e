import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a district's review whose one sentence says where its car city lies.
const review = `---
title: 鹿城区2022年经济运行情况
date: 2023-04-10
zone: 鹿城区
---
2022年，鹿城区实现生产总值1513亿元，同比增长4.1%。

位于鹿城城区北部的鹿城汽车产业新城规划面积93平方公里，已形成涵盖整车、关键零部件的完整产业链。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "review.md": review }));
});
afterAll(() => close());

describe("「X在哪」", () => {
  it("is answered by the sentence that says where X is, also beside another part", async () => {
    const answer = await engine.ask("鹿城汽车产业新城在哪？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("位于鹿城城区北部");
    // Beside a part the text may not answer, the where-part is still found (shown even when the whole is not answered).
    expect((await engine.ask("鹿城汽车产业新城在哪？规模多大？")).answer).toContain("位于鹿城城区北部");
  });

  it("is not where something else of the zone was held (「…主会场设在哪儿」)", async () => {
    const answer = await engine.ask("鹿城汽车产业新城推进会的主会场设在哪儿？");
    expect(answer.answer).not.toContain("位于鹿城城区北部");
  });
});
