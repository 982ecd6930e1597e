import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a groundbreaking report whose headline names the event and whose list of projects
// names it no more.
const report = `---
title: 鹿鸣湾金融区14个重点项目集中开工 总投资41亿元
date: 2023-01-09
zone: 鹿鸣湾金融区
---
近日，鹿鸣湾金融区重点项目集中开工活动举行，此次开工项目涵盖绿色化工、医疗器械、跨境电商等领域。其中，青禾冷链物流中心计划总投资70.8亿元；星河人工智能产业园总投资10.5亿元，全部达产后年产值可达20.7亿元。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "report.md": report }));
});
afterAll(() => close());

describe("an event the headline names speaks for the projects listed under it", () => {
  it("answers a question about a project started in the event from its own sentence", async () => {
    const answer = await engine.ask("鹿鸣湾金融区2023年开工的星河人工智能产业园达产后年产值预计多少？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("20.7亿元");
  });

  it("answers 「能实现多少」 the same: a can-do phrase asks nothing", async () => {
    const answer = await engine.ask("鹿鸣湾金融区2023年开工的星河人工智能产业园达产后能实现多少年产值？");
    expect(answer.answer).toContain("20.7亿元");
  });
});
