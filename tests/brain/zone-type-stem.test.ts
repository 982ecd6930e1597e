import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a quarter's amount in a table row, its growth in the prose.
const report = `---
title: 永川高新区一季度招商引资实现开门红
date: 2026-04-09
zone: 永川高新技术产业开发区
---

一季度，永川高新区签约总投资比去年同期增长18.2%，实际到位资金同比增长21.4%。

| 指标 | 2026年一季度 |
| --- | --- |
| 实际到位资金 | 38.6亿元 |
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "yongchuan.md": report }));
});
afterAll(() => close());

describe("a zone named by its place and its type's stem (永川高新)", () => {
  it("reads 高新 as part of the zone's name, not as a word of the measure", async () => {
    const answer = await engine.ask("永川高新一季度实际到位资金多少？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("38.6亿元");
  });
});
