import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Made-up articles: one with no date anywhere, one dated; both about one made-up zone.
const undated = `---
title: 松岭湾数字港建设提速
zone: 松岭湾数字港
---
松岭湾数字港总投资88亿元的算力中心项目于日前集中开工。
2021年，数字港新签约项目42个。
`;
const dated = `---
title: 松岭湾数字港一季度集中开工
date: 2024-03-30
zone: 松岭湾数字港
---
3月28日，松岭湾数字港春季重点项目集中开工，共12个项目，总投资64亿元。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "undated.md": undated, "dated.md": dated }));
});
afterAll(() => close());

describe("a sentence of no known year answers no year's question", () => {
  it("does not give an undated article's figure for an asked year", async () => {
    const answer = await engine.ask("松岭湾数字港2023年算力中心项目总投资多少？");
    expect(answer.answer).not.toContain("88亿元");
  });

  it("still answers from the undated article when its sentence names the year", async () => {
    const answer = await engine.ask("松岭湾数字港2021年新签约项目多少个？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("42个");
  });

  it("answers a question that asks no year from the undated article", async () => {
    const answer = await engine.ask("松岭湾数字港算力中心项目总投资多少？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("88亿元");
  });

  it("reads a two-digit year in a question", async () => {
    const answer = await engine.ask("松岭湾数字港24年春季集中开工了几个项目？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("12个");
  });
});
