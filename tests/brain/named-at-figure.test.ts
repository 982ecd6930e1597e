import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a district's work report names a quarter of it in one clause and gives the
// whole district's figure in the next, under its own subject (全区).
const report = `---
title: 滨江区人民政府工作报告（摘要）
date: 2026-01-07
zone: 滨江区
---
过去一年，老城历史街区完成三期街区更新，新开业首店、特色店63家；全区全年接待游客3120万人次，增长8.3%。

青禾冷链物流园致力于打造对日韩冷链枢纽。目前已落地冷库项目12个。

今年，区内计划推动西湖医疗、东湖生物扩产等8个重点项目开工，总投资60亿元。

今年，区内重点项目集中开工。其中，总投资20亿元的北辰工业互联网产业园同步开工，达产后可实现年产值50亿元；南岭智能制造产业园总投资3亿美元，全部达产后年产值可达30亿元。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "report.md": report }));
});
afterAll(() => close());

describe("a name asked is a figure's only when the figure's own words name it", () => {
  it("the district's figure under its own subject (全区) is not the quarter's", async () => {
    const answer = await engine.ask("老城历史街区25年接待游客多少人次？");
    expect(answer.found).toBe(false);
  });

  it("the quarter's own figure, in a clause without a subject of its own, is", async () => {
    const answer = await engine.ask("老城历史街区25年新开业首店、特色店多少家？");
    expect(answer.answer).toContain("63家");
  });

  it("a sentence without a subject of its own goes on about the sentence before", async () => {
    const answer = await engine.ask("青禾冷链物流园已经落地了多少个冷库项目？");
    expect(answer.answer).toContain("12个");
  });

  it("of two projects' figures of one measure, the one whose own words name the project asked", async () => {
    const answer = await engine.ask("滨江区开工的南岭智能制造产业园达产后年产值预计多少？");
    expect(answer.answer).toContain("30亿元");
    expect(answer.answer).not.toContain("50亿元");
  });

  it("a list's total names each item but is none's figure", async () => {
    const answer = await engine.ask("西湖医疗项目在滨江区的总投资是多少？");
    expect(answer.found).toBe(false);
  });

  it("the district's figure answers the district", async () => {
    const answer = await engine.ask("滨江区25年接待游客多少人次？");
    expect(answer.answer).toContain("3120万人次");
  });
});
