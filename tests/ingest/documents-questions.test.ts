import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFiles, type IngestReport } from "../../src/corpus/index.js";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import { createEngine, type Engine } from "../../src/engine/index.js";
import { readArticleFile } from "../../src/ingest/index.js";
import { CHROMIUM_SKIP_REASON, chromiumAvailable, startPrinter } from "../documents/chromium.js";
import { buildDocx } from "../documents/docx-builder.js";
import type { Paper, PaperArticle } from "../documents/newspaper.js";
import { paperHtml } from "../documents/newspaper.js";
import { tempConfig } from "../support/engine.js";

// A newspaper PDF printed by Chromium and a Word report built here, ingested like any file, then asked
// about: figures that sit in the second column of a piece, in a paragraph cut by the page break (（下转第二版）
// … （上接第一版）), and in a Word table. Answers and citations must name the right figure and article.

if (!chromiumAvailable) console.warn(`tests/ingest: ${CHROMIUM_SKIP_REASON}`);

// Paragraphs without figures around the ones asked about, so that nothing else can answer.
const filler = (zone: string, topic: string): string[] => [
  `${zone}坚持把${topic}作为推动高质量发展的重要抓手，主要负责同志多次深入一线调研，现场协调解决企业反映的用地、用工和融资问题，确保各项工作按计划推进，取得了阶段性成效。`,
  `在推进过程中，${zone}建立了专班推进、清单管理和定期调度机制，对重点事项实行挂图作战，每周梳理进展，每月通报排名，形成了比学赶超的良好氛围，企业和群众的获得感不断增强。`,
  `业内人士认为，${zone}在${topic}方面的做法具有较强的借鉴意义，下一步还将进一步完善政策体系，强化要素保障，持续优化营商环境，为全市经济发展贡献更多力量。`,
];

const lanGu: PaperArticle = {
  title: "蓝谷海洋经济跑出加速度",
  byline: "本报记者 王晓 通讯员 赵磊",
  paragraphs: [
    ...filler("青岛蓝谷", "海洋经济"),
    // Cut in two by the page break, between its sentences: the figure only on page 2, its zone and year only on page 1.
    "2023年，青岛蓝谷坚持项目为王、招商为要，围绕海洋科技、海洋生物医药等主导产业开展精准招商，一批带动力强的好项目接连落地。全年新签约入驻企业326家，同比增长18%，其中海洋领域企业占比超过六成。",
    ...filler("蓝谷", "科技创新").slice(0, 2),
  ],
};

const gaoXin: PaperArticle = {
  title: "高新区外贸稳中有进",
  byline: "本报记者 李明",
  paragraphs: [
    ...filler("青岛高新区", "稳外贸"),
    "2023年，青岛高新区实现外贸进出口总额86.5亿元，同比增长9.2%，其中跨境电商进出口增长较快。",
  ],
};

const other: PaperArticle = {
  title: "即墨区开展文明城市创建",
  paragraphs: filler("即墨区", "文明城市创建").slice(0, 2),
};

const PAPER: Paper = {
  name: "青岛日报",
  dateLine: "2024年3月5日 星期二",
  pages: [
    { edition: 1, section: "要闻", rows: [[{ article: lanGu, columns: 3, to: 3, cutInside: true, continuedTo: 2 }], [{ article: gaoXin, columns: 2 }]] },
    { edition: 2, section: "经济", rows: [[{ article: lanGu, columns: 2, from: 4, continuedFrom: 1 }, { article: other, columns: 1 }]] },
  ],
};

const REPORT = buildDocx([
  { heading: "青岛西海岸新区2023年国民经济和社会发展统计公报" },
  { paragraph: "2023年，青岛西海岸新区坚持稳中求进工作总基调，经济运行总体平稳，创新动能持续增强。主要指标如下表。" },
  { table: [["指标", "2023年", "比上年增长"], ["国家高新技术企业", "1560家", "12.5%"], ["实际使用外资", "9.8亿美元", "6.1%"]] },
  { paragraph: "2024年2月20日" },
]);

