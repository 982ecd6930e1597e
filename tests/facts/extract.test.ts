import { describe, expect, it } from "vitest";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import type { Article, Fact } from "../../src/domain/types.js";
import { extractFacts } from "../../src/facts/index.js";

const gazetteer = Gazetteer.load();

function article(text: string, date: string, zones: string[]): Article {
  return { id: "t.txt#0", source: "t.txt", part: 0, title: "t", date, dateEvidence: null, zones, text, contentHash: "x" };
}

function factFor(facts: Fact[], raw: string, nth = 0): Fact {
  const found = facts.filter((f) => f.raw === raw)[nth];
  if (!found) throw new Error(`no fact with raw ${raw}; have ${facts.map((f) => f.raw).join(" ")}`);
  return found;
}

// Paragraphs copied from the seeds, with the narrow newspaper columns joined by hand.
const PLAN_2022 = [
  "做好今年经济工作，青岛开发区已经挂起作战图，着力突破“实、融、活、优”四个重点。",
  "其中，“实”就是持之以恒抓项目兴产业。青岛开发区将着力培育光电产业集群，抓紧抓实20余家京东方配套企业的招引落地工作，全力打造中国北方光电显示产业集聚区和发展高地；统筹做强优势产业集群，力争全年新签约注册过亿元重点项目36个，持续抓好中电光谷等8个园区建设，力争全年新签约入驻企业100家以上。",
  "“融”就是持续创新驱动发展要素耦合。紧盯独角兽、专精特新小巨人等品牌建设，统筹潜量存量增量，大力培育高新技术企业，全域认定高新技术企业200家以上；抓好京东方等41个续建项目，实现金融智慧城等35个项目顺利开工，竣工投产中电信息港等22个项目。",
  "“活”就是持续扩大对外开放平台效应。青岛开发区将提高利用内外资水平；促进内外贸提质增效，全年力争实现外贸进出口总额增长20%以上；深化内外经济合作，以优异成绩迎接党的二十大召开。",
].join("\n");

const REPORT_2022 = [
  "在打造项目建设主阵地的同时，青岛开发区还发挥金融活水作用。采取“基金+产业”模式,引导私募股权类基金投资项目260余个、180余亿元。开发区管委平台公司开投集团不断提升综合效能,3月底总资产达320亿元、同比增长73%。",
  "目前,全区人才总量达46.73万人,连年获评全省人才工作先进单位。总投资10亿元的京东方配套G基金项目将于近期签约。",
].join("\n");

const ARENA_2023 = [
  "4月14日下午，一场别开生面的“功能区擂台”在青岛市级机关会议中心上演。",
  "上合示范区全力“搭平台、创模式、聚产业、强主体”，表现可圈可点。今年以来，班子成员外出招商80次，对接项目133个，18个省市重点项目已开工15个。抓牢平台云展，上合经贸综服平台上线企业突破4000家，青岛空港综合保税区顺利通过预验收，开行中欧班列203列，居全省第一。",
  "青岛自贸片区先行先试、创新提升。提升制度创新质效，一季度形成制度创新成果32项，6项参选第五批全国“最佳实践案例”。",
  "青岛蓝谷将打好“海洋牌”。推动112个重点项目建设加力提速，大洋钻探船码头、雷神电竞等26个项目竣工交付。力争全年新引进过亿元项目20个、过50亿元项目3个。",
  "青岛董家口经济区将聚焦重大项目引建。万邦矿石码头等总投资70亿元的6个项目开工。",
].join("\n");

