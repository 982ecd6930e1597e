import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// A made-up year-end review: industries, a stock and a flow of one measure, a five-year total beside a year's.
const review = `---
title: 栖霞湾新区2023年经济运行综述
date: 2024-01-29
zone: 栖霞湾新区
---
过去一年，栖霞湾新区实现地区生产总值820亿元，同比增长6.1%。

从三次产业看，新区全年第一产业增加值31.2亿元，同比增长4.1%；第二产业增加值302.5亿元，同比增长5.0%；第三产业增加值486.3亿元，同比增长6.6%。

2023年全区新登记市场主体2.72万户。截至2023年底，全区市场主体总量达到29.61万户，同比增长2.9%。

五年间，新区累计实际使用外资45.2亿美元；其中2023年实际使用外资9.8亿美元。

新区增长较快，主要得益于新能源汽车产业集群加速成型。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "review.md": review }));
});
afterAll(() => close());

describe("measures a question asks", () => {
  it("finds several measures asked at once, each on its own (「二产、三产增加值分别多少」)", async () => {
    const answer = await engine.ask("栖霞湾新区2023年二产、三产增加值分别多少？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("302.5亿元");
    expect(answer.answer).toContain("486.3亿元");
  });

  it("answers 「年底有多少」 with the stock, not the year's flow", async () => {
    const answer = await engine.ask("栖霞湾新区2023年底有多少市场主体？");
    expect(answer.answer.split("\n")[0]).toContain("29.61万户");
  });

  it("answers a year's figure, not the five-year total beside it", async () => {
    const answer = await engine.ask("栖霞湾新区2023年实际使用外资多少？");
    const head = answer.answer.split("\n")[0]!;
    expect(head).toContain("9.8亿美元");
    expect(head).not.toContain("45.2亿美元");
  });

  it("gives the total when the question asks for it", async () => {
    const answer = await engine.ask("栖霞湾新区五年间累计实际使用外资多少？");
    expect(answer.answer).toContain("45.2亿美元");
  });

  it("reads 为啥 as a reason asked: a quoted passage, not a figure statement", async () => {
    const answer = await engine.ask("栖霞湾新区2023年为啥增长较快？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toMatch(/据《[^》]+》[^：]*报道/);
  });
});
