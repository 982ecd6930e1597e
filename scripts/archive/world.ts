/**
 * The "world" behind the archive: one true value per zone × metric × year × period, and one target
 * per zone × metric × year, derived from stateless hashes of the seed. Every article that mentions a
 * figure prints the same number, so look-alikes differ only where the facts really differ
 * (another year, another zone, target vs actual, another period).
 */
import { unit } from "./prng.js";
import type { MetricDef } from "./data/metrics.js";
import type { ZoneDef } from "./zones.js";

/** Ledger period codes: year, Q1, H1, Q1-3 (前三季度), M1-n (1至n月), Q1..Q4 (batch starts), point. */
export type PeriodCode = string;

export function periodEndMonth(period: PeriodCode): number {
  if (period === "year") return 12;
  if (period === "Q1") return 3;
  if (period === "H1") return 6;
  if (period === "Q1-3") return 9;
  const m = /^M1-(\d+)$/.exec(period);
  if (m) return Number(m[1]);
  throw new Error(`no end month for period ${period}`);
}

export interface Printed {
  /** The number as printed, with its unit: 56.2亿元, 1.52万户, 36个, 8.1%. */
  raw: string;
  /** The number for questions' `numbers` (bare integer for plain counts, else raw). */
  gold: string;
}

export interface ActualValue {
  value: number;
  printed: Printed;
  /** Year-on-year growth in %, one decimal (null when not meaningful). */
  growth: number | null;
}

export interface TargetValue {
  form: "amount" | "growth" | "count" | "share";
  value: number;
  printed: Printed;
  /** Prefix (突破/达到/超过) or suffix (以上/左右) qualifier, or "". */
  prefix: string;
  suffix: string;
}

export class World {
  constructor(
    private readonly seed: string,
    private readonly zones: Map<string, ZoneDef>,
    private readonly metrics: Map<string, MetricDef>,
  ) {}

  private u(...parts: (string | number)[]): number {
    return unit(this.seed, "world", ...parts);
  }

  private zone(name: string): ZoneDef {
    const z = this.zones.get(name);
    if (!z) throw new Error(`unknown zone ${name}`);
    return z;
  }

  metric(id: string): MetricDef {
    const m = this.metrics.get(id);
    if (!m) throw new Error(`unknown metric ${id}`);
    return m;
  }

  /** Whether the zone ever reports this metric (tag match and a per-zone subset of ~75%). */
  reports(zoneName: string, metricId: string): boolean {
    const z = this.zone(zoneName);
    const m = this.metric(metricId);
    if (m.tags && !m.tags.some((t) => z.tags.includes(t))) return false;
    if (zoneName === "青岛市") return true;
    return this.u("reports", zoneName, metricId) < 0.78;
  }

  private readonly annualMemo = new Map<string, number>();
  private readonly cumulativeMemo = new Map<string, number[]>();

  /** Underlying full-year level (amount/count metrics), unrounded. */
  annual(zoneName: string, metricId: string, year: number): number {
    const key = `${zoneName}|${metricId}|${year}`;
    let v = this.annualMemo.get(key);
    if (v === undefined) {
      v = this.computeAnnual(zoneName, metricId, year);
      this.annualMemo.set(key, v);
    }
    return v;
  }

  private computeAnnual(zoneName: string, metricId: string, year: number): number {
    const z = this.zone(zoneName);
    const m = this.metric(metricId);
    const level = Math.exp((this.u("level", zoneName, metricId) - 0.5) * 1.1);
    const [g0, g1] = m.growth;
    const trend = g0 + (g1 - g0) * this.u("trend", zoneName, metricId);
    let v = m.base * Math.pow(z.scale, 0.92) * level;
    for (let y = 2016; y < year; y++) v *= 1 + trend + (this.u("shock", zoneName, metricId, y) - 0.5) * 0.12;
    for (let y = year; y < 2016; y++) v /= 1 + trend;
    return v;
  }

  /** Cumulative share of the year's flow reached by the end of `month`. */
  cumulative(zoneName: string, metricId: string, year: number, month: number): number {
    if (month >= 12) return 1;
    const key = `${zoneName}|${metricId}|${year}`;
    let cum = this.cumulativeMemo.get(key);
    if (!cum) {
      const weights: number[] = [];
      for (let m = 1; m <= 12; m++) {
        let w = 0.85 + 0.3 * this.u("month", zoneName, metricId, year, m);
        if (m === 2) w *= 0.75;
        if (m === 12) w *= 1.15;
        weights.push(w);
      }
      const total = weights.reduce((a, b) => a + b, 0);
      let run = 0;
      cum = weights.map((w) => (run += w) / total);
      this.cumulativeMemo.set(key, cum);
    }
    return cum[month - 1] ?? 1;
  }

  private periodLevel(zoneName: string, metricId: string, year: number, period: PeriodCode): number {
    return this.annual(zoneName, metricId, year) * this.cumulative(zoneName, metricId, year, periodEndMonth(period));
  }

