import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadLexicon } from "../../src/brain/lexicon.js";
import { projectOfFigure, readThreshold } from "../../src/brain/threshold.js";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

const lexicon = loadLexicon();

describe("readThreshold: the least figure a listed item must have", () => {
  it.each([
    ["这批开工的项目里20亿以上的有哪些", 2e9, "20亿以上", ""],
    ["总投资超过10亿元的项目有哪些", 1e9, "超过10亿元", "总投资"],
    ["签约项目中年产值5000万元及以上的有哪些", 5e7, "5000万元及以上", "年产值"],
    ["这批开工的项目有哪些", undefined, undefined, undefined],
    ["新签约过亿元项目有哪些", undefined, undefined, undefined],
  ])("%s → %s", (question, value, said, measure) => {
    const threshold = readThreshold(question, lexicon);
    expect(threshold?.value).toBe(value);
    expect(threshold?.said).toBe(said);
    expect(threshold?.measure).toBe(measure);
  });
});

describe("projectOfFigure: the project a figure is said of", () => {
  it.each([
    ["主要包括：鹿鸣微电子扩能项目，总投资85亿元；", "85亿元", "鹿鸣微电子扩能项目"],
    ["其中，总投资43.8亿元的星河预制菜产业园同步开工，全部达产后年产值可达84.4亿元。", "43.8亿元", "星河预制菜产业园"],
    // The name right before its investment words in one clause.
    ["；德资企业鸿远精密传动部件项目总投资18.5亿元，主要生产减速器；", "18.5亿元", "德资企业鸿远精密传动部件项目"],
    ["此外，云栖算力中心项目计划总投资约12.2亿元。", "12.2亿元", "云栖算力中心项目"],
    ["此次共有16个项目现场签约，总投资128.6亿元", "128.6亿元", undefined],
    // An amount in brackets right after a name in a 、-list.
    ["此外，远洋渔业母港项目（21.5亿元）、海湾文旅街区项目（14.6亿元）投资额也都超过10亿元。", "14.6亿元", "海湾文旅街区项目"],
    // A count of projects or a total is no project's figure; nor is a figure after another figure.
    ["其中，总投资10亿元以上项目5个，分别是：", "10亿元", undefined],
    ["栖霞项目，总投资25亿元，达产后可实现年产值30亿元；", "30亿元", undefined],
  ])("%s (%s) → %s", (sentence, raw, name) => {
    expect(projectOfFigure(sentence, raw, lexicon)).toBe(name);
  });
});

// Written for this test: a signing event with its larger projects listed, and another zone's event.
const signing = `---
title: 栖霞经开区18个项目集中签约 总投资120亿元
date: 2025-03-20
zone: 栖霞经济技术开发区
---
3月19日，栖霞经开区一季度重点项目集中签约活动举行，18个项目现场签约，总投资120亿元。
其中，青禾新能源电池项目，总投资32亿元，达产后可实现年产值45亿元；海川智能装备产业园项目，总投资16亿元；蓝湾生物医药基地项目，总投资8.5亿元。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "signing.md": signing }));
});
afterAll(() => close());

describe("「这次签约里10亿以上的项目有哪些」", () => {
  it("lists the event's projects whose investment reaches the threshold, largest first", async () => {
    const answer = await engine.ask("栖霞经开区这次签约的项目里10亿以上的有哪些");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("青禾新能源电池项目（32亿元）；海川智能装备产业园项目（16亿元）");
    expect(answer.answer).not.toContain("蓝湾生物医药基地项目（");
    // The event's total and a project's output are no project's investment.
    expect(answer.answer).not.toContain("（120亿元）");
    expect(answer.answer).not.toContain("（45亿元）");
  });
});

describe("「这次签约的项目有哪些」", () => {
  it("lists every project the report names with its investment, without a threshold", async () => {
    const answer = await engine.ask("栖霞经开区这次签约的重点项目有哪些？");
    expect(answer.found).toBe(true);
    for (const item of ["青禾新能源电池项目（32亿元）", "海川智能装备产业园项目（16亿元）", "蓝湾生物医药基地项目（8.5亿元）"]) expect(answer.answer).toContain(item);
    expect(answer.answer).not.toContain("（120亿元）");
  });

  it("is not the answer when the list asks for something of a project, or for a count of projects the report does not list with figures", async () => {
    for (const question of ["栖霞经开区青禾新能源电池项目的3个关键节点是哪些？", "栖霞经开区这次签约的那5个项目是哪几个？"]) {
      const answer = await engine.ask(question);
      expect(answer.answer).not.toContain("海川智能装备产业园项目（16亿元）；蓝湾");
    }
  });
});
