import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a term listed among results first, defined two paragraphs later with 「所谓“…”，是指」;
// the zone written with its rank (国家) in the lead.
const article = `---
title: 芜湖国家高新区上半年制度创新成果丰硕
date: 2025-07-20
---
芜湖国家高新技术产业开发区是安徽省首批国家级高新区，也是新能源汽车产业的重要承载地。

上半年，高新区新形成制度创新成果12项，其中“一码通办”“仓储共享”等4项成果在全省复制推广。

所谓“一码通办”，是指企业在园区办理涉企事项时，只需扫描一个二维码即可提交全部材料，审批时间由原来的5个工作日压缩至1个工作日以内。

上半年，高新区规上工业增加值同比增长9.2%。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "wuhu.md": article }));
});
afterAll(() => close());

describe("a term defined with 所谓…，是指", () => {
  it("answers 「…是啥意思」 with the defining sentence, not the one listing the term", async () => {
    const answer = await engine.ask("芜湖高新区说的“一码通办”是啥意思");
    expect(answer.answer).toContain("只需扫描一个二维码");
  });

  it.each(["芜湖高新区的“一码通办”是咋回事", "芜湖高新区“一码通办”是怎么回事？", "芜湖高新区说的“一码通办”是啥意思？", "芜湖高新区说的“一码通办”咋搞"])("%s: the chat words for 「what is it, how is it done」 ask nothing of their own", async (question) => {
    const answer = await engine.ask(question);
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("只需扫描一个二维码");
  });
});

describe("a zone written with its rank", () => {
  it("is the zone asked by its short name, and its defining sentence opens an introduction", async () => {
    const answer = await engine.ask("介绍一下芜湖高新区");
    expect(answer.answer).toContain("安徽省首批国家级高新区");
  });
});
