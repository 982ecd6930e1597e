import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: front matter names the zone twice — a district and, in brackets, the zone it shares an
// administration with; the text also names a smaller zone after the same place (新吴科技城).
const article = `---
title: 访谈｜新吴区区长：上半年新能源装备产业产值增长19%
date: 2024-08-20
zone: 无锡市新吴区（无锡高新区）
source: 开发区观察
---
问：上半年经济运行情况如何？
答：上半年，全区实现地区生产总值412.6亿元，同比增长6.2%；新能源装备产业实现产值96.4亿元，同比增长19%。新吴科技城新引进研发机构7家。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "xinwu.txt": article }));
});
afterAll(() => close());

describe("a zone front matter names twice (「无锡市新吴区（无锡高新区）」)", () => {
  it.each(["新吴区24年上半年GDP多少？", "新吴上半年地区生产总值多少"])("%s: the district's name asks the zone's figures", async (question) => {
    const answer = await engine.ask(question);
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("412.6亿元");
  });

  it("the smaller zone named after the same place keeps its own figures", async () => {
    const answer = await engine.ask("新吴科技城新引进研发机构几家");
    expect(answer.answer).toContain("7家");
  });
});
