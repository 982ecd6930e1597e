import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a statistics bulletin gives the industry structure as a proportion.
const article = `---
title: 滨江新区2025年国民经济和社会发展统计公报
date: 2026-03-26
zone: 滨江新区
---
初步核算，2025年滨江新区实现地区生产总值4713.5亿元，比上年增长6.4%。三次产业结构为1.1∶38.6∶60.3。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "bulletin.md": article }));
});
afterAll(() => close());

describe("a proportion is a figure", () => {
  it("「三次产业结构是多少」 is answered with the whole proportion, quoted", async () => {
    const answer = await engine.ask("滨江新区三次产业结构是多少");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("1.1∶38.6∶60.3");
  });
});
