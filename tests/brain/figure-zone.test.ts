import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a ranking piece that walks through several zones in one sentence, each clause
// about the zone named at its head.
const ranking = `---
title: 省级开发区年度评价结果公布
date: 2026-02-03
source: 江城日报
---
本报讯 日前，省商务厅公布2025年度省级开发区综合评价结果，江城、湖滨、枫林等省级经开区排名均有不同程度提升。其中，江城经开区位列第4位，较上年前移2位，实际使用外资2.64亿美元；湖滨经开区位列第9位，前移1位；枫林经开区位列第15位。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "ranking.md": ranking }));
});
afterAll(() => close());

describe("a figure belongs to the zone its clause is about", () => {
  it("answers the zone whose clause holds the figure", async () => {
    const answer = await engine.ask("江城经开区实际使用外资多少？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("2.64亿美元");
  });

  it("does not give that figure to the next zone the sentence names", async () => {
    const answer = await engine.ask("湖滨经开区实际使用外资多少？");
    // (A decline may quote the other zone's sentence as the nearest; it states no figure as this zone's.)
    expect(answer.found).toBe(false);
  });
});
