import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DocumentRead, readPdf } from "../../src/documents/index.js";
import { CHROMIUM_SKIP_REASON, chromiumAvailable, type Printer, startPrinter } from "./chromium.js";
import { makeArticle, makeRandom, type Paper, type PaperArticle, paperArticles, paperHtml } from "./newspaper.js";
import { orderScore } from "./order-score.js";

// Newspaper pages printed by Chromium from HTML with CSS columns, read back by readPdf and compared with
// the paragraphs they were printed from.

if (!chromiumAvailable) console.warn(`tests/documents: ${CHROMIUM_SKIP_REASON}`);

const rnd = makeRandom(20240305);
const lead = makeArticle(rnd, 1, 10, { dateline: "本报3月4日讯 " });
const second = makeArticle(rnd, 2, 6, { dateline: "本报讯 " });
const narrow = { ...makeArticle(rnd, 3, 3), kicker: "聚焦重点项目建设" };
const wide = makeArticle(rnd, 4, 5);
const left = makeArticle(rnd, 5, 4);
const right = makeArticle(rnd, 6, 4);
const bottom = makeArticle(rnd, 7, 5);
const top4 = makeArticle(rnd, 8, 6);
const under4Left = makeArticle(rnd, 9, 4);
const under4Right = makeArticle(rnd, 10, 4);

export const PAPER: Paper = {
  name: "青岛日报",
  dateLine: "2024年3月5日 星期二",
  pages: [
    { edition: 1, section: "要闻", rows: [[{ article: lead, columns: 3, to: 5, cutInside: true, continuedTo: 2 }], [{ article: second, columns: 3 }]] },
    { edition: 2, section: "经济", rows: [[{ article: lead, columns: 2, from: 6, continuedFrom: 1 }, { article: narrow, columns: 1, centered: true }], [{ article: wide, columns: 4 }]] },
    { edition: 3, section: "区域", rows: [[{ article: left, columns: 2 }, { article: right, columns: 2 }], [{ article: bottom, columns: 3 }]] },
    // Column gutters running straight down through stacked articles: the four columns above line up with
    // the gap between the two pieces below.
    { edition: 4, section: "专版", rows: [[{ article: top4, columns: 4 }], [{ article: under4Left, columns: 2 }, { article: under4Right, columns: 2 }]] },
  ],
};

const expectedLines = (a: PaperArticle): string[] => [...(a.kicker ? [a.kicker] : []), ...(a.subtitle ? [a.subtitle] : []), ...a.paragraphs];
const linesOf = (read: DocumentRead): string[] => read.articles.flatMap((a) => a.text.split("\n"));
// The reader drops spaces next to Chinese characters (justified lines are full of them).
const squeeze = (lines: string[]) => lines.map((l) => l.replace(/\s+/g, ""));

describe.skipIf(!chromiumAvailable)(`newspaper PDF${chromiumAvailable ? "" : ` (SKIPPED: ${CHROMIUM_SKIP_REASON})`}`, () => {
  let printer: Printer;
  let read: DocumentRead;

  beforeAll(async () => {
    printer = await startPrinter();
    read = await readPdf(await printer.pdf(paperHtml(PAPER)));
  });
  afterAll(async () => printer?.close());

  it("gives one article per headline, in the order they first appear, none empty", () => {
    expect(read.articles.map((a) => a.title)).toEqual(paperArticles(PAPER).map((a) => a.title));
    expect(read.warnings).toEqual([]);
  });

  it("reads ≥ 98% of the paragraphs whole and in order (measured against the printed HTML)", () => {
    const expected = paperArticles(PAPER).flatMap(expectedLines);
    const score = orderScore(expected, linesOf(read));
    expect(score.ratio, `${score.matched}/${score.total} paragraphs in order`).toBeGreaterThanOrEqual(0.98);
  });

  it("reads every article complete: columns, side-by-side pieces and the part continued on page 2", () => {
    for (const [got, want] of read.articles.map((a, i) => [a, paperArticles(PAPER)[i]!] as const)) {
      expect(squeeze(got.text.split("\n")), want.title).toEqual(squeeze(expectedLines(want)));
    }
  });

  it("reads whole the paragraphs Chromium laid out over two columns (text from the second column)", async () => {
    const expected = new Set(paperArticles(PAPER).flatMap((a) => a.paragraphs));
    const spread = (await printer.paragraphColumns(paperHtml(PAPER))).filter((p) => p.columns > 1 && expected.has(p.text));
    expect(spread.length).toBeGreaterThanOrEqual(5);
    const lines = new Set(squeeze(linesOf(read)));
    for (const p of spread) expect(lines.has(p.text.replace(/\s+/g, "")), p.text).toBe(true);
  });

  it("joins the article continued through （下转第二版）/（上接第一版）, the cut paragraph whole", () => {
    const article = read.articles.find((a) => a.title === lead.title)!;
    expect(article.pages).toEqual([1, 2]);
    expect(article.text).toContain(lead.paragraphs[5]!); // cut across the pages
    expect(article.text).toContain(lead.paragraphs[9]!); // last, on page 2
    expect(read.articles.map((a) => a.text).join("")).not.toMatch(/下转|上接/);
  });

  it("drops header and footer bands and bylines, and keeps the header date as the articles' date", () => {
    const all = read.articles.map((a) => `${a.title}\n${a.text}`).join("\n");
    expect(all).not.toMatch(/热线电话|社出版|星期二|本报记者/);
    for (const article of read.articles) {
      expect(article.date).toBe("2024-03-05");
      expect(article.dateEvidence).toMatch(/青岛日报.*2024年3月5日.*第[1-4]版/);
    }
    expect(read.articles.find((a) => a.title === bottom.title)!.pages).toEqual([3]);
  });
});
