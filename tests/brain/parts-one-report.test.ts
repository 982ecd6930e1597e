import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a scenic area no zone form names, and another zone's report with a 收入 figure.
const scenic = `---
title: 凤栖岭景区上半年游客量增长
date: 2024-07-20
---
今年上半年，凤栖岭景区累计接待游客86万人次，同比增长12.5%。
`;
const other = `---
title: 滨江开发区上半年财政收入稳步增长
date: 2024-07-22
zone: 滨江经济技术开发区
---
上半年，滨江开发区主要指标稳中有进。

| 园区 | 指标 | 2024年上半年 |
| --- | --- | --- |
| 滨江开发区 | 一般公共预算收入（亿元） | 61.7 |
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "scenic.md": scenic, "other.md": other }));
});
afterAll(() => close());

describe("parts of a question with no zone speak of one report", () => {
  it("a later part is not answered by another report's figure", async () => {
    const answer = await engine.ask("凤栖岭景区24年上半年来了多少游客，收入多少？");
    expect(answer.answer).toContain("86万人次");
    expect(answer.answer).not.toContain("61.7亿元");
  });
});
