import { describe, expect, it } from "vitest";
import { tableSentences } from "../../src/documents/index.js";
import { markdownToText } from "../../src/ingest/index.js";

describe("tableSentences", () => {
  it.each([
    {
      name: "year columns lead: column label, row label, value",
      rows: [["指标", "2023年", "2024年目标"], ["工业增加值增速", "6.2%", "7%"]],
      headerRows: 1,
      sentences: ["2023年 工业增加值增速 6.2%。", "2024年目标 工业增加值增速 7%。"],
    },
    {
      name: "a 序号 column numbers the rows: no part of their labels",
      rows: [["序号", "事项", "年度目标", "完成情况"], ["1", "新建口袋公园", "8个", "9个"], ["2", "新增停车泊位", "2000个", "2350个"]],
      headerRows: 1,
      sentences: ["年度目标 新建口袋公园 8个。", "新建口袋公园 完成情况 9个。", "年度目标 新增停车泊位 2000个。", "新增停车泊位 完成情况 2350个。"],
    },
    {
      name: "a first column counting 1, 2, 3 … is a serial column whatever its heading",
      rows: [["", "项目", "总投资（亿元）"], ["1", "光伏组件项目", "12.5"], ["2", "储能电池项目", "8"]],
      headerRows: 1,
      sentences: ["光伏组件项目 总投资 12.5亿元。", "储能电池项目 总投资 8亿元。"],
    },
    {
      name: "a bracketed place after a name is no unit; the column's unit still is",
      rows: [["项目", "投资方（来源地）", "总投资（亿元）"], ["电池材料项目", "某某新能源公司（长沙）", "58.0"]],
      headerRows: 1,
      sentences: ["电池材料项目 某某新能源公司（长沙） 总投资 58.0亿元。"],
    },
    {
      name: "empty and dash-only cells say nothing",
      rows: [["指标", "2022年", "2023年"], ["实际使用外资", "", "3.1亿美元"], ["进出口总额", "—", "-"]],
      headerRows: 1,
      sentences: ["2023年 实际使用外资 3.1亿美元。"],
    },
    {
      name: "a metric heading follows its subject",
      rows: [["园区", "新签约项目", "总投资"], ["北岸园区", "18个", "92亿元"], ["南岸园区", "9个", "37亿元"]],
      headerRows: 1,
      sentences: ["北岸园区 新签约项目 18个。", "北岸园区 总投资 92亿元。", "南岸园区 新签约项目 9个。", "南岸园区 总投资 37亿元。"],
    },
    {
      name: "a column of bare years dates the row; a plain 数值 heading adds nothing",
      rows: [["指标", "年份", "数值", "增速"], ["营业收入", "2021", "860亿元", "9.5%"]],
      headerRows: 1,
      sentences: ["2021年 营业收入 860亿元。", "2021年 营业收入 增速 9.5%。"],
    },
    {
      name: "a growth column after year columns is the nearest year's to its left",
      rows: [["指标", "2024年", "2025年", "增速", "2026年目标"], ["营业收入（亿元）", "88.5", "103.2", "16.6%", "115"]],
      headerRows: 1,
      sentences: ["2024年 营业收入 88.5亿元。", "2025年 营业收入 103.2亿元。", "2025年 营业收入 增速 16.6%。", "2026年目标 营业收入 115亿元。"],
    },
    {
      name: "a time-labelled growth heading: the time leads, the growth word follows the measure",
      rows: [["指标", "2024年", "2025年增速"], ["税收收入（亿元）", "44.3", "-4.6%"]],
      headerRows: 1,
      sentences: ["2024年 税收收入 44.3亿元。", "2025年 税收收入 增速 -4.6%。"],
    },
    {
      name: "no header row: the first column labels the values",
      rows: [["新签约项目", "18个"], ["总投资", "92亿元"]],
      headerRows: 0,
      sentences: ["新签约项目 18个。", "总投资 92亿元。"],
    },
    {
      name: "a value that already ends a sentence is not ended twice",
      rows: [["事项", "进展"], ["一号厂房", "已封顶。"]],
      headerRows: 1,
      sentences: ["一号厂房 进展 已封顶。"],
    },
    {
      name: "leading columns of words label the row together; the unit comes from the last of them",
      rows: [["园区", "指标", "2024年上半年", "2025年上半年"], ["北岸园区", "营业收入（亿元）", "41.2", "45.8"], ["南岸园区", "新开工项目（个）", "6", "9"]],
      headerRows: 1,
      sentences: ["2024年上半年 北岸园区 营业收入 41.2亿元。", "2025年上半年 北岸园区 营业收入 45.8亿元。", "2024年上半年 南岸园区 新开工项目 6个。", "2025年上半年 南岸园区 新开工项目 9个。"],
    },
    {
      name: "a column of words after the first is a value when no figure stands to its right",
      rows: [["项目", "所在园区", "进展"], ["智能终端产业园", "北岸园区", "已投产"]],
      headerRows: 1,
      sentences: ["智能终端产业园 所在园区 北岸园区。", "智能终端产业园 进展 已投产。"],
    },
    {
      name: "header rows join into one column label; a repeated merged value is said once",
      rows: [["", "目标", "目标"], ["", "2024年", "2025年"], ["研发投入强度", "3%", "3%"]],
      headerRows: 2,
      echoes: [[false, false, true], [false, false, false], [false, false, true]],
      sentences: ["目标 2024年 研发投入强度 3%。"],
    },
    {
      name: "a unit in a row label's brackets goes with its bare numbers",
      rows: [["指标", "2023年", "2024年"], ["规上企业营业收入（亿元）", "6262", "5807.9"], ["研发投入强度（%）", "6.6", "约7%"]],
      headerRows: 1,
      sentences: ["2023年 规上企业营业收入 6262亿元。", "2024年 规上企业营业收入 5807.9亿元。", "2023年 研发投入强度 6.6%。", "2024年 研发投入强度 约7%。"],
    },
    {
      name: "a unit in a column heading's brackets goes with the numbers under it",
      rows: [["园区", "新签约项目（个）", "总投资(亿元)"], ["北岸园区", "18", "92"]],
      headerRows: 1,
      sentences: ["北岸园区 新签约项目 18个。", "北岸园区 总投资 92亿元。"],
    },
  ])("$name", ({ rows, headerRows, echoes, sentences }) => {
    expect(tableSentences({ rows, headerRows, ...(echoes ? { echoes } : {}) })).toEqual(sentences);
  });
});

