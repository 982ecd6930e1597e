import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: an amount of one measure said in a sentence about another.
const plan = `---
title: 云梦新区2020年海洋经济工作要点
date: 2020-06-15
zone: 云梦新区
---
2020年，云梦新区将加快推进总投资2000亿元的88个海洋重点项目，海洋生产总值增长10%以上。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "plan.md": plan }));
});
afterAll(() => close());

describe("a figure of another named measure", () => {
  it("does not answer for the measure the sentence also names", async () => {
    const answer = await engine.ask("云梦新区2020年海洋生产总值计划达到多少亿元？");
    expect(answer.found).toBe(false);
  });

  it("leaves the sentence's figure of the asked measure", async () => {
    const answer = await engine.ask("云梦新区2020年海洋生产总值增长目标是多少？");
    expect(answer.answer).toContain("10%");
    expect(answer.answer).not.toContain("为2000亿元");
  });
});
