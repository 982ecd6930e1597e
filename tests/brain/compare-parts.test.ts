import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comparativeWord } from "../../src/brain/understand.js";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// A made-up report on three zones of one city, each with an amount and its growth.
const report = `---
title: 梅岭市三家开发区前三季度成绩单
date: 2023-10-29
---
桐柏经济开发区前三季度完成规上工业总产值386.5亿元，同比增长9.7%；
柳溪经济开发区前三季度完成规上工业总产值212.3亿元，同比增长12.4%；
梅岭经济技术开发区前三季度完成规上工业总产值455.8亿元，同比增长8.1%。
石门经济开发区前三季度完成规上工业总产值198.7亿元。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "report.md": report }));
});
afterAll(() => close());

describe("two comparisons asked at once", () => {
  it("answers each on its own measure; a part asking only a rate asks it of the measure before", async () => {
    const answer = await engine.ask("桐柏、柳溪、梅岭三家开发区2023年前三季度，谁规上工业总产值最高？谁增速最快？");
    expect(answer.found).toBe(true);
    const [first, second] = answer.answer.split("\n");
    expect(first!.startsWith("梅岭经济技术开发区最高")).toBe(true);
    expect(second!.startsWith("柳溪经济开发区最快")).toBe(true);
  });
});

describe("zones named as sides", () => {
  it("are each needed: two of three ranked would crown one the asker did not weigh", async () => {
    const answer = await engine.ask("桐柏、柳溪、石门三家开发区前三季度谁的规上工业总产值增速最快？");
    expect(answer.answer.startsWith("柳溪经济开发区最快")).toBe(false);
  });
});

describe("comparativeWord", () => {
  it.each([
    ["谁的增速最快？", "最快"],
    ["哪个更多？", "更多"],
    ["谁的增速高？", "更高"],
    ["A和B哪个大？", "更大"],
  ])("%s → %s", (question, word) => {
    expect(comparativeWord(question)).toBe(word);
  });
});