describe.skipIf(!chromiumAvailable)(`questions about an ingested newspaper PDF and Word report${chromiumAvailable ? "" : ` (SKIPPED: ${CHROMIUM_SKIP_REASON})`}`, () => {
  const temp = tempConfig("zonebot-documents-questions-");
  const inbox = mkdtempSync(path.join(tmpdir(), "zonebot-documents-inbox-"));
  const pdfFile = path.join(inbox, "青岛日报20240305.pdf");
  const docxFile = path.join(inbox, "统计公报.docx");
  let engine: Engine;
  let report: IngestReport;

  beforeAll(async () => {
    const printer = await startPrinter();
    try {
      writeFileSync(pdfFile, await printer.pdf(paperHtml(PAPER)));
    } finally {
      await printer.close();
    }
    writeFileSync(docxFile, REPORT);
    report = await ingestFiles([inbox], { config: temp.config, gazetteer: Gazetteer.load() });
    engine = await createEngine(temp.config, { ensureSeeds: false });
  });
  afterAll(() => {
    engine?.close();
    temp.cleanup();
    rmSync(inbox, { recursive: true, force: true });
  });

  it("ingests both files: the paper's three pieces and the report, nothing refused", () => {
    expect(report.errors).toEqual([]);
    expect(report.added.sort()).toEqual(["统计公报.docx", "青岛日报20240305.pdf"]);
    expect(report.articles).toBe(4);
  });

  it("reads the PDF on the worker pool, even as the only big file (seconds of layout analysis off the calling thread)", () => {
    expect(report.workers).toBe(Math.min(2, availableParallelism()) >= 2 ? 2 : 0);
  });

  it("reads the paper's pieces with the header's date, its name as the outlet, and their pages", async () => {
    const { articles } = await readArticleFile(pdfFile, { gazetteer: Gazetteer.load() });
    expect(articles.map((a) => [a.title, a.pages, a.date])).toEqual([
      ["蓝谷海洋经济跑出加速度", [1, 2], "2024-03-05"],
      ["高新区外贸稳中有进", [1], "2024-03-05"],
      ["即墨区开展文明城市创建", [2], "2024-03-05"],
    ]);
    expect(articles[0]!.dateEvidence).toContain("2024年3月5日");
    expect(articles[0]!.outlet).toBe("青岛日报");
    // The cut paragraph is whole again, without its jump markers.
    expect(articles[0]!.text).toContain("开展精准招商，一批带动力强的好项目接连落地。全年新签约入驻企业326家");
    expect(articles[0]!.text).not.toMatch(/下转|上接/);
  });

  it("answers from the second column of a piece", async () => {
    const answer = await engine.ask("青岛高新区2023年外贸进出口总额是多少？", [], { brain: "offline" });
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("86.5亿元");
    expect(answer.citations[0]).toMatchObject({ source: "青岛日报20240305.pdf", title: "高新区外贸稳中有进", date: "2024-03-05" });
    expect(answer.citations[0]!.quote).toContain("86.5亿元");
  });

  it("answers from a paragraph the page break cut in two (its zone and year on page 1, the figure on page 2)", async () => {
    const answer = await engine.ask("青岛蓝谷2023年新签约入驻企业多少家？", [], { brain: "offline" });
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("326家");
    expect(answer.citations[0]).toMatchObject({ source: "青岛日报20240305.pdf", title: "蓝谷海洋经济跑出加速度", date: "2024-03-05" });
    expect(answer.citations[0]!.quote).toContain("326家");
  });

  it("answers from a cell of a Word table", async () => {
    const answer = await engine.ask("青岛西海岸新区2023年国家高新技术企业有多少家？", [], { brain: "offline" });
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("1560家");
    expect(answer.citations[0]).toMatchObject({ source: "统计公报.docx", title: "青岛西海岸新区2023年国民经济和社会发展统计公报", date: "2024-02-20" });
    expect(answer.citations[0]!.quote).toContain("1560家");
  });
});
