import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// A made-up report of a batch of projects, one of them described on its own.
const report = `---
title: 栖霞湾22个项目集中开工　计划总投资197亿元
date: 2021-02-27
zone: 栖霞湾经济开发区
---
栖霞湾经济开发区共有22个项目参加本次活动，计划总投资197亿元。

本次集中开工仪式在鹤鸣芯谷项目施工现场设立分会场。鹤鸣芯谷项目计划总投资27.8亿元，主要建设生产厂房及相关配套。

按照计划，鹤鸣芯谷项目2021年计划完成投资2.7亿元，完成一期主体工程。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "report.md": report }));
});
afterAll(() => close());

describe("a later part of a question asks about the first part's subject", () => {
  it("answers both parts about the named project, each on its own measure", async () => {
    const answer = await engine.ask("鹤鸣芯谷总投资多少？2021年计划完成投资多少？");
    expect(answer.found).toBe(true);
    const head = answer.answer.split("\n")[0]!;
    expect(head).toContain("27.8亿元");
    expect(head).toContain("2.7亿元");
    expect(head).not.toContain("197亿元");
  });
});
