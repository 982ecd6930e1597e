import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a quarter's result and the year's target in one report.
const article = `---
title: 滨海综保区一季度进出口稳步增长
date: 2024-04-16
zone: 滨海综合保税区
---
今年一季度，滨海综合保税区实现进出口总额36.42亿元，同比增长18%，新引进外贸企业11家。

下一步，综保区将力争全年进出口总额达到150亿元，新引进外贸企业40家以上。

综保区保税仓储面积达到12万平方米。
`;

// A second zone's report that gives no trade figure.
const other = `---
title: 一季度临港产业园新开工项目9个
date: 2024-04-12
zone: 临港产业园
---
今年一季度，临港产业园新开工项目9个，总投资48亿元。
`;

// A third report: the coming year's goal beside a figure of another measure (航线), and no figure for the year before.
const port = `---
title: 邮轮港区部署今年重点工作
date: 2026-02-10
zone: 青岛国际邮轮港区
---
会议提出，今年港区力争全年靠泊邮轮45艘次以上，新开辟始发母港航线3条。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "zongbao.md": article, "lingang.md": other, "port.md": port }));
});
afterAll(() => close());

describe("each part of a question asks at its own time", () => {
  it("「全年目标多少？一季度完成了多少？」: the year's target and the quarter's result", async () => {
    const answer = await engine.ask("滨海综保区24年全年进出口目标是多少？一季度完成了多少？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("150亿元");
    expect(answer.answer).toContain("36.42亿元");
  });

  it("a later part at a time of its own asks afresh, not the goal asked before (全年目标多少？一季度呢？)", async () => {
    const answer = await engine.ask("滨海综保区24年全年进出口目标是多少？一季度呢？");
    expect(answer.answer).toContain("150亿元");
    expect(answer.answer).toContain("36.42亿元");
  });

  it("a later part without a time of its own asks at the part before's (一季度…？同比增长多少？)", async () => {
    const answer = await engine.ask("滨海综保区24年一季度进出口总额多少？同比增长多少？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("36.42亿元");
    expect(answer.answer).toContain("18%");
    expect(answer.answer).not.toContain("150亿元");
  });
});

describe("half an answer", () => {
  it("another part no quote shown can answer (no other figure there): declined as a whole, the part found shown", async () => {
    const answer = await engine.ask("滨海综保区保税仓储面积多大？跨境电商交易额多少？");
    expect(answer.found).toBe(false);
    expect(answer.answer).toContain("不作完整回答");
    expect(answer.answer).toContain("12万平方米");
  });

  it("another part a quote shown may answer (a figure there not stated): the half answer stands, with a note", async () => {
    const answer = await engine.ask("滨海综保区24年一季度进出口总额多少？新来了几家外贸企业？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("36.42亿元");
    expect(answer.answer).toContain("新引进外贸企业11家");
    expect(answer.answer).toContain("问题中另有一处");
  });

  it("a year asked beside another that the sources do not give: declined, a figure of another measure is no stand-in", async () => {
    const answer = await engine.ask("邮轮港区25年和26年靠泊邮轮分别多少艘次？");
    expect(answer.found).toBe(false);
    expect(answer.answer).toContain("45艘次");
  });

  it("two zones asked 分别: one zone's figure alone is no answer", async () => {
    const answer = await engine.ask("滨海综保区和临港产业园24年一季度进出口总额分别是多少？");
    expect(answer.found).toBe(false);
  });
});
