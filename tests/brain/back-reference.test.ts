import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a project named once at its paragraph's head, then referred to as 该项目 and 项目.
const article = `---
title: 桐庐区12个项目集中开工
date: 2024-02-26
zone: 城阳区
---
2月25日，城阳区12个重点项目集中开工，计划总投资96亿元。

本次开工仪式在云杉芯谷项目施工现场设立分会场。该项目位于棘洪滩街道，计划总投资12亿元，主要建设生产厂房及配套设施。按照计划，项目2024年将完成一期主体工程建设，年度计划完成投资9000万元。

另一重点项目槐荫新材料产业园计划总投资8亿元，主要生产高性能膜材料。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "start.md": article }));
});
afterAll(() => close());

describe("a sentence that refers back to a project named earlier in its paragraph", () => {
  it("answers for that project", async () => {
    const answer = await engine.ask("云杉芯谷2024年计划完成投资多少？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("9000万元");
  });

  it("does not answer for a project of another paragraph", async () => {
    const answer = await engine.ask("槐荫新材料产业园2024年计划完成投资多少？");
    expect(answer.answer).not.toContain("9000万元");
  });
});
