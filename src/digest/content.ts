import { createHash } from "node:crypto";
import path from "node:path";
import type { Article, Fact, FactKind } from "../domain/types.js";
import type { Engine } from "../engine/index.js";
import { canonicalMetric, metricFit } from "../facts/index.js";
import { CorpusStore, currentGeneration, type SourceRecord } from "../store/index.js";
import { bigramCoverage } from "../text/similarity.js";
import type { DigestSnapshot } from "./store.js";

/** What the digest reads: one corpus generation's articles, facts and sources. */
export interface DigestCorpus {
  generation: string;
  articles: Article[];
  facts: Fact[];
  sources: SourceRecord[];
}

/** The part of the engine the digest needs (the bot's BotEngine and the CLI's Engine both fit). */
export type DigestEngine = Pick<Engine, "corpus"> & { llm?: unknown };

/**
 * The newest committed generation: a running bot keeps the corpus it started with, but an ingest
 * since then commits a new generation, and the next digest must show what it added.
 */
export function readCorpus(engine: DigestEngine, dataDir?: string): DigestCorpus {
  const current = dataDir ? currentGeneration(dataDir) : undefined;
  if (current && current.name !== engine.corpus.generation) {
    try {
      const store = CorpusStore.open(path.join(current.dir, "corpus.db"), { readonly: true });
      try {
        return { generation: current.name, articles: store.articles(), facts: store.facts(), sources: store.sources() };
      } finally {
        store.close();
      }
    } catch {
      // A generation being pruned under us: fall back to the loaded one.
    }
  }
  const store = engine.corpus.store;
  return { generation: engine.corpus.generation, articles: [...engine.corpus.articles.values()], facts: store.facts(), sources: store.sources() };
}

export interface DigestArticle {
  id: string;
  source: string;
  title: string;
  date: string | null;
  /** First sentence of the body, shortened. */
  line: string;
  zones: string[];
  ingestedAt?: string;
}

export interface DigestFact {
  zone: string;
  kind: FactKind;
  year: number | null;
  metric: string;
  raw: string;
  value: number;
  unit: string;
  evidence: string;
  source: string;
  title: string;
  date: string | null;
}

export interface ProgressPair {
  zone: string;
  metric: string;
  target: DigestFact;
  actual: DigestFact;
  /** actual / target × 100, rounded, when both have the same unit. */
  percent?: number;
}

export interface DeadlineItem {
  zone: string;
  /** Verbatim clause(s) from the article. */
  quote: string;
  /** The deadline words as written: 年底, 四季度, 6月底 … */
  phrase: string;
  /** Deadline as a date `YYYY-MM-DD` (end of the period named). */
  due: string;
  ahead: boolean;
  daysLeft: number;
  title: string;
  date: string | null;
  source: string;
}

export interface ChartSeries {
  metric: string;
  year: number;
  unit: string;
  /** Display unit after scaling (元 → 亿元). */
  displayUnit: string;
  kind: "target" | "actual";
  points: { zone: string; value: number; raw: string }[];
}

export interface DigestContent {
  /** Zones asked for (empty = all). */
  scope: string[];
  /** Zones the content covers. */
  zones: string[];
  now: number;
  generation: string;
  articleCount: number;
  /** Articles since the baseline (or the latest ones on a first digest, `firstDigest` true). */
  newArticles: DigestArticle[];
  firstDigest: boolean;
  targets: { zone: string; facts: DigestFact[] }[];
  progress: ProgressPair[];
  deadlines: DeadlineItem[];
  chart?: ChartSeries;
  /** Nothing new since the baseline: no new article, same targets/progress/deadlines. */
  quiet: boolean;
  snapshot: DigestSnapshot;
}

export interface BuildOptions {
  /** Canonical zone names; empty = all. */
  zones?: string[];
  now: number;
  /** The previous digest's snapshot for this chat. */
  baseline?: DigestSnapshot;
  /** Without a baseline: articles ingested at or after this ISO date count as new. */
  since?: string;
  maxTargetsPerZone?: number;
}

const TARGET_KINDS: FactKind[] = ["target", "plan"];
const KIND_ORDER: Record<string, number> = { target: 0, plan: 1, actual: 2, investment: 3 };
const FIRST_DIGEST_ARTICLES = 8;
const MAX_PROGRESS = 8;
const MAX_DEADLINES = 12;

