import { describe, expect, it } from "vitest";
import { findKinds, kindCueWords, readKind, readsAsResult } from "../../src/reading/index.js";

describe("findKinds (articles)", () => {
  // [sentence, cues as kind:strength:word]
  const rows: [string, string[]][] = [
    ["力争新签约项目30个", ["target:strong:力争", "actual:event:签约"]],
    ["目标是引进企业50家", ["target:strong:目标", "actual:event:引进"]],
    ["计划投资20亿元", ["target:strong:计划"]],
    ["预计全年营收增长8%", ["target:strong:预计", "actual:event:增长"]],
    ["拟新建厂房5万平方米", ["target:strong:拟"]],
    ["确保年内开工", ["target:strong:确保", "target:strong:年内", "actual:event:开工"]],
    ["园区将新增企业20家", ["target:strong:将", "actual:event:新增"]],
    ["已完成投资5亿元", ["actual:strong:已", "actual:verb:完成"]],
    ["已经建成投产", ["actual:strong:已经", "actual:event:建成", "actual:event:投产"]],
    ["同比增长12%", ["actual:strong:同比", "actual:event:增长"]],
    ["外贸进出口总额增长20%", ["actual:event:增长"]],
    ["累计引进项目40个", ["actual:verb:累计", "actual:event:引进"]],
    ["实现营收10亿元", ["actual:verb:实现"]],
    // What a project is to do once built is a projection, whatever event its sentence reports.
    // An announcement before a comma or colon introduces what is to be done; a strong result word later still reads.
    ["工委会议提出，今年新增市场主体3000家", ["target:strong:提出，", "actual:event:新增"]],
    ["《实施方案》明确：到2027年建成孵化器12家", ["target:strong:明确：", "actual:event:建成"]],
    ["明确了责任分工", []],
    ["同步开工，全部达产后年产值可达84.4亿元", ["actual:event:开工", "target:strong:达产后", "target:strong:可达"]],
    ["项目建成后新增月产能3万片", ["target:strong:建成后", "actual:event:新增"]],
    // An event held (举行) or dated by the report (近日, 昨天) has happened.
    ["近日，园区秋季重点项目集中开工活动举行，集中开工项目24个", ["actual:strong:近日", "actual:event:开工", "actual:strong:举行", "actual:event:开工"]],
    ["昨天，园区签约项目5个", ["actual:strong:昨天", "actual:event:签约"]],
    // Longer words that hold a cue are no cue.
    ["重要节点", []],
    ["奋力争先进位", []],
    ["完成年度目标的82.1%", ["actual:verb:完成"]],
    ["完成全年目标的多少", ["actual:verb:完成", "target:strong:目标"]],
    ["统计数据显示，今年园区新增企业12家", ["actual:strong:数据显示", "actual:event:新增"]],
    ["主要指标", []],
    ["按计划推进", []],
    ["比上年提高10%", []],
    ["将军路片区", []],
    ["虚拟拍摄中心建成", ["actual:event:建成"]],
    ["园区拟新建模拟仿真中心", ["target:strong:拟"]],
    // How the indicators went reports results.
    ["主要经济指标稳中有进：到位内资54.2亿元", ["actual:strong:稳中有进"]],
  ];

  it.each(rows)("%s → %o", (text, cues) => {
    expect(findKinds(text).map((s) => `${s.kind}:${s.strength}:${s.evidence}`)).toEqual(cues);
  });

  it("gives offsets of each cue", () => {
    const text = "园区力争完成投资";
    expect(findKinds(text).map((s) => text.slice(s.start, s.end))).toEqual(["力争", "完成"]);
  });
});

describe("readKind (questions)", () => {
  it.each([
    ["青岛开发区2022年计划新签约过亿元项目多少个？", "target"],
    ["蓝谷今年的目标是引进多少个项目？", "target"],
    ["高新区全年任务是多少？", "target"],
    ["蓝谷2023年实际完成投资多少？", "actual"],
    ["蓝谷2023年经济总量最终有多少？", "actual"],
    ["蓝谷2023年实绩是多少？", "actual"],
    ["一季度完成了多少？", "actual"],
    ["外贸同比增长多少？", "actual"],
    ["外贸增长了多少？", "actual"],
    ["外贸进出口总额增长目标是多少？", "target"],
    ["外贸进出口总额增长多少？", undefined],
    ["已经开工多少个项目？", "actual"],
    ["集中开工了多少个项目？", undefined],
    // 能实现 / 可达到: what is possible, asked of a plan's projection.
    ["项目达产后能实现多少年产值？", undefined],
    // 「了多少」 cancels the question-only 任务: these tasks are counted, not set.
    ["规划确定的重点任务落地了多少项？", undefined],
    ["全年任务是多少项？", "target"],
    ["全年任务完成得怎么样？", "actual"],
    ["新签约项目多少个？", undefined],
    ["主要有哪些项目？", undefined],
  ] as const)("%s → %s", (question, kind) => {
    expect(readKind(question)).toBe(kind);
  });
});

describe("readsAsResult", () => {
  it("needs a result cue and no goal word", () => {
    expect(readsAsResult("全年实现地区生产总值1000亿元")).toBe(true);
    expect(readsAsResult("全年力争实现地区生产总值增长6%")).toBe(false);
    expect(readsAsResult("园区地区生产总值1000亿元")).toBe(false);
  });
});

describe("kindCueWords", () => {
  it("lists a question reader's words longest first, without event verbs", () => {
    const { target, actual } = kindCueWords("question");
    expect(target).toContain("任务");
    expect(actual).toContain("实际");
    expect(actual).not.toContain("签约");
    expect(actual.indexOf("已经")).toBeLessThan(actual.indexOf("已"));
    expect(kindCueWords("article").actual).toContain("签约");
  });
});