describe("extractFacts on a 2022 work-plan piece", () => {
  const { facts, rejected } = extractFacts(article(PLAN_2022, "2022-01-15", ["青岛经济技术开发区"]), gazetteer);

  it("keeps every evidence verbatim at its offsets", () => {
    expect(rejected).toBe(0);
    for (const fact of facts) {
      expect(PLAN_2022.slice(fact.start, fact.end)).toBe(fact.evidence);
      expect(fact.evidence).toContain(fact.raw);
    }
  });

  it("reads a target with 以上", () => {
    const fact = factFor(facts, "100家");
    expect(fact).toMatchObject({ value: 100, unit: "家", qualifier: "以上", kind: "target", year: 2022, zone: "青岛经济技术开发区" });
    expect(fact.metric).toBe("新签约入驻企业");
    expect(fact.evidence).toBe("力争全年新签约入驻企业100家以上");
  });

  it("reads a metric written before the number", () => {
    expect(factFor(facts, "36个")).toMatchObject({ metric: "新签约注册过亿元重点项目", kind: "plan", value: 36 });
    expect(factFor(facts, "20%")).toMatchObject({ metric: "外贸进出口总额增长", qualifier: "以上", kind: "target", unit: "%" });
  });

  it("reads X等N个项目 as a count with an aggregate subject", () => {
    expect(factFor(facts, "41个")).toMatchObject({ metric: "续建项目", subject: "京东方等", value: 41 });
    expect(factFor(facts, "22个")).toMatchObject({ subject: "中电信息港等", value: 22 });
    expect(factFor(facts, "22个").metric).toContain("竣工投产");
    expect(factFor(facts, "20余家")).toMatchObject({ qualifier: "余", value: 20, metric: "京东方配套企业" });
  });

  it("skips dates and labels like 二十大", () => {
    expect(facts.some((f) => f.raw.includes("二十"))).toBe(false);
  });
});

describe("extractFacts on a 2022 progress report", () => {
  const text = REPORT_2022;
  const { facts, rejected } = extractFacts(article(text, "2022-05-15", ["青岛经济技术开发区"]), gazetteer);

  it("normalises units and strips zone words from the metric", () => {
    expect(rejected).toBe(0);
    expect(factFor(facts, "46.73万人")).toMatchObject({ value: 467300, unit: "人", metric: "人才总量", qualifier: "达", kind: "actual", year: 2022 });
  });

  it("reads investment with the project after 的 as subject", () => {
    expect(factFor(facts, "10亿元")).toMatchObject({ value: 1e9, unit: "元", metric: "总投资", subject: "京东方配套G基金项目", kind: "investment" });
  });

  it("shares a metric across 、 and prefixes growth with what grew", () => {
    expect(factFor(facts, "260余个")).toMatchObject({ qualifier: "余", unit: "个" });
    expect(factFor(facts, "180余亿元")).toMatchObject({ value: 1.8e10, qualifier: "余", kind: "investment" });
    expect(factFor(facts, "320亿元")).toMatchObject({ metric: "总资产", period: "point" });
    expect(factFor(facts, "73%").metric).toBe("总资产同比增长");
  });
});

describe("extractFacts on a 2023 multi-zone piece", () => {
  const text = ARENA_2023;
  const { facts, rejected } = extractFacts(article(text, "2023-04-15", ["青岛市"]), gazetteer);

  it("assigns each number the zone its paragraph is about", () => {
    expect(rejected).toBe(0);
    expect(factFor(facts, "203列").zone).toBe("上合示范区");
    expect(factFor(facts, "32项").zone).toBe("青岛自贸片区");
    expect(factFor(facts, "112个").zone).toBe("青岛蓝谷");
    expect(factFor(facts, "70亿元").zone).toBe("青岛董家口经济区");
  });

  it("does not make a fact of the date", () => {
    expect(facts.some((f) => f.evidence.includes("4月14日"))).toBe(false);
  });

  it("reads rankings with the preceding clause as context", () => {
    const rank = factFor(facts, "全省第一");
    expect(rank).toMatchObject({ kind: "ranking", value: 1 });
    expect(rank.evidence).toBe("开行中欧班列203列，居全省第一");
  });

  it("reads periods, ytd and tense", () => {
    expect(factFor(facts, "32项")).toMatchObject({ period: "Q1", kind: "actual", year: 2023, metric: "形成制度创新成果" });
    expect(factFor(facts, "80次")).toMatchObject({ period: "ytd", kind: "actual" });
    expect(factFor(facts, "15个")).toMatchObject({ kind: "actual" });
    expect(factFor(facts, "4000家")).toMatchObject({ qualifier: "突破" });
  });

  it("reads plans carried by the paragraph's opening sentence", () => {
    expect(factFor(facts, "112个")).toMatchObject({ kind: "plan", metric: "重点项目", year: 2023 });
    expect(factFor(facts, "26个")).toMatchObject({ subject: "大洋钻探船码头、雷神电竞等" });
    expect(factFor(facts, "20个")).toMatchObject({ metric: "新引进过亿元项目", kind: "plan" });
  });

  it("treats 过50亿元 as a threshold, not an amount", () => {
    expect(facts.some((f) => f.raw === "50亿元")).toBe(false);
    expect(factFor(facts, "3个").metric).toBe("过50亿元项目");
  });

  it("treats an amount with 以上 right before the projects it sizes as a class (落地十亿元以上项目3个)", () => {
    const { facts: sized } = extractFacts(article("2023年，该区落地十亿元以上项目3个，新增省级以上研发平台12个。", "2024-02-16", ["市北区"]), gazetteer);
    expect(sized.some((f) => f.raw === "十亿元")).toBe(false);
    expect(factFor(sized, "3个").metric).toContain("落地十亿元以上项目");
  });

  it("reads 万邦矿石码头等总投资70亿元的6个项目", () => {
    expect(factFor(facts, "70亿元")).toMatchObject({ metric: "总投资", subject: "万邦矿石码头等", value: 7e9, kind: "investment" });
    expect(factFor(facts, "6个")).toMatchObject({ subject: "万邦矿石码头等", value: 6 });
  });

  it("gives deterministic ids", () => {
    const again = extractFacts(article(text, "2023-04-15", ["青岛市"]), gazetteer).facts;
    expect(again.map((f) => f.id)).toEqual(facts.map((f) => f.id));
    expect(new Set(facts.map((f) => f.id)).size).toBe(facts.length);
  });
});