export function buildDigestContent(corpus: DigestCorpus, options: BuildOptions): DigestContent {
  const scope = options.zones ?? [];
  const inScope = (zone: string | null): zone is string => zone !== null && (scope.length === 0 || scope.includes(zone));
  const articlesById = new Map(corpus.articles.map((a) => [a.id, a]));
  const ingestedAt = new Map(corpus.sources.map((s) => [s.source, s.ingestedAt]));
  const toFact = (fact: Fact): DigestFact => {
    const article = articlesById.get(fact.articleId);
    return {
      zone: fact.zone ?? "", kind: fact.kind, year: fact.year, metric: metricLabel(fact), raw: rawLabel(fact), value: fact.value, unit: fact.unit,
      evidence: fact.evidence, source: fact.source, title: article?.title ?? fact.source, date: article?.date ?? null,
    };
  };

  const scopedArticles = corpus.articles
    .filter((a) => scope.length === 0 || a.zones.some((z) => scope.includes(z)))
    .sort(byDateDesc);
  const allKeys = corpus.articles.map(articleKey);
  let newArticles: Article[];
  let firstDigest = false;
  if (options.baseline) {
    const seen = new Set(options.baseline.articles);
    newArticles = scopedArticles.filter((a) => !seen.has(articleKey(a)));
  } else if (options.since) {
    const since = options.since;
    newArticles = scopedArticles.filter((a) => (ingestedAt.get(a.source) ?? "") >= since);
  } else {
    firstDigest = true;
    newArticles = scopedArticles.slice(0, FIRST_DIGEST_ARTICLES);
  }

  const facts = corpus.facts.filter((f) => inScope(f.zone));
  const zoneOrder = orderZones(facts, scope);
  const maxPerZone = options.maxTargetsPerZone ?? 4;
  const targets = zoneOrder
    .map((zone) => ({ zone, facts: pickTargets(facts.filter((f) => f.zone === zone), maxPerZone).map(toFact) }))
    .filter((group) => group.facts.length > 0);
  const progress = pairProgress(facts).slice(0, MAX_PROGRESS).map(({ target, actual }) => {
    const t = toFact(target);
    const a = toFact(actual);
    const percent = target.unit === actual.unit && target.value > 0 && target.unit !== "%" ? Math.round((actual.value / target.value) * 100) : undefined;
    return { zone: t.zone, metric: t.metric, target: t, actual: a, percent };
  });
  const deadlines = findDeadlines(corpus.articles, facts, scope, options.now);
  const chart = pickChart(corpus.facts, scope);
  const fingerprint = hash(JSON.stringify({
    t: targets.map((g) => g.facts.map((f) => `${f.zone}|${f.metric}|${f.raw}|${f.year}|${f.source}`)),
    p: progress.map((p) => `${p.zone}|${p.metric}|${p.target.raw}|${p.actual.raw}`),
    d: deadlines.map((d) => `${d.zone}|${d.quote}|${d.due}`),
    s: scope,
  }));
  const snapshot: DigestSnapshot = { articles: allKeys, fingerprint, at: new Date(options.now).toISOString() };
  const quiet = options.baseline !== undefined && newArticles.length === 0 && options.baseline.fingerprint === fingerprint;
  return {
    scope, zones: zoneOrder, now: options.now, generation: corpus.generation, articleCount: scopedArticles.length,
    newArticles: newArticles.map((a) => ({
      id: a.id, source: a.source, title: a.title, date: a.date, line: firstLine(a), zones: a.zones, ingestedAt: ingestedAt.get(a.source),
    })),
    firstDigest, targets, progress, deadlines, chart, quiet, snapshot,
  };
}

export function articleKey(article: Pick<Article, "id" | "contentHash">): string {
  return `${article.id}@${article.contentHash.slice(0, 16)}`;
}

function hash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 32);
}

function byDateDesc(a: Article, b: Article): number {
  return (b.date ?? "").localeCompare(a.date ?? "") || a.id.localeCompare(b.id);
}

/** Metrics that say nothing without their subject (「3支产业基金」总规模). */
const GENERIC_METRIC = /^(?:总规模|总投资|规模|面积|建筑面积|占地面积)$/u;

function metricLabel(fact: Fact): string {
  const subject = fact.subject;
  return subject && !fact.metric.includes(subject) && subject.length <= 14 && (!/\d/.test(subject) || GENERIC_METRIC.test(fact.metric)) ? `${subject}${fact.metric}` : fact.metric;
}

