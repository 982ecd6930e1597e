import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a notice whose sections (申报时间, 申报材料) do not restate its subject.
const notice = `---
title: 关于组织申报2024年度科技创新奖励资金的通知
date: 2024-03-18
zone: 滨江高新技术产业开发区
---
各有关企业：

为鼓励企业加大研发投入，现将有关事项通知如下：

一、申报时间

2024年4月1日至4月30日（按企业2023年度研发投入申报），逾期不予受理。

二、申报材料

1.申报表；
2.营业执照复印件；
3.研发费用专项审计报告。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "notice.md": notice }));
});
afterAll(() => close());

describe("a notice's title speaks for its sections", () => {
  it("「…奖励资金申报哪天截止」 is answered by the 申报时间 section", async () => {
    const answer = await engine.ask("滨江高新区科技创新奖励资金申报哪天截止");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("4月30日");
  });

  it("「…申报要交哪些材料」 is answered by the 申报材料 section", async () => {
    const answer = await engine.ask("滨江高新区科技创新奖励资金申报要交哪些材料");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("研发费用专项审计报告");
  });

  it("a notice of one year's scheme does not answer for another year's", async () => {
    const answer = await engine.ask("滨江高新区23年度科技创新奖励资金申报哪天截止");
    expect(answer.found).toBe(false);
  });
});