describe("periods and years in a roundup", () => {
  const text = [
    "1至11月，全市省级以上开发区过亿元项目保持增长态势。其中，即墨经济开发区新签约过亿元项目达14个；青岛蓝谷新签约过亿元项目9个。",
    "1至4月份，青岛蓝谷外贸进出口总额完成96.7亿元，去年同期为105.6亿元；实现规模以上工业总产值266.5亿元，增长14.6%，低于青岛高新区同期的300.2亿元。",
    "2023年全年，青岛蓝谷跨境电商业务额完成94.3亿元。",
    "今年以来，青岛蓝谷累计完成固定资产投资15.2亿元。",
    "2023年，青岛蓝谷完成GDP40.9亿元，累计过亿元项目签约3个。",
  ].join("\n");
  const { facts } = extractFacts(article(text, "2024-01-10", ["青岛蓝谷"]), Gazetteer.load().withZones(["即墨经济开发区"]));

  it("carries the paragraph's period to the sentences that follow it", () => {
    expect(factFor(facts, "14个")).toMatchObject({ periodKey: "M1-11", kind: "actual", zone: "即墨经济开发区" });
    expect(factFor(facts, "266.5亿元")).toMatchObject({ periodKey: "M1-4" });
  });

  it("lets a year named to compare govern only its own clause", () => {
    expect(factFor(facts, "105.6亿元").year).toBe(2023);
    expect(factFor(facts, "266.5亿元").year).toBe(2024);
  });

  it("gives a comparison figure the clause's metric and the zone it names", () => {
    expect(factFor(facts, "300.2亿元")).toMatchObject({ zone: "青岛高新区", metric: "规模以上工业总产值", periodKey: "M1-4" });
  });

  it("reads a figure right after GDP, and keeps 签约's 约 in the metric", () => {
    expect(factFor(facts, "40.9亿元")).toMatchObject({ metric: "GDP", year: 2023 });
    expect(factFor(facts, "3个")).toMatchObject({ metric: "过亿元项目签约", qualifier: "" });
  });

  it("keeps 今年以来 apart from the whole year", () => {
    expect(factFor(facts, "15.2亿元")).toMatchObject({ periodKey: "ytd", year: 2024 });
  });

  it("reads 2023年全年 as 2023 in a 2024 article", () => {
    expect(factFor(facts, "94.3亿元")).toMatchObject({ year: 2023, periodKey: "Y", kind: "actual" });
  });
});

