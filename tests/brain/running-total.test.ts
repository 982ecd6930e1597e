import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a September report with the year's running total and its biggest projects.
const report = `---
title: 桐江高新区第三批重大项目集中开工
date: 2025-09-26
zone: 桐江高新技术产业开发区
---
9月25日，桐江高新区第三批重大项目集中开工，共32个项目，总投资416.8亿元。

其中，总投资超过20亿元的项目6个，主要包括：星河微电子扩能项目，总投资85亿元；云杉算力中心项目，总投资32亿元。

据介绍，今年以来，桐江高新区已累计开工重大项目96个，总投资1280亿元。
`;

const signing = `---
title: 柳岸经开区19个项目集中签约
date: 2025-03-18
zone: 柳岸经济技术开发区
---
3月18日上午，柳岸经开区2025年一季度重点项目集中签约活动举行，19个项目现场签约，总投资136.8亿元，涵盖新能源汽车零部件、智能装备等领域。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "report.md": report, "signing.md": signing }));
});
afterAll(() => close());

describe("a running total asked for a year (累计)", () => {
  it("is answered by the year so far", async () => {
    const answer = await engine.ask("桐江高新区2025年累计开工多少重大项目？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("96个");
  });

  it("a later part without a subject of its own asks about the earlier part's: its figure beside it answers", async () => {
    const answer = await engine.ask("桐江高新区2025年累计开工多少重大项目？总投资多少");
    expect(answer.answer).toContain("96个");
    expect(answer.answer).toContain("1280亿元");
    expect(answer.answer).not.toContain("85亿元");
  });

  it("the same holds when the parts are found in the text rather than the table", async () => {
    const answer = await engine.ask("柳岸经开区25年一季度集中签约签了几个项目？总投资多少");
    expect(answer.answer).toContain("19个");
    expect(answer.answer).toContain("136.8亿元");
  });
});