/** The number as written with its qualifier where Chinese puts it: 突破5000家, 100家以上, 30余个. */
export function rawLabel(fact: Pick<Fact, "raw" | "qualifier">): string {
  const { raw, qualifier } = fact;
  if (!qualifier || raw.includes(qualifier)) return raw;
  return ["突破", "超", "近", "约", "达"].includes(qualifier) ? `${qualifier}${raw}` : `${raw}${qualifier}`;
}

/** The body's first sentence that is not the title, at most 60 characters. */
function firstLine(article: Article): string {
  const sentences = article.text.split(/(?<=[。！？!?])|\n/u).map((s) => s.trim()).filter((s) => s.length >= 8 && s !== article.title);
  const line = sentences.find((s) => !s.startsWith(article.title)) ?? sentences[0] ?? "";
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

/** Zones with the most target/plan facts first; the subscription's own order when it names zones. */
function orderZones(facts: Fact[], scope: string[]): string[] {
  const counts = new Map<string, { targets: number; latest: number }>();
  for (const fact of facts) {
    const entry = counts.get(fact.zone!) ?? { targets: 0, latest: 0 };
    if (TARGET_KINDS.includes(fact.kind)) entry.targets += 1;
    entry.latest = Math.max(entry.latest, fact.year ?? 0);
    counts.set(fact.zone!, entry);
  }
  if (scope.length > 0) return scope.filter((zone) => counts.has(zone));
  return [...counts.entries()]
    .filter(([, c]) => c.targets > 0)
    .sort(([za, a], [zb, b]) => b.latest - a.latest || b.targets - a.targets || za.localeCompare(zb))
    .map(([zone]) => zone);
}

/** A zone's key targets: latest year first, targets before plans, one per metric, the stated 「力争/全年」 ones first. */
function pickTargets(facts: Fact[], max: number): Fact[] {
  const candidates = facts
    .filter((f) => TARGET_KINDS.includes(f.kind) && f.year !== null)
    .sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || emphasis(b) - emphasis(a) || KIND_ORDER[a.kind]! - KIND_ORDER[b.kind]! || a.source.localeCompare(b.source) || a.start - b.start);
  const seen = new Set<string>();
  const picked: Fact[] = [];
  for (const fact of candidates) {
    const key = metricKey(fact.metric);
    if (seen.has(key) || fact.metric.length < 2) continue;
    seen.add(key);
    picked.push(fact);
    if (picked.length >= max) break;
  }
  return picked;
}

const metricKeys = new Map<string, string>();

/** canonicalMetric, memoised (it scans the synonym table per character). */
function metricKey(metric: string): string {
  let key = metricKeys.get(metric);
  if (key === undefined) {
    if (metricKeys.size > 50_000) metricKeys.clear();
    metricKeys.set(metric, (key = canonicalMetric(metric)));
  }
  return key;
}

function emphasis(fact: Fact): number {
  return /力争|全年|年内|确保|目标/u.test(fact.evidence) ? 1 : 0;
}

/** Same zone, same (or nearly the same) metric and unit: a target or plan and an actual from a different clause. */
function pairProgress(facts: Fact[]): { target: Fact; actual: Fact }[] {
  const keyOf = (fact: Fact): string => metricKey(fact.metric);
  const actualsBySlot = new Map<string, Fact[]>();
  for (const fact of facts) {
    if (fact.kind !== "actual") continue;
    const slot = `${fact.zone}|${fact.unit}`;
    const list = actualsBySlot.get(slot);
    if (list) list.push(fact);
    else actualsBySlot.set(slot, [fact]);
  }
  const pairs: { target: Fact; actual: Fact; score: number }[] = [];
  for (const target of facts) {
    if (!TARGET_KINDS.includes(target.kind)) continue;
    let best: { actual: Fact; score: number } | undefined;
    for (const actual of actualsBySlot.get(`${target.zone}|${target.unit}`) ?? []) {
      if (actual.articleId === target.articleId && actual.start === target.start) continue;
      if (actual.evidence === target.evidence) continue;
      // Progress is this year's result against this year's goal, over the same part of the year or less.
      if (target.year === null || actual.year !== target.year) continue;
      const score = Math.max(metricMatch(keyOf(target), keyOf(actual)) >= 0.8 ? 0.8 : 0, metricFit(target.metric, actual.metric));
      if (score < PROGRESS_METRIC_FIT) continue;
      const total = score + (actual.periodKey === target.periodKey ? 0.1 : 0);
      if (!best || total > best.score) best = { actual, score: total };
    }
    if (best) pairs.push({ target, actual: best.actual, score: best.score });
  }
  const used = new Set<string>();
  return pairs
    .sort((a, b) => b.score - a.score || (b.target.year ?? 0) - (a.target.year ?? 0))
    .filter((p) => {
      const key = `${p.target.zone}|${keyOf(p.target)}`;
      if (used.has(key) || used.has(p.actual.id)) return false;
      used.add(key);
      used.add(p.actual.id);
      return true;
    });
}