describe("a look-back piece reports results, whatever plans its quotes and next steps mention", () => {
  // Made up for this test: a year-end report card from December, full of future words around its results.
  const text = [
    "本报讯 栖霞经开区将继续坚持链长制，力争推动产业链延链补链强链，确保交出亮眼答卷。",
    "2023年，栖霞经济开发区经济运行稳中向好，实际使用外资达到3.6亿美元，此外，新开工项目27个。",
    "“我们将以更大力度招大引强。”该区负责人表示，开发区要以只争朝夕的劲头把各项任务落到实处。",
    "2024年，开发区确定的主要目标为：新引进过十亿元大项目5个以上。",
  ].join("\n");
  const report: Article = { ...article(text, "2023-12-20", ["栖霞经济开发区"]), title: "栖霞经开区2023年经济发展交出亮眼成绩单" };
  const { facts } = extractFacts(report, gazetteer);

  it("files the year's figures with only a weak verb as results", () => {
    expect(factFor(facts, "3.6亿美元").kind).toBe("actual");
  });

  it("still files next year's goals as targets", () => {
    expect(["target", "plan"]).toContain(factFor(facts, "5个").kind);
  });
});

describe("a look-back published early in the year: the reviewed year's figures are results, the new year's plans", () => {
  const text = [
    "过去一年，栖霞经济开发区实际使用外资达到3.1亿美元。",
    "新的一年，开发区将力争在招商引资上取得新突破，确保各项任务落到实处，要以只争朝夕的劲头抓项目。",
    "2025年，栖霞经济开发区营利性服务业收入增长16%，固定资产投资增长8%。",
  ].join("\n");
  const review: Article = { ...article(text, "2025-02-10", ["栖霞经济开发区"]), title: "栖霞经开区晒出2024年成绩单" };
  const { facts } = extractFacts(review, gazetteer);

  it("files the new year's figures as targets", () => {
    expect(["target", "plan"]).toContain(factFor(facts, "16%").kind);
  });

  it("files the reviewed year's figures as results", () => {
    expect(factFor(facts, "3.1亿美元").kind).toBe("actual");
  });
});

describe("a figure for a year still to come is a goal, whatever weak verb says it", () => {
  const text = "按照规划，到2025年，园区进出口总额达到1700亿元，地区生产总值达到4000亿元。";
  const { facts } = extractFacts(article(text, "2021-01-09", ["栖霞经济开发区"]), gazetteer);
  it("files 「到2025年…达到4000亿元」 published in 2021 as a target", () => {
    expect(["target", "plan"]).toContain(factFor(facts, "4000亿元").kind);
  });
});

describe("extractFacts: a total named only by a bare measure word", () => {
  // Made-up statistics lines: the total after a growth clause is of that clause's measure.
  it.each([
    ["今年前三季度，园区社会消费品零售总额增长6.2%，总量达到88.6亿元。", "88.6亿元", "社会消费品零售总额"],
    ["园区技术合同成交额同比增长12%，总额为9.5亿元。", "9.5亿元", "技术合同成交额"],
  ])("%s", (text, raw, metric) => {
    const { facts } = extractFacts(article(text, "2024-10-20", ["青岛经济技术开发区"]), gazetteer);
    expect(factFor(facts, raw).metric.endsWith(metric)).toBe(true);
  });

  it("keeps a measure word that follows its own metric", () => {
    const { facts } = extractFacts(article("园区人才总量达46.73万人。", "2024-10-20", ["青岛经济技术开发区"]), gazetteer);
    expect(factFor(facts, "46.73万人").metric.endsWith("人才总量")).toBe(true);
  });
});

describe("extractFacts: a colon ends a lead-in", () => {
  // Made-up statistics lines.
  it.each([
    ["今年以来，园区主要经济指标稳中有进：新培育专精特新企业13家。", "13家", "新培育专精特新企业"],
    ["其中，园区：新签约项目24个。", "24个", "新签约项目"],
    // A colon right before the number: the words before it are the metric, without the colon.
    ["实际使用外资：5.94亿美元。", "5.94亿美元", "实际使用外资"],
  ])("%s", (text, raw, metric) => {
    const { facts } = extractFacts(article(text, "2023-12-26", ["青岛经济技术开发区"]), gazetteer);
    expect(factFor(facts, raw).metric).toBe(metric);
  });
});

