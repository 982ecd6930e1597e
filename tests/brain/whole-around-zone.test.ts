import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SentenceBank } from "../../src/brain/sentences.js";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Made-up district reports. In the first the zone is said to be a part of 全区 (其中经开区…, 高于全区平均水平):
// 全区 is the district around it, and its figures are no zone's. In the second 全区 is the zone itself.
const district = `---
title: 云岭区前三季度经济运行总体平稳
date: 2026-10-22
zone: 云岭经济技术开发区
---
记者从云岭区统计局获悉，1—9月，云岭区经济运行总体平稳，云岭经济技术开发区（以下简称经开区）主要指标增速高于全区平均水平。
1—9月，全区规模以上工业增加值同比增长6.1%，其中经开区增长9.8%。全区社会消费品零售总额45.3亿元，同比增长4.2%；实现旅游收入12.6亿元。
1—9月，经开区完成固定资产投资88.4亿元，增长13.5%。
`;
const ownWhole = `---
title: 石屏经济技术开发区前三季度主要指标稳中有进
date: 2026-10-22
zone: 石屏经济技术开发区
---
1—9月，石屏经济技术开发区经济运行稳中有进。
1—9月，全区社会消费品零售总额31.7亿元，同比增长5.5%。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "district.md": district, "own.md": ownWhole }));
});
afterAll(() => close());

const factOf = (raw: string) => engine.corpus.store.facts().find((fact) => fact.raw === raw);

describe("全区 around an article's zone (其中经开区…, 高于全区)", () => {
  it.each([
    ["45.3亿元", null],
    ["12.6亿元", null],
    ["6.1%", null],
    ["9.8%", "云岭经济技术开发区"],
    ["88.4亿元", "云岭经济技术开发区"],
  ])("the figure %s is of %s", (raw, zone) => {
    expect(factOf(raw)?.zone ?? null).toBe(zone);
  });

  it("leaves 全区's sentences out of the zone's", () => {
    const bank = (engine.offline as unknown as { bank: SentenceBank }).bank;
    const article = [...engine.corpus.articles.values()].find((a) => a.title.startsWith("云岭"))!;
    const zonesOf = (needle: string) => bank.ofArticle(article.id).find((s) => s.text.includes(needle))!.zones;
    expect(zonesOf("全区社会消费品零售总额45.3亿元")).toEqual([]);
    expect(zonesOf("经开区完成固定资产投资88.4亿元")).toContain("云岭经济技术开发区");
  });

  it("declines the zone's figure the article gives only for 全区", async () => {
    const answer = await engine.ask("云岭经开区1—9月社会消费品零售总额多少");
    expect(answer.found).toBe(false);
    expect(answer.answer).not.toMatch(/（实际）为45\.3亿元/u);
  });

  it("but 全区 is the zone itself where nothing sets it apart", () => {
    expect(factOf("31.7亿元")?.zone).toBe("石屏经济技术开发区");
  });
});
