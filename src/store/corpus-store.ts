import Database from "better-sqlite3";
import type { Article, Fact, FactKind, Period, Qualifier } from "../domain/types.js";

/** Articles and numeric facts of one generation, in SQLite. */
export interface FactFilter {
  zones?: string[];
  year?: number;
  /** Normalised period (Y, M1-3 …). */
  periodKey?: string;
  kinds?: FactKind[];
  metricKeys?: string[];
  articleIds?: string[];
}

/**
 * One ingested file. `path` identifies it: the absolute path, or for a fetched page the link it was fetched
 * from; `source` is what citations show (the base name, or the link). `file` is where a link's saved copy
 * is read again from (absent when `path` is the file).
 */
export interface SourceRecord {
  source: string;
  path: string;
  contentHash: string;
  ingestedAt: string;
  file?: string;
}

/**
 * Version of the layout below, kept in the meta table of every store this code creates.
 *   1 (no meta key)  sources keyed by base name; articles without an outlet; article ids `${base name}#${part}`
 *   2                sources keyed by absolute path; articles.outlet; article ids `${absolute path}#${part}`
 *   3                a fetched page keyed (and its article ids made) by its link, sources.file its saved copy;
 *                    articles.ocr and articles.pages (what citations show of a PDF article)
 * A store of layout 2 opened for writing gains the columns; ingest migrates it (corpus/build.ts) by reading
 * again the files whose rows it lacks (PDFs, saved pages). Layout 1 cannot be extended: it is rebuilt.
 */
export const STORE_VERSION = 3;
/** The oldest layout ingest extends in place (adding columns) rather than rebuilding from the recorded files. */
export const OLDEST_EXTENDABLE_STORE_VERSION = 2;
const VERSION_KEY = "storeVersion";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sources (
  path TEXT PRIMARY KEY, source TEXT NOT NULL, content_hash TEXT NOT NULL, ingested_at TEXT NOT NULL, file TEXT);
CREATE TABLE IF NOT EXISTS articles (
  id TEXT PRIMARY KEY, source TEXT NOT NULL, part INTEGER NOT NULL, title TEXT NOT NULL, date TEXT,
  date_evidence TEXT, zones TEXT NOT NULL, text TEXT NOT NULL, content_hash TEXT NOT NULL, outlet TEXT,
  ocr INTEGER, pages TEXT, zone_aliases TEXT);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source);
CREATE TABLE IF NOT EXISTS facts (
  id TEXT PRIMARY KEY, article_id TEXT NOT NULL, source TEXT NOT NULL, zone TEXT, subject TEXT NOT NULL,
  metric TEXT NOT NULL, metric_key TEXT NOT NULL, value REAL NOT NULL, unit TEXT NOT NULL, raw TEXT NOT NULL,
  qualifier TEXT NOT NULL, kind TEXT NOT NULL, year INTEGER, period TEXT NOT NULL, period_key TEXT NOT NULL, evidence TEXT NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL, month INTEGER);
CREATE INDEX IF NOT EXISTS facts_lookup ON facts(zone, metric_key, year, kind, period_key);
CREATE INDEX IF NOT EXISTS facts_zone_year ON facts(zone, year);
CREATE INDEX IF NOT EXISTS facts_article ON facts(article_id);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

interface ArticleRow {
  id: string; source: string; part: number; title: string; date: string | null; date_evidence: string | null;
  zones: string; text: string; content_hash: string;
  /** Absent in stores written before articles had an outlet (version 1). */
  outlet?: string | null;
  /** Absent before version 3: 1 when the text was read by OCR. */
  ocr?: number | null;
  /** Absent before version 3: the PDF pages read, as a JSON array. */
  pages?: string | null;
  /** Absent in older stores: other names of the home zone, as a JSON array. */
  zone_aliases?: string | null;
}
interface SourceRow {
  source: string; path: string; content_hash: string; ingested_at: string;
  /** Absent before version 3. */
  file?: string | null;
}
interface FactRow {
  id: string; article_id: string; source: string; zone: string | null; subject: string; metric: string;
  metric_key: string; value: number; unit: string; raw: string; qualifier: string; kind: string;
  year: number | null; period: string; period_key: string; evidence: string; start: number; end: number;
  /** Absent in stores written before facts had a month. */
  month?: number | null;
}

