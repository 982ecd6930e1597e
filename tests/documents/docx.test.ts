import { describe, expect, it } from "vitest";
import { readDocx } from "../../src/documents/index.js";
import { buildDocx, type DocxBlock } from "./docx-builder.js";

// Word files built by the test (a .docx is a zip of XML): headings, paragraphs and tables read in order;
// a table becomes one sentence per cell — column label, row label, value.

const REPORT: DocxBlock[] = [
  { heading: "青岛西海岸新区2024年经济工作要点" },
  { paragraph: "为做好2024年经济工作，结合新区实际，制定本要点。" },
  { heading: "一、主要预期目标", level: 2 },
  { paragraph: "综合考虑发展基础和支撑条件，2024年主要目标如下表。" },
  {
    table: [
      ["指标", "2023年完成", "2024年目标"],
      ["工业增加值增速", "6.5%", "7%"],
      ["固定资产投资增速", "4.2%", "5%"],
      ["外贸进出口总额", "2100亿元", ""],
    ],
  },
  { heading: "二、重点任务", level: 2 },
  { heading: "（一）做强先进制造业", level: 3 },
  { paragraph: "全年新开工过亿元项目100个以上，其中过10亿元项目20个。" },
  { paragraph: "2024年1月8日" },
];

describe("readDocx", () => {
  it("reads headings, paragraphs and a table in document order, the first heading as title", async () => {
    const read = await readDocx(buildDocx(REPORT));
    expect(read.warnings).toEqual([]);
    expect(read.articles).toHaveLength(1);
    const [article] = read.articles;
    expect(article!.title).toBe("青岛西海岸新区2024年经济工作要点");
    expect(article!.text.split("\n")).toEqual([
      "为做好2024年经济工作，结合新区实际，制定本要点。",
      "一、主要预期目标",
      "综合考虑发展基础和支撑条件，2024年主要目标如下表。",
      "2023年完成 工业增加值增速 6.5%。",
      "2024年目标 工业增加值增速 7%。",
      "2023年完成 固定资产投资增速 4.2%。",
      "2024年目标 固定资产投资增速 5%。",
      "2023年完成 外贸进出口总额 2100亿元。",
      "二、重点任务",
      "（一）做强先进制造业",
      "全年新开工过亿元项目100个以上，其中过10亿元项目20个。",
      "2024年1月8日",
    ]);
    expect(article!.date).toBe("2024-01-08");
    expect(article!.dateEvidence).toBe("2024年1月8日");
  });

  const tables: { name: string; table: DocxBlock; sentences: string[] }[] = [
    {
      name: "a header cell merged over two columns labels both, with the row of years under it",
      table: { table: [["", { text: "目标", colspan: 2 }], ["", "2024年", "2025年"], ["研发投入", "3%", "3.5%"]] },
      sentences: ["目标 2024年 研发投入 3%。", "目标 2025年 研发投入 3.5%。"],
    },
    {
      name: "a row label merged over two rows labels both rows, with the other word column before the figures",
      table: { table: [["功能区", "项目", "投资"], [{ text: "高新区", vmerge: "restart" }, "芯片产线", "50亿元"], [{ text: "", vmerge: "continue" }, "封测基地", "12亿元"]] },
      sentences: ["高新区 芯片产线 投资 50亿元。", "高新区 封测基地 投资 12亿元。"],
    },
    {
      name: "a single-column table is a list",
      table: { table: [["重点项目"], ["海尔智慧园"], ["中车四方"]] },
      sentences: ["重点项目", "海尔智慧园", "中车四方"],
    },
    {
      name: "a value already ending in a full stop gets no second one",
      table: { table: [["", "说明"], ["进度", "已完工。"]] },
      sentences: ["进度 说明 已完工。"],
    },
  ];

  it.each(tables)("table: $name", async ({ table, sentences }) => {
    const read = await readDocx(buildDocx([{ heading: "表" }, table]));
    expect(read.articles[0]!.text.split("\n")).toEqual(sentences);
  });

  it("a header line of issuer and date dates the document and stands above its title", async () => {
    const read = await readDocx(
      buildDocx([
        { paragraph: "滨海新城管理委员会　2025年2月8日印发" },
        { paragraph: "滨海新城2024年大事记" },
        { paragraph: "3月6日，滨海新城数字产业园开园，首批入驻企业42家。" },
      ]),
    );
    const [article] = read.articles;
    expect(article!.title).toBe("滨海新城2024年大事记");
    expect(article!.date).toBe("2025-02-08");
    expect(article!.text).toContain("首批入驻企业42家");
  });

  it("an official document headed by its issuer and number is titled by its 关于…的通报 line; the issuer stays in the text", async () => {
    const read = await readDocx(
      buildDocx([
        { paragraph: "滨江软件园管理委员会办公室" },
        { paragraph: "关于2024年度重点项目推进情况的通报" },
        { paragraph: "滨软管办通〔2025〕7号" },
        { paragraph: "各部门：2024年园区38个重点项目完成投资61.2亿元，为年度计划的104.3%。" },
      ]),
    );
    const [article] = read.articles;
    expect(article!.title).toBe("关于2024年度重点项目推进情况的通报");
    expect(article!.text.split("\n").slice(0, 2)).toEqual(["滨江软件园管理委员会办公室", "滨软管办通〔2025〕7号"]);
  });

  it("minutes headed by issuer, kind, issue number and office with date are titled by their 关于 line", async () => {
    const read = await readDocx(
      buildDocx([
        { paragraph: "滨江软件园管理委员会" },
        { paragraph: "专题会议纪要" },
        { paragraph: "〔2025〕第6期" },
        { paragraph: "滨江软件园管委会办公室　　2025年4月3日" },
        { paragraph: "关于推进算力中心项目建设的专题会议纪要" },
        { paragraph: "4月1日上午，管委会召开专题会议，研究算力中心项目建设。现将会议议定事项纪要如下。" },
      ]),
    );
    expect(read.articles[0]!.title).toBe("关于推进算力中心项目建设的专题会议纪要");
  });

  it("without a heading, a short first line is the title; a long one gives a title cut from it", async () => {
    const short = await readDocx(buildDocx([{ paragraph: "关于加快项目建设的通知" }, { paragraph: "各单位：现将有关事项通知如下。" }]));
    expect(short.articles[0]!.title).toBe("关于加快项目建设的通知");
    expect(short.articles[0]!.text).toBe("各单位：现将有关事项通知如下。");
    const long = "今年以来，青岛高新区坚持项目为王，一季度新开工项目23个，总投资156亿元，同比增长18%。";
    const untitled = await readDocx(buildDocx([{ paragraph: long }]));
    expect(untitled.articles[0]!.text).toBe(long);
    expect(long.startsWith(untitled.articles[0]!.title)).toBe(true);
    expect(untitled.articles[0]!.date).toBeUndefined();
  });
});
