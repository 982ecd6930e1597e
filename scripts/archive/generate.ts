/**
 * Synthetic archive generator: articles (.md with front matter, .txt with sidecar), the ledger of
 * every stated number, planted questions and a manifest. Pure function of (articles, seed, questions):
 * the same inputs give byte-identical files.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Composer, type ArticleType } from "./compose.js";
import { METRICS } from "./data/metrics.js";
import { renderArticle, unwrap, type Format, type Layout } from "./layout.js";
import { factKey, Ledger, type LedgerFact } from "./ledger.js";
import { hexHash, Rng } from "./prng.js";
import { plantQuestions, type Question, type QuestionMeta } from "./questions.js";
import { ArchiveScanner, explicitYears, type ScanArticle } from "./scan.js";
import { isoDate } from "./text.js";
import { World } from "./world.js";
import { loadZones, type ZoneDef } from "./zones.js";

export interface GenerateOptions {
  articles: number;
  seed: string | number;
  /** Planted questions (answerable + unanswerable). Default min(400, ceil(articles / 10)). */
  questions?: number;
}

export interface ArchiveFile {
  /** Path relative to the output directory. */
  path: string;
  content: string;
}

export interface ArticleRecord {
  index: number;
  file: string;
  type: ArticleType;
  date: string;
  zone: string;
  format: Format;
  layout: Layout;
  bytes: number;
  facts: number;
  mentions: string[];
}

export interface Archive {
  files: ArchiveFile[];
  ledger: Ledger;
  questions: Question[];
  questionMeta: QuestionMeta[];
  articles: ArticleRecord[];
  manifest: Record<string, unknown>;
  zones: ZoneDef[];
}

export const TXT_SHARE = 0.3;
export const COLUMN_SHARE = 0.25;

export function generateArchive(opts: GenerateOptions): Archive {
  const seed = String(opts.seed);
  const n = opts.articles;
  if (!Number.isInteger(n) || n < 1) throw new Error(`--articles must be a positive integer, got ${n}`);
  const questionCount = opts.questions ?? Math.min(400, Math.ceil(n / 10));
  const rng = new Rng(`zonebot-archive:${seed}`);
  const { zones, groups } = loadZones();
  const zoneMap = new Map(zones.map((z) => [z.name, z]));
  const world = new World(seed, zoneMap, new Map(METRICS.map((m) => [m.id, m])));
  const composer = new Composer(seed, world, zoneMap, groups, METRICS);

  const indices = Array.from({ length: n }, (_, i) => i);
  const txt = new Set(rng.fork("formats").shuffle([...indices]).slice(0, Math.round(n * TXT_SHARE)));
  const column = new Set(rng.fork("layouts").shuffle([...indices]).slice(0, Math.round(n * COLUMN_SHARE)));

  const files: ArchiveFile[] = [];
  const ledger = new Ledger();
  const articles: ArticleRecord[] = [];
  const scanArticles: ScanArticle[] = [];
  const flatByFile = new Map<string, string>();
  const projectMentions = new Map<string, number>();
  let articleBytes = 0;
  let factNo = 0;

  for (const i of indices) {
    const arng = rng.fork(`article:${i}`);
    const draft = composer.compose(arng);
    const format: Format = txt.has(i) ? "txt" : "md";
    const layout: Layout = column.has(i) ? "column" : "plain";
    const file = `${String(i).padStart(5, "0")}_${hexHash(`${seed}:${i}`, 12)}.${format}`;
    const rendered = renderArticle(draft, format, layout, arng);
    const flat = unwrap(rendered.content);
    for (const f of draft.facts) {
      if (!flat.includes(f.evidence)) throw new Error(`evidence not found in ${file}: ${f.evidence}`);
      const fact: LedgerFact = { id: `f${String(++factNo).padStart(6, "0")}`, file, ...f };
      ledger.add(fact);
    }
    for (const p of new Set(draft.projects)) projectMentions.set(p, (projectMentions.get(p) ?? 0) + 1);
    files.push({ path: `articles/${file}`, content: rendered.content });
    let bytes = Buffer.byteLength(rendered.content);
    if (rendered.sidecar !== undefined) {
      files.push({ path: `articles/${file.replace(/\.txt$/, ".meta.json")}`, content: rendered.sidecar });
      bytes += Buffer.byteLength(rendered.sidecar);
    }
    articleBytes += bytes;
    flatByFile.set(file, flat);
    scanArticles.push({ file, dateYear: draft.date.y, flat, years: explicitYears(flat) });
    articles.push({ index: i, file, type: draft.type, date: isoDate(draft.date), zone: draft.zone, format, layout, bytes, facts: draft.facts.length, mentions: draft.mentions });
  }

  const scanner = new ArchiveScanner(scanArticles, zones);
  const { questions, meta } = plantQuestions({ ledger, scanner, zones: zoneMap, projectMentions, flatByFile, rng: rng.fork("questions"), count: questionCount });

  const questionsText = questions.map((q) => JSON.stringify(q)).join("\n") + (questions.length ? "\n" : "");
  const metaText = meta.map((m) => JSON.stringify(m)).join("\n") + (meta.length ? "\n" : "");
  const ledgerText = ledger.facts.map((f) => JSON.stringify(f)).join("\n") + "\n";
  const manifest = buildManifest({ seed, n, articles, ledger, questions, meta, zones, articleBytes, questionsBytes: Buffer.byteLength(questionsText), ledgerBytes: Buffer.byteLength(ledgerText) });
  files.push({ path: "questions.jsonl", content: questionsText });
  files.push({ path: "questions.meta.jsonl", content: metaText });
  files.push({ path: "ledger.jsonl", content: ledgerText });
  files.push({ path: "manifest.json", content: `${JSON.stringify(manifest, null, 2)}\n` });
  return { files, ledger, questions, questionMeta: meta, articles, manifest, zones };
}

