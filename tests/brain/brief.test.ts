import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Two articles written for this test: a zone's year in review and an unrelated zone's report.
const review = `---
title: 蓝谷这一年：项目落地提速
date: 2024-01-20
zone: 青岛蓝谷
---
过去一年，青岛蓝谷新引进海洋科技项目42个，总投资超过300亿元。
蓝谷建成海洋药物中试基地，全年服务企业120余家。
天气晴好，园区举办了职工运动会。
2023年，蓝谷实现规上工业产值185亿元，同比增长9.1%。
蓝谷全年新增市场主体3200户，同比增长15%。
蓝谷累计集聚海洋领域院士团队12个。
蓝谷新建人才公寓1800套，已交付使用。
下一步，蓝谷将聚焦海洋生物医药，力争新增高新技术企业50家。
`;
const other = `---
title: 胶州湾综保区一季度进出口增长
date: 2024-04-10
zone: 青岛胶州湾综合保税区
---
一季度，胶州湾综保区实现进出口总额56.3亿元，同比增长12%。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "review.md": review, "other.md": other }));
});
afterAll(() => close());

describe("briefs for open questions", () => {
  it("answers 「X都干了些什么」 with the zone's informative sentences, each quoted and cited", async () => {
    const answer = await engine.ask("青岛蓝谷都干了些什么？");
    expect(answer.found).toBe(true);
    expect(answer.citations.length).toBeGreaterThanOrEqual(3);
    expect(answer.citations.every((c) => c.source === "review.md")).toBe(true);
    expect(answer.answer).toContain("42个");
    // A sentence without substance about the zone is not a highlight.
    expect(answer.answer).not.toContain("运动会");
    // Another zone's report stays out of it.
    expect(answer.answer).not.toContain("56.3亿元");
  });

  it("leans to plans when the question asks what the zone intends (more figures than a brief shows)", async () => {
    const answer = await engine.ask("青岛蓝谷打算干点啥？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("力争新增高新技术企业50家");
  });
});

describe("a brief prefers the pieces about the zone over roundups that name it", () => {
  // A roundup naming several zones once each, and a piece about one of them (made up for this test).
  const roundup = `---
title: 全市功能区上半年主要指标
date: 2024-07-20
zone: 青岛市
---
上半年，各功能区主要指标保持增长。
鹿鸣湾经济开发区新签约项目12个，总投资58亿元。
鹿鸣湾经济开发区规上工业产值增长8%。
鹿鸣湾经济开发区新增市场主体320户。
鹿鸣湾经济开发区实际使用外资1.2亿美元。
鹿鸣湾经济开发区新增专精特新企业5家。
栖霞湾经济开发区新签约项目9个，总投资41亿元。
`;
  const piece = `---
title: 鹿鸣湾经济开发区：做强生物医药
date: 2024-05-10
zone: 鹿鸣湾经济开发区
---
鹿鸣湾经济开发区聚焦生物医药，已集聚药企86家。
园区建成公共中试平台3个，服务企业超过200家。
园区新建人才公寓600套，年内交付使用。
`;
  let engine2: Engine;
  let close2: () => void = () => {};
  beforeAll(async () => {
    ({ engine: engine2, close: close2 } = await articleEngine({ "roundup.md": roundup, "piece.md": piece }));
  });
  afterAll(() => close2());

  it("opens with the piece about the zone", async () => {
    const answer = await engine2.ask("介绍一下鹿鸣湾经济开发区");
    expect(answer.found).toBe(true);
    expect(answer.citations.filter((c) => c.source === "piece.md").length).toBeGreaterThanOrEqual(3);
    expect(answer.answer).toContain("86家");
    expect(answer.answer).toContain("中试平台");
  });
});

describe("a brief of plans: what the zone will do, spread over its sections", () => {
  // A work-conference report (made up for this test): a scene-setting lead, a table of targets, a list of tasks.
  const plan = `---
title: 鹿鸣湾航空港经济区部署2025年工作
date: 2025-02-10
zone: 鹿鸣湾航空港经济区
---
2月9日，鹿鸣湾航空港经济区召开2025年工作会议。

记者：经济区2025年有哪些打算？

过去一年，经济区货邮吞吐量完成61万吨，同比增长9%。新的一年，经济区将把航空物流和临空制造作为主攻方向。

## 主要指标

| 指标 | 2024年实绩 | 2025年目标 |
| --- | --- | --- |
| 货邮吞吐量 | 61万吨 | 70万吨 |
| 新签约项目 | 45个 | 50个 |
| 实际使用外资 | 1.1亿美元 | 1.3亿美元 |

## 2025年重点任务

- 航空物流：开工建设北货运区二期，新开国际货运航线6条
- 临空制造：计划引进电子元器件项目10个以上
- 人才服务：建成国际人才公寓800套
`;
  // A quarterly report that ends with the next quarter's plan (made up for this test).
  const quarter = `---
title: 栖霞高新区前三季度经济运行平稳
date: 2024-10-26
zone: 栖霞高新区
---
今年前三季度，栖霞高新区实现地区生产总值2186亿元，同比增长6.8%；规上工业增加值同比增长12.6%。
园区有关负责人表示，四季度将抓好120个重点项目建设，确保全年地区生产总值突破3000亿元。
`;
  let engine3: Engine;
  let close3: () => void = () => {};
  beforeAll(async () => {
    ({ engine: engine3, close: close3 } = await articleEngine({ "plan.md": plan, "q3.txt": quarter }));
  });
  afterAll(() => close3());

  it("leaves out the scene-setting lead and shows targets, direction and tasks", async () => {
    const answer = await engine3.ask("鹿鸣湾航空港2025年打算干点啥？");
    expect(answer.found).toBe(true);
    expect(answer.answer).not.toContain("召开2025年工作会议");
    // An interviewer's question states nothing.
    expect(answer.answer).not.toContain("有哪些打算");
    // 新的一年 is the year the report opens: its direction is 2025's.
    expect(answer.answer).toContain("航空物流和临空制造作为主攻方向");
    // The table's targets shown together, last year's results left out.
    expect(answer.answer).toContain("70万吨");
    expect(answer.answer).toContain("1.3亿美元");
    expect(answer.answer).not.toContain("1.1亿美元");
    expect(answer.answer).toContain("北货运区二期");
  });

  it("briefs the asked part of the year: 「四季度有啥安排」 is not answered with the first three quarters", async () => {
    const answer = await engine3.ask("栖霞高新区24年四季度有啥安排？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("120个重点项目");
    expect(answer.answer).not.toContain("2186亿元");
  });
});
