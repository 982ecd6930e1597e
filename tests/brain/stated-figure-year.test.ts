import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a January look-back that gives last year's figures, and a port's annual report.
const review = `---
title: 过去一年，北岭食品区交出成绩单
date: 2026-01-15
zone: 北岭食品区
---
过去的一年，北岭食品区项目建设多点开花。规上食品企业达到57户，新增规上企业8户。今年，食品区将力争规上食品企业突破65户。
`;
const port = `---
title: 南湾保税港区去年进出口总额突破千亿元
date: 2026-02-05
zone: 南湾保税港区
---
记者从南湾保税港区管委获悉，去年港区完成进出口总额1136.7亿元，同比增长7.9%，港区全年新增注册企业1184家，其中外贸企业642家。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "review.md": review, "port.md": port }));
});
afterAll(() => close());

describe("the year of a figure the question states", () => {
  it("is the year the figure is filed under", async () => {
    const answer = await engine.ask("北岭食品区规上食品企业57户，这是哪年的数？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("2025年");
  });
});

describe("light verbs before the ask", () => {
  it("measure nothing (外贸做了多少 asks 外贸进出口, not 外贸企业)", async () => {
    const answer = await engine.ask("南湾保税港区25年外贸做了多少？涨了多少？");
    expect(answer.answer).toContain("1136.7亿元");
    expect(answer.answer).toContain("7.9%");
    expect(answer.answer).not.toMatch(/为642家/u);
  });
});
