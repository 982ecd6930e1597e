/**
 * The generator-side ledger: every number the archive states about a zone statistic, a batch start
 * or a project, with the key that decides uniqueness (zone + metric + year + kind + period, plus the
 * project name for project investments).
 */
import type { PeriodCode } from "./world.js";

export type FactKind = "actual" | "target" | "investment";
export type Role = "primary" | "decoy";
/** How a decoy relates to the article's main facts. */
export type DecoyType = "other_year" | "target_vs_actual" | "other_zone" | "other_period";

export interface LedgerFact {
  id: string;
  /** Article file name (the citation `source`). */
  file: string;
  zone: string;
  /** Metric id (see data/metrics.ts), or batch_start / project_investment. */
  metric: string;
  year: number;
  kind: FactKind;
  period: PeriodCode;
  /** Project name for investments; "" otherwise. */
  subject: string;
  /** amount | count | growth | share (targets: the target's form) | batch | investment. */
  measure: string;
  value: number;
  unit: string;
  /** Main number as printed (with unit). */
  raw: string;
  /** Numbers a correct answer must contain (questions' `numbers`). */
  numbers: string[];
  /** Printed year-on-year growth in %, when the sentence gives one. */
  growth: number | null;
  qualifier: string;
  /** Metric phrase as written in the article. */
  phrase: string;
  /** How the year was written: 今年 / 去年 / 明年 / 2023年 / 过去一年 / implicit / 同期. */
  yearExpr: string;
  role: Role;
  decoy?: DecoyType;
  /** Verbatim clause of the article (line breaks and 「　」 removed) that states the number. */
  evidence: string;
  /** Zone as written in or right before the evidence ("" when implicit). */
  zoneAs: string;
  /** Batch starts: the projects named in the sentence. */
  items?: string[];
}

export type DraftFact = Omit<LedgerFact, "id" | "file">;

export function factKey(f: Pick<LedgerFact, "zone" | "metric" | "year" | "kind" | "period" | "subject">): string {
  return `${f.zone}|${f.metric}|${f.year}|${f.kind}|${f.period}${f.subject ? `|${f.subject}` : ""}`;
}

export class Ledger {
  readonly facts: LedgerFact[] = [];
  private readonly byKey = new Map<string, LedgerFact[]>();
  private readonly byZoneMetricYear = new Map<string, LedgerFact[]>();
  private readonly byZoneMetric = new Map<string, LedgerFact[]>();
  private readonly byMetricYearPeriod = new Map<string, LedgerFact[]>();

  private readonly counts = new Map<string, number>();

  add(fact: LedgerFact): void {
    this.facts.push(fact);
    for (const k of [`${fact.zone}|${fact.metric}|${fact.year}|${fact.kind}|${fact.period}`, `*|${fact.metric}|${fact.year}|${fact.kind}|${fact.period}`]) {
      this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
    }
    push(this.byKey, factKey(fact), fact);
    push(this.byZoneMetricYear, `${fact.zone}|${fact.metric}|${fact.year}`, fact);
    push(this.byZoneMetric, `${fact.zone}|${fact.metric}`, fact);
    push(this.byMetricYearPeriod, `${fact.metric}|${fact.year}|${fact.period}`, fact);
  }

  withKey(key: string): LedgerFact[] {
    return this.byKey.get(key) ?? [];
  }

  count(key: string): number {
    return this.byKey.get(key)?.length ?? 0;
  }

  ofZoneMetricYear(zone: string, metric: string, year: number): LedgerFact[] {
    return this.byZoneMetricYear.get(`${zone}|${metric}|${year}`) ?? [];
  }

  ofZoneMetric(zone: string, metric: string): LedgerFact[] {
    return this.byZoneMetric.get(`${zone}|${metric}`) ?? [];
  }

  ofMetricYearPeriod(metric: string, year: number, period: string): LedgerFact[] {
    return this.byMetricYearPeriod.get(`${metric}|${year}|${period}`) ?? [];
  }

  /**
   * Look-alikes of a fact: same zone+metric in another year, same zone+metric+year with another kind
   * or period, same metric+year+period+kind in another zone (counts of ledger entries).
   */
  lookalikes(f: Pick<LedgerFact, "zone" | "metric" | "year" | "kind" | "period">): { otherYear: number; otherKindOrPeriod: number; otherZone: number } {
    const zm = this.byZoneMetric.get(`${f.zone}|${f.metric}`)?.length ?? 0;
    const zmy = this.byZoneMetricYear.get(`${f.zone}|${f.metric}|${f.year}`)?.length ?? 0;
    const zmykp = this.counts.get(`${f.zone}|${f.metric}|${f.year}|${f.kind}|${f.period}`) ?? 0;
    const mypk = this.counts.get(`*|${f.metric}|${f.year}|${f.kind}|${f.period}`) ?? 0;
    return { otherYear: zm - zmy, otherKindOrPeriod: zmy - zmykp, otherZone: mypk - zmykp };
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
