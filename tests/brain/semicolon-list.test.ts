import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a list run on in one paragraph, its items separated by semicolons after the lead's colon.
const article = `---
title: 栖云新区二季度重大项目集中开工
date: 2025-06-18
zone: 栖云新区
---
6月16日，栖云新区二季度重大项目集中开工，共开工项目30个，总投资210亿元。

主会场开工的重点项目包括：栖云生物医药中试基地项目，总投资18亿元；栖云算力中心一期项目，总投资12.5亿元；滨湖大道改造工程，总投资4.1亿元。

下一步，栖云新区将加快推进项目建设。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "list.md": article }));
});
afterAll(() => close());

describe("a list whose items run on after the lead, one clause each", () => {
  it("answers 「有哪些」 with every item of the paragraph and nothing after it", async () => {
    const answer = await engine.ask("栖云新区主会场开工了哪些重点项目？");
    expect(answer.found).toBe(true);
    for (const item of ["生物医药中试基地", "算力中心一期", "滨湖大道改造工程"]) expect(answer.answer).toContain(item);
    expect(answer.answer).not.toContain("加快推进");
  });
});
