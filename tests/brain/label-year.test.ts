import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a month's figure said in a sentence that also names last year's.
const report = `---
title: 滨州港1—7月生产运行
date: 2026-08-20
zone: 滨州经济技术开发区
---
1—7月，滨州港区完成货物吞吐量1.21亿吨，同比增长5.6%，去年同期为1.15亿吨；其中7月当月完成1780万吨，增长9.3%。集装箱吞吐量完成18.5万标箱，增长7.2%。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "report.md": report }));
});
afterAll(() => close());

describe("an answer asked without a year", () => {
  it("is labelled with its figure's year, not the first year its sentence names", async () => {
    const answer = await engine.ask("滨州港7月单月吞吐量多少");
    expect(answer.answer).toContain("1780万吨");
    expect(answer.answer).not.toContain("2025年：");
    expect(answer.answer).not.toContain("18.5万标箱");
  });
});
