/**
 * The ~30 metrics of the synthetic archive, each written several ways. `phrases[0]` is the
 * canonical name (used in answers). Phrases of one metric may contain another metric's phrase
 * (跨境电商进出口额 ⊃ 进出口额) — those look-alikes are deliberate.
 *
 * measure:
 *  - amount: a money/volume flow with a unit (亿元, 亿美元, 万吨 …), usually with 同比增长;
 *  - count:  a number of things (个, 家, 户, 人 …);
 *  - growth: only a growth rate is ever printed (规上工业增加值增长7.2%);
 *  - share:  a percentage level (占比52.3%).
 * base: value per unit of zone scale for a full year around 2018 (growth-only metrics: unused).
 * tags: a zone reports this metric only if it has one of these tags (none = every zone may).
 * periods: periods an actual may be reported for ("M" = 1至N月 cumulative months).
 */

export type Measure = "amount" | "count" | "growth" | "share";
export type PeriodFamily = "year" | "Q1" | "H1" | "Q1-3" | "M";

export interface MetricDef {
  id: string;
  phrases: string[];
  measure: Measure;
  unit: string;
  base: number;
  growth: [number, number];
  periods: PeriodFamily[];
  /** Actuals print 同比增长 next to the value (amounts, some counts). */
  withGrowth: boolean;
  tags?: string[];
  /** Short label for titles. */
  short: string;
}

const ALL: PeriodFamily[] = ["year", "Q1", "H1", "Q1-3", "M"];
const QUARTERLY: PeriodFamily[] = ["year", "Q1", "H1", "Q1-3"];

