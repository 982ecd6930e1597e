import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a report whose key sentence runs over a semicolon, and other lines a brief may pick.
const report = `---
title: 松溪旅游度假区前三季度文旅市场持续升温
date: 2026-10-15
zone: 松溪旅游度假区
---
今年1—9月，松溪旅游度假区累计接待游客120.5万人次，同比增长8.2%；实现旅游综合收入15.3亿元，同比增长9.6%。
度假区新开业精品民宿14家，床位总数达到2100张。
国庆假期，度假区接待游客18.6万人次，同比增长11.3%。
度假区将围绕冬季冰雪、温泉康养推出12条精品线路，力争全年接待游客突破150万人次。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "songxi.txt": report }));
});
afterAll(() => close());

describe("a brief's line ending on a semicolon", () => {
  it("is quoted with the clauses after it, up to the full stop", async () => {
    const answer = await engine.ask("松溪旅游度假区今年咋样？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("同比增长8.2%；实现旅游综合收入15.3亿元");
  });
});
