import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: two projects of one zone, each with its own investment.
const first = `---
title: 宏泰新材料产业园在合肥经开区开工
date: 2024-03-12
zone: 合肥经济技术开发区
---
本报讯 3月10日，合肥经济技术开发区总投资26.5亿元的宏泰新材料产业园开工建设，达产后年产值可达48亿元。
`;
const batch = `---
title: 合肥经开区6个项目集中开工
date: 2024-07-12
zone: 合肥经济技术开发区
---
本报讯 7月10日，合肥经开区集中开工锦程化工新材料供应链中心项目、明德船舶海工研发中心项目、嘉禾化工新材料产业基地项目等6个重点项目，总投资70亿元。
`;
// Common words of project names (创新, 产业园) in many sentences, as in any archive.
const common = `---
title: 合肥经开区创新产业园建设提速
date: 2024-08-02
zone: 合肥经济技术开发区
---
合肥经开区创新产业园一期投用。

创新产业园二期加快建设。

园区创新平台和产业园配套同步推进。

创新产业园引进企业20家。

创新产业园服务中心投入使用。
`;
// A project written with more words than people use for it.
const long = `---
title: 合肥经开区重大项目集中开工
date: 2024-09-26
zone: 合肥经济技术开发区
---
其中，总投资超过20亿元的项目3个，主要包括：星河微电子12英寸特色工艺产线扩能项目，总投资85亿元；
`;
const second = `---
title: 瑞丰跨境电商产业园在合肥经开区签约
date: 2024-05-20
zone: 合肥经济技术开发区
---
本报讯 5月18日，合肥经济技术开发区总投资12.8亿元的瑞丰跨境电商产业园成功签约。
`;

// One project's figure, then others named only as also signed.
const signing = `---
title: 合肥经开区一季度集中签约12个项目
date: 2024-03-28
zone: 合肥经济技术开发区
---
3月27日，合肥经开区一季度重点项目集中签约，12个项目总投资96亿元。蓝桥算力中心项目总投资15.6亿元，建设智算集群。此外，启航新能源电池回收项目、合肥职业技能实训基地项目等也在此次签约之列。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "first.md": first, "second.md": second, "batch.md": batch, "common.md": common, "long.md": long, "signing.md": signing }));
});
afterAll(() => close());

describe("a question naming a project", () => {
  it("is answered by the sentence that names that project", async () => {
    const answer = await engine.ask("2024年在合肥经开区签约的瑞丰跨境电商产业园总投资多少？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("12.8亿元");
    expect(answer.answer).not.toContain("26.5亿元");
  });

  it("is answered when asked by a shortened name (its words in order, a few left out)", async () => {
    const answer = await engine.ask("星河微电子扩能项目总投资多少？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("85亿元");
  });

  it("is answered when asked in chat shorthand (「…项目投多少」), alone or as one part of a question", async () => {
    const single = await engine.ask("星河微电子扩能项目投多少？");
    expect(single.answer).toContain("85亿元");
    expect((await engine.ask("星河微电子扩能项目投多少？建成后年产值多少？")).answer).toContain("85亿元");
  });

  it("is no project when a year and a plan word name a class of projects (「24年计划签约项目投资额」)", async () => {
    const answer = await engine.ask("合肥经开区24年计划签约项目投资额达到多少");
    expect(answer.answer).not.toContain("计划签约项目的总投资");
  });

  it("is declined when no article names the project, instead of giving another project's figure", async () => {
    const answer = await engine.ask("2024年在合肥经开区开工的鑫宇跨境电商产业园总投资多少？");
    expect(answer.found).toBe(false);
  });

  it("is declined when the figure beside its name is another project's (「B项目总投资…。此外，A项目等也在签约之列」)", async () => {
    const answer = await engine.ask("合肥经开区签约的那个职业技能实训基地项目投资多少？");
    expect(answer.found).toBe(false);
    expect(answer.answer).not.toContain("15.6亿元");
    const other = await engine.ask("合肥经开区签约的蓝桥算力中心项目投资多少？");
    expect(other.answer).toContain("15.6亿元");
  });

  it("is declined by its name when only a batch of look-alike projects is reported (「…项目总投资是多少」)", async () => {
    const answer = await engine.ask("明德化工新材料创新产业园项目总投资是多少？");
    expect(answer.found).toBe(false);
    expect(answer.answer).not.toContain("70亿元");
  });
});
