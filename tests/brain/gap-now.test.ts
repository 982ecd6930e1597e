import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a five-year review that gives a count then and now.
const review = `---
title: 滨州经开区五年发展回顾
date: 2026-01-25
zone: 滨州经济技术开发区
---
五年来，滨州经开区创新动能加速集聚，高新技术企业由2020年的152家增加到去年的437家。
`;

// Written for this test: a plan's goal for 2030 and what there is now.
const plan = `---
title: 滨州高新区产业规划征求意见
date: 2026-05-10
zone: 滨州高新技术产业开发区
---
征求意见稿明确，规划基期为2025年，目前园区现有外资企业126家。到2030年，外资企业达到200家。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "review.md": review, "plan.md": plan }));
});
afterAll(() => close());

describe("a gap against a year written out, the other side named by no year (现在)", () => {
  it("takes the latest figure the sources give and computes the difference", async () => {
    const answer = await engine.ask("滨州经开区高企现在比2020年多了多少？");
    expect(answer.answer).toContain("437家");
    expect(answer.answer).toContain("152家");
    expect(answer.answer).toContain("285家");
  });
});

describe("a later part about the present (现在多少)", () => {
  it("asks the latest result, not the part before's year, and each figure says its own year", async () => {
    const answer = await engine.ask("滨州高新区2030年外资企业要到多少家？现在多少？");
    expect(answer.answer).toContain("200家");
    expect(answer.answer).toContain("126家");
    expect(answer.answer).not.toMatch(/^滨州高新技术产业开发区2030年：/u);
  });
});