export const METRICS: MetricDef[] = [
  { id: "trade", phrases: ["外贸进出口总额", "进出口额", "外贸进出口", "进出口总额", "货物进出口总额"], measure: "amount", unit: "亿元", base: 70, growth: [-0.02, 0.16], periods: ALL, withGrowth: true, short: "外贸进出口", tags: ["trade", "industry", "bonded", "district", "port", "logistics"] },
  { id: "fdi", phrases: ["实际利用外资", "实际使用外资", "到账外资", "外资到账额"], measure: "amount", unit: "亿美元", base: 0.9, growth: [-0.05, 0.2], periods: ALL, withGrowth: true, short: "实际利用外资" },
  { id: "contract_fdi", phrases: ["合同外资", "合同利用外资", "新批合同外资"], measure: "amount", unit: "亿美元", base: 1.6, growth: [-0.05, 0.2], periods: QUARTERLY, withGrowth: true, short: "合同外资" },
  { id: "gdp", phrases: ["地区生产总值", "GDP", "生产总值"], measure: "amount", unit: "亿元", base: 160, growth: [0.03, 0.1], periods: QUARTERLY, withGrowth: true, short: "地区生产总值" },
  { id: "ind_output", phrases: ["规上工业总产值", "规模以上工业总产值", "规上工业产值", "工业总产值"], measure: "amount", unit: "亿元", base: 130, growth: [-0.02, 0.14], periods: ALL, withGrowth: true, short: "规上工业产值", tags: ["industry", "district"] },
  { id: "ind_va", phrases: ["规上工业增加值", "规模以上工业增加值", "工业增加值"], measure: "growth", unit: "%", base: 100, growth: [-0.01, 0.12], periods: ALL, withGrowth: true, short: "工业增加值", tags: ["industry", "district"] },
  { id: "fai", phrases: ["固定资产投资", "固投", "全社会固定资产投资"], measure: "amount", unit: "亿元", base: 80, growth: [-0.04, 0.15], periods: ALL, withGrowth: true, short: "固定资产投资" },
  { id: "ind_inv", phrases: ["工业投资", "工业领域投资", "工业项目投资"], measure: "growth", unit: "%", base: 100, growth: [-0.05, 0.2], periods: QUARTERLY, withGrowth: true, short: "工业投资", tags: ["industry", "district"] },
  { id: "revenue", phrases: ["一般公共预算收入", "地方一般公共预算收入", "一般预算收入", "公共财政预算收入"], measure: "amount", unit: "亿元", base: 13, growth: [-0.03, 0.1], periods: ALL, withGrowth: true, short: "一般公共预算收入" },
  { id: "tax", phrases: ["税收收入", "税收总额", "区级税收收入"], measure: "amount", unit: "亿元", base: 16, growth: [-0.03, 0.1], periods: QUARTERLY, withGrowth: true, short: "税收收入" },
  { id: "retail", phrases: ["社会消费品零售总额", "社零额", "社会消费品零售额", "社零总额"], measure: "amount", unit: "亿元", base: 55, growth: [0.0, 0.1], periods: ALL, withGrowth: true, short: "社零额", tags: ["district", "tourism", "trade", "finance"] },
  { id: "domestic", phrases: ["实际到位内资", "招商引资到位资金", "到位市外内资", "引进市外内资"], measure: "amount", unit: "亿元", base: 28, growth: [-0.02, 0.15], periods: QUARTERLY, withGrowth: true, short: "到位内资" },
  { id: "big_signed", phrases: ["新签约过亿元项目", "过亿元项目签约", "签约亿元以上项目", "新签约亿元以上项目"], measure: "count", unit: "个", base: 11, growth: [0.0, 0.12], periods: ALL, withGrowth: false, short: "过亿元项目" },
  { id: "started", phrases: ["新开工项目", "新开工建设项目", "开工重点项目"], measure: "count", unit: "个", base: 18, growth: [0.0, 0.1], periods: QUARTERLY, withGrowth: false, short: "新开工项目" },
  { id: "completed", phrases: ["竣工投产项目", "建成投产项目", "竣工项目"], measure: "count", unit: "个", base: 10, growth: [0.0, 0.1], periods: QUARTERLY, withGrowth: false, short: "竣工投产项目" },
  { id: "entities", phrases: ["新增市场主体", "新登记市场主体", "新设立市场主体"], measure: "count", unit: "户", base: 2600, growth: [0.0, 0.12], periods: ALL, withGrowth: true, short: "新增市场主体" },
  { id: "hitech", phrases: ["新认定高新技术企业", "新增高新技术企业", "高新技术企业新认定"], measure: "count", unit: "家", base: 38, growth: [0.02, 0.18], periods: ["year", "H1"], withGrowth: false, short: "高新技术企业", tags: ["tech", "industry", "district"] },
  { id: "srdi", phrases: ["新增专精特新企业", "新培育专精特新中小企业", "专精特新企业新增"], measure: "count", unit: "家", base: 14, growth: [0.02, 0.2], periods: ["year", "H1", "Q1-3"], withGrowth: false, short: "专精特新企业", tags: ["tech", "industry", "district"] },
  { id: "talent", phrases: ["新引进人才", "引进各类人才", "新集聚人才"], measure: "count", unit: "人", base: 2300, growth: [0.0, 0.15], periods: ["year", "H1", "Q1-3"], withGrowth: true, short: "引进人才" },
  { id: "patents", phrases: ["发明专利授权量", "发明专利授权", "授权发明专利"], measure: "count", unit: "件", base: 280, growth: [0.02, 0.2], periods: QUARTERLY, withGrowth: true, short: "发明专利授权", tags: ["tech", "industry", "district"] },
  { id: "port", phrases: ["港口货物吞吐量", "货物吞吐量", "港口吞吐量"], measure: "amount", unit: "万吨", base: 4200, growth: [0.0, 0.08], periods: ALL, withGrowth: true, short: "货物吞吐量", tags: ["port"] },
  { id: "container", phrases: ["集装箱吞吐量", "集装箱量", "集装箱作业量"], measure: "amount", unit: "万标准箱", base: 180, growth: [0.0, 0.09], periods: ALL, withGrowth: true, short: "集装箱吞吐量", tags: ["port"] },
  { id: "tourists", phrases: ["接待游客", "游客接待量", "接待国内外游客"], measure: "amount", unit: "万人次", base: 260, growth: [-0.1, 0.2], periods: QUARTERLY, withGrowth: true, short: "接待游客", tags: ["tourism"] },
  { id: "tourism_rev", phrases: ["旅游总收入", "旅游收入", "旅游消费总额"], measure: "amount", unit: "亿元", base: 32, growth: [-0.1, 0.2], periods: QUARTERLY, withGrowth: true, short: "旅游收入", tags: ["tourism"] },
  { id: "crossborder", phrases: ["跨境电商交易额", "跨境电商进出口额", "跨境电商业务额"], measure: "amount", unit: "亿元", base: 9, growth: [0.05, 0.35], periods: ALL, withGrowth: true, short: "跨境电商", tags: ["bonded", "trade", "logistics"] },
  { id: "rail", phrases: ["开行中欧班列", "中欧班列开行", "开行中欧（亚）班列"], measure: "count", unit: "列", base: 150, growth: [0.05, 0.3], periods: ALL, withGrowth: true, short: "中欧班列", tags: ["logistics"] },
  { id: "service_rev", phrases: ["规上服务业营业收入", "规模以上服务业营业收入", "服务业营业收入"], measure: "amount", unit: "亿元", base: 42, growth: [0.0, 0.14], periods: QUARTERLY, withGrowth: true, short: "服务业营收" },
  { id: "rnd", phrases: ["研发经费投入", "R&D经费投入", "研发投入"], measure: "amount", unit: "亿元", base: 6, growth: [0.03, 0.18], periods: ["year"], withGrowth: true, short: "研发投入", tags: ["tech", "industry", "district"] },
  { id: "settled", phrases: ["新签约入驻企业", "新入驻企业", "签约落户企业"], measure: "count", unit: "家", base: 55, growth: [0.0, 0.12], periods: QUARTERLY, withGrowth: false, short: "入驻企业" },
  { id: "finance_inst", phrases: ["新引进金融机构", "新增金融机构", "新落户金融机构"], measure: "count", unit: "家", base: 7, growth: [0.0, 0.15], periods: ["year", "H1"], withGrowth: false, short: "金融机构", tags: ["finance", "district"] },
  { id: "hitech_share", phrases: ["高新技术产业产值占比", "高新技术产业产值占规上工业总产值比重", "高新技术产业产值比重"], measure: "share", unit: "%", base: 45, growth: [0.005, 0.02], periods: ["year", "H1"], withGrowth: false, short: "高新技术产业占比", tags: ["tech", "industry", "district"] },
];

/** Synthetic metrics that are not zone statistics but still land in the ledger. */
export const BATCH_METRIC = { id: "batch_start", phrases: ["集中开工"] } as const;
export const PROJECT_METRIC = { id: "project_investment", phrases: ["总投资"] } as const;
