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

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "roundup.md": roundup }));
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