  actual(zoneName: string, metricId: string, year: number, period: PeriodCode): ActualValue {
    const m = this.metric(metricId);
    if (m.measure === "share") {
      const base = 28 + 40 * this.u("share", zoneName, metricId);
      const drift = (0.5 + 1.5 * this.u("share-drift", zoneName, metricId)) * (year - 2016);
      const noise = (this.u("share-noise", zoneName, metricId, year, period) - 0.5) * 2;
      const value = round1(Math.min(92, Math.max(8, base + drift + noise)));
      return { value, printed: printPercent(value), growth: null };
    }
    const cur = this.periodLevel(zoneName, metricId, year, period);
    const prev = this.periodLevel(zoneName, metricId, year - 1, period);
    if (m.measure === "growth") {
      let g = round1((cur / prev - 1) * 100);
      if (Math.abs(g) < 0.1) g = 0.3;
      return { value: g, printed: printPercent(Math.abs(g)), growth: g };
    }
    if (m.measure === "count") {
      const value = Math.max(1, Math.round(cur));
      const prevValue = Math.max(1, Math.round(prev));
      const growth = round1((value / prevValue - 1) * 100);
      return { value, printed: printCount(value, m.unit), growth };
    }
    const printed = printAmount(cur, m.unit);
    const prevPrinted = printAmount(prev, m.unit);
    const growth = round1((printed.value / prevPrinted.value - 1) * 100);
    return { value: printed.value, printed: printed.printed, growth };
  }

  target(zoneName: string, metricId: string, year: number): TargetValue {
    const m = this.metric(metricId);
    const r = this.u("target-form", zoneName, metricId, year);
    const q = this.u("target-qual", zoneName, metricId, year);
    const noise = this.u("target-noise", zoneName, metricId, year);
    if (m.measure === "share") {
      const a = this.actual(zoneName, metricId, year, "year").value;
      const value = Math.round(a + noise * 2);
      return { form: "share", value, printed: printPercent(value), prefix: q < 0.5 ? "达到" : "提高到", suffix: "" };
    }
    if (m.measure === "count") {
      const a = this.annual(zoneName, metricId, year) * (1 + noise * 0.15);
      const value = a >= 40 ? Math.round(a / 5) * 5 : Math.max(1, Math.round(a));
      const suffix = q < 0.6 ? "以上" : "";
      return { form: "count", value, printed: printCount(value, m.unit), prefix: "", suffix };
    }
    if (m.measure === "growth" || r < 0.55) {
      const a = this.actual(zoneName, metricId, year, "year").growth ?? 6;
      let value = Math.round((Math.max(3, a) + (noise - 0.3) * 4) * 2) / 2;
      if (value < 3) value = 3;
      const suffix = q < 0.55 ? "以上" : q < 0.8 ? "左右" : "";
      return { form: "growth", value, printed: printPercent(value), prefix: "", suffix };
    }
    const a = this.annual(zoneName, metricId, year) * (0.97 + noise * 0.09);
    const nice = niceRound(a, m.unit);
    const prefix = q < 0.4 ? "突破" : q < 0.6 ? "达到" : q < 0.7 ? "超过" : "";
    const suffix = prefix === "" ? (q < 0.85 ? "以上" : "左右") : "";
    return { form: "amount", value: nice.value, printed: nice.printed, prefix, suffix };
  }
}

export function round1(v: number): number {
  return Math.round(v * 10) / 10;
}

/** Trim trailing zeros of a fixed-point string: 52.0 → 52, 1.50 → 1.5. */
export function trimFixed(v: number, digits: number): string {
  let s = v.toFixed(digits);
  if (s.includes(".")) s = s.replace(/0+$/, "").replace(/\.$/, "");
  return s;
}

export function printPercent(v: number): Printed {
  const s = `${trimFixed(v, 1)}%`;
  return { raw: s, gold: s };
}

export function printCount(v: number, unitName: string): Printed {
  if ((unitName === "户" || unitName === "人") && v >= 10000) {
    const s = `${trimFixed(v / 10000, 2)}万${unitName}`;
    return { raw: s, gold: s };
  }
  return { raw: `${v}${unitName}`, gold: String(v) };
}

/** Amount in the metric's unit → printed value (亿元 below 1 becomes 万元, 亿美元 below 1 万美元). */
export function printAmount(v: number, unitName: string): { value: number; printed: Printed } {
  let s: string;
  let value: number;
  if (unitName === "亿元" || unitName === "亿美元") {
    const small = unitName === "亿元" ? "万元" : "万美元";
    if (v < 1) {
      const wan = Math.max(10, Math.round(v * 1000) * 10);
      value = wan / 10000;
      s = `${wan}${small}`;
    } else if (unitName === "亿美元") {
      value = Math.round(v * 100) / 100;
      s = `${trimFixed(value, 2)}${unitName}`;
    } else if (v >= 1000) {
      value = Math.round(v);
      s = `${value}${unitName}`;
    } else if (v >= 10) {
      value = round1(v);
      s = `${trimFixed(value, 1)}${unitName}`;
    } else {
      value = Math.round(v * 100) / 100;
      s = `${trimFixed(value, 2)}${unitName}`;
    }
  } else if (v >= 1000) {
    value = Math.round(v);
    s = `${value}${unitName}`;
  } else {
    value = round1(v);
    s = `${trimFixed(value, 1)}${unitName}`;
  }
  return { value, printed: { raw: s, gold: s } };
}

function niceRound(v: number, unitName: string): { value: number; printed: Printed } {
  let value: number;
  if (v >= 1000) value = Math.round(v / 50) * 50;
  else if (v >= 100) value = Math.round(v / 10) * 10;
  else if (v >= 10) value = Math.round(v);
  else if (v >= 1) value = Math.round(v * 2) / 2;
  else value = Math.max(0.05, Math.round(v * 20) / 20);
  return printAmount(value, unitName);
}
