import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// A made-up review-and-plan published in January: a results section under a 2025 heading, a plan table.
const review = `---
title: 鹿鸣湾科创园2025年发展成效与2026年工作安排
date: 2026-01-20
zone: 鹿鸣湾经济开发区
---

# 鹿鸣湾：向海图强再提速

鹿鸣湾经济开发区是以海洋科技创新为特色的园区。1月19日召开的工作会议部署了2026年重点任务。

## 2025年：科创平台加速集聚

- 累计集聚国家级海洋科研平台29个、省部级以上创新平台160余个
- 海洋产业增加值312亿元，同比增长8.7%
- 高新技术企业达到268家，新增科技型中小企业190家

## 2026年重点项目

- 山东大学三期工程，计划2026年9月投入使用

园区负责人表示，2026年将围绕海洋科技成果转化这一主线，推动更多实验室成果在区内就地产业化。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "review.md": review }));
});
afterAll(() => close());

describe("a section heading's year holds for the section", () => {
  it("files the results under the heading's year, as results", async () => {
    const answer = await engine.ask("鹿鸣湾经济开发区2025年海洋产业增加值多少？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("312亿元");
  });

  it("does not give the 2025 result as the 2026 target", async () => {
    const answer = await engine.ask("鹿鸣湾经济开发区2026年海洋产业增加值目标多少？");
    // Declined; the 2025 result is shown only as the nearest, labelled 2025.
    expect(answer.found).toBe(false);
    expect(answer.answer).toContain("2025年");
  });
});
