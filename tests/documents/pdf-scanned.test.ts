import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPdf } from "../../src/documents/index.js";
import { CHROMIUM_SKIP_REASON, chromiumAvailable, type Printer, startPrinter } from "./chromium.js";
import { makeArticle, makeRandom, type Paper, paperHtml } from "./newspaper.js";

// An e-paper whose third page is a scan: the page rendered by Chromium to a PNG and put back as an image,
// so that page has no text layer.

const SCAN_TITLE = "平度经济开发区新材料产业园一期投产";
const SCAN_TEXT = [
  "本报讯 平度经济开发区新材料产业园一期项目日前正式投产，总投资三十二亿元。",
  "项目达产后可实现年产值五十亿元，带动就业两千人。",
];
const scanHtml = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
body { margin: 0; width: 1240px; height: 1754px; background: #fff; font-family: "WenQuanYi Zen Hei", sans-serif; }
.box { padding: 120px 110px } h1 { font-size: 56px; margin: 0 0 60px } p { font-size: 36px; line-height: 1.7; margin: 0 0 30px; text-indent: 2em }
</style></head><body><div class="box"><h1>${SCAN_TITLE}</h1>${SCAN_TEXT.map((t) => `<p>${t}</p>`).join("")}</div></body></html>`;

function tesseractWithChinese(): boolean {
  try {
    return execFileSync("tesseract", ["--list-langs"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).split(/\s+/).includes("chi_sim");
  } catch {
    return false;
  }
}
const ocrAvailable = tesseractWithChinese();
const OCR_SKIP_REASON = "tesseract with chi_sim is not installed (apt-get install -y tesseract-ocr tesseract-ocr-chi-sim); skipping the OCR test";
if (chromiumAvailable && !ocrAvailable) console.warn(`tests/documents: ${OCR_SKIP_REASON}`);

const bigrams = (text: string) => {
  const clean = text.replace(/[^\p{Script=Han}0-9]/gu, "");
  return Array.from({ length: Math.max(0, clean.length - 1) }, (_, i) => clean.slice(i, i + 2));
};

describe.skipIf(!chromiumAvailable)(`scanned page${chromiumAvailable ? "" : ` (SKIPPED: ${CHROMIUM_SKIP_REASON})`}`, () => {
  let printer: Printer;
  let pdf: Uint8Array;
  const rnd = makeRandom(99);
  const paper: Paper = {
    name: "青岛日报",
    dateLine: "2024年3月6日 星期三",
    pages: [
      { edition: 1, section: "要闻", rows: [[{ article: makeArticle(rnd, 1, 4), columns: 3 }], [{ article: makeArticle(rnd, 2, 4), columns: 2 }]] },
      { edition: 2, section: "经济", rows: [[{ article: makeArticle(rnd, 3, 4), columns: 3 }]] },
    ],
  };

  beforeAll(async () => {
    printer = await startPrinter();
    const png = await printer.screenshot(scanHtml);
    pdf = await printer.pdf(paperHtml(paper, `<div class="page scan"><img src="data:image/png;base64,${png.toString("base64")}"></div>`));
  });
  afterAll(async () => printer?.close());

  it("reports the page without a text layer by number and still reads the others (OCR off)", async () => {
    const read = await readPdf(pdf, { ocr: false });
    expect(read.warnings).toEqual(["第3页没有文字层"]);
    expect(read.articles).toHaveLength(3);
    expect(read.articles.every((a) => !a.ocr && !a.pages.includes(3))).toBe(true);
  });

  it.skipIf(!ocrAvailable)(`reads the scanned page through tesseract and marks the article ocr${ocrAvailable ? "" : ` (SKIPPED: ${OCR_SKIP_REASON})`}`, async () => {
    const read = await readPdf(pdf);
    expect(read.warnings.some((w) => w.startsWith("第3页没有文字层"))).toBe(true);
    const scanned = read.articles.filter((a) => a.ocr);
    expect(scanned).toHaveLength(1);
    expect(scanned[0]!.pages).toEqual([3]);
    expect(read.articles.at(-1)).toBe(scanned[0]);
    // OCR is not exact: most of the printed text's character pairs must come back.
    const got = new Set(bigrams(`${scanned[0]!.title}${scanned[0]!.text}`));
    const want = bigrams(SCAN_TITLE + SCAN_TEXT.join(""));
    const found = want.filter((b) => got.has(b)).length / want.length;
    expect(found).toBeGreaterThanOrEqual(0.8);
  });
});