/** Match of two canonical metric keys: equal, or the shorter (≥ 4 characters) covered by the longer. */
/** A result and a goal are of one metric when their wordings fit at least this well. */
const PROGRESS_METRIC_FIT = 0.75;

function metricMatch(ka: string, kb: string): number {
  if (ka === kb) return 1;
  const [short, long] = ka.length <= kb.length ? [ka, kb] : [kb, ka];
  if (short.length < 4) return 0;
  return bigramCoverage(short, long);
}

// ---- deadlines ----

const DEADLINE = /(年底前?|年末|年内|[一二三四]季度末?|上半年|下半年|(?<!\d)(?:1[0-2]|[1-9])月(?:底|末|份)?前?(?![\d日号]))/u;
const ACTION = /交付|竣工|竣备|投产|开工|动工|通车|点亮|建成|完工|封顶|签约|落地|启用|投用|开业|运营|达产/u;
/** 「4月1日」: a report of an event on a date, not a deadline. */
const EVENT_DATE = /\d{1,2}月\d{1,2}日|\d{1,2}日[,，]/u;
const DONE = /已(?:经)?(?:完成|建成|竣工|开工|投产|交付|通车|签约|落地|启用)/u;

/**
 * Clauses that tie a project to a deadline (「预计6月交付使用」「确保四季度整体竣工」「年底前第一条模组
 * 生产线如期点亮」), from the articles the facts come from. The deadline is the end of the period named,
 * in the year the article (or its facts) speak of.
 */
