import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a zone's annual report with last year's figures, this year's and next year's targets.
const report = `---
title: 栖霞经开区2024年主要经济指标发布
date: 2025-01-20
zone: 栖霞经济技术开发区
---
2024年，栖霞经开区实际使用外资8.6亿美元，同比增长8.9%；2023年实际使用外资7.9亿美元。
2024年，开发区新签约项目46个，外贸进出口总额同比增长12.4%，规上工业总产值同比增长4.7%。
2025年，开发区力争新签约项目60个以上。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "report.md": report }));
});
afterAll(() => close());

describe("「…比…多了多少」: two figures of one zone and how far apart they are", () => {
  it("two years of one measure", async () => {
    const answer = await engine.ask("栖霞经开区实际使用外资24年比23年多了多少");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("8.6亿美元");
    expect(answer.answer).toContain("7.9亿美元");
    expect(answer.answer).toContain("多0.7亿美元");
    expect(answer.derived).toContain("0.7");
  });

  it("a target against the year before's result", async () => {
    const answer = await engine.ask("栖霞经开区25年新签约项目目标比24年多多少");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("60个");
    expect(answer.answer).toContain("46个");
    expect(answer.answer).toContain("多14个");
  });

  it("「…高还是低」 asks the gap and its direction", async () => {
    const answer = await engine.ask("栖霞经开区2024年外贸进出口总额增速比规上工业总产值增速高还是低");
    expect(answer.answer).toContain("7.7个百分点");
  });

  it("「多几个」 asks the gap as 「多多少」 does", async () => {
    const answer = await engine.ask("栖霞经开区25年新签约项目目标比24年实际多几个");
    expect(answer.answer).toContain("多14个");
  });

  it("two rates of one year differ in percentage points", async () => {
    const answer = await engine.ask("栖霞经开区2024年外贸进出口总额增速和规上工业总产值增速差多少");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("12.4%");
    expect(answer.answer).toContain("4.7%");
    expect(answer.answer).toContain("7.7个百分点");
  });

  it("one rate 比 another of the same year: percentage points", async () => {
    const answer = await engine.ask("栖霞经开区2024年外贸进出口总额增速比规上工业总产值增速高多少");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("7.7个百分点");
  });

  it("computes nothing across units: a count is not compared with an amount of money", async () => {
    const answer = await engine.ask("栖霞经开区2024年新签约项目比实际使用外资多多少");
    expect(answer.derived).toEqual([]);
  });
});
