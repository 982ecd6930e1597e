import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a work plan published early in its year, results and goals under their own headings,
// the goals as list items whose verbs (达到) alone would read as results.
const plan = `---
title: 松岭高新区发布2026年工作要点
date: 2026-02-10
zone: 松岭高新区
---
# 一、2025年发展成效

- 实际使用外资2.18亿美元，同比增长11.8%

# 二、2026年主要目标

- 实际使用外资达到2.5亿美元；
- 高新技术企业总数达到1150家；

# 三、重点任务

园区将做强主导产业。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "plan.md": plan }));
});
afterAll(() => close());

describe("a section heading's kind holds for the items below it", () => {
  it("answers the year's goal from the items under 「主要目标」", async () => {
    const answer = await engine.ask("松岭高新区2026年利用外资目标多少？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("2.5亿美元");
    expect(answer.answer).toContain("目标");
  });

  it("keeps the results section's figure a result", async () => {
    const answer = await engine.ask("松岭高新区2025年实际使用外资多少？");
    expect(answer.answer).toContain("2.18亿美元");
  });
});
