import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import { readArticleFile } from "../../src/ingest/index.js";
import { CHROMIUM_SKIP_REASON, chromiumAvailable, startPrinter } from "../documents/chromium.js";
import { makeArticle, makeRandom, paperHtml } from "../documents/newspaper.js";

// A scanned page in an e-paper, ingested: its article is marked ocr (for citations to say so), the page's
// warning reaches the ingest report, the pages with a text layer are read as usual.

function tesseractWithChinese(): boolean {
  try {
    return execFileSync("tesseract", ["--list-langs"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).split(/\s+/).includes("chi_sim");
  } catch {
    return false;
  }
}
const ocrAvailable = tesseractWithChinese();
const SKIP = !chromiumAvailable ? CHROMIUM_SKIP_REASON : "tesseract with chi_sim is not installed; skipping the ingest OCR test";
if (!chromiumAvailable || !ocrAvailable) console.warn(`tests/ingest: ${SKIP}`);

const scanHtml = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
body { margin: 0; width: 1240px; height: 1754px; background: #fff; font-family: "WenQuanYi Zen Hei", sans-serif; }
.box { padding: 120px 110px } h1 { font-size: 56px; margin: 0 0 60px } p { font-size: 36px; line-height: 1.7; margin: 0 0 30px; text-indent: 2em }
</style></head><body><div class="box"><h1>平度经济开发区新材料产业园投产</h1><p>本报讯 平度经济开发区新材料产业园一期项目日前正式投产。</p></div></body></html>`;

describe.skipIf(!chromiumAvailable || !ocrAvailable)(`a scanned page ingested${chromiumAvailable && ocrAvailable ? "" : ` (SKIPPED: ${SKIP})`}`, () => {
  const dir = mkdtempSync(path.join(tmpdir(), "zonebot-ingest-ocr-"));
  const file = path.join(dir, "扫描版.pdf");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const printer = await startPrinter();
    try {
      const rnd = makeRandom(7);
      const png = await printer.screenshot(scanHtml);
      const paper = { name: "青岛日报", dateLine: "2024年3月6日 星期三", pages: [{ edition: 1, section: "要闻", rows: [[{ article: makeArticle(rnd, 1, 3), columns: 2 }]] }] };
      writeFileSync(file, await printer.pdf(paperHtml(paper, `<div class="page scan"><img src="data:image/png;base64,${png.toString("base64")}"></div>`)));
    } finally {
      await printer.close();
    }
  });

  it("marks the OCR'd article, keeps the printed one unmarked, and passes the page's warning on", async () => {
    const { articles, warnings } = await readArticleFile(file, { gazetteer: Gazetteer.load() });
    expect(articles.map((a) => [a.pages, a.ocr ?? false])).toEqual([[[1], false], [[2], true]]);
    expect(articles[1]!.title).toContain("新材料产业园");
    expect(warnings).toEqual([expect.objectContaining({ reason: "document", detail: expect.stringMatching(/^第2页没有文字层/) })]);
  });
});
