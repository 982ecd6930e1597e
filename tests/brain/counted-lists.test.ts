import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a plan whose table's last row names a bonded zone inside the new area, then a new
// section about the new area's industries; and a goals table asked in two parts, the second by 「…呢」.
const plan = `---
title: 松原新区2025年重点工作安排
date: 2025-02-18
zone: 松原新区
---
# 松原新区：2025年力争地区生产总值增长7%左右

2月17日，松原新区召开2025年经济工作会议。

| 指标 | 2024年 | 2025年目标 |
| --- | --- | --- |
| 地区生产总值（亿元） | 1286.4 | 增长7%左右 |
| 高新技术企业（家） | 1530 | 1700 |
| 松原综保区进出口（亿元） | 203.9 | 230 |

## 2025年重点任务

- **壮大主导产业**：聚焦光电信息、生物医药、高端装备三大产业，力争生物医药产业产值突破500亿元；
- **扩大对外开放**：推动松原综合保税区进出口达到230亿元。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "plan.md": plan }));
});
afterAll(() => close());

describe("「主攻哪三大产业」", () => {
  it("is a list answered by the sentence naming three of that class, in the new area's section after a table row about another zone", async () => {
    const answer = await engine.ask("松原新区主攻哪三大产业？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("光电信息、生物医药、高端装备三大产业");
  });
});

describe("a second part asked by 「…呢」", () => {
  it("asks the first part's question of its own words", async () => {
    const answer = await engine.ask("松原新区25年GDP增长目标是多少？高企目标呢？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("7%左右");
    expect(answer.answer).toContain("1700家");
  });
});
