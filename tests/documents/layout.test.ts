import { describe, expect, it } from "vitest";
import { buildArticles } from "../../src/documents/pdf/articles.js";
import { stripBands } from "../../src/documents/pdf/bands.js";
import type { Line, PageInfo } from "../../src/documents/pdf/layout.js";
import { readingOrder } from "../../src/documents/pdf/order.js";
import { type Paragraph, paragraphsOf } from "../../src/documents/pdf/paragraphs.js";
import { isoDate, parseEdition, tidyText } from "../../src/documents/text.js";
import { layoutWords } from "../../src/documents/words.js";

// The layout rules on lines and paragraphs written by hand, so they run without a browser.

const words = layoutWords();
const SIZE = 10;
const PITCH = 15;

function line(text: string, x0: number, top: number, opts: { size?: number; page?: number; x1?: number } = {}): Line {
  const size = opts.size ?? SIZE;
  return { text, x0, x1: opts.x1 ?? x0 + text.length * size, top, bottom: top + size, size, page: opts.page ?? 1 };
}

/** A column of `rows` full lines named `${name}1…`, the first indented, starting at `top`. */
function column(name: string, x0: number, top: number, rows: number, width = 100): Line[] {
  return Array.from({ length: rows }, (_, i) => line(`${name}${i + 1}`, i === 0 ? x0 + 2 * SIZE : x0, top + i * PITCH, { x1: x0 + width }));
}

const order = (lines: Line[]) => readingOrder(lines).flatMap((leaf) => leaf.lines.map((l) => l.text));

describe("recognisers (data/documents-words.json)", () => {
  const table: { name: string; re: RegExp | RegExp[]; yes: string[]; no: string[] }[] = [
    { name: "byline", re: words.byline, yes: ["本报记者 王晓 通讯员 赵磊", "本报记者王晓通讯员赵磊", "记者 刘洋", "□本报记者 陈静", "本报通讯员 孙悦 见习记者 周平"], no: ["记者从青岛西海岸新区获悉，今年以来项目建设加快。", "本报讯 近日，新区召开大会。"] },
    { name: "dateline", re: words.dateline, yes: ["本报讯 近日……", "本报3月4日讯 （101）", "本报2024年3月4日讯", "新华社青岛3月4日电 记者"], no: ["本报记者 王晓", "据本报报道，"] },
    { name: "page band", re: words.pageBand, yes: ["第1版 要闻", "第 12 版", "2024年3月5日 星期二", "2024-03-05", "星期二", "— 3 —", "3", "第3页 共12页", "3/12", "青岛日报社出版", "新闻热线：0532-1234", "责任编辑：王晓", "要闻"], no: ["一、总体要求", "2024年，全区经济运行稳中向好。", "青岛西海岸新区集成电路产业跑出加速度"] },
    { name: "section heading", re: words.sectionHeading, yes: ["一、总体要求", "（二）深化改革", "第三章 保障措施", "1. 加快建设", "（3）新开工项目"], no: ["2024年主要目标", "1.5%的增速", "一是加快建设"] },
    { name: "continued to", re: new RegExp(words.continuedTo.source, "u"), yes: ["（下转第二版）", "……早见效。（下转第2版）", "(下转 十二 版)"], no: ["（上接第一版）", "下转弯道"] },
    { name: "continued from", re: words.continuedFrom, yes: ["（上接第一版）", "（上接第1版）在推进……", "(上接 三版)"], no: ["……（上接第一版）", "（下转第二版）"] },
  ];
  for (const { name, re, yes, no } of table) {
    const test = (text: string) => (Array.isArray(re) ? re : [re]).some((r) => r.test(text));
    it.each(yes)(`${name}: 「%s」 matches`, (text) => expect(test(text)).toBe(true));
    it.each(no)(`${name}: 「%s」 does not match`, (text) => expect(test(text)).toBe(false));
  }

  it.each([["3", 3], ["３", 3], ["十", 10], ["十二", 12], ["二十一", 21], ["一百零五", 105], ["版", Number.NaN]] as const)("edition 「%s」 → %d", (text, n) => {
    expect(parseEdition(text)).toBe(n);
  });
  it.each([
    ["能 家 电 项 目 签 约", "能家电项目签约"],
    ["总 投 资 124.7 亿 元", "总投资124.7亿元"],
    ["GDP  grew   5 %", "GDP grew 5 %"],
    ["本报记者 王晓", "本报记者王晓"],
  ])("tidyText 「%s」 → 「%s」", (input, output) => expect(tidyText(input)).toBe(output));
  it.each([
    ["青岛日报 2024年3月5日 星期二", "2024-03-05"],
    ["2024年03月05日", "2024-03-05"],
    ["2024-03-05 第1版", "2024-03-05"],
    ["2024.3.5", "2024-03-05"],
    ["2023年2月29日", undefined],
    ["2024年3月", undefined],
    ["2024-03-051", undefined],
  ])("date in 「%s」 → %s", (text, date) => expect(isoDate(words.date.exec(text)?.groups)).toBe(date));
});