describe("extractFacts: a generic noun with its event verb after it is counted as the attributive name", () => {
  // Made-up review lines: 「N个项目开工建设」 says 「开工建设项目N个」.
  it.each([
    ["去年，新区经济运行平稳，17个项目开工建设，固定资产投资增长6%。", "17个", "开工建设项目"],
    ["全年推动9个项目竣工交付。", "9个", "竣工交付项目"],
    ["上半年，43家企业签约入驻。", "43家", "签约入驻企业"],
    // A noun that is no generic one keeps its words: 厂房 is not a thing that starts.
    ["新建标准厂房12万平方米，31个续建项目加快推进。", "31个", "续建项目"],
  ])("%s", (text, raw, metric) => {
    const { facts } = extractFacts(article(text, "2024-01-20", ["青岛经济技术开发区"]), gazetteer);
    expect(factFor(facts, raw).metric).toBe(metric);
  });
});

describe("extractFacts: a report's lead sets the part of the year for paragraphs naming none", () => {
  // Made-up progress report: the lead says 1—5月, a later paragraph names no time.
  const text = ["6月23日，记者从调度会上获悉，今年1—5月，新区主要经济指标延续回升向好态势。", "消费外贸平稳。社会消费品零售总额263.8亿元，同比增长5.3%。"].join("\n");
  it("files the later paragraph's figures under the lead's period", () => {
    const { facts } = extractFacts(article(text, "2026-06-24", ["青岛经济技术开发区"]), gazetteer);
    expect(factFor(facts, "263.8亿元").periodKey).toBe("M1-5");
  });
  it("a lead about the whole year sets none", () => {
    const whole = ["1月20日，园区召开工作会议，总结去年工作。", "消费外贸平稳。社会消费品零售总额263.8亿元。"].join("\n");
    const { facts } = extractFacts(article(whole, "2026-01-21", ["青岛经济技术开发区"]), gazetteer);
    expect(factFor(facts, "263.8亿元").periodKey).toBe("Y");
  });
});

describe("extractFacts: a figure said of many zones at once", () => {
  // Made-up ranking lines: 「排名前二的开发区分别…」 speaks of two zones, named in the paragraph before.
  const text = ["国家级开发区组中，滨江经济技术开发区位列第一，临湖经济技术开发区位列第二。", "从主要指标看，排名前二的开发区分别实现营业收入300亿元和200亿元。"].join("\n");
  it("is filed under no single zone", () => {
    const { facts } = extractFacts(article(text, "2026-03-18", ["滨江经济技术开发区"]), gazetteer);
    expect(factFor(facts, "300亿元").zone).toBeNull();
  });

  it("but 园区 after a word (力争园区企业…) is the zone's park, not many zones", () => {
    const own = "会议强调，今年滨江经济技术开发区要聚焦产业。全年力争园区企业营业收入增长12%以上。";
    const { facts } = extractFacts(article(own, "2026-03-04", ["滨江经济技术开发区"]), gazetteer);
    expect(factFor(facts, "12%").zone).toBe("滨江经济技术开发区");
  });
});

describe("extractFacts: a paragraph naming no year goes on with the one before", () => {
  // Made-up interview lines published in June: 去年 opens one answer, the next paragraph names no time.
  const text = ["6月12日，园区召开新闻发布会，介绍今年的重点工作。", "去年，园区主要指标稳中有进，完成规上工业总产值210亿元。", "产业上，新认定高新技术企业18家，新增专精特新企业6家。", "园区目前已建成标准厂房32万平方米。"].join("\n");
  it("carries the year into the next paragraph", () => {
    const { facts } = extractFacts(article(text, "2026-06-15", ["青岛经济技术开发区"]), gazetteer);
    expect(factFor(facts, "18家").year).toBe(2025);
  });
  it("only a year the paragraph sets as its topic, not one named in passing (上年同期)", () => {
    const passing = ["1—11月，园区固定资产投资增长4.1%，扭转了上年同期下降的局面。", "进出口总额达到213.6亿元，同比增长14.7%。"].join("\n");
    const { facts } = extractFacts(article(passing, "2025-12-18", ["青岛经济技术开发区"]), gazetteer);
    expect(factFor(facts, "213.6亿元").year).toBe(2025);
  });

  it("not a year a paragraph only closes on, comparing (去年前三季度…为…)", () => {
    // Made-up quarterly lines: this year's figures, then last year's to compare; the next paragraph is this year's.
    const closing = ["今年前三季度，园区实现营业收入86.5亿元，同比增长12.3%。", "分季度看，三季度营收31.2亿元。去年前三季度，园区营收77.0亿元。", "从行业看，电子信息营收28.6亿元，占比33.1%。"].join("\n");
    const { facts } = extractFacts(article(closing, "2026-10-20", ["青岛经济技术开发区"]), gazetteer);
    expect(factFor(facts, "77.0亿元").year).toBe(2025);
    expect(factFor(facts, "28.6亿元").year).toBe(2026);
  });

  it("no farther than one paragraph", () => {
    const { facts } = extractFacts(article(text, "2026-06-15", ["青岛经济技术开发区"]), gazetteer);
    expect(factFor(facts, "32万平方米").year).toBe(2026);
  });
});

