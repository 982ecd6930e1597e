import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: two half-year reports of one zone a year apart, a next-year target, and a roundup of two
// other zones. None of the wording comes from an eval set.
const earlier = `---
title: 梧桐高新区上半年经济运行情况
date: 2024-07-22
zone: 梧桐高新技术产业开发区
---
上半年，梧桐高新区实现地区生产总值612.3亿元，同比增长6.1%；规模以上工业增加值同比增长8.2%。
`;

const later = `---
title: 梧桐高新区上半年经济运行“成绩单”出炉
date: 2025-07-24
zone: 梧桐高新技术产业开发区
---
记者从会上获悉，上半年，梧桐高新区实现地区生产总值688.0亿元，同比增长7.4%；规模以上工业增加值同比增长10.8%；进出口总额同比增长5.5%。
2024年，梧桐高新区实现地区生产总值1320.5亿元。2026年，梧桐高新区地区生产总值目标为1500亿元。
`;

const roundup = `---
title: 上半年两个国家级经开区“半年报”扫描
date: 2025-07-30
---
青枫经济技术开发区上半年实现外贸进出口总额215.6亿元，同比增长11.2%。

白鹭经济技术开发区上半年实现外贸进出口总额172.3亿元，同比增长6.8%；开发区外贸企业新增40家，新开通外贸航线3条。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "earlier.md": earlier, "later.md": later, "roundup.md": roundup }));
});
afterAll(() => close());

describe("a figure asked without a year", () => {
  it("is the latest the table has, and the answer says which year that is", async () => {
    const answer = await engine.ask("梧桐高新区上半年GDP多少？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("688.0亿元");
    expect(answer.answer).toContain("2025年");
    expect(answer.answer).not.toContain("612.3");
  });

  it("is the latest result, not a plan for a coming year", async () => {
    const answer = await engine.ask("梧桐高新区GDP是多少？");
    expect(answer.answer).toContain("1320.5亿元");
    expect(answer.answer).not.toContain("1500亿元");
  });
});

describe("a comparison of one zone's two measures", () => {
  it("ranks the two figures by the question's own names for them", async () => {
    const answer = await engine.ask("梧桐高新区上半年GDP增速和规上工业增加值增速哪个高？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("10.8%");
    expect(answer.answer).toContain("7.4%");
    expect(answer.answer.indexOf("规上工业增加值增速")).toBeLessThan(answer.answer.indexOf("7.4%"));
  });
});

describe("a comparison of two zones in chat words", () => {
  it("reads 外贸 alone as foreign trade and leaves 谁多 out of the measure", async () => {
    const answer = await engine.ask("青枫经开区和白鹭经开区上半年外贸谁多？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("215.6亿元");
    expect(answer.answer).toContain("172.3亿元");
    expect(answer.answer).not.toContain("3条");
  });

  it("does not answer 外贸企业 with the trade volume", async () => {
    const answer = await engine.ask("白鹭经开区上半年外贸企业新增多少家？");
    expect(answer.answer).not.toContain("172.3亿元");
  });
});

describe("years listed with a measure the table knows", () => {
  it("are answered with each year's figure, however the question is phrased", async () => {
    const answer = await engine.ask("梧桐高新区24、25年上半年GDP都列一下");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("612.3亿元");
    expect(answer.answer).toContain("688.0亿元");
    // As figures of the table, each labelled with its year and kind — not as passages that happen to hold them.
    expect(answer.facts.map((fact) => fact.raw)).toEqual(expect.arrayContaining(["612.3亿元", "688.0亿元"]));
  });
});
