/**
 * Article composer: picks a type, a zone, a date and the facts of one article, writes its paragraphs
 * in the newspaper genre and records every number it states (with its verbatim clause) as a DraftFact.
 */
import {
  ACTIONS, CLOSERS, COMPANY_PREFIXES, COMPANY_SUFFIXES, FILLER, FOCUSES, GIVEN, INDUSTRIES, MEETINGS, OUTCOMES,
  PAGE_MARKERS, PARKS, PRINCIPLES, PROJECT_SUFFIXES, QUOTES, ROUNDUP_SOURCES, SPEAKERS, SUBHEADS, SURNAMES,
} from "./data/lexicon.js";
import type { MetricDef, PeriodFamily } from "./data/metrics.js";
import { factKey, type DecoyType, type DraftFact } from "./ledger.js";
import { unit, type Rng } from "./prng.js";
import { cn, dayBefore, dayBetween, fill, periodName, periodWords, timePhrase, type Day } from "./text.js";
import { printAmount, type ActualValue, type PeriodCode, type TargetValue, type World } from "./world.js";
import type { GroupDef, ZoneDef } from "./zones.js";

export type ArticleType = "results" | "plan" | "review" | "project" | "batch" | "roundup" | "news";

export const TYPE_WEIGHTS: [ArticleType, number][] = [
  ["results", 0.28],
  ["plan", 0.16],
  ["review", 0.12],
  ["project", 0.15],
  ["batch", 0.1],
  ["roundup", 0.11],
  ["news", 0.08],
];

export const FIRST_YEAR = 2018;
export const LAST_YEAR = 2024;

export interface Paragraph {
  text: string;
  subhead?: boolean;
}

export interface ArticleDraft {
  type: ArticleType;
  date: Day;
  /** Main zone (canonical). */
  zone: string;
  /** Zones for the front matter (canonical). */
  frontZones: string[];
  title: string;
  reporter: string;
  correspondent: string;
  paragraphs: Paragraph[];
  facts: DraftFact[];
  /** Project names mentioned (with 项目). */
  projects: string[];
  /** Zones named in the text (canonical). */
  mentions: string[];
}

/** A printed pair (comparison candidates) from a roundup sentence. */
export interface BatchValue {
  n: number;
  invest: { value: number; raw: string };
}

const RESULT_PERIODS: [PeriodCode, number][] = [
  ["Q1", 0.22], ["H1", 0.24], ["Q1-3", 0.18], ["M1-2", 0.04], ["M1-4", 0.06], ["M1-5", 0.07], ["M1-7", 0.06], ["M1-8", 0.05], ["M1-10", 0.04], ["M1-11", 0.04],
];

function family(period: PeriodCode): PeriodFamily {
  return period.startsWith("M1-") ? "M" : (period as PeriodFamily);
}

/** Publication window (month/day range, same year) of results for a period. */
function resultsWindow(period: PeriodCode): [number, number, number, number] {
  if (period === "Q1") return [4, 8, 5, 20];
  if (period === "H1") return [7, 10, 8, 25];
  if (period === "Q1-3") return [10, 15, 11, 25];
  const n = Number(period.slice(3));
  return [n + 1, 8, n + 1, 28];
}

/** The latest period a metric can have been reported for by `day` (same year), or null. */
function lastCompletedPeriod(day: Day, metric: MetricDef): PeriodCode | null {
  const options: [PeriodCode, number][] = [["Q1-3", 10], ["H1", 7], ["Q1", 4]];
  const m = day.m - 1;
  if (metric.periods.includes("M") && m >= 2 && ![3, 6, 9].includes(m) && day.d >= 10) return `M1-${m}`;
  for (const [p, after] of options) if (day.m > after || (day.m === after && day.d >= 15)) if (metric.periods.includes(p as PeriodFamily)) return p;
  return null;
}

class Ctx {
  readonly facts: DraftFact[] = [];
  readonly keys = new Set<string>();
  readonly mentions = new Set<string>();
  readonly paragraphs: Paragraph[] = [];
  readonly projects: string[] = [];

  constructor(
    readonly rng: Rng,
    readonly date: Day,
    readonly zone: ZoneDef,
  ) {}

  ref(z: ZoneDef): string {
    this.mentions.add(z.name);
    if (z.name === "青岛市") return this.rng.pick(["青岛市", "全市", "我市"]);
    if (z.altAliases.length === 0 || this.rng.chance(0.42)) return z.renderAliases.includes(z.name) ? z.name : this.rng.pick(z.renderAliases);
    return this.rng.pick(z.altAliases);
  }

  has(f: Pick<DraftFact, "zone" | "metric" | "year" | "kind" | "period" | "subject">): boolean {
    return this.keys.has(factKey(f));
  }

  add(f: DraftFact): void {
    const key = factKey(f);
    if (this.keys.has(key)) throw new Error(`duplicate fact key in one article: ${key}`);
    this.keys.add(key);
    this.facts.push(f);
  }
}

export class Composer {
  private readonly projectNames = new Set<string>();
  private readonly projectPairs: [string, string][] = [];
  private readonly zoneList: ZoneDef[];
  private readonly zoneWeights: [ZoneDef, number][];

  constructor(
    private readonly seed: string,
    private readonly world: World,
    private readonly zones: Map<string, ZoneDef>,
    private readonly groups: GroupDef[],
    private readonly metrics: MetricDef[],
  ) {
    this.zoneList = [...zones.values()];
    this.zoneWeights = this.zoneList.map((z) => [z, z.name === "青岛市" ? 0.8 : 0.55 + Math.sqrt(z.scale) * 0.45]);
  }

  compose(rng: Rng): ArticleDraft {
    const type = rng.weighted(TYPE_WEIGHTS);
    for (let attempt = 0; attempt < 6; attempt++) {
      const draft = this.tryCompose(type, rng);
      if (draft) return draft;
    }
    return this.news(rng, rng.weighted(this.zoneWeights));
  }