function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const k = key(item);
    out[k] = (out[k] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function buildManifest(x: {
  seed: string; n: number; articles: ArticleRecord[]; ledger: Ledger; questions: Question[]; meta: QuestionMeta[]; zones: ZoneDef[];
  articleBytes: number; questionsBytes: number; ledgerBytes: number;
}): Record<string, unknown> {
  const facts = x.ledger.facts;
  const keyCounts = new Map<string, number>();
  for (const f of facts) keyCounts.set(factKey(f), (keyCounts.get(factKey(f)) ?? 0) + 1);
  const decoyFiles = new Set(facts.filter((f) => f.role === "decoy").map((f) => f.file));
  const yearExprClass = (e: string) => (/^\d{4}年/.test(e) ? "explicit" : e === "implicit" ? "implicit" : ["今年", "去年", "明年", "过去一年"].includes(e) ? "relative" : "other");
  const dates = x.articles.map((a) => a.date).sort();
  const mainZone = countBy(x.articles, (a) => a.zone);
  const mentioned = new Map<string, number>();
  for (const a of x.articles) for (const z of a.mentions) mentioned.set(z, (mentioned.get(z) ?? 0) + 1);
  return {
    generator: "scripts/gen-archive.ts",
    version: 1,
    seed: x.seed,
    counts: {
      articles: x.n,
      md: x.articles.filter((a) => a.format === "md").length,
      txt: x.articles.filter((a) => a.format === "txt").length,
      sidecars: x.articles.filter((a) => a.format === "txt").length,
      column: x.articles.filter((a) => a.layout === "column").length,
      plain: x.articles.filter((a) => a.layout === "plain").length,
      byType: countBy(x.articles, (a) => a.type),
      questions: x.questions.length,
      questionsByType: countBy(x.questions, (q) => q.type),
      unanswerableByReason: countBy(x.meta.filter((m) => m.reason), (m) => m.reason ?? ""),
    },
    bytes: {
      articles: x.articleBytes,
      averagePerArticle: Math.round(x.articleBytes / Math.max(1, x.n)),
      questions: x.questionsBytes,
      ledger: x.ledgerBytes,
    },
    dateRange: [dates[0] ?? null, dates[dates.length - 1] ?? null],
    facts: {
      total: facts.length,
      byKind: countBy(facts, (f) => f.kind),
      byPeriod: countBy(facts, (f) => (f.period.startsWith("M1-") ? "M1-n" : f.period)),
      byRole: countBy(facts, (f) => f.role),
      decoyShare: Math.round((facts.filter((f) => f.role === "decoy").length / Math.max(1, facts.length)) * 1000) / 1000,
      decoysByType: countBy(facts.filter((f) => f.decoy), (f) => f.decoy ?? ""),
      articlesWithDecoys: decoyFiles.size,
      articlesWithDecoysShare: Math.round((decoyFiles.size / Math.max(1, x.n)) * 1000) / 1000,
      yearExpression: countBy(facts, (f) => yearExprClass(f.yearExpr)),
      distinctKeys: keyCounts.size,
      keysStatedOnce: [...keyCounts.values()].filter((c) => c === 1).length,
    },
    zones: x.zones.map((z) => ({
      name: z.name,
      real: z.real,
      parent: z.parent,
      aliases: z.aliases,
      renderAliases: z.renderAliases,
      mainZoneOf: mainZone[z.name] ?? 0,
      mentionedIn: mentioned.get(z.name) ?? 0,
    })),
    metrics: METRICS.map((m) => ({ id: m.id, name: m.phrases[0], phrases: m.phrases, measure: m.measure, unit: m.unit, periods: m.periods })),
    files: {
      articles: "articles/*.md (YAML front matter: title, date, zone) and articles/*.txt + *.meta.json (date, evidence)",
      questions: "questions.jsonl (same schema as tests/eval/seed_questions.public.jsonl; source = article file name)",
      questionsMeta: "questions.meta.jsonl (ledger fact ids, asked key, unanswerable reason, look-alike counts)",
      ledger: "ledger.jsonl (every stated number: zone, metric, year, kind, period, raw, evidence, role/decoy)",
    },
  };
}

/** Write an archive under `dir`. Refuses to mix with an earlier run unless `force`. */
export function writeArchive(archive: Archive, dir: string, force = false): void {
  const articlesDir = join(dir, "articles");
  if (existsSync(articlesDir) && readdirSync(articlesDir).length > 0) {
    if (!force) throw new Error(`${articlesDir} is not empty (use --force to replace it)`);
    rmSync(articlesDir, { recursive: true, force: true });
  }
  mkdirSync(articlesDir, { recursive: true });
  for (const f of archive.files) writeFileSync(join(dir, f.path), f.content);
}