describe("reading order", () => {
  it("reads a headline spanning three columns first, then each column top to bottom", () => {
    const lines = [line("HEAD", 0, 0, { size: 20, x1: 320 }), ...column("a", 0, 40, 6), ...column("b", 110, 40, 6), ...column("c", 220, 40, 4)];
    expect(order(lines)).toEqual(["HEAD", ...[...column("a", 0, 0, 6), ...column("b", 0, 0, 6), ...column("c", 0, 0, 4)].map((l) => l.text)]);
  });

  it("keeps a column body whole when blank rows line up across its columns", () => {
    // A gap between rows 3 and 4 in every column: a cut there would read the columns row block by row block.
    const shifted = (name: string, x0: number) => column(name, x0, 40, 6).map((l, i) => (i >= 3 ? { ...l, top: l.top + 20, bottom: l.bottom + 20 } : l));
    const lines = [line("HEAD", 0, 0, { size: 20, x1: 320 }), ...shifted("a", 0), ...shifted("b", 110), ...shifted("c", 220)];
    expect(order(lines).slice(0, 8)).toEqual(["HEAD", "a1", "a2", "a3", "a4", "a5", "a6", "b1"]);
  });

  it("reads two stacked articles one after the other, and pieces side by side left to right", () => {
    const lines = [
      line("A", 0, 0, { size: 20, x1: 320 }), ...column("a", 0, 40, 3), ...column("b", 110, 40, 3), ...column("c", 220, 40, 3),
      line("B", 0, 110, { size: 20, x1: 200 }), line("C", 220, 110, { size: 20, x1: 320 }),
      ...column("d", 0, 140, 3), ...column("e", 110, 140, 3), ...column("f", 220, 140, 5),
    ];
    expect(order(lines).join(" "), JSON.stringify(readingOrder(lines).map((l) => l.lines.map((x) => x.text)))).toBe("A a1 a2 a3 b1 b2 b3 c1 c2 c3 B d1 d2 d3 e1 e2 e3 C f1 f2 f3 f4 f5");
  });

  it("reads a table of figures row by row, one sentence per cell, and the heading under it as text", () => {
    const row = (top: number, cells: string[]) => cells.map((text, i) => line(text, [0, 150, 250][i]!, top));
    const lines = [
      ...row(0, ["指标", "2023年完成", "2024年目标"]), ...row(15, ["工业增加值增速", "6.5%", "7%"]), ...row(30, ["固定资产投资增速", "4.2%", "5%"]),
      line("一、加快建设现代化产业体系", 0, 50, { size: 12 }),
    ];
    const leaves = readingOrder(lines, SIZE);
    expect(leaves[0]!.table).toEqual([["指标", "2023年完成", "2024年目标"], ["工业增加值增速", "6.5%", "7%"], ["固定资产投资增速", "4.2%", "5%"]]);
    expect(paragraphsOf(leaves, SIZE).map((p) => p.text)).toEqual([
      "2023年完成 工业增加值增速 6.5%。", "2024年目标 工业增加值增速 7%。", "2023年完成 固定资产投资增速 4.2%。", "2024年目标 固定资产投资增速 5%。",
      "一、加快建设现代化产业体系",
    ]);
  });

  it("does not take narrow columns of justified text for a table, even with figures in them", () => {
    const narrowColumn = (x0: number) => Array.from({ length: 6 }, (_, i) => line(i % 2 ? "增长12.5%" : "项目总投资", x0, i * PITCH, { x1: x0 + 60 }));
    expect(readingOrder([...narrowColumn(0), ...narrowColumn(80)], SIZE).every((leaf) => !leaf.table)).toBe(true);
  });

  it("joins the lines of a paragraph across a column break, and starts one at an indent or after a short line", () => {
    const lines = [
      line("一段开头", 20, 0, { x1: 100 }), line("一段中间", 0, 15, { x1: 100 }),
      line("一段接着", 110, 0, { x1: 210 }), line("一段结尾", 110, 15, { x1: 150 }),
      line("二段开头", 130, 30, { x1: 210 }), line("二段结尾", 110, 45, { x1: 210 }),
    ];
    expect(paragraphsOf(readingOrder(lines), SIZE).map((p) => p.text)).toEqual(["一段开头一段中间一段接着一段结尾", "二段开头二段结尾"]);
  });

  it("keeps the words of a justified Latin line together when a wide space left them as two pieces", () => {
    const lines = [
      line("The zone", 20, 0, { x1: 70 }), line("grew fast", 78, 0, { x1: 120 }),
      line("in the first quarter", 0, 15, { x1: 120 }), line("of the year.", 0, 30, { x1: 60 }),
    ];
    expect(paragraphsOf(readingOrder(lines, SIZE), SIZE).map((p) => p.text)).toEqual(["The zone grew fast in the first quarter of the year."]);
  });
});

