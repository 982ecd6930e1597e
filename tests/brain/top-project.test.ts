import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a signing's total in prose, its projects in a table (name, company, investment).
const signing = `---
title: 永川高新区二季度集中签约12个项目
date: 2026-06-26
zone: 永川高新技术产业开发区
---

6月25日，永川高新区举行二季度重大项目集中签约活动，现场签约项目12个，总投资186.4亿元。

| 项目名称 | 签约企业 | 总投资（亿元） |
| --- | --- | --- |
| 智能网联汽车零部件产业园项目 | 重庆远驰汽车科技有限公司 | 42.5 |
| 高纯电子材料生产基地 | 江苏华晶新材料有限公司 | 31.0 |
| 数控机床整机制造项目 | 永川精机有限公司 | 18.6 |
| 冷链物流分拨中心 | 渝西冷链物流有限公司 | 9.8 |
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "signing.md": signing }));
});
afterAll(() => close());

describe("the largest project of a batch whose projects are a table's rows", () => {
  it.each(["永川高新这批签约里哪个项目投资最大？", "永川高新这批签约里最大的项目是啥？"])("%s", async (question) => {
    const answer = await engine.ask(question);
    expect(answer.found).toBe(true);
    expect(answer.answer.startsWith("智能网联汽车零部件产业园项目")).toBe(true);
    expect(answer.answer).toContain("42.5亿元");
  });
});