  private tryCompose(type: ArticleType, rng: Rng): ArticleDraft | null {
    const zone = rng.weighted(this.zoneWeights);
    switch (type) {
      case "results":
        return this.results(rng, zone);
      case "plan":
        return this.plan(rng, zone);
      case "review":
        return this.review(rng, zone);
      case "project":
        return this.project(rng, zone);
      case "batch":
        return this.batch(rng, zone);
      case "roundup":
        return this.roundup(rng);
      case "news":
        return this.news(rng, zone);
    }
  }

  // ---------------------------------------------------------------- helpers

  private person(rng: Rng): string {
    return rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.45) ? rng.pick(GIVEN) : "");
  }

  private company(rng: Rng): string {
    return rng.pick(COMPANY_PREFIXES) + rng.pick(COMPANY_SUFFIXES);
  }

  private slots(ctx: Ctx, zone: ZoneDef): Record<string, () => string> {
    const rng = ctx.rng;
    const inds = rng.sample(INDUSTRIES, 2);
    const slots: Record<string, () => string> = {
      Z: () => ctx.ref(zone),
      I: () => inds[0] ?? "高端装备",
      I2: () => inds[1] ?? "新材料",
      C: () => this.company(rng),
      K: () => rng.pick(PARKS),
      F: () => rng.pick(FOCUSES),
      A: () => rng.pick(ACTIONS),
      P: () => rng.pick(PRINCIPLES),
      O: () => rng.pick(OUTCOMES),
      Q: () => rng.pick(QUOTES),
      n: () => String(rng.int(3, 60)),
      M: () => String(rng.int(1, Math.max(1, ctx.date.m))),
      MT: () => rng.pick(MEETINGS),
    };
    slots.W = () => fill(rng.pick(SPEAKERS), slots);
    return slots;
  }

  private filler(ctx: Ctx, zone: ZoneDef, sentences: number): string {
    const slots = this.slots(ctx, zone);
    const parts: string[] = [];
    for (const tpl of ctx.rng.sample(FILLER, sentences)) parts.push(fill(tpl, slots));
    return parts.join("");
  }

  /** Pad the article with filler paragraphs (before the closing one) up to a target length. */
  private pad(ctx: Ctx, zone: ZoneDef, closer: boolean): void {
    const rng = ctx.rng;
    const target = rng.int(680, 1120);
    let length = ctx.paragraphs.reduce((n, p) => n + p.text.length, 0);
    const extra: Paragraph[] = [];
    while (length < target) {
      if (rng.chance(0.18)) extra.push({ text: fill(rng.pick(SUBHEADS), this.slots(ctx, zone)), subhead: true });
      const text = this.filler(ctx, zone, rng.int(2, 4));
      extra.push({ text });
      length += text.length;
    }
    // Interleave: filler goes after the lead, between fact paragraphs.
    const body = ctx.paragraphs.splice(1);
    const merged: Paragraph[] = [];
    while (body.length || extra.length) {
      if (extra.length && (rng.chance(0.5) || !body.length)) merged.push(extra.shift() as Paragraph);
      if (body.length) merged.push(body.shift() as Paragraph);
    }
    ctx.paragraphs.push(...merged.filter((p, i, all) => !(p.subhead && (i === all.length - 1 || all[i + 1]?.subhead))));
    if (closer) ctx.paragraphs.push({ text: fill(rng.pick(CLOSERS), this.slots(ctx, zone)) });
  }

  private draft(ctx: Ctx, type: ArticleType, title: string, frontZones: string[]): ArticleDraft {
    const rng = ctx.rng;
    if (rng.chance(0.06)) {
      const first = ctx.paragraphs[0];
      if (first) first.text = rng.pick(PAGE_MARKERS.slice(0, 2)) + first.text;
    }
    return {
      type,
      date: ctx.date,
      zone: ctx.zone.name,
      frontZones,
      title,
      reporter: this.person(rng),
      correspondent: rng.chance(0.4) ? this.person(rng) : "",
      paragraphs: ctx.paragraphs,
      facts: ctx.facts,
      projects: ctx.projects,
      mentions: [...ctx.mentions],
    };
  }

  private reportable(zone: ZoneDef, period: PeriodCode | null): MetricDef[] {
    return this.metrics.filter((m) => this.world.reports(zone.name, m.id) && (period === null || m.periods.includes(family(period))));
  }

  private z(name: string): ZoneDef {
    const z = this.zones.get(name);
    if (!z) throw new Error(`unknown zone ${name}`);
    return z;
  }

  /** Another zone reporting the metric, preferring the parent, siblings and group mates. */
  private otherZone(rng: Rng, zone: ZoneDef, metric: MetricDef, period: PeriodCode | null): ZoneDef | null {
    const near = this.zoneList.filter(
      (o) =>
        o.name !== zone.name &&
        this.world.reports(o.name, metric.id) &&
        (period === null || metric.periods.includes(family(period))) &&
        (o.name === zone.parent || o.parent === zone.parent || o.parent === zone.name || o.groups.some((g) => zone.groups.includes(g))),
    );
    const pool = near.length && rng.chance(0.75) ? near : this.zoneList.filter((o) => o.name !== zone.name && this.world.reports(o.name, metric.id));
    return pool.length ? rng.pick(pool) : null;
  }

  // ---------------------------------------------------------------- fact clauses

  private growthText(rng: Rng, g: number): string {
    const abs = `${Math.abs(g).toFixed(1).replace(/\.0$/, "")}%`;
    if (g < 0) return rng.chance(0.7) ? `同比下降${abs}` : `下降${abs}`;
    return rng.chance(0.75) ? `同比增长${abs}` : `增长${abs}`;
  }

  /** Clause stating an actual value; returns text and the numbers it prints. */
  private actualClause(rng: Rng, m: MetricDef, phrase: string, v: ActualValue, opts: { growthOnly?: boolean } = {}): { text: string; numbers: string[]; growth: number | null; raw: string } {
    if (m.measure === "growth") {
      const g = v.growth ?? 0;
      const abs = v.printed.raw;
      const text = g < 0 ? rng.pick([`${phrase}同比下降${abs}`, `${phrase}下降${abs}`]) : rng.pick([`${phrase}同比增长${abs}`, `${phrase}增长${abs}`, `${phrase}增速达到${abs}`]);
      return { text, numbers: [abs], growth: g, raw: abs };
    }
    if (m.measure === "share") {
      const text = rng.pick([`${phrase}达到${v.printed.raw}`, `${phrase}提升至${v.printed.raw}`, `${phrase}为${v.printed.raw}`]);
      return { text, numbers: [v.printed.gold], growth: null, raw: v.printed.raw };
    }
    if (opts.growthOnly && v.growth !== null && Math.abs(v.growth) >= 0.1) {
      const g = v.growth;
      const text = `${phrase}${this.growthText(rng, g)}`;
      const abs = `${Math.abs(g).toFixed(1).replace(/\.0$/, "")}%`;
      return { text, numbers: [abs], growth: g, raw: abs };
    }
    const raw = v.printed.raw;
    let text: string;
    if (m.measure === "count") text = rng.pick([`${phrase}${raw}`, `${phrase}${raw}`, `${phrase}达${raw}`, `累计${phrase}${raw}`]);
    else text = rng.pick([`实现${phrase}${raw}`, `完成${phrase}${raw}`, `${phrase}达到${raw}`, `${phrase}${raw}`, `${phrase}完成${raw}`, `累计实现${phrase}${raw}`]);
    const numbers = [v.printed.gold];
    let growth: number | null = null;
    if (m.withGrowth && v.growth !== null && Math.abs(v.growth) >= 0.1 && rng.chance(m.measure === "count" ? 0.5 : 0.85)) {
      text += `，${this.growthText(rng, v.growth)}`;
      growth = v.growth;
      numbers.push(`${Math.abs(v.growth).toFixed(1).replace(/\.0$/, "")}%`);
    }
    return { text, numbers, growth, raw };
  }

  private targetClause(rng: Rng, m: MetricDef, phrase: string, t: TargetValue): string {
    const raw = t.printed.raw;
    switch (t.form) {
      case "growth":
        return rng.pick([`${phrase}增长${raw}${t.suffix}`, `实现${phrase}增长${raw}${t.suffix}`]);
      case "count":
        return `${phrase}${raw}${t.suffix}`;
      case "share":
        return `${phrase}${t.prefix}${raw}`;
      default:
        return rng.pick([`${phrase}${t.prefix}${raw}${t.suffix}`, `实现${phrase}${t.prefix}${raw}${t.suffix}`]);
    }
  }

  private actualFact(
    ctx: Ctx, zone: ZoneDef, m: MetricDef, year: number, period: PeriodCode, phrase: string,
    clause: { numbers: string[]; growth: number | null; raw: string }, v: ActualValue, evidence: string, yearExpr: string, zoneAs: string,
    role: "primary" | "decoy", decoy?: DecoyType,
  ): DraftFact {
    const growthOnly = m.measure === "amount" && clause.raw.endsWith("%");
    const f: DraftFact = {
      zone: zone.name, metric: m.id, year, kind: "actual", period, subject: "", measure: growthOnly ? "growth" : m.measure,
      value: growthOnly ? (clause.growth ?? 0) : v.value, unit: growthOnly ? "%" : m.unit, raw: clause.raw, numbers: clause.numbers,
      growth: clause.growth, qualifier: "", phrase, yearExpr, role, evidence, zoneAs,
    };
    if (decoy) f.decoy = decoy;
    return f;
  }

  private targetFact(ctx: Ctx, zone: ZoneDef, m: MetricDef, year: number, phrase: string, t: TargetValue, evidence: string, yearExpr: string, zoneAs: string, role: "primary" | "decoy", decoy?: DecoyType): DraftFact {
    const f: DraftFact = {
      zone: zone.name, metric: m.id, year, kind: "target", period: "year", subject: "", measure: t.form, value: t.value,
      unit: t.form === "growth" || t.form === "share" ? "%" : m.unit, raw: t.printed.raw, numbers: [t.printed.gold], growth: null,
      qualifier: t.prefix + t.suffix, phrase, yearExpr, role, evidence, zoneAs,
    };
    if (decoy) f.decoy = decoy;
    return f;
  }

  /**
   * One sentence of actuals: 「{time}，{zone}{clause}；{clause}…」, with optional inline decoys
   * (去年同期为… / 高于{other zone}同期的…). Facts already present in the article are skipped.
   */
  private actualsSentence(ctx: Ctx, zone: ZoneDef, ms: MetricDef[], year: number, period: PeriodCode, opts: { time?: string; yearExpr?: string; decoyRate?: number } = {}): string {
    const rng = ctx.rng;
    const tp = opts.time !== undefined ? { text: opts.time, yearExpr: opts.yearExpr ?? "implicit" } : timePhrase(rng, year, ctx.date.y, period);
    const zoneAs = ctx.ref(zone);
    const head = tp.text ? `${tp.text}，${zoneAs}` : zoneAs;
    const clauses: string[] = [];
    for (const m of ms) {
      if (ctx.has({ zone: zone.name, metric: m.id, year, kind: "actual", period, subject: "" })) continue;
      const phrase = rng.pick(m.phrases);
      const v = this.world.actual(zone.name, m.id, year, period);
      const clause = this.actualClause(rng, m, phrase, v, { growthOnly: m.measure === "amount" && rng.chance(0.1) });
      const evidence = clauses.length === 0 ? head + clause.text : clause.text;
      ctx.add(this.actualFact(ctx, zone, m, year, period, phrase, clause, v, evidence, tp.yearExpr, clauses.length === 0 ? zoneAs : "", "primary"));
      let text = clause.text;
      const decoyRate = opts.decoyRate ?? 0.2;
      if (rng.chance(decoyRate) && m.measure !== "share" && !clause.raw.endsWith("%")) {
        // Same zone and metric, previous year, same period.
        const py = year - 1;
        if (!ctx.has({ zone: zone.name, metric: m.id, year: py, kind: "actual", period, subject: "" })) {
          const pv = this.world.actual(zone.name, m.id, py, period);
          const pc = m.measure === "growth" ? { raw: pv.printed.raw, numbers: [pv.printed.raw], growth: pv.growth } : { raw: pv.printed.raw, numbers: [pv.printed.gold], growth: null };
          if (pc.raw !== clause.raw && (m.measure !== "growth" || (pv.growth ?? 0) > 0)) {
            const pyText = period === "year" ? (py === ctx.date.y - 1 ? rng.pick(["去年", "上年"]) : `${py}年`) : py === ctx.date.y - 1 ? "去年同期" : `${py}年同期`;
            const dtext = m.measure === "growth" ? `${pyText}增长${pc.raw}` : `${pyText}为${pc.raw}`;
            ctx.add(this.actualFact(ctx, zone, m, py, period, phrase, pc, pv, dtext, pyText, "", "decoy", "other_year"));
            text += `，${dtext}`;
          }
        }
      } else if (rng.chance(decoyRate * 0.45) && m.measure !== "growth") {
        // Another zone, same metric, year and period, inline.
        const other = this.otherZone(rng, zone, m, period);
        if (other && !ctx.has({ zone: other.name, metric: m.id, year, kind: "actual", period, subject: "" })) {
          const ov = this.world.actual(other.name, m.id, year, period);
          if (ov.printed.raw !== clause.raw) {
            const oAs = ctx.ref(other);
            const dtext = `${ov.value > v.value ? "低于" : "高于"}${oAs}同期的${ov.printed.raw}`;
            ctx.add(this.actualFact(ctx, other, m, year, period, phrase, { raw: ov.printed.raw, numbers: [ov.printed.gold], growth: null }, ov, dtext, "同期", oAs, "decoy", "other_zone"));
            text += `，${dtext}`;
          }
        }
      }
      clauses.push(text);
    }
    if (!clauses.length) return "";
    return `${head}${clauses.join("；")}。`;
  }

  /** 「同期，{other}{clause}。」 — another zone, same metric/year/period. */
  private otherZoneSentence(ctx: Ctx, zone: ZoneDef, m: MetricDef, year: number, period: PeriodCode): string {
    const rng = ctx.rng;
    const other = this.otherZone(rng, zone, m, period);
    if (!other || ctx.has({ zone: other.name, metric: m.id, year, kind: "actual", period, subject: "" })) return "";
    const phrase = rng.pick(m.phrases);
    const v = this.world.actual(other.name, m.id, year, period);
    const clause = this.actualClause(rng, m, phrase, v);
    const oAs = ctx.ref(other);
    const lead = rng.pick(["同期，", "同期，", "从全市看，同期", "记者了解到，同期"]);
    const evidence = `${lead}${oAs}${clause.text}`;
    ctx.add(this.actualFact(ctx, other, m, year, period, phrase, clause, v, evidence, "同期", oAs, "decoy", "other_zone"));
    return `${evidence}。`;
  }

  /** Target restated: 「按照年初部署，{zone}今年{phrase}目标为…」. */
  private targetRestated(ctx: Ctx, zone: ZoneDef, m: MetricDef, year: number, decoy: DecoyType): string {
    const rng = ctx.rng;
    if (ctx.has({ zone: zone.name, metric: m.id, year, kind: "target", period: "year", subject: "" })) return "";
    const t = this.world.target(zone.name, m.id, year);
    const phrase = rng.pick(m.phrases);
    const zoneAs = ctx.ref(zone);
    const yx = year === ctx.date.y ? rng.pick(["今年", `${year}年`]) : year === ctx.date.y - 1 ? rng.pick(["去年", `${year}年`]) : `${year}年`;
    const goal = t.form === "growth" ? `${phrase}增长目标为${t.printed.raw}${t.suffix}` : `${phrase}目标为${t.prefix}${t.printed.raw}${t.suffix}`;
    const evidence = rng.chance(0.5) ? `${zoneAs}${yx}确定的${goal}` : `${yx}${zoneAs}${goal}`;
    ctx.add(this.targetFact(ctx, zone, m, year, phrase, t, evidence, yx, zoneAs, "decoy", decoy));
    return `${rng.pick(["按照年初部署，", "据了解，", "", "对照全年目标，"])}${evidence}。`;
  }

  // ---------------------------------------------------------------- article types

  private results(rng: Rng, zone: ZoneDef): ArticleDraft | null {
    const year = rng.int(FIRST_YEAR, LAST_YEAR);
    const period = rng.weighted(RESULT_PERIODS);
    const avail = this.reportable(zone, period);
    if (avail.length < 2) return null;
    const [m0, d0, m1, d1] = resultsWindow(period);
    const ctx = new Ctx(rng, dayBetween(rng, year, m0, d0, m1, d1), zone);
    const ms = rng.sample(avail, rng.int(3, 6));
    const slots = this.slots(ctx, zone);
    const lead = `今年以来，${ctx.ref(zone)}坚持${slots.P?.() ?? ""}，${slots.O?.() ?? ""}。`;
    const groups = chunk(rng, ms, [1, 3]);
    let first = true;
    for (const g of groups) {
      const sentence = this.actualsSentence(ctx, zone, g, year, period, { decoyRate: 0.35 });
      if (!sentence) continue;
      let text = first ? lead + sentence : sentence;
      if (!first && rng.chance(0.5)) text += this.filler(ctx, zone, 1);
      if (rng.chance(0.4)) {
        const m = rng.pick(g);
        text += this.otherZoneSentence(ctx, zone, m, year, period);
      }
      ctx.paragraphs.push({ text });
      first = false;
    }
    if (rng.chance(0.5)) {
      const m = rng.pick(ms);
      if (m.measure !== "share") {
        const s = this.targetRestated(ctx, zone, m, year, "target_vs_actual");
        if (s) ctx.paragraphs.push({ text: s + this.filler(ctx, zone, 1) });
      }
    }
    this.pad(ctx, zone, true);
    const short = this.shortName(rng, zone);
    const pn = periodName(period);
    const firstFact = ctx.facts.find((f) => f.role === "primary");
    const fm = firstFact ? this.world.metric(firstFact.metric) : undefined;
    const titles = [
      `${short}${pn}主要经济指标稳中向好`,
      `${short}${pn}经济运行“${rng.pick(["开门红", "稳中有进", "进中向好", "量质齐升"])}”`,
      `${pn}，${short}交出高质量发展“成绩单”`,
    ];
    if (fm && firstFact && firstFact.growth !== null && firstFact.growth > 0) titles.push(`${short}${pn}${fm.short}同比增长${Math.abs(firstFact.growth).toFixed(1).replace(/\.0$/, "")}%`);
    return this.draft(ctx, "results", rng.pick(titles), [zone.name]);
  }

  private plan(rng: Rng, zone: ZoneDef): ArticleDraft | null {
    const dec = rng.chance(0.25);
    const year = dec ? rng.int(FIRST_YEAR + 1, LAST_YEAR + 1) : rng.int(FIRST_YEAR, LAST_YEAR);
    const date = dec ? dayBetween(rng, year - 1, 12, 1, 12, 31) : dayBetween(rng, year, 1, 5, 3, 31);
    const avail = this.reportable(zone, null);
    if (avail.length < 2) return null;
    const ctx = new Ctx(rng, date, zone);
    const ms = rng.sample(avail, rng.int(3, 6));
    const zoneAs = ctx.ref(zone);
    const intro = dec
      ? `岁末年初，${zoneAs}${rng.pick(["已经挂起作战图", "提前谋划明年工作", "锚定目标再出发"])}，${rng.pick(ACTIONS)}。`
      : rng.pick([`${year}年经济工作怎么干？`, "新春伊始，", "“开局即决战、起步即冲刺”。"]) + `${zoneAs}按照上级部署要求，精准谋划${year}年经济工作发展思路，立足功能定位，聚焦主责主业，聚力推进高质量发展。`;
    ctx.paragraphs.push({ text: intro });
    const groups = chunk(rng, ms, [1, 3]);
    for (const g of groups) {
      const tp = timePhrase(rng, year, date.y, "year");
      const zAs = ctx.ref(zone);
      const clauses: string[] = [];
      for (const m of g) {
        if (ctx.has({ zone: zone.name, metric: m.id, year, kind: "target", period: "year", subject: "" })) continue;
        const t = this.world.target(zone.name, m.id, year);
        const phrase = rng.pick(m.phrases);
        const verb = clauses.length === 0 ? rng.pick(["力争", "力争", "确保", "力争全年"]) : rng.pick(["", "力争", "确保"]);
        const evidence = verb + this.targetClause(rng, m, phrase, t);
        ctx.add(this.targetFact(ctx, zone, m, year, phrase, t, evidence, tp.yearExpr, clauses.length === 0 ? zAs : "", "primary"));
        clauses.push(evidence);
      }
      if (!clauses.length) continue;
      const focus = `${rng.pick(["坚持", "聚焦", "围绕"])}${rng.pick(FOCUSES)}，${rng.pick(ACTIONS)}`;
      let text = `${tp.text}，${zAs}将${focus}，${clauses.join("，")}。`;
      if (rng.chance(0.5)) text += this.filler(ctx, zone, 1);
      ctx.paragraphs.push({ text });
    }
    // Recap of actuals (another year / another kind).
    if (rng.chance(0.6)) {
      const recapMs = rng.sample(ms, rng.int(1, 2));
      let sentence = "";
      if (!dec) {
        const withYear = recapMs.filter((m) => m.periods.includes("year"));
        if (withYear.length) sentence = this.actualsSentence(ctx, zone, withYear, year - 1, "year", { decoyRate: 0.1 });
      } else {
        const p = date.d >= 10 ? "M1-11" : "M1-10";
        const withP = recapMs.filter((m) => m.periods.includes("M"));
        if (withP.length) sentence = this.actualsSentence(ctx, zone, withP, date.y, p, { decoyRate: 0.1 });
      }
      if (sentence) {
        this.markDecoys(ctx, "target_vs_actual");
        ctx.paragraphs.splice(1, 0, { text: sentence + this.filler(ctx, zone, 1) });
      }
    }
    // Another zone's target for the same year.
    if (rng.chance(0.25)) {
      const m = rng.pick(ms);
      const other = this.otherZone(rng, zone, m, null);
      if (other && !ctx.has({ zone: other.name, metric: m.id, year, kind: "target", period: "year", subject: "" })) {
        const t = this.world.target(other.name, m.id, year);
        const phrase = rng.pick(m.phrases);
        const oAs = ctx.ref(other);
        const tp = timePhrase(rng, year, date.y, "year", false);
        const evidence = `${oAs}${tp.text}力争${this.targetClause(rng, m, phrase, t)}`;
        ctx.add(this.targetFact(ctx, other, m, year, phrase, t, evidence, tp.yearExpr, oAs, "decoy", "other_zone"));
        ctx.paragraphs.push({ text: `记者了解到，${evidence}。` });
      }
    }
    this.pad(ctx, zone, false);
    const short = this.shortName(rng, zone);
    const titles = [`${short}锚定${year}年目标挂图作战`, `${year}年经济工作怎么干？${short}这样答`, `${short}：${rng.pick(ACTIONS)}`, `${short}吹响${year}年冲锋号`];
    return this.draft(ctx, "plan", rng.pick(titles), [zone.name]);
  }

  private review(rng: Rng, zone: ZoneDef): ArticleDraft | null {
    const dateYear = rng.int(FIRST_YEAR, LAST_YEAR);
    const year = dateYear - 1;
    const avail = this.reportable(zone, "year");
    if (avail.length < 2) return null;
    const ctx = new Ctx(rng, dayBetween(rng, dateYear, 1, 5, 3, 20), zone);
    const ms = rng.sample(avail, rng.int(3, 6));
    const tp = timePhrase(rng, year, dateYear, "year");
    const zoneAs = ctx.ref(zone);
    ctx.paragraphs.push({ text: `${tp.text}，面对复杂严峻的外部环境，${zoneAs}${rng.pick(["迎难而上、主动作为", "坚持稳中求进", "聚焦主责主业"])}，${rng.pick(OUTCOMES)}。` });
    const groups = chunk(rng, ms, [1, 3]);
    for (const g of groups) {
      const sentence = this.actualsSentence(ctx, zone, g, year, "year", { decoyRate: 0.33 });
      if (!sentence) continue;
      let text = sentence;
      if (rng.chance(0.35)) text += this.otherZoneSentence(ctx, zone, rng.pick(g), year, "year");
      if (rng.chance(0.5)) text += this.filler(ctx, zone, 1);
      ctx.paragraphs.push({ text });
    }
    if (rng.chance(0.35)) {
      const m = rng.pick(ms);
      if (m.measure !== "share") {
        const s = this.targetRestated(ctx, zone, m, year, "target_vs_actual");
        if (s) ctx.paragraphs.push({ text: s });
      }
    }
    if (rng.chance(0.4)) {
      // This year's target: another year and another kind.
      const m = rng.pick(ms);
      if (!ctx.has({ zone: zone.name, metric: m.id, year: dateYear, kind: "target", period: "year", subject: "" })) {
        const t = this.world.target(zone.name, m.id, dateYear);
        const phrase = rng.pick(m.phrases);
        const ty = timePhrase(rng, dateYear, dateYear, "year", false);
        const zAs = ctx.ref(zone);
        const evidence = `力争${this.targetClause(rng, m, phrase, t)}`;
        ctx.add(this.targetFact(ctx, zone, m, dateYear, phrase, t, evidence, ty.yearExpr, "", "decoy", "target_vs_actual"));
        ctx.paragraphs.push({ text: `${ty.text}，${zAs}将${rng.pick(ACTIONS)}，${evidence}。` });
      }
    }
    this.pad(ctx, zone, false);
    const short = this.shortName(rng, zone);
    const titles = [`${short}${year}年经济发展稳中有进`, `回眸${year}：${short}高质量发展迈出坚实步伐`, `${short}交出${year}年发展“成绩单”`];
    return this.draft(ctx, "review", rng.pick(titles), [zone.name]);
  }

  private projectName(rng: Rng): string {
    for (let attempt = 0; attempt < 50; attempt++) {
      let prefix: string;
      let industry: string;
      if (this.projectPairs.length > 20 && rng.chance(0.25)) {
        [prefix, industry] = rng.pick(this.projectPairs); // look-alike: same company and industry, another suffix
      } else {
        prefix = rng.pick(COMPANY_PREFIXES);
        industry = rng.pick(INDUSTRIES);
      }
      const name = `${prefix}${industry}${rng.pick(PROJECT_SUFFIXES)}项目`;
      if (this.projectNames.has(name)) continue;
      this.projectNames.add(name);
      this.projectPairs.push([prefix, industry]);
      return name;
    }
    // Exhausted combinations: add a numbered phase, which is always new.
    for (let k = 2; ; k++) {
      const name = `${rng.pick(COMPANY_PREFIXES)}${rng.pick(INDUSTRIES)}${cn(Math.min(k, 12))}期${k > 12 ? k : ""}项目`;
      if (!this.projectNames.has(name)) {
        this.projectNames.add(name);
        return name;
      }
    }
  }

  private investment(rng: Rng, lo: number, hi: number): { value: number; raw: string } {
    const v = Math.exp(Math.log(lo) + rng.next() * (Math.log(hi) - Math.log(lo)));
    const value = v >= 20 && rng.chance(0.5) ? Math.round(v) : Math.round(v * 10) / 10;
    return { value, raw: `${value}亿元` };
  }

  private projectFact(ctx: Ctx, zone: ZoneDef, name: string, inv: { value: number; raw: string }, evidence: string, zoneAs: string): void {
    ctx.add({
      zone: zone.name, metric: "project_investment", year: ctx.date.y, kind: "investment", period: "point", subject: name, measure: "investment",
      value: inv.value, unit: "亿元", raw: inv.raw, numbers: [inv.raw], growth: null, qualifier: "", phrase: "总投资", yearExpr: "implicit", role: "primary", evidence, zoneAs,
    });
  }

  private project(rng: Rng, zone: ZoneDef): ArticleDraft | null {
    const year = rng.int(FIRST_YEAR, LAST_YEAR);
    const ctx = new Ctx(rng, dayBetween(rng, year, 1, 3, 12, 28), zone);
    const count = rng.weighted<number>([[1, 0.45], [2, 0.35], [3, 0.2]]);
    let firstInv = { value: 0, raw: "" };
    let firstName = "";
    for (let i = 0; i < count; i++) {
      const name = this.projectName(rng);
      ctx.projects.push(name);
      const inv = this.investment(rng, 1.2, 180);
      const zAs = ctx.ref(zone);
      const verb = rng.pick(["正式签约", "开工建设", "竣工投产", "正式落户", "举行奠基仪式"]);
      const style = rng.int(0, 2);
      let evidence: string;
      let text: string;
      if (style === 0) {
        evidence = `总投资${inv.raw}的${name}在${zAs}${verb}`;
        text = `${i === 0 ? "近日，" : "此外，"}${evidence}。该项目主要建设${rng.pick(INDUSTRIES)}生产线及配套设施，建成后将进一步完善${rng.pick(INDUSTRIES)}产业链条。`;
      } else if (style === 1) {
        const co = this.company(rng);
        evidence = `签约${name}，项目总投资${inv.raw}`;
        text = `${i === 0 ? "日前，" : "同时，"}${zAs}与${co}${evidence}，${rng.pick(["计划年内开工建设", "将打造区域性产业高地", "预计达产后年产值可观"])}。`;
      } else {
        evidence = `${name}总投资${inv.raw}`;
        text = `${evidence}，${rng.pick(["主要建设研发中心和智能化生产车间", "目前正在进行主体施工", "建成后将填补区域产业链空白", "一期工程已完成基础施工"])}，是${zAs}今年重点推进的${rng.pick(INDUSTRIES)}项目之一。`;
      }
      this.projectFact(ctx, zone, name, inv, evidence, style === 2 ? "" : zAs);
      if (i === 0) {
        firstInv = inv;
        firstName = name;
      }
      ctx.paragraphs.push({ text: text + (rng.chance(0.5) ? this.filler(ctx, zone, 1) : "") });
    }
    if (rng.chance(0.5)) {
      const counts = this.reportable(zone, null).filter((m) => ["big_signed", "settled", "started", "completed"].includes(m.id));
      const m = counts.length ? rng.pick(counts) : undefined;
      const p = m ? lastCompletedPeriod(ctx.date, m) : null;
      if (m && p) {
        const s = this.actualsSentence(ctx, zone, [m], ctx.date.y, p, { decoyRate: 0.15 });
        if (s) ctx.paragraphs.push({ text: s });
      }
    }
    this.pad(ctx, zone, rng.chance(0.5));
    const short = this.shortName(rng, zone);
    const titles = [`总投资${firstInv.raw}的${firstName}落户${short}`, `${short}${rng.pick(["签约", "开工"])}${firstName}`, `${short}项目建设跑出“加速度”`];
    return this.draft(ctx, "project", rng.pick(titles), [zone.name]);
  }

  batchValue(zone: string, year: number, q: number): BatchValue {
    const z = this.z(zone);
    const u1 = unit(this.seed, "batch-n", zone, year, q);
    const u2 = unit(this.seed, "batch-x", zone, year, q);
    const n = Math.max(3, Math.round((4 + u1 * 22) * Math.pow(z.scale, 0.35)));
    const x = n * (2.5 + u2 * 12);
    const p = printAmount(x, "亿元");
    return { n, invest: { value: p.value, raw: p.printed.raw } };
  }

  private batchFact(ctx: Ctx, zone: ZoneDef, year: number, q: number, b: BatchValue, evidence: string, yearExpr: string, zoneAs: string, role: "primary" | "decoy", decoy?: DecoyType, items?: string[]): void {
    const f: DraftFact = {
      zone: zone.name, metric: "batch_start", year, kind: "actual", period: `Q${q}`, subject: "", measure: "batch", value: b.n, unit: "个",
      raw: `${b.n}个`, numbers: [String(b.n), b.invest.raw], growth: null, qualifier: "", phrase: "集中开工", yearExpr, role, evidence, zoneAs,
    };
    if (decoy) f.decoy = decoy;
    if (items) f.items = items;
    ctx.add(f);
  }

  private batch(rng: Rng, zone: ZoneDef): ArticleDraft | null {
    const year = rng.int(FIRST_YEAR, LAST_YEAR);
    const q = rng.int(1, 4);
    const date = dayBetween(rng, year, q * 3 - 2, 2, q * 3 - 1, 28);
    const ctx = new Ctx(rng, date, zone);
    const b = this.batchValue(zone.name, year, q);
    const names = [this.projectName(rng), this.projectName(rng), ...(rng.chance(0.5) ? [this.projectName(rng)] : [])];
    ctx.projects.push(...names);
    const tp = timePhrase(rng, year, date.y, `Q${q}`);
    const zAs = ctx.ref(zone);
    const listed = names.join("、");
    const style = rng.int(0, 2);
    let evidence: string;
    if (style === 0) evidence = `${listed}等${b.n}个项目集中开工，总投资${b.invest.raw}`;
    else if (style === 1) evidence = `此次集中开工项目${b.n}个，总投资${b.invest.raw}`;
    else evidence = `集中开工${listed}等${b.n}个重点项目，总投资${b.invest.raw}`;
    const eventDay = dayBefore(date);
    const intro = `${eventDay.m}月${eventDay.d}日，${zAs}${tp.text}重大项目集中开工${rng.pick(["仪式", "活动"])}在${names[0]}现场举行。`;
    const text = `${intro}${evidence}${style === 1 ? `，${listed}等项目位列其中` : ""}，涵盖${rng.sample(INDUSTRIES, 3).join("、")}等领域。`;
    this.batchFact(ctx, zone, year, q, b, evidence, tp.yearExpr, zAs, "primary", undefined, names);
    ctx.paragraphs.push({ text });
    // Lead project's own investment.
    const inv = this.investment(rng, 1, Math.max(2, b.invest.value * 0.6));
    const pe = `总投资${inv.raw}的${names[0]}`;
    this.projectFact(ctx, zone, names[0] ?? "", inv, pe, "");
    ctx.paragraphs.push({ text: `其中，${pe}${rng.pick(["是此次开工的龙头项目", "投资规模最大", "建成后将带动上下游配套企业集聚"])}。${this.filler(ctx, zone, 1)}` });
    // Decoy: an earlier batch of the same zone and year.
    if (q > 1 && rng.chance(0.35)) {
      const pq = rng.int(1, q - 1);
      const pb = this.batchValue(zone.name, year, pq);
      const ptp = timePhrase(rng, year, date.y, `Q${pq}`, false);
      const pe2 = `${ptp.text}，${ctx.ref(zone)}已集中开工项目${pb.n}个，总投资${pb.invest.raw}`;
      if (!ctx.has({ zone: zone.name, metric: "batch_start", year, kind: "actual", period: `Q${pq}`, subject: "" })) {
        this.batchFact(ctx, zone, year, pq, pb, pe2, ptp.yearExpr, "", "decoy", "other_period");
        ctx.paragraphs.push({ text: `${pe2}。` });
      }
    }
    // Decoy: the parent zone's batch in the same quarter.
    if (zone.parent && rng.chance(0.35)) {
      const parent = this.zones.get(zone.parent);
      if (parent && !ctx.has({ zone: parent.name, metric: "batch_start", year, kind: "actual", period: `Q${q}`, subject: "" })) {
        const pb = this.batchValue(parent.name, year, q);
        if (pb.n > b.n) {
          const pAs = ctx.ref(parent);
          const pe3 = `${pAs}${periodWords(`Q${q}`)[0]}共集中开工项目${pb.n}个，总投资${pb.invest.raw}`;
          this.batchFact(ctx, parent, year, q, pb, pe3, "同期", pAs, "decoy", "other_zone");
          ctx.paragraphs.push({ text: `当天，${pe3}。` });
        }
      }
    }
    this.pad(ctx, zone, true);
    const short = this.shortName(rng, zone);
    const titles = [`${short}${b.n}个项目集中开工 总投资${b.invest.raw}`, `${short}${periodWords(`Q${q}`)[0]}重大项目集中开工`, `${short}项目建设按下“快进键”`];
    return this.draft(ctx, "batch", rng.pick(titles), [zone.name]);
  }

  private roundup(rng: Rng): ArticleDraft | null {
    const group = rng.pick(this.groups);
    const city = this.z("青岛市");
    const year = rng.int(FIRST_YEAR, LAST_YEAR);
    const annual = rng.chance(0.25);
    const period: PeriodCode = annual ? "year" : rng.weighted(RESULT_PERIODS);
    const date = annual ? dayBetween(rng, year + 1, 1, 10, 2, 28) : (() => {
      const [m0, d0, m1, d1] = resultsWindow(period);
      return dayBetween(rng, year, m0, d0, m1, d1);
    })();
    if (date.y > LAST_YEAR) return null;
    const members = group.members.map((n) => this.z(n));
    const candidates = this.metrics.filter((m) => m.periods.includes(family(period)) && members.filter((z) => this.world.reports(z.name, m.id)).length >= 3);
    if (!candidates.length) return null;
    const ctx = new Ctx(rng, date, city);
    const ms = rng.sample(candidates, rng.weighted<number>([[1, 0.6], [2, 0.4]]));
    const withCity = group.id === "qingdao-districts" || rng.chance(0.3);
    const src = rng.pick(ROUNDUP_SOURCES);
    const covered = new Set<string>();
    for (const m of ms) {
      const tp = timePhrase(rng, year, date.y, period);
      const zs = rng.sample(members.filter((z) => this.world.reports(z.name, m.id)), rng.int(3, 6));
      const phraseLead = rng.pick(m.phrases);
      let text = ctx.paragraphs.length === 0 ? `记者从${src}获悉，` : "";
      if (withCity && !ctx.has({ zone: "青岛市", metric: m.id, year, kind: "actual", period, subject: "" })) {
        const v = this.world.actual("青岛市", m.id, year, period);
        const clause = this.actualClause(rng, m, phraseLead, v);
        const evidence = `${tp.text}，全市${clause.text}`;
        ctx.mentions.add("青岛市");
        ctx.add(this.actualFact(ctx, city, m, year, period, phraseLead, clause, v, evidence, tp.yearExpr, "全市", "primary"));
        text += `${evidence}。${group.id === "qingdao-districts" ? "分区市看" : "分区域看"}，`;
      } else {
        text += `${tp.text}，${group.lead}${m.short}${rng.pick(["保持增长态势", "稳中有进", "呈现较快增长"])}。其中，`;
      }
      const parts: string[] = [];
      for (const z of zs) {
        if (ctx.has({ zone: z.name, metric: m.id, year, kind: "actual", period, subject: "" })) continue;
        const phrase = parts.length === 0 ? phraseLead : rng.chance(0.6) ? phraseLead : rng.pick(m.phrases);
        const v = this.world.actual(z.name, m.id, year, period);
        const clause = this.actualClause(rng, m, phrase, v);
        const zAs = ctx.ref(z);
        const evidence = `${zAs}${clause.text}`;
        ctx.add(this.actualFact(ctx, z, m, year, period, phrase, clause, v, evidence, tp.yearExpr, zAs, "primary"));
        covered.add(z.name);
        parts.push(evidence);
      }
      if (!parts.length) return null;
      text += `${parts.join("；")}。`;
      ctx.paragraphs.push({ text });
    }
    this.pad(ctx, city, rng.chance(0.4));
    const pn = annual ? `${year}年` : periodName(period);
    const m0 = ms[0];
    const titles = [`${pn}${group.lead}${m0?.short ?? ""}“成绩单”出炉`, `${pn}${group.lead}${m0?.short ?? ""}稳中有进`, `${group.lead}${pn}比学赶超`];
    const front = withCity ? ["青岛市", ...covered] : [...covered];
    return this.draft(ctx, "roundup", rng.pick(titles), front);
  }

  private news(rng: Rng, zone: ZoneDef): ArticleDraft {
    const year = rng.int(FIRST_YEAR, LAST_YEAR);
    const ctx = new Ctx(rng, dayBetween(rng, year, 1, 2, 12, 30), zone);
    const zAs = ctx.ref(zone);
    const eventDay = dayBefore(ctx.date);
    ctx.paragraphs.push({ text: `${eventDay.m}月${eventDay.d}日，${zAs}召开${rng.pick(MEETINGS)}，${rng.pick(["通报前期工作进展", "总结阶段性工作", "听取重点项目推进情况汇报"])}，部署下一阶段重点任务。` });
    this.pad(ctx, zone, true);
    const short = this.shortName(rng, zone);
    const titles = [`${short}召开${rng.pick(MEETINGS)}`, `${short}：${rng.pick(ACTIONS)}`, `${short}${rng.pick(FOCUSES)}见实效`];
    return this.draft(ctx, "news", rng.pick(titles), [zone.name]);
  }

  private shortName(rng: Rng, zone: ZoneDef): string {
    if (zone.name === "青岛市") return "青岛";
    const shorts = zone.renderAliases.filter((a) => a.length <= 7);
    return shorts.length ? rng.pick(shorts) : zone.name;
  }

  private markDecoys(ctx: Ctx, decoy: DecoyType): void {
    for (const f of ctx.facts) if (f.kind === "actual" && f.role === "primary" && !f.decoy) {
      f.role = "decoy";
      f.decoy = decoy;
    }
  }
}

/** Split a list into consecutive groups of size lo..hi. */
function chunk<T>(rng: Rng, items: T[], [lo, hi]: [number, number]): T[][] {
  const out: T[][] = [];
  let i = 0;
  while (i < items.length) {
    const n = rng.int(lo, hi);
    out.push(items.slice(i, i + n));
    i += n;
  }
  return out;
}
