import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SentenceBank } from "../../src/brain/sentences.js";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// A statistics release published months after the year it reports; its sentences name no year.
const release = `---
title: 合肥高新区2022年主要数据发布
date: 2023-05-12
zone: 合肥高新区
---
合肥高新区近日发布主要统计数据。
- 集成电路产业营业收入860亿元，同比增长15.2%；
- 新增国家级专精特新小巨人企业18家。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "release.md": release }));
});
afterAll(() => close());

describe("a sentence that names no year speaks of the year its article reports", () => {
  it("answers for the year the title names", async () => {
    const answer = await engine.ask("合肥高新区2022年集成电路产业营业收入多少？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("860亿元");
  });

  it("does not answer for the publication year", async () => {
    const answer = await engine.ask("合肥高新区2023年集成电路产业营业收入多少？");
    expect(answer.found).toBe(false);
  });
});

describe("SentenceBank years", () => {
  const article = (title: string, date: string, text: string) => ({ id: "a#0", source: "a.md", part: 0, title, date, dateEvidence: null, zones: ["合肥高新区"], text, contentHash: "x" });
  const yearsOf = (title: string, date: string, text: string) =>
    new SentenceBank(new Map([["a#0", article(title, date, text)]]), Gazetteer.load()).ofArticle("a#0").map((s) => s.years);

  it.each([
    // The title's one year dates sentences that name none.
    ["合肥高新区2022年主要数据发布", "2023-05-12", "集成电路产业营业收入860亿元。", [2022]],
    // A plan's title does not date the results beside it, nor a results title the next year's goals.
    ["合肥高新区2024年经济工作怎么干", "2023-12-20", "1至11月已完成固定资产投资120亿元。", [2023]],
    ["合肥高新区交出2023年成绩单", "2024-01-20", "下一步，力争新增高新技术企业50家。", [2024]],
    // No year in the title: a look-back published early in the year reports the year before.
    ["合肥高新区这一年：回顾", "2024-01-20", "新增高新技术企业50家。", [2023]],
    ["合肥高新区一季度运行平稳", "2024-04-20", "新增高新技术企业50家。", [2024]],
    // A year the sentence names wins.
    ["合肥高新区2022年主要数据发布", "2023-05-12", "2021年集成电路产业营业收入750亿元。", [2021]],
  ])("%s (%s): 「%s」 → %j", (title, date, text, years) => {
    expect(yearsOf(title, date, text)[0]).toEqual(years);
  });

  it("reads a look-back said only in the lead (a headline title), as facts do", () => {
    const text = "过去一年，合肥高新区新增高新技术企业50家。\n集成电路产业营业收入860亿元。";
    expect(yearsOf("合肥高新区稳中求进", "2024-01-20", text)[1]).toEqual([2023]);
  });

  it("carries a yearless word's year to the rest of its paragraph (「全年…；第二产业…」)", () => {
    const text = "合肥高新区发布数据。\n从三次产业看，全年实现第一产业增加值9亿元；第二产业增加值400亿元；第三产业增加值600亿元。";
    expect(yearsOf("合肥高新区稳中求进", "2024-02-10", text).slice(1)).toEqual([[2023], [2023], [2023]]);
  });
});

describe("SentenceBank years: a yearless word restates the year the article reports", () => {
  const article = (title: string, date: string, text: string) => ({ id: "b#0", source: "b.md", part: 0, title, date, dateEvidence: null, zones: ["即墨区"], text, contentHash: "x" });
  const yearsOf = (title: string, date: string, text: string) =>
    new SentenceBank(new Map([["b#0", article(title, date, text)]]), Gazetteer.load()).ofArticle("b#0").map((s) => s.years);

  it.each([
    // A statistics bulletin published in April about the year before: 年末/全年 are that year's.
    ["即墨区2022年经济运行情况", "2023-04-10", "年末生猪存栏29.7万头。", [2022]],
    ["即墨区2022年经济运行情况", "2023-04-10", "全年农林牧渔业总产值173.8亿元。", [2022]],
    // No year in the title: a whole-year result early in the next year looks back; later in the year it does not.
    ["即墨区经济运行情况", "2023-02-10", "全年实现农林牧渔业总产值173.8亿元。", [2022]],
    ["即墨区经济运行情况", "2023-07-10", "全年力争农林牧渔业总产值180亿元。", [2023]],
  ])("%s (%s): 「%s」 → %j", (title, date, text, years) => {
    expect(yearsOf(title, date, text)[0]).toEqual(years);
  });
});
