import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import type { Article } from "../../src/domain/types.js";
import { CorpusStore, STORE_VERSION, type SourceRecord } from "../../src/store/index.js";

const dirs: string[] = [];
const dbFile = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "zonebot-store-"));
  dirs.push(dir);
  return path.join(dir, "corpus.db");
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function article(file: string, part: number, extra: Partial<Article> = {}): Article {
  return {
    id: `${file}#${part}`, source: path.basename(file), part, title: `${file} ${part}`, date: "2024-01-02", dateEvidence: "cli",
    zones: [], text: `正文${part}`, contentHash: "h", ...extra,
  };
}

function source(file: string, hash: string): SourceRecord {
  return { source: path.basename(file), path: file, contentHash: hash, ingestedAt: "2024-01-02T00:00:00.000Z" };
}

describe("CorpusStore", () => {
  it("records its layout version in a new store", () => {
    const file = dbFile();
    CorpusStore.open(file).close();
    const store = CorpusStore.open(file, { readonly: true });
    expect(store.version()).toBe(STORE_VERSION);
    store.close();
  });

  it("keys sources by path: files sharing a name are two rows, and rewriting one replaces only it", () => {
    const store = CorpusStore.open(dbFile());
    store.putSources([source("/a/report.md", "1"), source("/b/report.md", "2")]);
    store.putSource(source("/b/report.md", "3"));
    expect(store.sources().map((s) => [s.source, s.path, s.contentHash])).toEqual([
      ["report.md", "/a/report.md", "1"],
      ["report.md", "/b/report.md", "3"],
    ]);
    store.close();
  });

  it.each([
    { name: "with an outlet", extra: { outlet: "青岛日报" }, outlet: "青岛日报" },
    { name: "without one", extra: {}, outlet: undefined },
  ])("stores an article $name and returns it as written", ({ extra, outlet }) => {
    const store = CorpusStore.open(dbFile());
    const written = article("/a/report.md", 0, extra);
    store.putArticles([written], [], (metric) => metric);
    const [read] = store.articles();
    expect(read).toEqual(written);
    expect(read?.outlet).toBe(outlet);
    store.close();
  });

  it("lists a file's parts together and in order, even when another file has the same name", () => {
    const store = CorpusStore.open(dbFile());
    const parts = [article("/b/report.md", 0), article("/a/report.md", 10), article("/a/report.md", 2), article("/a/other.md", 0)];
    store.putArticles(parts, [], (metric) => metric);
    expect(store.articles().map((a) => a.id)).toEqual(["/a/other.md#0", "/a/report.md#2", "/a/report.md#10", "/b/report.md#0"]);
    store.close();
  });

  it("opens a store of layout 1 (no version, no outlet column): read as it is, for writing given the column", () => {
    const file = dbFile();
    const db = new Database(file);
    db.exec(`CREATE TABLE sources (source TEXT PRIMARY KEY, path TEXT NOT NULL, content_hash TEXT NOT NULL, ingested_at TEXT NOT NULL);
      CREATE TABLE articles (id TEXT PRIMARY KEY, source TEXT NOT NULL, part INTEGER NOT NULL, title TEXT NOT NULL, date TEXT,
        date_evidence TEXT, zones TEXT NOT NULL, text TEXT NOT NULL, content_hash TEXT NOT NULL);
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      INSERT INTO sources VALUES ('report.md', '/a/report.md', 'h', 't');
      INSERT INTO articles VALUES ('report.md#0', 'report.md', 0, '标题', NULL, NULL, '[]', '正文', 'h');`);
    db.close();
    const readonly = CorpusStore.open(file, { readonly: true });
    expect(readonly.version()).toBe(1);
    expect(readonly.articles()).toEqual([{ id: "report.md#0", source: "report.md", part: 0, title: "标题", date: null, dateEvidence: null, zones: [], text: "正文", contentHash: "h" }]);
    expect(readonly.sources()).toEqual([{ source: "report.md", path: "/a/report.md", contentHash: "h", ingestedAt: "t" }]);
    readonly.close();
    const writable = CorpusStore.open(file);
    expect(writable.version()).toBe(1);
    writable.putArticles([article("/a/x.md", 0, { outlet: "青岛日报" })], [], (metric) => metric);
    expect(writable.articles().find((a) => a.id === "/a/x.md#0")?.outlet).toBe("青岛日报");
    writable.close();
  });
});