export class CorpusStore {
  private constructor(private readonly db: Database.Database) {}

  static open(file: string, options: { readonly?: boolean } = {}): CorpusStore {
    const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    if (!options.readonly) {
      db.pragma("journal_mode = DELETE");
      db.pragma("synchronous = FULL");
      const created = !hasTable(db, "sources");
      db.exec(SCHEMA);
      if (created) db.prepare("INSERT OR REPLACE INTO meta VALUES (?, ?)").run(VERSION_KEY, JSON.stringify(STORE_VERSION));
      else migrate(db);
    }
    return new CorpusStore(db);
  }

  /** Layout version of this store (1 for stores written before versions were recorded). */
  version(): number {
    return this.meta<number>(VERSION_KEY) ?? 1;
  }

  close(): void {
    this.db.close();
  }

  putSource(record: SourceRecord): void {
    this.putSources([record]);
  }

  /** Many sources in one transaction: one fsync, not one per row. A file's row replaces only that file's. */
  putSources(records: SourceRecord[]): void {
    const insert = this.db.prepare(
      "INSERT OR REPLACE INTO sources (path, source, content_hash, ingested_at, file) VALUES (@path, @source, @contentHash, @ingestedAt, @file)",
    );
    this.db.transaction(() => {
      for (const record of records) insert.run({ ...record, file: record.file ?? null });
    })();
  }

  sources(): SourceRecord[] {
    return (this.db.prepare("SELECT * FROM sources ORDER BY source, path").all() as SourceRow[]).map(toSource);
  }

  /** Inserts articles and their facts in one transaction. */
  putArticles(articles: Article[], facts: Fact[], metricKey: (metric: string) => string): void {
    const insertArticle = this.db.prepare(
      `INSERT OR REPLACE INTO articles (id, source, part, title, date, date_evidence, zones, text, content_hash, outlet, ocr, pages, zone_aliases)
       VALUES (@id, @source, @part, @title, @date, @dateEvidence, @zones, @text, @contentHash, @outlet, @ocr, @pages, @zoneAliases)`,
    );
    const insertFact = this.db.prepare(
      `INSERT OR REPLACE INTO facts VALUES (@id, @articleId, @source, @zone, @subject, @metric, @metricKey, @value, @unit,
       @raw, @qualifier, @kind, @year, @period, @periodKey, @evidence, @start, @end, @month)`,
    );
    this.db.transaction(() => {
      for (const article of articles) {
        insertArticle.run({
          ...article, zones: JSON.stringify(article.zones), outlet: article.outlet ?? null,
          ocr: article.ocr ? 1 : null, pages: article.pages?.length ? JSON.stringify(article.pages) : null,
          zoneAliases: article.zoneAliases?.length ? JSON.stringify(article.zoneAliases) : null,
        });
      }
      for (const fact of facts) insertFact.run({ ...fact, month: fact.month ?? null, metricKey: metricKey(fact.metric) });
    })();
  }

  /** In citation-name order; the parts of one file together and in order, even when two files share a name. */
  articles(): Article[] {
    const file = "substr(id, 1, length(id) - length(CAST(part AS TEXT)) - 1)";
    return (this.db.prepare(`SELECT * FROM articles ORDER BY source, ${file}, part`).all() as ArticleRow[]).map(toArticle);
  }

  facts(filter: FactFilter = {}): Fact[] {
    const { where, params } = factWhere(filter);
    const sql = `SELECT * FROM facts ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY source, start, article_id`;
    return (this.db.prepare(sql).all(...params) as FactRow[]).map(toFact);
  }

  /** Id and metric of the matching facts: cheap to read many, to pick a few by metric before reading them whole. */
  factMetrics(filter: FactFilter = {}): { id: string; metric: string }[] {
    const { where, params } = factWhere(filter);
    return this.db.prepare(`SELECT id, metric FROM facts ${where.length ? `WHERE ${where.join(" AND ")}` : ""}`).all(...params) as { id: string; metric: string }[];
  }

