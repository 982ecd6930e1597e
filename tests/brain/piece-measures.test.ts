import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a monthly bulletin with amounts, counts of people and of firms, and rates.
const bulletin = `---
title: 栖霞经开区前11个月主要经济指标平稳
date: 2024-12-12
zone: 栖霞经济技术开发区
---
1—11月，栖霞经开区全社会固定资产投资412.6亿元，同比增长5.2%。其中，实际到位资金同比增长7.1%，高于全市平均水平。
新增市场主体2865户，同比增长12%；城镇新增就业3920人。出口总额96.4亿元，同比增长8.3%。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "bulletin.md": bulletin }));
});
afterAll(() => close());

describe("each named piece of 「A、B和C分别是多少」 is asked in its own words", () => {
  it("a rate word belongs to its own piece: 「到位资金增速和固投」 asks a rate and an amount", async () => {
    const answer = await engine.ask("栖霞经开区2024年1-11月到位资金增速和固投分别是多少？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("7.1%");
    expect(answer.answer).toContain("412.6亿元");
    expect(answer.answer).not.toContain("问题中另有");
  });

  it("a unit one piece implies (就业: people) does not bind the others (市场主体: firms)", async () => {
    const answer = await engine.ask("栖霞经开区2024年1-11月出口总额、新登记市场主体和城镇新增就业各是多少");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("96.4亿元");
    expect(answer.answer).toContain("2865户");
    expect(answer.answer).toContain("3920人");
    expect(answer.answer).not.toContain("问题中另有");
  });
});