describe("extractFacts: the year named in a piece from that year", () => {
  // Made-up lines: 「2025年，…引进…」 in the year's last month says what the year brought, whatever goals for the
  // next year the piece closes with.
  const text = ["2025年，园区引进过亿元项目21个，新增市场主体1800家。", "2026年，园区的主要预期目标是：力争引进过亿元项目25个，将新增市场主体2000家。"].join("\n");
  it("files it as a result in a piece from December", () => {
    const { facts } = extractFacts(article(text, "2025-12-20", ["青岛经济技术开发区"]), gazetteer);
    expect(factFor(facts, "21个").kind).toBe("actual");
    expect(factFor(facts, "1800家").kind).toBe("actual");
    expect(factFor(facts, "25个").kind).not.toBe("actual");
  });
});

describe("extractFacts: a verb of granting is no part of what is granted", () => {
  // Made-up notice lines: 给予 opens the award, the award is the measure.
  it.each([
    ["对新认定为国家级专精特新“小巨人”企业的，给予一次性奖励80万元。", "80万元", "一次性奖励"],
    ["对首次入规企业给予奖励15万元。", "15万元", "奖励"],
  ])("%s", (text, raw, metric) => {
    const { facts } = extractFacts(article(text, "2024-04-10", ["青岛经济技术开发区"]), gazetteer);
    expect(factFor(facts, raw).metric.endsWith(metric)).toBe(true);
    expect(factFor(facts, raw).metric).not.toContain("给予");
  });
});

describe("extractFacts: a chronicle (大事记) published early in a year", () => {
  // Made-up 大事记 lines: its events happened, in the year it chronicles.
  it.each([
    ["8月23日，影视设备博览会开幕，参展企业218家。", "218家"],
    ["4月26日，虚拟拍摄中心建成，影棚面积3600平方米。", "3600平方米"],
  ])("%s", (text, raw) => {
    const { facts } = extractFacts({ ...article(text, "2025-01-10", ["青岛经济技术开发区"]), title: "滨江新区大事记" }, gazetteer);
    expect(factFor(facts, raw)).toMatchObject({ year: 2024 });
    expect(factFor(facts, raw).kind).not.toBe("target");
  });
});

describe("extractFacts: a heading's zone holds for its section", () => {
  // A made-up roundup: each zone's section opens with a heading naming it, its figures in list items below.
  it("files every item under the zone its section heading names", () => {
    const text = [
      "一季度，两家新区主要指标保持增长。",
      "滨江新区：外贸增长较快",
      "外贸进出口总额215.4亿元，同比增长12.3%；",
      "新签约项目18个，总投资96亿元；",
      "湖东新区：科创和总部经济发力",
      "地区生产总值468.2亿元，同比增长6.4%；",
      "新增科技型中小企业520家；",
      "新签约重大项目14个，总投资321亿元。",
    ].join("\n");
    const { facts } = extractFacts(article(text, "2024-04-20", ["滨江新区", "湖东新区"]), gazetteer);
    expect(factFor(facts, "96亿元").zone).toBe("滨江新区");
    expect(factFor(facts, "520家").zone).toBe("湖东新区");
    expect(factFor(facts, "321亿元").zone).toBe("湖东新区");
  });
});

describe("extractFacts: the zone a location cue names is where the subject lies", () => {
  it("files a paragraph's figures under the subject, not the place after 位于", () => {
    const text = [
      "盛夏时节，位于青岛西海岸新区西部的凤栖岭旅游度假区游人如织。",
      "今年上半年，度假区累计接待游客126万人次，同比增长9.2%。",
    ].join("\n");
    const { facts } = extractFacts(article(text, "2024-08-06", ["凤栖岭旅游度假区"]), gazetteer);
    expect(factFor(facts, "126万人次").zone).toBe("凤栖岭旅游度假区");
  });
});