  factsById(ids: string[]): Fact[] {
    const rows: FactRow[] = [];
    // SQLite caps bound parameters; a few hundred at a time is plenty.
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      rows.push(...(this.db.prepare(`SELECT * FROM facts WHERE id IN (${chunk.map(() => "?").join(",")}) ORDER BY source, start, article_id`).all(...chunk) as FactRow[]));
    }
    return rows.map(toFact);
  }

  setMeta(key: string, value: unknown): void {
    this.db.prepare("INSERT OR REPLACE INTO meta VALUES (?, ?)").run(key, JSON.stringify(value));
  }

  meta<T>(key: string): T | undefined {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as T) : undefined;
  }
}

function factWhere(filter: FactFilter): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const addIn = (column: string, values: readonly unknown[] | undefined) => {
    if (!values || values.length === 0) return;
    where.push(`${column} IN (${values.map(() => "?").join(",")})`);
    params.push(...values);
  };
  addIn("zone", filter.zones);
  addIn("kind", filter.kinds);
  addIn("metric_key", filter.metricKeys);
  addIn("article_id", filter.articleIds);
  if (filter.periodKey !== undefined) {
    where.push("period_key = ?");
    params.push(filter.periodKey);
  }
  if (filter.year !== undefined) {
    where.push("year = ?");
    params.push(filter.year);
  }
  return { where, params };
}

/**
 * An older store opened for writing gains the nullable columns of this layout; its sources stay keyed as
 * they were. Layout 2 is then layout 3 with nothing marked (no OCR, no pages, links keyed by their file):
 * ingest reads the files those rows came from again before it writes such a store (corpus/build.ts).
 */
function migrate(db: Database.Database): void {
  const columns: [table: string, column: string, type: string][] = [
    ["articles", "outlet", "TEXT"], ["articles", "ocr", "INTEGER"], ["articles", "pages", "TEXT"], ["sources", "file", "TEXT"],
    ["articles", "zone_aliases", "TEXT"],
  ];
  for (const [table, column, type] of columns) {
    if (!hasColumn(db, table, column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
  }
  const row = db.prepare("SELECT value FROM meta WHERE key = ?").get(VERSION_KEY) as { value: string } | undefined;
  const version = row ? (JSON.parse(row.value) as number) : 1;
  if (version >= OLDEST_EXTENDABLE_STORE_VERSION && version < STORE_VERSION) {
    db.prepare("INSERT OR REPLACE INTO meta VALUES (?, ?)").run(VERSION_KEY, JSON.stringify(STORE_VERSION));
  }
}

function hasTable(db: Database.Database, table: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
}

function hasColumn(db: Database.Database, table: string, column: string): boolean {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).some((info) => info.name === column);
}

function toArticle(row: ArticleRow): Article {
  const article: Article = {
    id: row.id, source: row.source, part: row.part, title: row.title, date: row.date,
    dateEvidence: row.date_evidence, zones: JSON.parse(row.zones) as string[], text: row.text, contentHash: row.content_hash,
  };
  if (row.outlet) article.outlet = row.outlet;
  if (row.pages) article.pages = JSON.parse(row.pages) as number[];
  if (row.ocr) article.ocr = true;
  if (row.zone_aliases) article.zoneAliases = JSON.parse(row.zone_aliases) as string[];
  return article;
}

function toSource(row: SourceRow): SourceRecord {
  const record: SourceRecord = { source: row.source, path: row.path, contentHash: row.content_hash, ingestedAt: row.ingested_at };
  if (row.file) record.file = row.file;
  return record;
}

function toFact(row: FactRow): Fact {
  return {
    id: row.id, articleId: row.article_id, source: row.source, zone: row.zone, subject: row.subject, metric: row.metric,
    value: row.value, unit: row.unit, raw: row.raw, qualifier: row.qualifier as Qualifier, kind: row.kind as FactKind,
    year: row.year, period: row.period as Period, periodKey: row.period_key, evidence: row.evidence, start: row.start, end: row.end,
    month: row.month ?? null,
  };
}