describe("markdownToText", () => {
  it("headings without #'s, bullets without marks, wrapped lines joined, tables as sentences, separators dropped", () => {
    const markdown = [
      "# 湾区产业园一季度运行情况",
      "",
      "湾区产业园一季度经济运行",
      "总体平稳，主要指标好于预期。",
      "",
      "## 主要指标",
      "",
      "| 指标 | 2023年 | 2024年目标 |",
      "| --- | :---: | ---: |",
      "| 工业增加值增速 | 6.2% | 7% |",
      "| 新签约项目 | 96个 |  |",
      "",
      "- 新能源装备项目**12个**；",
      "* 海洋生物项目8个。",
      "",
      "> 园区负责人表示，将[加快](https://example.org)推进在建项目。",
    ].join("\n");
    expect(markdownToText(markdown).split("\n\n")).toEqual([
      "湾区产业园一季度运行情况",
      "湾区产业园一季度经济运行总体平稳，主要指标好于预期。",
      "主要指标",
      "2023年 工业增加值增速 6.2%。",
      "2024年目标 工业增加值增速 7%。",
      "2023年 新签约项目 96个。",
      "新能源装备项目12个；",
      "海洋生物项目8个。",
      "园区负责人表示，将加快推进在建项目。",
    ]);
  });

  it("a pipe table without a separator row has no header", () => {
    expect(markdownToText("| 新签约项目 | 18个 |\n| 总投资 | 92亿元 |")).toBe("新签约项目 18个。\n\n总投资 92亿元。");
  });
});
