import type { Corpus } from "../corpus/index.js";
import type { Article, Fact, FactKind } from "../domain/types.js";
import { metricFit, namesKnownMetric } from "../facts/index.js";
import { eventMonthAgrees } from "../reading/index.js";
import { bigramDice } from "../text/similarity.js";
import {
  CompareZonesArgs, ListProjectsArgs, LookupMetricArgs, SearchArticlesArgs,
  type CompareZonesInput, type FactResult, type ListProjectsInput, type LookupMetricInput, type PassageResult,
  type SearchArticlesInput, type SourceRef, type ZoneComparisonRow,
} from "./schemas.js";

export class UnknownZoneError extends Error {
  constructor(zone: string) {
    super(`未知的功能区：${zone}`);
    this.name = "UnknownZoneError";
  }
}

/** The four tools over one loaded corpus. Arguments are validated with the zod schemas. */
export class Toolbox {
  constructor(private readonly corpus: Corpus) {}

  async searchArticles(input: SearchArticlesInput): Promise<PassageResult[]> {
    const args = SearchArticlesArgs.parse(input);
    const zones = args.zone ? this.zoneWithDescendants(args.zone) : undefined;
    const hits = await this.corpus.index.search(args.zone ? this.withoutZoneNames(args.query) : args.query, {
      k: args.k, zones, years: args.year !== undefined ? [args.year] : undefined,
    });
    return hits.map((hit) => ({
      ...this.sourceOf(hit.chunk.articleId),
      articleId: hit.chunk.articleId, chunkId: hit.chunk.id, text: hit.chunk.text,
      start: hit.chunk.start, end: hit.chunk.end, zones: hit.chunk.zones, score: hit.score,
    }));
  }

  lookupMetric(input: LookupMetricInput): FactResult[] {
    const args = LookupMetricArgs.parse(input);
    const zones = args.zone ? [this.canonicalZone(args.zone)] : undefined;
    const filter = { zones, year: args.year, kinds: args.kind ? [args.kind as FactKind] : undefined, periodKey: args.period };
    // A known metric is picked from ids and wordings alone; only its facts are read whole.
    const candidates = namesKnownMetric(args.metric)
      ? this.corpus.store.factsById(this.corpus.store.factMetrics(filter).filter((row) => metricFit(args.metric, row.metric) > 0).map((row) => row.id))
      : this.corpus.store.facts(filter);
    // A fact dated by its own sentence's month (集中开工 in October) answers only for that month.
    const month = args.month;
    const dated = month === undefined ? candidates : candidates.filter((fact) => eventMonthAgrees(month, fact.month, this.sourceOf(fact.articleId).date));
    return rankByMetric(dated, args.metric).map((fact) => this.toResult(fact));
  }

  listProjects(input: ListProjectsInput): FactResult[] {
    const args = ListProjectsArgs.parse(input);
    const zones = args.zone ? this.zoneWithDescendants(args.zone) : undefined;
    // A named project: only the articles that name it, not every project of the archive.
    const articleIds = args.name ? [...this.corpus.articles.values()].filter((a) => a.text.includes(args.name!)).map((a) => a.id) : undefined;
    if (articleIds?.length === 0) return [];
    return this.corpus.store
      .facts({ zones, year: args.year, articleIds })
      .filter((fact) => fact.kind === "investment" || /项目/.test(fact.metric) || /项目/.test(fact.subject))
      .map((fact) => this.toResult(fact));
  }

  compareZones(input: CompareZonesInput): ZoneComparisonRow[] {
    const args = CompareZonesArgs.parse(input);
    const zones = args.zones?.map((zone) => this.canonicalZone(zone));
    const ranked = rankByMetric(this.corpus.store.facts({ zones, year: args.year }), args.metric);
    const byZone = new Map<string, Fact[]>();
    for (const fact of ranked) {
      if (!fact.zone) continue;
      byZone.set(fact.zone, [...(byZone.get(fact.zone) ?? []), fact]);
    }
    return [...byZone.entries()]
      .map(([zone, facts]) => ({ zone, best: this.toResult(facts[0]!), others: facts.slice(1, 4).map((f) => this.toResult(f)) }))
      .sort((a, b) => b.best.value - a.best.value);
  }

  article(articleId: string): Article | undefined {
    return this.corpus.articles.get(articleId);
  }

  sourceOf(articleId: string): SourceRef {
    const article = this.corpus.articles.get(articleId);
    const ref: SourceRef = { source: article?.source ?? articleId.split("#")[0] ?? articleId, title: article?.title ?? "", date: article?.date ?? null };
    if (article?.outlet) ref.outlet = article.outlet;
    if (article?.ocr) ref.ocr = true;
    if (article?.pages?.length) ref.pages = pageRanges(article.pages);
    if (article && /^https?:\/\//i.test(article.source)) ref.url = article.source;
    return ref;
  }

  toResult(fact: Fact): FactResult {
    const { id, ...rest } = fact;
    return { ...rest, ...this.sourceOf(fact.articleId), factId: id };
  }

  /** With a zone filter the zone's name adds nothing to ranking but noise: every passage has it. */
  private withoutZoneNames(query: string): string {
    const mentions = this.corpus.gazetteer.mentions(query, { includeWeak: true });
    let rest = query;
    for (const m of [...mentions].reverse()) rest = `${rest.slice(0, m.start)} ${rest.slice(m.end)}`;
    return rest.trim() ? rest : query;
  }

  private canonicalZone(zone: string): string {
    const canonical = this.corpus.gazetteer.known(zone.trim());
    if (!canonical) throw new UnknownZoneError(zone);
    return canonical;
  }

  private zoneWithDescendants(zone: string): string[] {
    const canonical = this.canonicalZone(zone);
    return this.corpus.gazetteer.zones.map((z) => z.name).filter((name) => this.corpus.gazetteer.isWithin(name, canonical));
  }
}

/** [2, 3, 5] → "2-3,5": consecutive pages as one range. */
export function pageRanges(pages: readonly number[]): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j += 1;
    ranges.push(j > i ? `${sorted[i]}-${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return ranges.join(",");
}

/** Facts whose metric matches the wording, best first: synonym groups first, then characters (metric, evidence). */
function rankByMetric(facts: Fact[], metric: string): Fact[] {
  // A wording the synonym table knows rules out every other metric at once; only unknown ones are read character by character.
  const known = namesKnownMetric(metric);
  const scored = facts
    .map((fact) => {
      const fit = metricFit(metric, fact.metric);
      if (known && fit === 0) return { fact, score: 0 };
      // The evidence is read only when the metric's own words do not settle it.
      const similarity = fit >= 0.6 ? bigramDice(metric, fact.metric) : Math.max(bigramDice(metric, fact.metric), 0.8 * bigramDice(metric, fact.evidence));
      const contains = fact.metric.includes(metric) || metric.includes(fact.metric) ? 0.3 : 0;
      return { fact, score: 2 * fit + similarity + contains };
    })
    .filter((entry) => entry.score >= 0.35);
  return scored.sort((a, b) => b.score - a.score).map((entry) => entry.fact);
}
