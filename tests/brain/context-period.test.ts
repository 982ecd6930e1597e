import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// A made-up monthly report: its period is said once, in the title; its sentences name figures without it.
const report = `---
title: 云梦开发区发布1—9月经济运行情况
date: 2024-10-15
---
数据显示，2024年云梦开发区经济运行稳中有进。

规上企业营业收入实现3083亿元，同比增长7.3%；新增城镇就业1.4万人、同比增长0.2%。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "report.md": report }));
});
afterAll(() => close());

describe("the period in force where a sentence names none", () => {
  it("is the title's: the sentence answers 1—9月 and each part of a two-part question", async () => {
    const answer = await engine.ask("云梦开发区2024年1-9月规上企业营业收入和新增城镇就业分别是多少？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("3083亿元");
    expect(answer.answer).toContain("1.4万人");
  });

  it("is never taken for the whole year", async () => {
    const answer = await engine.ask("云梦开发区2024年全年新增城镇就业多少？");
    // (A decline may quote the nine months' figure as the nearest; it states no figure as the answer.)
    expect(answer.found).toBe(false);
    expect(answer.facts.map((fact) => fact.raw)).not.toContain("1.4万人");
  });
});
