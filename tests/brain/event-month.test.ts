import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textMonthAgrees } from "../../src/brain/scoring.js";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

describe("textMonthAgrees", () => {
  it.each([
    [10, "10月27日，蓝谷秋季重点项目集中开工活动举行。", "2023-10-29", true],
    [3, "10月27日，蓝谷秋季重点项目集中开工活动举行。", "2023-10-29", false],
    // 日前/近日: the event happened shortly before the report.
    [3, "日前，蓝谷春季重点项目集中开工活动举行。", "2023-03-20", true],
    [3, "日前，蓝谷春季重点项目集中开工活动举行。", "2023-04-02", true],
    [3, "日前，蓝谷春季重点项目集中开工活动举行。", "2023-06-02", false],
    [12, "近日，蓝谷冬季重点项目集中开工。", "2024-01-05", true],
    // Reported later in a month, an undated event is that month's.
    [12, "近日，蓝谷冬季重点项目集中开工。", "2024-01-21", false],
    [1, "近日，蓝谷冬季重点项目集中开工。", "2024-01-21", true],
    [10, "昨天，蓝谷秋季重点项目集中开工活动举行。", "2023-11-17", false],
    [5, "近日，蓝谷项目集中开工。", null, false],
  ])("asked month %i in 「%s」 published %s → %s", (asked, text, date, agrees) => {
    expect(textMonthAgrees(asked, text, date)).toBe(agrees);
  });
});

// Two events of one zone in one year, told apart only by their months.
const spring = `---
title: 蓝谷春季重点项目集中开工
date: 2023-03-16
zone: 青岛蓝谷
---
日前，青岛蓝谷2023年春季重点项目集中开工活动举行，共有18个重点项目集中开工，计划总投资96.5亿元。
`;
const autumn = `---
title: 蓝谷秋季重点项目集中开工
date: 2023-10-30
zone: 青岛蓝谷
---
本报讯 10月27日，青岛蓝谷2023年秋季重点项目集中开工活动举行，共有26个重点项目集中开工，计划总投资151.2亿元。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "spring.md": spring, "autumn.md": autumn }));
});
afterAll(() => close());

describe("events told apart by the month asked", () => {
  it("answers the October event for October and the March event for March", async () => {
    const october = await engine.ask("2023年10月青岛蓝谷集中开工了多少个重点项目？");
    expect(october.answer).toContain("26个");
    expect(october.answer).not.toContain("18个");
    const march = await engine.ask("2023年3月青岛蓝谷集中开工了多少个重点项目？");
    expect(march.answer).toContain("18个");
    expect(march.answer).not.toContain("26个");
  });

  it("lookup_metric (the LLM's tool) takes the same month: each event's figure for its own month", () => {
    const ask = (month: number) => engine.tools.lookupMetric({ metric: "重点项目", zone: "青岛蓝谷", year: 2023, month }).map((fact) => fact.raw);
    expect(ask(10)).toContain("26个");
    expect(ask(10)).not.toContain("18个");
    expect(ask(3)).toContain("18个");
    expect(ask(3)).not.toContain("26个");
    expect(ask(6)).toEqual([]);
  });

  it("declines a month with no event rather than give another month's figure", async () => {
    const june = await engine.ask("2023年6月青岛蓝谷集中开工了多少个重点项目？");
    expect(june.found).toBe(false);
  });
});
