import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a bulletin with an amount and its growth side by side.
const bulletin = `---
title: 胶州区2023年经济运行情况
date: 2024-03-20
zone: 胶州区
---
2023年，胶州区实现地区生产总值1780.5亿元，同比增长6.1%。其中，第二产业增加值812.3亿元，增长5.4%；第三产业增加值901.6亿元，增长6.9%。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "bulletin.md": bulletin }));
});
afterAll(() => close());

describe("「X和增速」 asks for an amount and its growth", () => {
  it("answers both, and reads 二产/三产 as 第二/第三产业", async () => {
    const answer = await engine.ask("胶州区2023年二产增加值和增速？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("812.3亿元");
    expect(answer.answer).toContain("5.4%");
    expect(answer.answer).not.toContain("901.6亿元");
  });

  it("gives an amount with the growth reported beside it, each from its quote", async () => {
    const answer = await engine.ask("胶州区2023年地区生产总值多少？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("1780.5亿元");
    expect(answer.answer).toContain("6.1%");
    expect(answer.answer).not.toContain("5.4%");
  });
});
