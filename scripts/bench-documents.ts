/**
 * Documents bench: reading an e-paper PDF and a Word file, as people send them.
 * `node --import tsx scripts/bench-documents.ts [--quick]`
 *
 *  1. A 40-page e-paper (~120 articles: three per page, full-width and side-by-side pieces, columns,
 *     every fourth lead article continued on the next page through 下转/上接), printed by Debian's
 *     Chromium from generated HTML, read by readPdf without OCR (target ≤ 20 s on 2 cores), with the
 *     share of paragraphs read whole and in order (target ≥ 98%).
 *  2. A ~1 MB .docx (headings, paragraphs, tables) read by readDocx (target ≤ 3 s).
 *
 * Fixture printing is not timed. Needs /usr/bin/chromium (or ZONEBOT_CHROMIUM) for part 1; without it
 * part 1 is skipped with a note. Prints a table; writes nothing.
 */
import { availableParallelism } from "node:os";
import { performance } from "node:perf_hooks";
import { readDocx, readPdf } from "../src/documents/index.js";
import { CHROMIUM, chromiumAvailable, startPrinter } from "../tests/documents/chromium.js";
import { buildDocx, type DocxBlock } from "../tests/documents/docx-builder.js";
import {
  makeArticle, makeParagraph, makeRandom, type Paper, type PaperArticle, type PaperPage, type Placement, paperArticles, paperHtml,
} from "../tests/documents/newspaper.js";
import { orderScore } from "../tests/documents/order-score.js";

const quick = process.argv.includes("--quick");
const PAGES = quick ? 8 : 40;
const DOCX_BYTES = quick ? 256 * 1024 : 1024 * 1024;
const rows: { what: string; figure: string; target: string; ok: boolean | undefined }[] = [];

/** Three articles a page: a lead over the full width, two pieces side by side (or stacked on odd pages). */
function ePaper(pages: number): Paper {
  const rnd = makeRandom(4242);
  let serial = 0;
  const out: PaperPage[] = [];
  let carried: PaperArticle | undefined;
  for (let edition = 1; edition <= pages; edition++) {
    const leadArticle = makeArticle(rnd, ++serial, 5, { dateline: "本报讯 " });
    const continues = edition % 4 === 1 && edition < pages;
    const lead: Placement = continues
      ? { article: leadArticle, columns: 4, to: 3, cutInside: true, continuedTo: edition + 1 }
      : { article: leadArticle, columns: 4 };
    const a = makeArticle(rnd, ++serial, 3);
    const b = makeArticle(rnd, ++serial, 3);
    const rowsOfPage: Placement[][] = [[lead]];
    if (carried) rowsOfPage.unshift([{ article: carried, columns: 4, from: 4, continuedFrom: edition - 1 }]);
    rowsOfPage.push(edition % 2 === 0 ? [{ article: a, columns: 2 }, { article: b, columns: 2 }] : [{ article: a, columns: 3 }]);
    if (edition % 2 === 1) rowsOfPage.push([{ article: b, columns: 3 }]);
    out.push({ edition, section: edition === 1 ? "要闻" : "经济", rows: rowsOfPage });
    carried = continues ? leadArticle : undefined;
  }
  return { name: "青岛日报", dateLine: "2024年3月5日 星期二", pages: out };
}

async function benchPdf(): Promise<void> {
  if (!chromiumAvailable) {
    console.log(`e-paper PDF: skipped, ${CHROMIUM} is not installed`);
    return;
  }
  const paper = ePaper(PAGES);
  const printer = await startPrinter();
  let pdf: Uint8Array;
  try {
    pdf = await printer.pdf(paperHtml(paper));
  } finally {
    await printer.close();
  }
  const started = performance.now();
  const read = await readPdf(pdf, { ocr: false });
  const seconds = (performance.now() - started) / 1000;
  const expected = paperArticles(paper).flatMap((a) => [...(a.subtitle ? [a.subtitle] : []), ...a.paragraphs]);
  const score = orderScore(expected, read.articles.flatMap((a) => a.text.split("\n")));
  const target = PAGES === 40 ? 20 : 20 * (PAGES / 40);
  rows.push({ what: `e-paper PDF, ${PAGES} pages, ${(pdf.byteLength / 1024 / 1024).toFixed(1)} MB`, figure: `${seconds.toFixed(2)} s`, target: `≤ ${target} s`, ok: seconds <= target });
  rows.push({ what: `  articles read (printed: ${paperArticles(paper).length})`, figure: String(read.articles.length), target: "=", ok: read.articles.length === paperArticles(paper).length });
  rows.push({ what: "  paragraphs whole and in order", figure: `${(score.ratio * 100).toFixed(1)}% (${score.matched}/${score.total})`, target: "≥ 98%", ok: score.ratio >= 0.98 });
  rows.push({ what: "  warnings", figure: String(read.warnings.length), target: "", ok: undefined });
  if (process.argv.includes("--show-misses")) {
    const got = new Set(read.articles.flatMap((a) => a.text.split("\n")).map((t) => t.replace(/\s+/g, "")));
    for (const line of expected) if (!got.has(line.replace(/\s+/g, ""))) console.log(`missed: ${line.slice(0, 60)}`);
    for (const a of read.warnings) console.log(`warning: ${a}`);
  }
}

function wordReport(sections: number): Uint8Array {
  const rnd = makeRandom(77);
  const blocks: DocxBlock[] = [{ heading: "青岛西海岸新区2024年经济运行情况汇编" }];
  for (let serial = 1; serial <= sections; serial++) {
    blocks.push({ heading: `第${serial}部分 重点项目进展`, level: 2 });
    for (let p = 0; p < 6; p++) blocks.push({ paragraph: makeParagraph(rnd, serial * 10 + p) });
    blocks.push({ table: [["指标", "2023年完成", "2024年目标"], ...Array.from({ length: 4 }, (_, r) => [`指标${serial}-${r + 1}`, `${(rnd() * 10).toFixed(1)}%`, `${(rnd() * 10).toFixed(1)}%`])] });
  }
  return buildDocx(blocks);
}

/** A report of about `bytes` (text compresses well: it takes a lot of it). */
function wordReportOfSize(bytes: number): Uint8Array {
  const probe = wordReport(200);
  let sections = Math.ceil((200 * bytes) / probe.byteLength);
  let docx = wordReport(sections);
  while (docx.byteLength < bytes) docx = wordReport((sections = Math.ceil(sections * 1.05)));
  return docx;
}

async function benchDocx(): Promise<void> {
  const docx = wordReportOfSize(DOCX_BYTES);
  const started = performance.now();
  const read = await readDocx(docx);
  const seconds = (performance.now() - started) / 1000;
  const lines = read.articles[0]?.text.split("\n").length ?? 0;
  rows.push({ what: `.docx, ${(docx.byteLength / 1024 / 1024).toFixed(2)} MB, ${lines} lines`, figure: `${seconds.toFixed(2)} s`, target: "≤ 3 s", ok: seconds <= 3 });
}

await benchPdf();
await benchDocx();
console.log(`\ndocuments bench (${availableParallelism()} cores${quick ? ", --quick" : ""})`);
const width = Math.max(...rows.map((r) => r.what.length)) + 2;
for (const r of rows) console.log(`${r.what.padEnd(width)}${r.figure.padStart(18)}  ${r.target.padEnd(8)} ${r.ok === undefined ? "" : r.ok ? "ok" : "MISSED"}`);
if (rows.some((r) => r.ok === false)) process.exitCode = 1;
