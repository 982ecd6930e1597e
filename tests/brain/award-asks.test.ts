import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a notice with awards by level, and the counts of firms at each level beside them.
const notice = `---
title: 关于申报2024年度专精特新企业奖励资金的通知
date: 2024-04-10
zone: 滨江经济技术开发区
---
截至2023年底，开发区累计培育国家级专精特新“小巨人”企业12家、省级专精特新中小企业60家。

（一）对新认定的国家级专精特新“小巨人”企业，一次性奖励80万元；
（二）对新认定的省级专精特新中小企业，一次性奖励25万元；
（三）对年度研发投入增长20%以上的企业，按增量部分的10%给予补助。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "notice.md": notice }));
});
afterAll(() => close());

describe("「奖多少」 asks money, and a part ending in 呢 asks the same kind of quantity", () => {
  it("gives each level's award, not the count of firms at that level", async () => {
    const answer = await engine.ask("滨江经开区新认定国家级小巨人奖多少？省级专精特新呢");
    expect(answer.answer).toContain("80万元");
    expect(answer.answer).toContain("25万元");
    expect(answer.answer).not.toContain("60家");
  });
});
