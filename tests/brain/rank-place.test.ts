import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a park's top-ten list that names only its first three and the ten's total.
const ranking = `---
title: 松溪经济开发区发布2025年度企业营收十强榜单
date: 2026-02-20
zone: 松溪经济开发区
---
2月19日，松溪经济开发区发布2025年度企业营收十强榜单。
榜单中，松溪重工集团以46.2亿元位列第一，松溪新材料有限公司、松溪电子科技有限公司分别以21.5亿元、13.8亿元位列第二、第三。
十强企业合计实现营业收入138.6亿元，占开发区总量的48.3%。
开发区对营收前三名企业分别给予50万元、30万元、20万元奖励。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "ranking.txt": ranking }));
});
afterAll(() => close());

describe("a place in a ranking asked", () => {
  it("is not answered by the list's total when no quote states that place", async () => {
    const answer = await engine.ask("松溪经开区营收十强里第五名营收多少？");
    expect(answer.found).toBe(false);
    expect(answer.answer).not.toMatch(/（实际）为138\.6亿元/u);
  });

  it("said without its measure (考第一) is a place too: a 分别 list not paired with places answers nothing", async () => {
    const answer = await engine.ask("松溪经开区营收考第一能拿多少奖励？");
    expect(answer.answer).not.toMatch(/为(?:20|30)万元|（实际）为138\.6亿元/u);
  });

  it("leaves questions naming no place as they were: the ten's total", async () => {
    const answer = await engine.ask("松溪经开区营收十强企业合计营收多少？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("138.6亿元");
  });
});
