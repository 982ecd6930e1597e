import { describe, expect, it } from "vitest";
import { canonicalMetric, echoedMeasure, measuresOther, metricFit, metricSynonyms, saysOtherMeasure } from "../../src/facts/index.js";

describe("canonicalMetric", () => {
  it("maps phrasings of one metric to one key", () => {
    expect(canonicalMetric("外贸进出口总额增长")).toBe(canonicalMetric("进出口总额增长"));
    expect(canonicalMetric("GDP")).toBe(canonicalMetric("地区生产总值"));
    expect(canonicalMetric("高企")).toBe(canonicalMetric("国家高新技术企业"));
    expect(canonicalMetric("新签约入驻企业")).toBe(canonicalMetric("落户企业"));
    expect(canonicalMetric("超亿元项目")).toBe(canonicalMetric("亿元以上项目"));
  });

  it("keeps different metrics apart", () => {
    expect(canonicalMetric("过亿元项目")).not.toBe(canonicalMetric("过百亿元项目"));
    expect(canonicalMetric("人才总量")).not.toBe(canonicalMetric("进出口总额"));
  });

  it("ignores quotes and spaces", () => {
    expect(canonicalMetric("“外贸进出口” 总额")).toBe(canonicalMetric("外贸进出口总额"));
  });

  it("lists synonyms for query expansion", () => {
    expect(metricSynonyms("高企数量")).toEqual(expect.arrayContaining(["高企数量", "高新技术企业", "国家高新技术企业"]));
  });

  it("expands a question's words whatever their case (questions arrive lower-cased: gdp)", () => {
    expect(metricSynonyms("gdp")).toEqual(expect.arrayContaining(["地区生产总值"]));
    expect(metricSynonyms("gdp增速")).toEqual(expect.arrayContaining(["生产总值"]));
  });
});

describe("a question's shorthand for a metric (askedShorthands)", () => {
  it("stands for the metric when it ends the asked words", () => {
    expect(metricFit("外贸", "货物进出口总额")).toBeGreaterThan(0.7);
    expect(metricFit("外贸增速", "外贸进出口同比增长")).toBeGreaterThan(0.7);
  });

  it("is a modifier when a noun follows it, in a question or in a figure's wording", () => {
    expect(metricFit("外贸企业", "外贸企业")).toBe(1);
    expect(metricFit("外贸企业", "进出口总额")).toBeLessThan(0.5);
    expect(metricFit("外贸", "新开通外贸航线")).toBe(0);
  });
});

describe("metricFit", () => {
  it("meets different wordings of one metric", () => {
    expect(metricFit("新登记市场主体", "新设立市场主体")).toBe(1);
    expect(metricFit("外资到账额", "实际利用外资")).toBe(1);
    expect(metricFit("招商引资到位资金", "引进市外内资")).toBe(1);
    expect(metricFit("区级税收收入", "税收总额")).toBe(1);
    expect(metricFit("经济总量", "地区生产总值")).toBe(1);
    expect(metricFit("城镇居民收入", "城镇居民人均可支配收入")).toBe(1);
    expect(metricFit("新增就业", "城镇新增就业")).toBe(1);
    expect(metricFit("实际到位内资", "实际利用内资")).toBe(1);
    expect(metricFit("省级以上创新平台", "省级以上研发平台")).toBe(1);
    expect(metricFit("规上产值", "规模以上工业总产值")).toBe(1);
  });

  it("lets a few words sit inside a known name, but not turn it into another metric", () => {
    expect(metricFit("新签约过亿元项目", "新签约注册过亿元重点产业项目")).toBeGreaterThanOrEqual(0.6);
    expect(metricFit("过亿元项目", "过百亿元项目")).toBe(0);
  });

  it.each([
    // What a phrase measures is its last name (Chinese noun phrases are head-final).
    ["新签约项目", "签约项目总投资", false],
    ["新签约项目", "签约项目总投资可", false],
    ["过亿元项目", "过亿元项目总投资", false],
    ["高新技术企业", "高新技术企业营业收入", false],
    ["总投资", "新签约项目总投资", true],
    ["实际使用外资", "实际使用外资同比增长", true],
    // A phrase that ends in words of no name measures those (占…比重 is a share).
    ["研发投入", "研发投入占地区生产总值比重", true],
  ] as const)("head-final: %s ← %s fits: %s", (asked, fact, fits) => {
    expect(metricFit(asked, fact) >= 0.6).toBe(fits);
  });

  it("never meets a different metric, however similar the characters", () => {
    expect(metricFit("公共财政预算收入", "税收收入")).toBe(0);
    expect(metricFit("跨境电商交易额", "外贸进出口总额")).toBe(0);
    expect(metricFit("海洋生产总值", "地区生产总值")).toBe(0);
    expect(metricFit("合同利用外资", "实际利用外资")).toBe(0);
    // A budget's spending is no revenue, though 一般公共预算 alone usually means revenue.
    expect(metricFit("一般公共预算收入预算安排", "一般公共预算支出预算安排")).toBe(0);
    expect(metricFit("一般公共预算", "地方一般公共预算支出")).toBe(0);
    expect(metricFit("一般公共预算", "一般公共预算收入")).toBe(1);
  });

  it("falls back on characters for a metric no group knows", () => {
    expect(metricFit("专利质押融资额", "专利质押融资额")).toBe(1);
    expect(metricFit("专利质押融资额", "人才公寓套数")).toBe(0);
  });
});

