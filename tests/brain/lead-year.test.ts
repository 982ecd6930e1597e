import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a roundup published in April whose lead names the year its item paragraphs report on.
const roundup = `---
title: 观察｜3个国家级园区年度“成绩单”
date: 2025-04-10
---
2024年，各地国家级园区主动作为、竞相发展，展现出较强的发展韧性。

松原新区：新增高新技术企业75家；税收收入达42.2亿元。

再看鹿城经开区：全社会固定资产投资866.3亿元，增长8.2%。
`;

// Written for this test: a May piece whose lead reviews the year before and whose later paragraph dates its own figure by month.
const review = `---
title: 鹿城经开区：以链式思维激活发展动力
date: 2022-05-15
zone: 鹿城经济技术开发区
---
2021年，鹿城经开区新引进过亿元项目45个，总投资超过600亿元。

管委平台公司鹿城投资集团不断提升综合效能，3月底总资产达320亿元、同比增长73%。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "roundup.md": roundup, "review.md": review }));
});
afterAll(() => close());

describe("a lead's year holds for the paragraphs that name none", () => {
  it("files a roundup item's figure under the lead's year, not the publication's", async () => {
    const answer = await engine.ask("松原新区2024年税收收入多少？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("42.2亿元");
    const publication = await engine.ask("松原新区2025年税收收入多少？");
    expect(publication.found).toBe(false);
  });
});

describe("a figure dated by a month of its own is not the lead's year", () => {
  it("files 「3月底总资产达…」 under the report's year", async () => {
    const answer = await engine.ask("截至2022年3月底，鹿城经开区平台公司鹿城投资集团总资产是多少？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("320亿元");
  });
});