export function findDeadlines(articles: Article[], facts: Fact[], scope: string[], now: number): DeadlineItem[] {
  const factsByArticle = new Map<string, Fact[]>();
  for (const fact of facts) {
    const list = factsByArticle.get(fact.articleId);
    if (list) list.push(fact);
    else factsByArticle.set(fact.articleId, [fact]);
  }
  const factArticles = new Set(factsByArticle.keys());
  const items: DeadlineItem[] = [];
  const seen = new Set<string>();
  for (const article of articles) {
    if (!factArticles.has(article.id) && !(scope.length === 0 || article.zones.some((z) => scope.includes(z)))) continue;
    if (scope.length > 0 && !article.zones.some((z) => scope.includes(z))) continue;
    const year = yearOf(article);
    if (!year) continue;
    for (const sentence of article.text.split(/[。！？!?\n]/u)) {
      const clauses = sentence.split(/[;；]/u);
      const sentenceHead = sentence.split(/[,，;；]/u)[0]!.trim();
      for (const clause of clauses) {
        const parts = clause.split(/[,，]/u).map((p) => p.trim()).filter(Boolean);
        for (const [i, part] of parts.entries()) {
          const deadline = DEADLINE.exec(part);
          if (!deadline || !ACTION.test(part) || DONE.test(part) || EVENT_DATE.test(part) || /仪式|活动|会议/u.test(part)) continue;
          const rawHead = DEADLINE.test(sentenceHead) || EVENT_DATE.test(sentenceHead) ? parts[0]! : sentenceHead;
          const head = rawHead.length > 40 ? `${rawHead.slice(0, 38)}…` : rawHead;
          const lead = rawHead !== part && !DEADLINE.test(head) && !EVENT_DATE.test(head) ? `${head}……` : "";
          const quote = `${lead}${part}`.replace(/^[“”"（）()\s]+/u, "");
          if (quote.length < 6 || seen.has(quote)) continue;
          seen.add(quote);
          const due = dueDate(deadline[1]!, year, article.date);
          if (!due) continue;
          const dueMs = Date.parse(`${due}T23:59:59+08:00`);
          const zone = zoneOfClause(clause, article, factsByArticle.get(article.id) ?? [], scope);
          if (scope.length > 0 && !scope.includes(zone)) continue;
          items.push({
            zone, quote: quote.length > 90 ? `${quote.slice(0, 89)}…` : quote, phrase: deadline[1]!, due,
            ahead: dueMs >= now, daysLeft: Math.ceil((dueMs - now) / 86_400_000),
            title: article.title, date: article.date, source: article.source,
          });
        }
      }
    }
  }
  const ahead = items.filter((d) => d.ahead).sort((a, b) => a.due.localeCompare(b.due));
  const past = items.filter((d) => !d.ahead).sort((a, b) => b.due.localeCompare(a.due) || (b.date ?? "").localeCompare(a.date ?? ""));
  return [...ahead, ...past].slice(0, MAX_DEADLINES);
}

function yearOf(article: Article): number | undefined {
  const match = /^(\d{4})/.exec(article.date ?? "");
  return match ? Number(match[1]) : undefined;
}

const QUARTER_END: Record<string, string> = { 一: "03-31", 二: "06-30", 三: "09-30", 四: "12-31" };

function dueDate(phrase: string, year: number, published: string | null): string | undefined {
  if (/年底|年末|年内|下半年/u.test(phrase)) return `${year}-12-31`;
  if (phrase.startsWith("上半年")) return `${year}-06-30`;
  const quarter = /([一二三四])季度/u.exec(phrase);
  if (quarter) return `${year}-${QUARTER_END[quarter[1]!]}`;
  const month = /(\d{1,2})月/u.exec(phrase);
  if (!month) return undefined;
  const m = Number(month[1]);
  const publishedMonth = Number((published ?? "").slice(5, 7)) || 1;
  const y = m < publishedMonth ? year + 1 : year;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${String(m).padStart(2, "0")}-${String(last).padStart(2, "0")}`;
}

/** The zone a clause names, else the zone of the article's facts near it, else the article's main zone. */
function zoneOfClause(clause: string, article: Article, facts: Fact[], scope: string[]): string {
  const named = article.zones.find((z) => clause.includes(z));
  if (named) return named;
  const at = article.text.indexOf(clause);
  const near = facts
    .filter((f) => f.zone)
    .sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at))[0];
  if (near?.zone && Math.abs(near.start - at) < 400) return near.zone;
  return article.zones.find((z) => scope.length === 0 || scope.includes(z)) ?? article.zones[0] ?? "";
}

// ---- chart ----

/**
 * One metric across zones: the (metric, unit, year, target-or-actual) with the most zones (at least
 * two, one of them in scope), latest year first. Each zone's largest value of that metric.
 */
function pickChart(facts: Fact[], scope: string[]): ChartSeries | undefined {
  const groups = new Map<string, { metric: string; unit: string; year: number; kind: "target" | "actual"; byZone: Map<string, Fact> }>();
  for (const fact of facts) {
    if (!fact.zone || fact.year === null || !["target", "plan", "actual"].includes(fact.kind) || fact.unit === "%" || fact.unit === "名") continue;
    const kind = fact.kind === "actual" ? "actual" : "target";
    const key = `${metricKey(fact.metric)}|${fact.unit}|${fact.year}|${kind}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { metric: fact.metric, unit: fact.unit, year: fact.year, kind, byZone: new Map() }));
    const current = group.byZone.get(fact.zone);
    if (!current || fact.value > current.value) group.byZone.set(fact.zone, fact);
  }
  const best = [...groups.values()]
    .filter((g) => g.byZone.size >= 2 && (scope.length === 0 || [...g.byZone.keys()].some((z) => scope.includes(z))))
    .sort((a, b) => b.byZone.size - a.byZone.size || b.year - a.year || (a.kind === "target" ? -1 : 1) - (b.kind === "target" ? -1 : 1) || a.metric.localeCompare(b.metric))[0];
  if (!best) return undefined;
  const scale = best.unit === "元" || best.unit === "美元" ? 1e8 : 1;
  const displayUnit = scale === 1e8 ? `亿${best.unit}` : best.unit;
  const points = [...best.byZone.entries()]
    .map(([zone, fact]) => ({ zone, value: Math.round((fact.value / scale) * 100) / 100, raw: rawLabel(fact) }))
    .sort((a, b) => b.value - a.value || a.zone.localeCompare(b.zone))
    .slice(0, 12);
  return { metric: best.metric, year: best.year, unit: best.unit, displayUnit, kind: best.kind, points };
}