describe("a generic zone word opening a clause", () => {
  // Written for this test: a roundup whose home zone is named first, then a paragraph about another zone that
  // calls it by its type word alone.
  const text = [
    "北岭新区一季度完成规上工业总产值86.2亿元。",
    "南湾经济技术开发区一季度完成规上工业总产值52.4亿元，同比增长7.1%。开发区已集聚装备制造企业二百余家。",
  ].join("\n");
  const { facts } = extractFacts(article(text, "2026-04-20", ["北岭新区"]), gazetteer);

  it("refers to the zone of its type named last in its paragraph, not the article's home zone", () => {
    expect(factFor(facts, "二百余家").zone).toBe("南湾经济技术开发区");
    expect(factFor(facts, "86.2亿元").zone).toBe("北岭新区");
  });
});

describe("a list item's own number", () => {
  const { facts } = extractFacts(article("①规上工业总产值172.6亿元，同比增长11.3%。\n（二）新签约项目42个。", "2026-01-15", ["北岭新区"]), gazetteer);
  it("is no part of what the item measures", () => {
    expect(factFor(facts, "172.6亿元").metric).toBe("规上工业总产值");
    expect(factFor(facts, "42个").metric).toBe("新签约项目");
  });
});

describe("a city's own word in a piece about another city's zones", () => {
  // (The plan's title names the city's zones, so the sentence is no roundup of unnamed zones: only the city word tells.)
  const text = "　　从温州来看，开发区整合提升正在深入推进。按照2021年5月印发的《温州市开发区（园区）整合提升总体方案》，全市开发区（园区）总数将从128个整合为12个。";
  const { facts } = extractFacts(article(text, "2023-01-16", ["常州经济技术开发区"]), gazetteer);
  it("makes the figure the city's, no zone's", () => {
    expect(factFor(facts, "128个").zone).toBeNull();
  });
});

describe("extractFacts: a change from one figure to another", () => {
  // Written for this test: both figures measure what stands before 从/由, each in its own year.
  it.each([
    ["科技型企业由2021年的214家增加到去年的506家。", "科技型企业", ["214家", "506家"]],
    ["园区从业人员由1.8万人增至4.2万人。", "园区从业人员", ["1.8万人", "4.2万人"]],
    ["外贸进出口额从2020年的96.5亿元跃升到去年的188.2亿元。", "外贸进出口额", ["96.5亿元", "188.2亿元"]],
  ])("%s", (text, metric, raws) => {
    const { facts } = extractFacts(article(text, "2025-01-20", ["青岛高新技术产业开发区"]), gazetteer);
    const changed = facts.filter((fact) => raws.includes(fact.raw));
    expect(changed.map((fact) => fact.raw)).toEqual(raws);
    expect(changed.every((fact) => fact.metric.endsWith(metric))).toBe(true);
  });
});

describe("extractFacts: a goal named as the reported year's own", () => {
  // Written for this test: a completion report published in January on the year before, as table rows.
  const report = ["主要项目完成情况见下表。", "年度目标 新建社区食堂 30个。", "新建社区食堂 完成情况 34个。"].join("\n");
  it("年度目标 in a report titled with its year is that year's goal, beside that year's result", () => {
    const doc = { ...article(report, "2026-01-20", ["青岛高新技术产业开发区"]), title: "关于2025年度民生项目完成情况的通报" };
    const { facts } = extractFacts(doc, gazetteer);
    expect(factFor(facts, "30个")).toMatchObject({ year: 2025, kind: "target" });
    expect(factFor(facts, "34个").year).toBe(2025);
  });
});

describe("extractFacts: a count running into the next figure's measure", () => {
  // Written for this test: 「N个项目总投资M亿元」 counts projects; 总投资 is the next figure's.
  it.each([
    ["园区二季度集中开工：23个项目总投资96.4亿元", "23个", "96.4亿元"],
    ["活动现场签约12家企业协议投资41亿元。", "12家", "41亿元"],
  ])("%s", (text, count, amount) => {
    const { facts } = extractFacts(article(text, "2025-06-20", ["青岛高新技术产业开发区"]), gazetteer);
    expect(factFor(facts, count).metric).not.toMatch(/投资/u);
    expect(factFor(facts, amount).metric).toMatch(/投资/u);
  });
});

