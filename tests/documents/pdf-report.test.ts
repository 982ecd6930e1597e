import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DocumentRead, readPdf } from "../../src/documents/index.js";
import { CHROMIUM_SKIP_REASON, chromiumAvailable, type Printer, startPrinter } from "./chromium.js";
import { orderScore } from "./order-score.js";
import { makeReport, REPORT_FOOTER, REPORT_MARGIN, reportHtml, reportLines } from "./report.js";

describe.skipIf(!chromiumAvailable)(`government report PDF${chromiumAvailable ? "" : ` (SKIPPED: ${CHROMIUM_SKIP_REASON})`}`, () => {
  const report = makeReport(11);
  let printer: Printer;
  let read: DocumentRead;

  beforeAll(async () => {
    printer = await startPrinter();
    read = await readPdf(await printer.pdf(reportHtml(report), { footerTemplate: REPORT_FOOTER, margin: REPORT_MARGIN }));
  });
  afterAll(async () => printer?.close());

  it("reads a one-column report over several pages as one article, numbered headings on their own lines, in order", () => {
    expect(read.articles).toHaveLength(1);
    const [article] = read.articles;
    expect(article!.title).toBe(report.title);
    expect(article!.pages.length).toBeGreaterThan(2);
    const lines = article!.text.split("\n");
    const score = orderScore(reportLines(report), lines);
    expect(score.ratio, `${score.matched}/${score.total}`).toBeGreaterThanOrEqual(0.98);
    expect(lines).toContain("一、加快建设现代化产业体系");
    expect(lines).toContain("（二）深化改革扩大开放的重点任务");
    // The table is read row by row, one sentence per cell, as from a Word file.
    expect(lines).toContain("2024年目标 规模以上工业增加值增速 7%。");
    expect(lines).toContain("2023年完成 外贸进出口总额 2100亿元。");
    // Paragraphs running over a page break come back whole; the page numbers in the footer are gone.
    const squeeze = (l: string) => l.replace(/\s+/g, "");
    expect(lines.map(squeeze)).toEqual(reportLines(report).map(squeeze));
    expect(article!.text).not.toMatch(/—\s*\d+\s*—/);
  });
});
