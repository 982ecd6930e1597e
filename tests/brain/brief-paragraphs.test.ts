import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a half-year report whose paragraphs open with their topic, then the details without its
// words; an interview whose plan is a list of points (一是…；二是…；三是…).
const report = `---
title: 临港生态园上半年主要指标稳中有进
date: 2025-07-15
zone: 临港生态园
---
7月14日，记者从临港生态园获悉，上半年园区实现规上工业总产值96.5亿元，同比增长8.2%。

上半年，园区新引进项目15个，协议投资额约52亿元，涉及汽车零部件、医疗器械等领域。

储能产业是园区重点培育的新兴产业。目前，园区已集聚相关企业二十余家，覆盖电芯、系统集成等环节。上半年，园区新建成示范电站3座，累计装机规模达到260兆瓦。

园区有关负责人表示，下半年将举办第二届新型储能大会，力争全年实际使用外资突破5000万美元。
`;
const interview = `---
title: 对话临港生态园负责人：把规划变成项目
date: 2025-04-08
zone: 临港生态园
---
记者：今年有哪些打算？

王林：今年我们力争新引进项目30个以上，营业收入突破200亿元。重点抓三件事：一是建设中试基地，引进共享实验设备；二是推动产城融合，把配套社区建设起来；三是培育技能人才，与职业院校共建实训中心。

记者：营商环境方面呢？

王林：我们推行“拿地即开工”，项目从签约到开工平均用时压缩到60天。
`;

const industries = `---
title: 临港生态园2024年产业发展综述
date: 2025-01-22
zone: 临港生态园
---
# 一、总体情况

2024年，临港生态园实现营业收入186亿元，同比增长7.5%。

# 二、产业发展

产业发展方面，园区围绕“两主一新”产业体系持续发力：

- 新能源汽车：整车及零部件产值突破90亿元，新引进配套企业12家
- 生物医药：新增创新药临床批件5个，产业园二期投入使用
- 数字经济：新建5G基站320个，上云企业达到460家

# 三、2025年目标

园区将力争营业收入增长8%以上。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "report.md": report, "interview.md": interview }));
});
afterAll(() => close());

describe("a brief on a topic reads the paragraph its topic opens", () => {
  it("quotes the details that follow a topic sentence, though they do not repeat its words", async () => {
    const answer = await engine.ask("临港生态园储能产业发展得咋样？");
    expect(answer.answer).toContain("二十余家");
    expect(answer.answer).toContain("260兆瓦");
  });
});

describe("a brief quotes a list of points whole", () => {
  it("quotes 二是 and 三是 with the 一是 that opens them", async () => {
    const answer = await engine.ask("临港生态园2025年打算干点啥");
    expect(answer.answer).toContain("一是建设中试基地");
    expect(answer.answer).toContain("二是推动产城融合");
    expect(answer.answer).toContain("三是培育技能人才");
  });
});

describe("a brief quotes the items a colon leads in to", () => {
  let own: Engine;
  let closeOwn: () => void = () => {};
  beforeAll(async () => {
    ({ engine: own, close: closeOwn } = await articleEngine({ "industries.md": industries }));
  });
  afterAll(() => closeOwn());

  it("quotes each list item below 「…持续发力：」 with it", async () => {
    const answer = await own.ask("临港生态园产业体系都有啥");
    for (const item of ["新能源汽车：", "生物医药：", "数字经济："]) expect(answer.answer).toContain(item);
    expect(answer.answer).toContain("持续发力：新能源汽车");
  });
});

describe("a brief leaves out comments and, asked 为啥, gives the causes first", () => {
  // Written for this test: a growth report with an official's comment and a paragraph that gives the cause.
  const growth = `---
title: 鹿鸣区2023年增速居全市第一
date: 2024-02-05
zone: 鹿鸣区
---
2月4日，记者从鹿鸣区获悉，2023年鹿鸣区实现生产总值1081亿元，同比增长5.7%，增速居全市第一。

鹿鸣区有关负责人表示，这是全区上下齐心协力的结果。

数字经济是鹿鸣区跑出加速度的重要原因。全区已集聚软件和信息服务企业近百家，产业规模突破120亿元。

2023年，鹿鸣区新建口袋公园12处。
`;
  let own: Engine;
  let closeOwn: () => void = () => {};
  beforeAll(async () => {
    ({ engine: own, close: closeOwn } = await articleEngine({ "growth.md": growth }));
  });
  afterAll(() => closeOwn());

  it("quotes the cause and the paragraph it opens, not the official's comment", async () => {
    const answer = await own.ask("鹿鸣区2023年为啥能跑这么快？");
    expect(answer.answer).toContain("重要原因");
    expect(answer.answer).toContain("近百家");
    expect(answer.answer).not.toContain("齐心协力");
  });
});
