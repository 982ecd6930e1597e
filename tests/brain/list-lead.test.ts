import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a lead sentence ending in a colon, then numbered items, then prose.
const article = `---
title: 蓝谷春季项目集中开工
date: 2023-03-20
zone: 青岛蓝谷
---
3月18日，青岛蓝谷春季重点项目集中开工，共有12个项目，计划总投资88亿元。

此次蓝谷集中开工的部分重点项目包括：
一、海洋药物研发中心项目，总投资12.5亿元；
二、深海装备试验基地项目，总投资9.8亿元；
三、蓝谷人才公寓二期工程，总投资4.2亿元。

蓝谷将实行清单化管理，推动项目早投产、早见效。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "list.md": article }));
});
afterAll(() => close());

describe("a list after its lead's colon", () => {
  it("answers 「有哪些」 with the items that follow the lead, and stops where the list ends", async () => {
    const answer = await engine.ask("青岛蓝谷3月集中开工的重点项目有哪些？");
    expect(answer.found).toBe(true);
    for (const item of ["海洋药物研发中心项目", "深海装备试验基地项目", "蓝谷人才公寓二期工程"]) expect(answer.answer).toContain(item);
    expect(answer.answer).not.toContain("清单化管理");
  });
});
