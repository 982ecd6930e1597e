import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a half-year roundup whose table gives each zone's figure for this half-year and last.
const roundup = `---
title: 两大开发区上半年成绩单出炉
date: 2024-07-28
---
上半年，两大开发区主要指标保持增长。

| 园区 | 指标 | 2023年上半年 | 2024年上半年 |
| --- | --- | --- | --- |
| 滨江开发区 | 规上工业总产值（亿元） | 1583.9 | 1671.2 |
| 湖东开发区 | 规上工业总产值（亿元） | 932.4 | 1008.6 |
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "roundup.md": roundup }));
});
afterAll(() => close());

describe("「…上半年…比23年同期多了多少」: 同期 is the same part of the year before", () => {
  it("compares the half-year after the baseline's with the baseline's", async () => {
    const answer = await engine.ask("滨江开发区上半年规上工业总产值比23年同期多了多少");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("1671.2亿元");
    expect(answer.answer).toContain("1583.9亿元");
    expect(answer.answer).toContain("87.3亿元");
  });
});
