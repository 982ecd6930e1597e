import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a zone's new high-tech firms of one year and the number it has at the year's end,
// said in different articles (so neither sentence holds both).
const review = `---
title: 云梦开发区2020年主要经济指标稳中有进
date: 2021-02-23
zone: 云梦经济技术开发区
---
2020年，云梦经济技术开发区经济运行稳中有进。数据显示，新认定高新技术企业达167家。
`;
const stock = `---
title: 云梦开发区创新主体持续壮大
date: 2021-03-10
zone: 云梦经济技术开发区
---
截至2020年底，云梦经济技术开发区高新技术企业总数达621家。
`;

let engine: Engine;
let close: () => void = () => {};
let newOnly: Engine;
let closeNewOnly: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "review.md": review, "stock.md": stock }));
  ({ engine: newOnly, close: closeNewOnly } = await articleEngine({ "review.md": review }));
});
afterAll(() => {
  close();
  closeNewOnly();
});

describe("new ones and all there are", () => {
  it("认定 asks the year's new ones, as 新增 does", async () => {
    const answer = await engine.ask("云梦开发区2020年认定了多少家高新技术企业？");
    expect(answer.answer).toContain("167家");
    expect(answer.answer).not.toContain("621家");
  });

  it("answers the new ones for 新增 and the total for 年底…多少家", async () => {
    const added = await engine.ask("云梦开发区2020年新增高新技术企业多少家？");
    expect(added.answer).toContain("167家");
    const total = await engine.ask("云梦开发区2020年底高新技术企业多少家？");
    expect(total.answer).toContain("621家");
    expect(total.answer).not.toMatch(/为[^。]*167家/);
  });

  it("never gives the year's new ones for the total", async () => {
    const total = await newOnly.ask("云梦开发区2020年底高新技术企业多少家？");
    expect(total.found).toBe(false);
  });
});
