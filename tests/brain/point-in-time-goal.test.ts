import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a year's plan with a goal for the number of firms at the year's end, and nothing on
// how many there were.
const plan = `---
title: 滨江高新区部署2022年重点工作
date: 2022-02-16
zone: 滨江高新技术产业开发区
---
会议明确，今年园区将聚焦主导产业，专精特新企业力争突破190家，国家高新技术企业力争突破1400家。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "plan.md": plan }));
});
afterAll(() => close());

describe("「…年底有多少」 asks what there was, not what was aimed at", () => {
  it("is not answered by the year's goal", async () => {
    const answer = await engine.ask("滨江高新区2022年底专精特新企业多少家");
    // Declined; the goal may be shown as the nearest, marked as a goal.
    expect(answer.found).toBe(false);
  });

  it("a goal asked for is still the goal", async () => {
    const answer = await engine.ask("滨江高新区2022年专精特新企业目标是多少家");
    expect(answer.answer).toContain("190家");
  });
});
