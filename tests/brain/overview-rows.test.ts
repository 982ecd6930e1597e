import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a half-year report giving its figures in prose and again in a table, with last year's
// half and the year's targets beside them.
const report = `---
title: 北港陆港上半年成绩单
date: 2026-07-16
zone: 北港陆港
---
# 北港陆港上半年成绩单

今年上半年，北港陆港完成海铁联运箱量8.6万标箱，同比增长15.2%。完成外贸进出口62.4亿元，同比增长7.7%。新引进企业21家。

| 指标 | 2025年上半年 | 2026年上半年 |
| --- | --- | --- |
| 海铁联运箱量（万标箱） | 7.5 | 8.6 |
| 外贸进出口（亿元） | 57.9 | 62.4 |
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "report.md": report }));
});
afterAll(() => close());

describe("a zone's figures at a glance", () => {
  it("says each figure once, with its growth on its row", async () => {
    const answer = await engine.ask("介绍一下北港陆港今年上半年的情况");
    expect(answer.found).toBe(true);
    const rows = answer.answer.split("\n").filter((line) => line.startsWith("- "));
    expect(rows.filter((row) => row.includes("8.6万标箱"))).toHaveLength(1);
    expect(answer.answer).toContain("62.4亿元（同比增长7.7%）");
    expect(rows.some((row) => row.startsWith("- 海铁联运箱量同比增长"))).toBe(false);
  });
});
