import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: two zones with the same figure.
const a = `---
title: 云梦开发区2024年经济运行综述
date: 2025-01-16
zone: 云梦经济技术开发区
---
2024年，云梦经济技术开发区全年新增市场主体1.2万家，同比增长8%。
`;
const b = `---
title: 江城高新区2024年经济运行综述
date: 2025-01-18
zone: 江城高新技术产业开发区
---
2024年，江城高新技术产业开发区全年新增市场主体1.2万家，同比增长6%。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "a.md": a, "b.md": b }));
});
afterAll(() => close());

describe("a comparison of equal figures", () => {
  it("names no winner", async () => {
    const answer = await engine.ask("2024年云梦开发区和江城高新区新增市场主体哪个多？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toMatch(/一样/);
    expect(answer.answer).not.toMatch(/更多/);
  });
});
