import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPdf } from "../../src/documents/index.js";
import { CHROMIUM_SKIP_REASON, chromiumAvailable, type Printer, startPrinter } from "./chromium.js";
import { makeArticle, makeRandom, type Paper, paperArticles, paperHtml } from "./newspaper.js";
import { orderScore } from "./order-score.js";

// The same pages set in other ways papers are set: narrow gutters, column rules, a smaller body, big
// headlines that wrap (centred or not). Reading order must not depend on one house style.

const rnd = makeRandom(5);
const articles = Array.from({ length: 8 }, (_, i) => makeArticle(rnd, i + 1, i === 0 ? 5 : 3 + (i % 2), { dateline: i % 2 ? "本报讯 " : undefined }));
const PAPER: Paper = {
  name: "青岛日报",
  dateLine: "2024年3月5日 星期二",
  pages: [
    { edition: 1, section: "要闻", rows: [[{ article: articles[0]!, columns: 4, to: 2, continuedTo: 2 }], [{ article: articles[1]!, columns: 2 }, { article: articles[2]!, columns: 2 }]] },
    {
      edition: 2, section: "经济",
      rows: [[{ article: articles[0]!, columns: 3, from: 2, continuedFrom: 1 }], [{ article: articles[3]!, columns: 5 }], [{ article: articles[4]!, columns: 1, centered: true }, { article: articles[5]!, columns: 3 }]],
    },
    { edition: 3, section: "区域", rows: [[{ article: articles[6]!, columns: 3 }, { article: articles[7]!, columns: 1 }]] },
  ],
};
const BASE: [string, string] = ["font-size: 12px; line-height: 1.6", "font-size: 10.5px; line-height: 1.5"];
const VARIANTS: { name: string; edits: [string, string][] }[] = [
  { name: "a smaller body", edits: [] },
  { name: "narrow gutters", edits: [["column-gap: 6mm", "column-gap: 3mm"], ["gap: 7mm", "gap: 4mm"]] },
  { name: "column rules", edits: [["column-gap: 6mm;", "column-gap: 5mm; column-rule: 1px solid #888;"]] },
  { name: "big headlines that wrap", edits: [[".piece h1 { font-size: 24px", ".piece h1 { font-size: 30px"]] },
];

describe.skipIf(!chromiumAvailable)(`newspaper layouts${chromiumAvailable ? "" : ` (SKIPPED: ${CHROMIUM_SKIP_REASON})`}`, () => {
  let printer: Printer;
  beforeAll(async () => {
    printer = await startPrinter();
  });
  afterAll(async () => printer?.close());

  it.each(VARIANTS)("$name: every article, every paragraph whole and in order", async ({ edits }) => {
    let html = paperHtml(PAPER);
    for (const [from, to] of [BASE, ...edits]) {
      expect(html, from).toContain(from);
      html = html.replace(from, to);
    }
    const read = await readPdf(await printer.pdf(html));
    expect(read.articles.map((a) => a.title)).toEqual(paperArticles(PAPER).map((a) => a.title));
    const expected = paperArticles(PAPER).flatMap((a) => [...(a.subtitle ? [a.subtitle] : []), ...a.paragraphs]);
    const score = orderScore(expected, read.articles.flatMap((a) => a.text.split("\n")));
    expect(score.matched, `${score.matched}/${score.total}`).toBe(score.total);
    expect(read.warnings).toEqual([]);
  });
});
