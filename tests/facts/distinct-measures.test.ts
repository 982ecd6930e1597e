import { describe, expect, it } from "vitest";
import { saysOtherMeasure } from "../../src/facts/index.js";

describe("saysOtherMeasure: look-alike measures in other words", () => {
  it.each([
    // A year's planned spending is not the projects' whole cost, nor the reverse.
    ["22个项目年度计划投资合计多少？", "计划总投资197亿元", true],
    ["重点项目总投资多少？", "全年重点项目计划完成投资200亿元", true],
    // Exports are half of trade: 出口 inside 进出口 is not said.
    ["栖霞区去年出口完成了多少", "外贸进出口总额202.5亿元", true],
    ["栖霞区去年进出口总额多少", "出口总额118.4亿元", true],
    ["栖霞区去年出口多少", "外贸进出口总额202.5亿元，其中出口118.4亿元", false],
    // The same measure, or words that say neither.
    ["重点项目总投资多少？", "集中开工重点项目11个，总投资38.5亿元", false],
    ["年度计划投资多少？", "重点项目年度计划投资220亿元", false],
    ["固定资产投资多少？", "完成固定资产投资181亿元", false],
    // A title's level: a 国家级 one is not a 省级 or 市级 one; a figure that names the asked level among others answers.
    ["园区国家级专精特新企业有几家", "新培育省级专精特新中小企业20家以上", true],
    ["省级孵化器有几家", "市级以上科技企业孵化器16家", true],
    ["省级孵化器有几家", "国家级孵化器3家、省级孵化器9家", false],
    ["孵化器有几家", "省级孵化器9家", false],
    // A figure after 相当于 illustrates another: it answers only a question that says 相当于.
    ["园区去年碳排放总量是多少", "全年光伏发电量6120万千瓦时，相当于减少二氧化碳排放约3.5万吨", true],
    ["光伏发电相当于减少多少碳排放", "相当于减少二氧化碳排放约3.5万吨", false],
  ])("%s ← 「%s」 → %s", (question, words, other) => {
    expect(saysOtherMeasure(question, words)).toBe(other);
  });
});
