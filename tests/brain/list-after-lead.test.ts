import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a paragraph opened by a short topic sentence, its projects named a sentence later as
// 「A、B、C等项目加快建设」 — a list without a count.
const article = `---
title: 前三季度滨江新区投资平稳增长
date: 2024-10-25
zone: 滨江新区
---
今年前三季度，滨江新区经济运行总体平稳，完成固定资产投资186.2亿元，同比增长6.1%。

重大项目建设提速。1—9月，新区54个重点项目完成投资97.3亿元。滨江智造产业园二期、沿江物流枢纽、滨江国际医院等项目加快建设，其中沿江物流枢纽已于8月投用。

四季度，新区将力争全年固定资产投资突破250亿元。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "binjiang.md": article }));
});
afterAll(() => close());

describe("a list named after its paragraph's topic sentence", () => {
  it("answers 「有哪些」 with the items of 「A、B、C等项目加快建设」, not with the topic sentence alone", async () => {
    const answer = await engine.ask("滨江新区在加快建设的重大项目有哪些？");
    expect(answer.found).toBe(true);
    for (const item of ["滨江智造产业园二期", "沿江物流枢纽", "滨江国际医院"]) expect(answer.answer).toContain(item);
  });
});