describe("header and footer bands", () => {
  const page = (n: number, extra: Line[] = []) => ({
    page: n, width: 600, height: 800,
    lines: [
      line("青岛日报", 30, 20, { size: 16, page: n }), line("2024年3月5日 星期二", 250, 24, { page: n }), line(`第${n}版 要闻`, 500, 24, { page: n }),
      line("2024年3月5日，新区召开项目建设推进会议，部署全年重点工作任务，明确时间表和路线图。", 30, 90, { page: n }),
      ...extra,
      line(`${n}`, 300, 770, { page: n }),
    ],
  });

  it("drops the header row and the page number, keeps the date and edition, and keeps body text that starts with a date", () => {
    const { pages, info } = stripBands([page(1), page(2)], words);
    expect(pages[0]!.lines.map((l) => l.text)).toEqual(["2024年3月5日，新区召开项目建设推进会议，部署全年重点工作任务，明确时间表和路线图。"]);
    expect(info.get(2)).toEqual({ edition: 2, date: "2024-03-05", dateEvidence: "青岛日报 2024年3月5日 星期二 第2版 要闻" });
  });

  it("drops a row that comes back on most pages even when no pattern knows it", () => {
    const banner = (n: number) => [line("开发区周刊·产业观察", 30, 60, { page: n })];
    const { pages } = stripBands([1, 2, 3, 4].map((n) => page(n, banner(n))), words);
    expect(pages.every((p) => p.lines.every((l) => !l.text.includes("周刊")))).toBe(true);
  });
});

