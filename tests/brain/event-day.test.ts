import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: two meetings dated only by month and day, in pieces of early 2026.
const february = `---
title: 海湾港区党工委召开扩大会议
date: 2026-02-10
zone: 海湾港区
---
本报讯（记者王明）2月9日，海湾港区党工委召开（扩大）会议，回顾总结去年工作，研究部署今年重点任务。
`;
const january = `---
title: 滨江新区举行项目观摩会
date: 2026-01-05
zone: 滨江新区
---
12月28日，滨江新区举行重点项目观摩会，与会人员现场察看了智能制造产业园等项目。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "feb.md": february, "jan.md": january }));
});
afterAll(() => close());

describe("the day of an event said by month and day", () => {
  it("takes its year from the piece's date", async () => {
    const answer = await engine.ask("海湾港区党工委（扩大）会议是哪天开的？");
    expect(answer.answer).toContain("2026年2月9日");
  });

  it("a day later in the calendar than the piece's is of the year before", async () => {
    const answer = await engine.ask("滨江新区重点项目观摩会是哪天举行的？");
    expect(answer.answer).toContain("2025年12月28日");
  });
});
