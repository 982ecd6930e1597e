import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// A made-up roundup that gives one zone's growth; the other zone's is not reported.
const roundup = `---
title: 1—5月我市多个功能园区主要指标保持较快增长
date: 2025-06-20
---
桐柏经济开发区1—5月实现规上工业总产值156.2亿元，同比增长10.4%，增速在全市省级开发区中位居前列。

柳溪经济开发区1—5月新开工项目19个。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "roundup.md": roundup }));
});
afterAll(() => close());

describe("a comparison of two zones with one side reported", () => {
  it("is declined, never one side's figure under the other's name", async () => {
    const answer = await engine.ask("柳溪开发区和桐柏开发区1—5月规上工业产值增速谁快？");
    expect(answer.found).toBe(false);
  });
});