describe("articles from paragraphs", () => {
  const para = (text: string, opts: Partial<Paragraph> = {}): Paragraph => ({ text, size: SIZE, pages: [1], opensIndented: true, opensPage: false, ...opts });
  const info = new Map<number, PageInfo>([[1, { edition: 1, date: "2024-03-05", dateEvidence: "第1版" }], [2, { edition: 2 }]]);

  it("splits at headlines, bylines and datelines; drops bylines; keeps a deck as the first line", () => {
    const warnings: string[] = [];
    const articles = buildArticles([
      para("新区重点项目集中开工", { size: 20 }), para("——一季度开工项目23个", { size: 12 }), para("本报记者 王晓"),
      para("本报讯 一季度，新区集中开工项目23个。"), para("项目总投资156亿元。"),
      para("高新区签约芯片项目"), para("本报讯 高新区日前签约芯片项目。"),
      para("记者 刘洋"), para("胶州湾开发区新签约项目5个。"),
    ], SIZE, info, words, warnings);
    expect(articles.map((a) => [a.title, a.text])).toEqual([
      ["新区重点项目集中开工", "——一季度开工项目23个\n本报讯 一季度，新区集中开工项目23个。\n项目总投资156亿元。"],
      ["高新区签约芯片项目", "本报讯 高新区日前签约芯片项目。"],
      ["胶州湾开发区新签约项目5个", "胶州湾开发区新签约项目5个。"],
    ]);
    expect(articles[0]!.date).toBe("2024-03-05");
    expect(warnings).toEqual([]);
  });

  it("joins 上接 to the 下转 that points at its page, by title when two do, and carries on a cut paragraph", () => {
    const warnings: string[] = [];
    const articles = buildArticles([
      para("港口吞吐量创新高", { size: 20 }), para("一月港口吞吐量增长。（下转第二版）"),
      para("自贸片区外贸增长", { size: 20 }), para("自贸片区外贸进出口增长百分之十，"), para("（下转第二版）"),
      para("自贸片区外贸增长", { size: 20, pages: [2], opensPage: true }), para("（上接第一版）其中出口增长百分之八。", { pages: [2], opensIndented: false }),
      para("港口吞吐量创新高", { size: 20, pages: [2] }), para("（上接第一版）二月继续增长。", { pages: [2] }),
    ], SIZE, info, words, warnings);
    expect(articles.map((a) => [a.title, a.text, a.pages])).toEqual([
      ["港口吞吐量创新高", "一月港口吞吐量增长。\n二月继续增长。", [1, 2]],
      ["自贸片区外贸增长", "自贸片区外贸进出口增长百分之十，其中出口增长百分之八。", [1, 2]],
    ]);
    expect(warnings).toEqual([]);
  });

  it("follows an article over three pages, the middle part saying 上接 and 下转 in one paragraph", () => {
    const three = new Map<number, PageInfo>([[1, { edition: 1 }], [2, { edition: 2 }], [3, { edition: 3 }]]);
    const warnings: string[] = [];
    const articles = buildArticles([
      para("长文标题", { size: 20 }), para("第一部分。（下转第二版）"),
      para("长文标题", { size: 20, pages: [2], opensPage: true }), para("（上接第一版）第二部分。（下转第三版）", { pages: [2] }),
      para("另一篇", { size: 20, pages: [2] }), para("另一篇正文。", { pages: [2] }),
      para("长文标题", { size: 20, pages: [3], opensPage: true }), para("（上接第二版）第三部分。", { pages: [3] }),
    ], SIZE, three, words, warnings);
    expect(articles.map((a) => [a.title, a.text, a.pages])).toEqual([
      ["长文标题", "第一部分。\n第二部分。\n第三部分。", [1, 2, 3]],
      ["另一篇", "另一篇正文。", [2]],
    ]);
    expect(warnings).toEqual([]);
  });

  it("warns about a 上接 with no 下转 and a 下转 with no 上接", () => {
    const warnings: string[] = [];
    const articles = buildArticles([
      para("甲标题", { size: 20 }), para("甲正文。（下转第五版）"),
      para("乙标题", { size: 20, pages: [2], opensPage: true }), para("（上接第三版）乙正文。", { pages: [2] }),
    ], SIZE, info, words, warnings);
    expect(articles).toHaveLength(2);
    expect(warnings).toEqual(["第2页的续文（上接第3版）没有找到开头，单独成篇", "第1页的文章注明下转第5版，但没有找到续文"]);
  });

  it("keeps a kicker above its headline with that article, and joins a headline broken over two lines", () => {
    const articles = buildArticles([
      para("旧文章标题", { size: 20 }), para("旧文章正文。"),
      para("——聚焦一季度项目建设", { size: 13 }), para("新区重点项目", { size: 20 }), para("集中开工", { size: 20 }), para("本报讯 正文。"),
    ], SIZE, info, words, []);
    expect(articles.map((a) => [a.title, a.text])).toEqual([
      ["旧文章标题", "旧文章正文。"],
      ["新区重点项目集中开工", "——聚焦一季度项目建设\n本报讯 正文。"],
    ]);
  });

  it("reads a report without headlines as one article that runs on over pages", () => {
    const articles = buildArticles([
      para("政府工作报告", { size: 20 }), para("一、总体要求", { size: 12 }), para("全年增长6%。"),
      para("二、重点任务", { size: 12, pages: [2], opensPage: true }), para("新开工项目100个。", { pages: [2] }),
    ], SIZE, info, words, []);
    expect(articles).toHaveLength(1);
    expect(articles[0]!.text).toBe("一、总体要求\n全年增长6%。\n二、重点任务\n新开工项目100个。");
    expect(articles[0]!.pages).toEqual([1, 2]);
  });
});
