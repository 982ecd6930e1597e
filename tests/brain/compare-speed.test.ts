import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: the larger zone grew slower.
const report = `---
title: 两区1—8月工业运行
date: 2026-09-20
zone: 滨州高新区
---
今年1—8月，滨州高新区完成规模以上工业总产值612.7亿元，同比增长9.1%。
同期，滨州经开区完成规模以上工业总产值486.3亿元，同比增长13.5%。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "report.md": report }));
});
afterAll(() => close());

describe("a comparison of speed (谁涨得快)", () => {
  it("compares growth rates, not amounts", async () => {
    const answer = await engine.ask("滨州高新区和滨州经开区1—8月规上产值谁涨得快");
    expect(answer.answer).toContain("13.5%");
    expect(answer.answer).toContain("9.1%");
    expect(answer.answer).not.toMatch(/滨州高新区更/u);
  });
});
