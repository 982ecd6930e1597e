import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";
import { readKind } from "../../src/reading/index.js";

// Written for this test: a half-year report with its figures in a Markdown table, and a work report with a target
// and the year before's result.
const halfYear = `---
title: 松湾度假区上半年主要指标实现“双过半”
date: 2026-07-15
zone: 松湾旅游度假区
---
# 松湾度假区上半年主要指标实现“双过半”

| 指标 | 2025年上半年 | 2026年上半年 |
| --- | --- | --- |
| 固定资产投资 | 12.4亿元 | 16.1亿元 |
| 旅游收入 | 15.8亿元 | 18.2亿元 |
`;
const plan = `---
title: 北湾新区召开经济工作会议
date: 2025-01-20
zone: 北湾新区
---
本报讯 1月19日，记者从北湾新区经济工作会议上获悉：去年，新区实现地区生产总值612.4亿元，同比增长6.9%。今年主要预期目标为：地区生产总值增长6.5%左右。
`;
const signings = `---
title: 两地上半年招商成绩单
date: 2026-07-20
zone: 东岭新区
---
上半年，东岭新区新签约项目总投资146.2亿元。同期，西岭新区新签约项目总投资46.8亿元。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "half.md": halfYear, "plan.txt": plan, "signings.txt": signings }));
});
afterAll(() => close());

describe("how far apart two figures are", () => {
  it("reads a side the fact table does not hold from the passages (a table row)", async () => {
    const answer = await engine.ask("松湾度假区26年上半年固投比25年上半年多了多少？");
    expect(answer.answer).toContain("16.1亿元");
    expect(answer.answer).toContain("12.4亿元");
    expect(answer.answer).toContain("多3.7亿元");
  });

  it("takes a baseline naming part of the measure as the same measure, and 要 before a comparative as no plan", async () => {
    expect(readKind("比24年实际要多出多少")).toBe("actual");
    const answer = await engine.ask("北湾新区25年GDP增速目标定的多少？比24年实际增速高还是低？");
    expect(answer.answer).toContain("6.5%");
    expect(answer.answer).toContain("6.9%");
    expect(answer.answer).toContain("低0.4个百分点");
  });

  it("says by how much the larger of two compared figures is larger", async () => {
    const answer = await engine.ask("上半年新签约项目总投资，东岭新区和西岭新区哪个多？");
    expect(answer.answer).toContain("多99.4亿元");
  });
});
