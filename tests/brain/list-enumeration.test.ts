import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a work report whose colon lead is followed by 一是…二是… items, each a paragraph of
// several sentences.
const report = `---
title: 滨江高新区2025年工作报告摘要
date: 2025-01-15
zone: 滨江高新技术产业开发区
---
围绕上述目标，今年重点抓好三方面工作：

一是做强智能制造产业集群。推进新能源装备扩产项目，全年新开工亿元以上产业项目40个以上。

二是深化科技体制改革。新增概念验证中心3个，技术合同成交额突破80亿元。

三是持续优化营商环境。企业开办时间压缩至0.5个工作日。

会议还部署了安全生产等工作。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "report.md": report }));
});
afterAll(() => close());

describe("a colon lead followed by 一是…二是… items", () => {
  it("answers 「重点抓哪几方面」 with every item's head, past the sentences inside each item", async () => {
    const answer = await engine.ask("滨江高新区25年重点抓哪几方面工作？");
    expect(answer.found).toBe(true);
    for (const item of ["一是做强智能制造产业集群", "二是深化科技体制改革", "三是持续优化营商环境"]) expect(answer.answer).toContain(item);
    expect(answer.answer).not.toContain("安全生产");
  });
});
