/**
 * A data dir written by store layout 2 (no OCR mark or pages on articles, a saved web page keyed by its file)
 * still loads as it is; opened for writing the store gains the columns; the next ingest migrates it: the PDFs
 * and saved pages are read again (pages back, the page keyed and cited by its link, no duplicate), the rest kept.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { ingestFiles, openCorpus } from "../../src/corpus/index.js";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import { CorpusStore, currentGeneration, STORE_VERSION } from "../../src/store/index.js";
import { textPdf } from "../documents/minimal-pdf.js";
import { ingestWorkspace, NEW_ARTICLE } from "../support/ingest.js";

const gazetteer = Gazetteer.load();
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const URL_OF_PAGE = "http://news.example.test/2024/0410/lanegu.html";
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>青岛蓝谷一季度新引进项目42个</title></head><body><article>
<h1>青岛蓝谷一季度新引进项目42个</h1><p>2024年4月10日</p><p>今年一季度，青岛蓝谷新引进海洋科技项目42个，总投资超过300亿元。</p></article></body></html>`;

/** The tables as layout 2 created them. */
const LAYOUT_2 = `
CREATE TABLE sources (path TEXT PRIMARY KEY, source TEXT NOT NULL, content_hash TEXT NOT NULL, ingested_at TEXT NOT NULL);
CREATE TABLE articles (id TEXT PRIMARY KEY, source TEXT NOT NULL, part INTEGER NOT NULL, title TEXT NOT NULL, date TEXT,
  date_evidence TEXT, zones TEXT NOT NULL, text TEXT NOT NULL, content_hash TEXT NOT NULL, outlet TEXT);
CREATE TABLE facts (id TEXT PRIMARY KEY, article_id TEXT NOT NULL, source TEXT NOT NULL, zone TEXT, subject TEXT NOT NULL,
  metric TEXT NOT NULL, metric_key TEXT NOT NULL, value REAL NOT NULL, unit TEXT NOT NULL, raw TEXT NOT NULL,
  qualifier TEXT NOT NULL, kind TEXT NOT NULL, year INTEGER, period TEXT NOT NULL, period_key TEXT NOT NULL, evidence TEXT NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL, month INTEGER);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

/** Rewrites the current generation's corpus.db as layout 2 stored the same rows: the saved page keyed by its file. */
function downgradeToLayout2(dataDir: string, savedPage: string): void {
  const file = path.join(currentGeneration(dataDir)!.dir, "corpus.db");
  const old = `${file}.old`;
  const db = new Database(old);
  db.exec(LAYOUT_2);
  db.exec(`ATTACH '${file}' AS new`);
  const rekey = (column: string) => `CASE WHEN ${column} LIKE '${URL_OF_PAGE}%' THEN '${savedPage}' || substr(${column}, ${URL_OF_PAGE.length + 1}) ELSE ${column} END`;
  db.exec(`
    INSERT INTO sources SELECT ${rekey("path")}, source, content_hash, ingested_at FROM new.sources;
    INSERT INTO articles SELECT ${rekey("id")}, source, part, title, date, date_evidence, zones, text, content_hash, outlet FROM new.articles;
    INSERT INTO facts SELECT id, ${rekey("article_id")}, source, zone, subject, metric, metric_key, value, unit, raw, qualifier, kind, year,
      period, period_key, evidence, start, end, month FROM new.facts;
    INSERT INTO meta SELECT key, CASE WHEN key = 'storeVersion' THEN '2' ELSE value END FROM new.meta;
  `);
  db.exec("DETACH new");
  db.close();
  renameSync(old, file);
}

describe("a data dir of store layout 2", () => {
  it("loads as it is, then the next ingest migrates it: pages back, the saved page keyed by its link, nothing doubled", async () => {
    const { config, inbox } = ingestWorkspace(cleanups);
    const pdf = path.join(inbox, "paper.pdf");
    const note = path.join(inbox, "shanghe.md");
    const savedPage = path.join(inbox, "pages", "news.example.test_2024_0410_lanegu.html");
    mkdirSync(path.dirname(savedPage), { recursive: true });
    writeFileSync(pdf, textPdf("Hello zonebot"));
    writeFileSync(note, NEW_ARTICLE);
    writeFileSync(savedPage, PAGE);
    writeFileSync(`${savedPage}.meta.json`, JSON.stringify({ url: URL_OF_PAGE }));
    await ingestFiles([pdf, note, savedPage], { config, gazetteer, workers: 0 });
    downgradeToLayout2(config.dataDir, savedPage);
    const layout2 = currentGeneration(config.dataDir)!.name;

    // The old index loads: its rows as they were, nothing marked.
    const opened = await openCorpus(config);
    expect(opened.store.version()).toBe(2);
    expect([...opened.articles.keys()].sort()).toEqual([`${savedPage}#0`, `${note}#0`, `${pdf}#0`].sort());
    expect([...opened.articles.values()].every((article) => article.pages === undefined && article.ocr === undefined)).toBe(true);
    expect(opened.store.sources().every((source) => source.file === undefined)).toBe(true);
    opened.close();

    // An ingest with nothing new still migrates: only the PDF and the saved page are read again.
    const report = await ingestFiles([], { config, gazetteer, workers: 0 });
    expect(report.rebuilt).toBe(true);
    expect(report.generation).not.toBe(layout2);
    expect(report.added.sort()).toEqual([URL_OF_PAGE, "paper.pdf"].sort());
    expect(report.upgrade).toBeUndefined();

    const migrated = await openCorpus(config);
    try {
      expect(migrated.store.version()).toBe(STORE_VERSION);
      expect([...migrated.articles.keys()].sort()).toEqual([`${URL_OF_PAGE}#0`, `${note}#0`, `${pdf}#0`].sort());
      expect(migrated.articles.get(`${pdf}#0`)?.pages).toEqual([1]);
      expect(migrated.articles.get(`${URL_OF_PAGE}#0`)?.source).toBe(URL_OF_PAGE);
      const sources = migrated.store.sources();
      expect(sources.map((s) => s.path).sort()).toEqual([URL_OF_PAGE, note, pdf].sort());
      expect(sources.find((s) => s.path === URL_OF_PAGE)?.file).toBe(savedPage);
      // Facts follow their articles: none is left under the saved file's old key.
      expect(migrated.store.facts().some((fact) => fact.articleId.startsWith(savedPage))).toBe(false);
      expect(migrated.store.facts().some((fact) => fact.articleId === `${URL_OF_PAGE}#0`)).toBe(true);
    } finally {
      migrated.close();
    }

    // Migrated once: the next ingest of nothing new writes nothing.
    const again = await ingestFiles([], { config, gazetteer, workers: 0 });
    expect(again.rebuilt).toBe(false);
  });

  it("a layout-2 store opened for writing gains the columns and this layout's version; its rows read as before", () => {
    const { dataDir } = ingestWorkspace(cleanups);
    const file = path.join(dataDir, "corpus.db");
    const db = new Database(file);
    db.exec(LAYOUT_2);
    db.exec(`INSERT INTO sources VALUES ('/a/report.pdf', 'report.pdf', 'h', 't');
      INSERT INTO articles VALUES ('/a/report.pdf#0', 'report.pdf', 0, '标题', NULL, NULL, '[]', '正文', 'h', '青岛日报');
      INSERT INTO meta VALUES ('storeVersion', '2');`);
    db.close();

    const readonly = CorpusStore.open(file, { readonly: true });
    expect(readonly.version()).toBe(2);
    expect(readonly.articles()).toEqual([{ id: "/a/report.pdf#0", source: "report.pdf", part: 0, title: "标题", date: null, dateEvidence: null, zones: [], text: "正文", contentHash: "h", outlet: "青岛日报" }]);
    expect(readonly.sources()).toEqual([{ source: "report.pdf", path: "/a/report.pdf", contentHash: "h", ingestedAt: "t" }]);
    readonly.close();

    const writable = CorpusStore.open(file);
    expect(writable.version()).toBe(STORE_VERSION);
    writable.putArticles([{
      id: "/a/scan.pdf#0", source: "scan.pdf", part: 0, title: "扫描", date: null, dateEvidence: null, zones: [], text: "正文", contentHash: "s",
      pages: [2, 3], ocr: true,
    }], [], (metric) => metric);
    writable.putSources([{ source: URL_OF_PAGE, path: URL_OF_PAGE, contentHash: "p", ingestedAt: "t", file: "/data/pages/x.html" }]);
    expect(writable.articles().find((a) => a.id === "/a/scan.pdf#0")).toMatchObject({ pages: [2, 3], ocr: true });
    expect(writable.articles().find((a) => a.id === "/a/report.pdf#0")).not.toHaveProperty("ocr");
    expect(writable.sources().find((s) => s.path === URL_OF_PAGE)?.file).toBe("/data/pages/x.html");
    writable.close();
  });
});
