import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: two zones' events in different years and of different kinds, each with its total.
const start = `---
title: 东营港经开区春季21个重点项目集中开工
date: 2024-02-28
zone: 东营港经济开发区
---
2月27日，东营港经济开发区2024年春季重点项目集中开工。此次集中开工项目共21个，总投资163.5亿元。
`;
const signing = `---
title: 芜湖经开区一季度集中签约16个项目
date: 2025-03-27
zone: 芜湖经济技术开发区
---
3月26日，芜湖经开区2025年一季度重点项目集中签约。此次共有16个项目现场签约，总投资128.6亿元。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "start.md": start, "signing.md": signing }));
});
afterAll(() => close());

describe("two zones compared each in its own clause", () => {
  it("answers each side with its own year, season and event, then compares", async () => {
    const answer = await engine.ask("东营港经开区24年春季集中开工的总投资，和芜湖经开区25年一季度集中签约的总投资比，哪个多？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("163.5亿元");
    expect(answer.answer).toContain("128.6亿元");
  });

  it("declines when one side's figure is not reported", async () => {
    const answer = await engine.ask("东营港经开区24年春季集中开工的总投资，和芜湖经开区25年二季度集中签约的总投资比，哪个多？");
    expect(answer.answer).not.toMatch(/更多|更高/);
  });
});

describe("two zones' figures asked at once, each in its own clause", () => {
  it("gives each side's figure under its own zone (a zone named by its place alone beside one named in full)", async () => {
    const answer = await engine.ask("东营港春季集中开工和芜湖经开区一季度集中签约，总投资各多少？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toMatch(/东营港[^；]*163\.5亿元/u);
    expect(answer.answer).toMatch(/芜湖[^；]*128\.6亿元/u);
  });
});
