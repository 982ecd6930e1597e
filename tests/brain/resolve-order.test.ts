import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Made-up articles about a made-up zone, written for these tests.
const review = `---
title: 临港数谷新区前七个月实际使用外资8.2亿美元
date: 2023-08-20
zone: 临港数谷新区
---
前7个月，临港数谷新区实际使用外资8.2亿美元，同比增长12%。其中，高技术产业实际使用外资4亿美元。
全区开行中欧班列超过320班次，同比增长18%。
新区确定的95项改革任务中已有61项落地。
`;

// A made-up work plan and a made-up project report.
const plan = `---
title: 栖霞湾经济开发区召开2019年工作会议
date: 2019-02-20
zone: 栖霞湾经济开发区
---
今年，栖霞湾经济开发区明确，重点项目年度计划投资220亿元，力争新增高新技术企业50家。
`;
const project = `---
title: 栖霞湾经济开发区鑫力研发中心竣工投产
date: 2021-04-16
zone: 栖霞湾经济开发区
---
日前，栖霞湾经济开发区鑫力研发中心项目竣工投产，该项目总投资17.1亿元。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "review.md": review, "plan.md": plan, "project.md": project }));
});
afterAll(() => close());

describe("one resolve order: fact table, then retrieval, one acceptance", () => {
  it("answers a count whose unit is a transport counter, for the part of the year it covers", async () => {
    const answer = await engine.ask("临港数谷新区2023年前7个月开行了多少班次中欧班列？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("320班次");
  });

  it("does not give a January–July figure for a year asked without a part of it", async () => {
    const answer = await engine.ask("临港数谷新区2023年开行了多少班次中欧班列？");
    // Declined; the nearest figure is shown as what it is (一至七月), never as the year's.
    expect(answer.found).toBe(false);
  });

  it("never gives a January–July figure for 全年", async () => {
    const answer = await engine.ask("临港数谷新区2023年全年实际使用外资多少？");
    expect(answer.found).toBe(false);
  });

  it("does not give back the figure the question states", async () => {
    const answer = await engine.ask("临港数谷新区95项改革任务落地了多少？");
    expect(answer.found).toBe(true);
    expect(answer.answer.split("\n")[0]).toContain("61项");
  });

  it("does not answer a result asked with a plan's investment figure", async () => {
    const answer = await engine.ask("栖霞湾经济开发区2019年完成重点项目投资多少？");
    expect(answer.answer.split("\n")[0]).not.toContain("220亿元");
  });

  it("answers a count asked only with a count, never with an amount beside it", async () => {
    const answer = await engine.ask("栖霞湾经济开发区2021年竣工投产了多少个项目？");
    expect(answer.answer.split("\n")[0]).not.toContain("17.1亿元");
  });
});
