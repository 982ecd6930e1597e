import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a meeting report in narrow newspaper columns whose numbered tasks run over several clauses
// ended by semicolons, and
// a project list with a section of measures under its own heading.
const meeting = `---
title: 北岭科创城党工委召开扩大会议
date: 2026-03-05
zone: 北岭科创城
---
本报讯　3月4日，北岭科创城党工委召开（扩大）会议。

　　会议明确，今年重点抓好四个方
面工作：一是壮大光电信息、集
成电路、生物医药三大主导产业
，上半年开工建设光电产业园二
期和芯片封测基地；二是建强创
新平台，年内建成科创城概念验
证中心和生物医药公共中试平台
；三是深化“标准地+承诺制”
改革，新供应产业用地全部按“
标准地”出让；四是以高质量党
建引领园区治理，推行“楼宇党
建+企业服务”工作模式。
`;
const projects = `---
title: 南岭新城2026年重点项目清单发布
date: 2026-03-06
zone: 南岭新城
---
# 南岭新城2026年重点项目清单发布

今年新城共安排重点项目24个，总投资312.5亿元。

| 序号 | 项目名称 | 总投资（亿元） |
| --- | --- | --- |
| 1 | 海洋装备产业园 | 26.8 |
| 2 | 冷链物流中心 | 12.4 |

## 保障措施

- 实行“周调度、月通报”，对24个重点项目逐一明确责任领导。
- 新开工项目推行“拿地即开工”。
- 统筹用地、用能指标，优先保障海洋装备项目。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "meeting.txt": meeting, "projects.md": projects }));
});
afterAll(() => close());

describe("lists", () => {
  it("quotes every numbered item, however many clauses they run over", async () => {
    const answer = await engine.ask("科创城今年重点抓哪几方面工作？");
    expect(answer.answer).toContain("三是深化");
    expect(answer.answer).toContain("四是以高质量党建引领");
  });

  it("lists what is asked after 哪些, not the projects before it", async () => {
    const answer = await engine.ask("南岭新城重点项目有哪些保障措施？");
    expect(answer.answer).toContain("拿地即开工");
    expect(answer.answer).not.toContain("冷链物流中心");
  });
});
