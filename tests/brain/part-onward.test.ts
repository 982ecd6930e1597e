import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// A made-up interview: the asked income follows the visitors in one sentence; another income comes later.
const interview = `---
title: 访松岭湾旅游度假区管委会主任
date: 2025-08-06
zone: 松岭湾旅游度假区
---
记者：今年上半年度假区发展怎么样？
主任：今年上半年，度假区累计接待游客212万人次，同比增长11.4%；实现旅游综合收入18.3亿元，增长9.6%。
记者：民宿发展得如何？
主任：目前度假区精品民宿达到88家，上半年民宿营业收入0.9亿元。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "interview.md": interview }));
});
afterAll(() => close());

describe("a later part with no time of its own asks on in the sentence that answered the part before", () => {
  it("gives the income the visitors' sentence goes on with", async () => {
    const answer = await engine.ask("松岭湾旅游度假区25年上半年来了多少游客，收入多少？");
    expect(answer.found).toBe(true);
    const head = answer.answer.split("\n")[0]!;
    expect(head).toContain("212万人次");
    expect(head).toContain("18.3亿元");
    expect(head).not.toContain("0.9亿元");
  });
});
