/**
 * A data dir written before the store was keyed by path (layout 1: sources keyed by base name, article ids
 * `${base name}#${part}`, no outlet column) still opens; the next ingest rebuilds it from the files it
 * recorded, says so, and a crash during that rebuild leaves the old generation loadable.
 */
import { copyFileSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { ensureSeedsIngested, ingestFiles, openCorpus } from "../../src/corpus/index.js";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import { CorpusStore, currentGeneration, STORE_VERSION } from "../../src/store/index.js";
import { ingestWorkspace } from "../support/ingest.js";

const gazetteer = Gazetteer.load();
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** The tables as layout 1 created them. */
const LAYOUT_1 = `
CREATE TABLE sources (source TEXT PRIMARY KEY, path TEXT NOT NULL, content_hash TEXT NOT NULL, ingested_at TEXT NOT NULL);
CREATE TABLE articles (id TEXT PRIMARY KEY, source TEXT NOT NULL, part INTEGER NOT NULL, title TEXT NOT NULL, date TEXT,
  date_evidence TEXT, zones TEXT NOT NULL, text TEXT NOT NULL, content_hash TEXT NOT NULL);
CREATE TABLE facts (id TEXT PRIMARY KEY, article_id TEXT NOT NULL, source TEXT NOT NULL, zone TEXT, subject TEXT NOT NULL,
  metric TEXT NOT NULL, metric_key TEXT NOT NULL, value REAL NOT NULL, unit TEXT NOT NULL, raw TEXT NOT NULL,
  qualifier TEXT NOT NULL, kind TEXT NOT NULL, year INTEGER, period TEXT NOT NULL, period_key TEXT NOT NULL, evidence TEXT NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL, month INTEGER);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

/** Rewrites the current generation's corpus.db the way layout 1 stored the same rows. */
function downgradeToLayout1(dataDir: string): void {
  const file = path.join(currentGeneration(dataDir)!.dir, "corpus.db");
  const old = `${file}.old`;
  const db = new Database(old);
  db.exec(LAYOUT_1);
  db.exec(`ATTACH '${file}' AS new`);
  db.exec(`
    INSERT INTO sources SELECT source, path, content_hash, ingested_at FROM new.sources;
    INSERT INTO articles SELECT source || '#' || part, source, part, title, date, date_evidence, zones, text, content_hash FROM new.articles;
    INSERT INTO facts SELECT f.id, a.source || '#' || a.part, f.source, f.zone, f.subject, f.metric, f.metric_key, f.value, f.unit, f.raw,
      f.qualifier, f.kind, f.year, f.period, f.period_key, f.evidence, f.start, f.end, f.month FROM new.facts f JOIN new.articles a ON a.id = f.article_id;
    INSERT INTO meta SELECT key, value FROM new.meta WHERE key <> 'storeVersion';
  `);
  db.exec("DETACH new");
  db.close();
  renameSync(old, file);
}

const NOTE = (zone: string, count: number, outlet: string) => `---
title: ${zone}项目建设情况
date: 2023-05-10
zone: ${zone}
source: ${outlet}
---
　　本报讯 今年以来，${zone}新开工重点项目${count}个，完成投资${count * 3}亿元。
`;

describe("a data dir of the older store layout", () => {
  it("opens, then is rebuilt from the files it recorded (a vanished one reported), with a crash in between leaving it loadable", async () => {
    const { config, inbox } = ingestWorkspace(cleanups);
    const files = ["east/one.md", "west/two.md", "gone.md"].map((name) => path.join(inbox, name));
    files.forEach((file, i) => {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, NOTE(["青岛高新区", "上合示范区", "青岛蓝谷"][i]!, 10 + i, "青岛日报"));
    });
    await ingestFiles([inbox], { config, gazetteer, workers: 0 });
    downgradeToLayout1(config.dataDir);
    const oldGeneration = currentGeneration(config.dataDir)!.name;

    const opened = await openCorpus(config);
    expect(opened.store.version()).toBe(1);
    expect([...opened.articles.keys()].sort()).toEqual(["gone.md#0", "one.md#0", "two.md#0"]);
    expect([...opened.articles.values()].every((article) => article.outlet === undefined)).toBe(true);
    opened.close();

    rmSync(files[2]!);
    const crash = () => {
      throw new Error("simulated crash");
    };
    await expect(ingestFiles([], { config, gazetteer, workers: 0, beforeCommit: crash })).rejects.toThrow("simulated crash");
    expect(currentGeneration(config.dataDir)?.name).toBe(oldGeneration);
    const stillOld = await openCorpus(config);
    expect(stillOld.store.version()).toBe(1);
    expect(stillOld.articles.size).toBe(3);
    stillOld.close();

    const upgraded = await ingestFiles([], { config, gazetteer, workers: 0 });
    expect(upgraded.upgrade).toEqual({ from: 1, to: STORE_VERSION, reread: 2, missing: [files[2]] });
    expect(upgraded.rebuilt).toBe(true);
    expect(upgraded.added.sort()).toEqual(["one.md", "two.md"]);
    const corpus = await openCorpus(config);
    cleanups.push(() => corpus.close());
    expect(corpus.store.version()).toBe(STORE_VERSION);
    expect([...corpus.articles.keys()].sort()).toEqual([`${files[0]}#0`, `${files[1]}#0`]);
    expect([...corpus.articles.values()].map((article) => article.outlet)).toEqual(["青岛日报", "青岛日报"]);
    expect(corpus.store.sources().map((s) => s.path).sort()).toEqual([files[0], files[1]]);
    expect(corpus.store.facts().every((fact) => corpus.articles.has(fact.articleId))).toBe(true);

    // Upgraded: the next run is an ordinary incremental one.
    const again = await ingestFiles([inbox], { config, gazetteer, workers: 0 });
    expect(again.upgrade).toBeUndefined();
    expect(again.rebuilt).toBe(false);
  });

  it("counts as changed seeds, so the engine's seed check rebuilds it", async () => {
    const { config } = ingestWorkspace(cleanups);
    await ingestFiles([config.seedsDir], { config, gazetteer, workers: 0 });
    expect(await ensureSeedsIngested(config, gazetteer)).toBeUndefined();
    downgradeToLayout1(config.dataDir);
    const report = await ensureSeedsIngested(config, gazetteer);
    expect(report?.upgrade?.from).toBe(1);
    const current = currentGeneration(config.dataDir)!;
    const store = CorpusStore.open(path.join(current.dir, "corpus.db"), { readonly: true });
    expect(store.version()).toBe(STORE_VERSION);
    store.close();
  });
});

describe("the engine's seed check", () => {
  it("finds the seeds already there when they were ingested from another folder, and adds no second copy", async () => {
    const { config, inbox } = ingestWorkspace(cleanups);
    // An evaluation copies the seeds (with their metadata sidecars) beside its own articles and ingests that folder.
    for (const entry of readdirSync(config.seedsDir)) copyFileSync(path.join(config.seedsDir, entry), path.join(inbox, entry));
    await ingestFiles([inbox], { config, gazetteer, workers: 0 });
    const before = currentGeneration(config.dataDir)!.name;
    expect(await ensureSeedsIngested(config, gazetteer)).toBeUndefined();
    expect(currentGeneration(config.dataDir)!.name).toBe(before);
  });
});
