import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a January report on the year before, its goals and results as table rows.
const report = `---
title: 关于2025年度民生项目完成情况的通报
date: 2026-01-20
zone: 滨州高新技术产业开发区
---
主要项目完成情况见下表。

| 序号 | 项目 | 年度目标 | 完成情况 |
| --- | --- | --- | --- |
| 1 | 新建社区食堂 | 30个 | 34个 |
| 2 | 新增公共停车泊位 | 2000个 | 1850个 |
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "report.md": report }));
});
afterAll(() => close());

describe("年度目标 in a report on a year is that year's goal", () => {
  it("answers the year's goal beside its result", async () => {
    const answer = await engine.ask("滨州高新区去年新建社区食堂多少个？目标是多少？");
    expect(answer.answer).toContain("34个");
    expect(answer.answer).toContain("30个");
    expect(answer.answer).not.toContain("1 ");
  });
});
