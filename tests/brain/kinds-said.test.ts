import { describe, expect, it } from "vitest";
import { kindsSaid } from "../../src/brain/scoring.js";

// Made-up clauses before a figure: which kind they say.
describe("kindsSaid", () => {
  it.each([
    ["园区力争重点项目完成投资达到", ["target"]],
    ["计划经济总量完成", ["target"]],
    ["全年完成固定资产投资", ["actual"]],
    ["园区已完成投资", ["actual"]],
    ["同比增长", ["actual"]],
    ["去年完成投资，今年力争达到", ["actual", "target"]],
    ["园区重点项目投资", []],
  ])("%s → %j", (text, kinds) => {
    expect([...kindsSaid(text)].sort()).toEqual([...kinds].sort());
  });
});