describe("measuresOther: a phrase measures the name it ends with", () => {
  it.each([
    ["重点项目年度计划投资", "达产后可实现年产值", true],
    ["新签约项目", "新签约项目总投资", true],
    ["总投资", "新签约项目总投资", false],
    ["地区生产总值", "第三产业增加值占地区生产总值比重", false],
    ["开工项目", "集中开工项目", false],
    ["集中开工重点项目", "重点项目", false],
    ["营利性服务业收入增长", "营利性服务业营业收入增长", false],
  ] as const)("%s ← %s → %s", (asked, metric, other) => {
    expect(measuresOther(asked, metric)).toBe(other);
  });
});

describe("metricSynonyms: verbs of one action", () => {
  it.each([
    ["引进", "新集聚"],
    ["新建", "建成"],
    ["认定", "新增"],
  ])("a question's %s is met by %s", (verb, other) => {
    expect(metricSynonyms(verb)).toContain(other);
  });

  it("leaves the metric names alone: a verb inside a name is no group of its own", () => {
    expect(metricSynonyms("引进高层次人才")).not.toContain("新集聚");
  });
});

describe("restrictions of a measure", () => {
  it.each([
    // Asked with a restriction, a figure without it is another measure — and the reverse.
    ["琅琊台上半年接待了多少入境游客", "接待游客286.4万人次", true],
    // (Not the reverse: 人均可支配收入 is commonly asked of the 城镇居民 figure.)
    ["人均可支配收入是多少", "城镇居民人均可支配收入51955元", false],
    ["规上工业增加值两年平均增速多少", "规模以上工业增加值同比增长9.4%", true],
    ["上半年接待游客多少", "接待游客286.4万人次", false],
  ])("%s / %s → other measure %s", (question, figure, other) => {
    expect(saysOtherMeasure(question, figure)).toBe(other);
  });

  it("restricts nothing inside a name the question asks about", () => {
    expect(saysOtherMeasure("松岭跨境电商产业园总投资多少", "计划总投资32.6亿元")).toBe(true);
    expect(saysOtherMeasure("松岭跨境电商产业园总投资多少", "计划总投资32.6亿元", ["松岭跨境电商产业园"])).toBe(false);
  });

  it.each([
    ["城镇居民人均可支配收入", "农村的呢", "农村居民人均可支配收入"],
    ["入境游客", "出境的呢", "出境游客"],
    ["城镇居民人均可支配收入", "全年的呢", undefined],
  ])("%s then %s → %s", (previous, echo, measure) => {
    expect(echoedMeasure(previous, echo)).toBe(measure);
  });
});
