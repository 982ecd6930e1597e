import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { printAnswer } from "../../src/cli/output.js";
import { ingestFiles } from "../../src/corpus/index.js";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import { createEngine, type Engine } from "../../src/engine/index.js";
import { answerCard } from "../../src/lark/cards/index.js";
import { loadBotTexts } from "../../src/lark/texts.js";
import { CorpusStore, currentGeneration } from "../../src/store/index.js";
import { cardText } from "../app/harness.js";
import { tempConfig } from "../support/engine.js";
import { CHROMIUM_SKIP_REASON, chromiumAvailable, startPrinter } from "./chromium.js";
import { makeArticle, makeRandom, paperHtml } from "./newspaper.js";

// An e-paper whose second page is a scan, ingested and asked about: the answer's citation says the quote was
// read by OCR and on which page — in the stored article, the tools' SourceRef, the Feishu card and the CLI.
// The page printed with a text layer is cited with its page only.

function tesseractWithChinese(): boolean {
  try {
    return execFileSync("tesseract", ["--list-langs"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).split(/\s+/).includes("chi_sim");
  } catch {
    return false;
  }
}
const ocrAvailable = tesseractWithChinese();
const SKIP = !chromiumAvailable ? CHROMIUM_SKIP_REASON : "tesseract with chi_sim is not installed (apt-get install -y tesseract-ocr tesseract-ocr-chi-sim); skipping the OCR citation test";
if (!chromiumAvailable || !ocrAvailable) console.warn(`tests/documents: ${SKIP}`);

// Large type and plain figures: what a scan of a printed page gives tesseract to read.
const scanHtml = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
body { margin: 0; width: 1240px; height: 1754px; background: #fff; font-family: "WenQuanYi Zen Hei", sans-serif; }
.box { padding: 120px 110px } h1 { font-size: 56px; margin: 0 0 60px } p { font-size: 40px; line-height: 1.7; margin: 0 0 30px; text-indent: 2em }
</style></head><body><div class="box"><h1>平度经济开发区新材料产业园投产</h1>
<p>本报讯 平度经济开发区新材料产业园一期项目日前正式投产，总投资32亿元。</p>
<p>项目达产后可实现年产值50亿元。</p></div></body></html>`;

describe.skipIf(!chromiumAvailable || !ocrAvailable)(`an OCR'd article cited with its mark and page${chromiumAvailable && ocrAvailable ? "" : ` (SKIPPED: ${SKIP})`}`, () => {
  const temp = tempConfig("zonebot-ocr-citation-");
  const inbox = mkdtempSync(path.join(tmpdir(), "zonebot-ocr-inbox-"));
  const file = path.join(inbox, "扫描版.pdf");
  let engine: Engine;

  beforeAll(async () => {
    const printer = await startPrinter();
    try {
      const png = await printer.screenshot(scanHtml);
      const paper = { name: "青岛日报", dateLine: "2024年3月6日 星期三", pages: [{ edition: 1, section: "要闻", rows: [[{ article: makeArticle(makeRandom(11), 1, 3), columns: 2 }]] }] };
      writeFileSync(file, await printer.pdf(paperHtml(paper, `<div class="page scan"><img src="data:image/png;base64,${png.toString("base64")}"></div>`)));
    } finally {
      await printer.close();
    }
    const report = await ingestFiles([file], { config: temp.config, gazetteer: Gazetteer.load() });
    expect(report.errors).toEqual([]);
    engine = await createEngine(temp.config, { ensureSeeds: false });
  }, 180_000);

  afterAll(() => {
    engine?.close();
    temp.cleanup();
    rmSync(inbox, { recursive: true, force: true });
  });

  it("keeps the mark and the pages in the store", () => {
    const store = CorpusStore.open(path.join(currentGeneration(temp.dataDir)!.dir, "corpus.db"), { readonly: true });
    try {
      const articles = store.articles();
      expect(articles.map((a) => [a.pages, a.ocr ?? false])).toEqual([[[1], false], [[2], true]]);
    } finally {
      store.close();
    }
  });

  it("the answer's citation carries the OCR mark and the page, on the card and in the CLI", async () => {
    const answer = await engine.ask("平度经济开发区新材料产业园一期项目总投资多少？", [], { brain: "offline" });
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("32亿元");
    const cited = answer.citations[0]!;
    expect(cited).toMatchObject({ source: "扫描版.pdf", ocr: true, pages: "2" });

    const card = cardText(answerCard(answer, loadBotTexts(), { questionMessageId: "om_q" }));
    // The scan has no header band to date it: the date is unknown, the mark and page are not.
    expect(card).toContain("**1. 《平度经济开发区新材料产业园投产》** 日期不详（OCR识别，第2页）");

    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      printAnswer(answer);
    } finally {
      spy.mockRestore();
    }
    expect(written.join("")).toContain("[1] 《平度经济开发区新材料产业园投产》 日期不详  扫描版.pdf（OCR识别，第2页）");
  });

  it("an article printed with a text layer is cited with its page and no OCR mark", () => {
    const printed = [...engine.corpus.articles.values()].find((a) => !a.ocr)!;
    const ref = engine.tools.sourceOf(printed.id);
    expect(ref).toMatchObject({ pages: "1" });
    expect(ref.ocr).toBeUndefined();
  });
});
