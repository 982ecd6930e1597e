import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a ranking with the size of the field beside it.
const article = `---
title: 国家级经开区考核结果公布
date: 2022-12-20
zone: 合肥经济技术开发区
---
商务部近日公布2022年国家级经开区综合发展水平考核评价结果，此次考核评价对全国230家国家级经开区的发展情况进行了全面体检。记者了解到，合肥经开区综合排名第9位，较上年提升3位。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "rank.md": article }));
});
afterAll(() => close());

describe("a question for a place in a ranking", () => {
  it("is answered by the ranking, not by the count beside it", async () => {
    const answer = await engine.ask("合肥经开区在2022年国家级经开区考核评价里排第几？");
    // The statement (the quote below it may hold the count) names the place, never the count.
    const statement = answer.answer.split("\n")[0]!;
    expect(statement).not.toMatch(/230家/);
    expect(answer.found).toBe(true);
    expect(statement).toContain("第9位");
  });
});