describe("extractFacts: names and figures paired by 分别", () => {
  // Written for this test: the i-th figure after 分别 is the i-th name's; a measure ending the last name is all of theirs.
  it.each([
    ["其中甲芯、乙光电、丙半导体分别增长8.1%、23.4%和61.0%。", [["8.1%", "甲芯增长"], ["23.4%", "乙光电增长"], ["61.0%", "丙半导体增长"]]],
    ["一产、二产、三产增加值分别为3.2亿元、88.6亿元和120.4亿元。", [["3.2亿元", "一产增加值"], ["88.6亿元", "二产增加值"], ["120.4亿元", "三产增加值"]]],
    ["纺织服装、机电产品、农产品出口分别为21.5亿元、9.8亿元和4.4亿元。", [["21.5亿元", "纺织服装出口"], ["9.8亿元", "机电产品出口"], ["4.4亿元", "农产品出口"]]],
  ])("%s", (text, pairs) => {
    const { facts } = extractFacts(article(text, "2025-06-20", ["青岛高新技术产业开发区"]), gazetteer);
    for (const [raw, metric] of pairs) expect(factFor(facts, raw!).metric).toBe(metric);
  });
});

describe("extractFacts: an amount in brackets after a name", () => {
  // Written for this test: a project's investment said in brackets after it, in a list.
  it("is the project's investment", () => {
    const { facts } = extractFacts(article("此外，远洋渔业母港项目（21.5亿元）、海湾文旅街区项目（14.6亿元）投资额也都超过10亿元。", "2026-03-05", ["青岛高新技术产业开发区"]), gazetteer);
    expect(factFor(facts, "21.5亿元")).toMatchObject({ metric: "总投资", subject: "远洋渔业母港项目", kind: "investment" });
    expect(factFor(facts, "14.6亿元")).toMatchObject({ metric: "总投资", subject: "海湾文旅街区项目", kind: "investment" });
  });
});

describe("extractFacts: one month's figure after the running total", () => {
  // Written for this test: 当月 + a verb measures what the clause before did, in that month alone.
  it("borrows the measure and keeps the month as its period", () => {
    const { facts } = extractFacts(article("1—10月，园区完成外贸进出口总额86.4亿元，同比增长7.7%；其中10月当月完成9.8亿元，同比增长12.1%。", "2025-11-20", ["青岛高新技术产业开发区"]), gazetteer);
    expect(factFor(facts, "9.8亿元")).toMatchObject({ metric: factFor(facts, "86.4亿元").metric, periodKey: "M10-10" });
    expect(factFor(facts, "9.8亿元").metric).toMatch(/外贸进出口总额$/u);
    expect(factFor(facts, "86.4亿元").periodKey).toBe("M1-10");
  });
});

describe("extractFacts: a time word before a zone opening its clause", () => {
  // Made-up lines: 「今年中德生态园计划…」 has the park as its subject, as 「中德生态园今年计划…」 would.
  const text = ["4月10日，西海岸新区组织一季度重点项目观摩。", "此次观摩的4个项目总投资31.2亿元。据介绍，今年中德生态园计划实施重点项目30个，年度计划投资52亿元；一季度完成投资12.1亿元。"].join("\n");
  it("leaves the zone the clause's subject", () => {
    const { facts } = extractFacts(article(text, "2026-04-11", ["青岛西海岸新区"]), gazetteer);
    expect(factFor(facts, "52亿元").zone).toBe(factFor(facts, "30个").zone);
    expect(factFor(facts, "52亿元").zone).not.toBe("青岛西海岸新区");
  });

  it("but a type word after a time word (2026年自贸片区将…) names no zone by its place in the clause", () => {
    // Made-up lines from a piece about another city's 临港新片区: 自贸片区 is its own type word, not Qingdao's 片区.
    const other = ["1月13日，中国（上海）自由贸易试验区临港新片区召开工作会议。", "会议明确，2026年自贸片区将深化改革开放，确保工业投资增速不低于11%。"].join("\n");
    const { facts } = extractFacts(article(other, "2026-01-14", []), gazetteer);
    expect(factFor(facts, "11%").zone).not.toBe("青岛自贸片区");
  });
});
