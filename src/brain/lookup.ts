import { metricFit, namesKnownMetric, saysOtherMeasure } from "../facts/index.js";
import { dayWithinPeriod, readSeason, standsForYear } from "../reading/index.js";
import type { FactResult, Toolbox } from "../tools/index.js";
import { clauseSaysOtherKind, localText } from "./evidence.js";
import { asksForRate, type Lexicon } from "./lexicon.js";
import type { QuestionFrame } from "./types.js";
import { weight } from "./weights.js";

/** A fact's metric must fit the asked one at least this well to answer it. */
export function metricFitMin(): number {
  return weight("lookup", "metricFitMin");
}

/** What the fact table says about one asked figure. */
export type Lookup =
  /** The figure that answers; other reports of it that disagree are the caller's to show. */
  | { status: "found"; fact: FactResult; fit: number }
  /** The table knows this zone's metric, but not for the asked year, kind or period; the nearest it has. */
  | { status: "missing"; nearest?: FactResult }
  /** The table cannot tell: no known metric, or no zone/year to look under. Retrieval decides. */
  | { status: "unknown" };

/** The asked figure, as the fact table is keyed: zone, metric wording, year, kind, period. */
export interface FigureQuery {
  zone: string;
  metric: string;
  /** The wording names a metric the synonym table knows (else it is matched on its characters). */
  known: boolean;
  year: number;
  /** The kind the question asks for (目标/完成…): a figure of the other kind never answers. */
  kind?: "target" | "actual";
  /** Without an asked kind, the likelier one: what happened in a past year, what is planned for this one. */
  likelyKind: "target" | "actual";
  /** Normalised period; Y for the whole year. */
  period: string;
  /** Month of the event asked about (集中开工 in October), when the question names one. */
  month?: number;
  wantsPercent: boolean;
  /** 「排第几」: only a ranking answers. */
  wantsRank: boolean;
  /** 「多少亿元」「多少家」: the question names a unit that is not a percentage. */
  wantsAmount: boolean;
  /** 「年底有多少」: a figure of a point in time (实有, 总量) is likelier than one of the year's flow (新登记). */
  pointInTime: boolean;
  /** The question as asked, for wordings the metric words leave out (年度 of 年度计划投资 is read as a period). */
  question: string;
  /** The zone's own figure is asked (no project named): a figure of a zone inside it does not answer. */
  ownZoneOnly: boolean;
  /** Names the question asks about (a project's): their words restrict no measure. */
  names: string[];
  /** 「多少亿元」「投资是多少」「多少个」: the kind of quantity asked (money, count, area…), when the question says. */
  family?: string;
  /** 「累计」: a total over years is asked; else a figure totalled over years (累计, 五年间) is not the year's. */
  cumulative: boolean;
  /** The question names several years (十四五期间): one year's figure is no answer. */
  spansYears: boolean;
  /** The question names no year: `year` is the latest the table has for this figure, and a miss is retrieval's to judge. */
  latest: boolean;
}

/**
 * Answers figure questions straight from the fact table through the lookup tool: the zone's facts for
 * the year, the metric matched through the synonym table, and kind and period enforced, so look-alikes
 * (another year, target vs actual, 一季度 vs 全年) never stand in for the asked figure.
 */
export class FactLookup {
  /**
   * `referenceYear` is the year 今年 means: a question about an earlier year without 目标/完成 asks what happened —
   * and so does one about that year itself once the corpus reports on its December (`yearOver`).
   */
  /** `spansYears` tells a figure totalled over several years (「五年间，…累计…」), which answers no one year's question. */
  constructor(
    private readonly tools: Toolbox,
    private readonly referenceYear: number,
    private readonly lexicon: Lexicon,
    private readonly yearOver: (year: number) => boolean = (year) => year < referenceYear,
    private readonly spansYears: (fact: FactResult) => boolean = () => false,
    /** A figure of something else than the asked total: one event's batch, new ones for all there are (see EvidenceFinder.otherFigure). */
    private readonly otherFigure: (question: string, fact: FactResult, dated: boolean) => boolean = () => false,
  ) {}

  /** The figure query a frame asks, or undefined when it names no zone, year or metric. */
  query(frame: QuestionFrame, part = frame.question, metric = metricWording(frame)): FigureQuery | undefined {
    const zone = frame.zones[0];
    if (!zone || metric.length < 2) return undefined;
    const period = frame.period ?? "Y";
    const year = frame.year ?? this.latestYear(zone, metric, period, frame.kind);
    if (year === undefined) return undefined;
    return {
      zone, metric, known: namesKnownMetric(metric), latest: frame.year === undefined,
      year, kind: frame.kind, likelyKind: this.yearOver(year) ? "actual" : "target", period, month: frame.month,
      wantsPercent: asksForRate(part, this.lexicon),
      wantsRank: frame.asksRank === true,
      wantsAmount: frame.explicitFamily !== undefined && frame.explicitFamily !== "percent",
      pointInTime: frame.pointInTime === true,
      cumulative: frame.cumulative === true,
      spansYears: frame.spansYears === true,
      family: frame.explicitFamily ?? frame.unitFamily,
      ownZoneOnly: frame.entities.length === 0,
      names: frame.entities,
      question: part,
    };
  }

  /**
   * 「合肥高新区上半年GDP多少」: a figure asked without a year is its latest — the latest result when the question
   * names no kind (a plan for a coming year is not what 「是多少」 asks).
   */
  private latestYear(zone: string, metric: string, period: string, kind: "target" | "actual" | undefined): number | undefined {
    const known = namesKnownMetric(metric);
    const threshold = known ? metricFitMin() : weight("lookup", "unknownMetricFitMin");
    const facts = this.tools
      .lookupMetric({ metric, zone })
      .filter((fact) => fact.zone === zone && fact.year !== null && fact.periodKey === period && metricFit(metric, fact.metric) >= threshold);
    // Only plans in the table: which of them is meant is retrieval's to judge.
    const years = facts.filter((fact) => kindFits(kind ?? "actual", fact.kind)).map((fact) => fact.year as number);
    return years.length > 0 ? Math.max(...years) : undefined;
  }

  /** A quantity of the asked kind: 「投资是多少」 is not answered by a count of projects, nor 「多少个」 by an amount. */
  private familyFits(query: FigureQuery, fact: FactResult): boolean {
    if (!query.family || query.family === "percent" || query.wantsPercent || query.wantsRank || fact.kind === "ranking") return true;
    return this.lexicon.unitFamily.get(fact.unit) === query.family;
  }

  /** `accepts`: a further test a figure must pass (the name a question asks is the figure's own — see namedAtFigure). */
  find(query: FigureQuery, accepts: (fact: FactResult) => boolean = () => true): Lookup {
    // A metric no synonym group names is matched on its characters, and must match them closely.
    const threshold = query.known ? metricFitMin() : weight("lookup", "unknownMetricFitMin");
    const sameMetric = this.tools
      .lookupMetric({ metric: query.metric, zone: query.zone, month: query.month })
      .map((fact) => ({ fact, fit: metricFit(query.metric, fact.metric) }))
      .filter((entry) => entry.fit >= threshold);
    if (sameMetric.length === 0) return { status: "unknown" };
    // A metric only ever printed as a rate (规上工业增加值增长8%) answers 「…是多少」 with its rate.
    const percentOnly = !query.wantsAmount && sameMetric.every((entry) => entry.fact.unit === "%");
    const shaped = sameMetric.filter((entry) => !saysOtherMeasure(`${query.question} ${query.metric}`, `${entry.fact.subject}${entry.fact.metric}${localText(entry.fact)}`, query.names)).filter((entry) => (entry.fact.unit === "%") === (query.wantsPercent || percentOnly) && (!query.wantsRank || entry.fact.kind === "ranking") && this.familyFits(query, entry.fact));
    // The zone's own figure: one of a zone inside it (lookup_metric includes them) is that zone's, not the asked one's.
    // An investment figure is a plan or a result by the words of its clause (「力争重点项目完成投资达到250亿元」 is a plan).
    // 「2022年底有多少家」 asks what there was at that date: a goal for it is no answer.
    const kindOk = (fact: FactResult) => kindFits(query.kind, fact.kind) && !(fact.kind === "investment" && query.kind && clauseSaysOtherKind(query.kind, fact)) && !(query.pointInTime && !query.kind && fact.kind === "target");
    const dated = query.month !== undefined || readSeason(query.question) !== undefined;
    // 「2018年新培育了多少」: a year-to-date figure of that December stands in for the year, after a whole-year one.
    // 「2025年累计开工多少」: a running total asked is answered by the year so far.
    const nearYear = (fact: FactResult) => query.period === "Y" && standsForYear(fact.periodKey, fact.year, fact.date, query.cumulative);
    // 「一季度集中开工多少个项目」: an event's figure dated by its day (3月4日) is of the quarter that day is in.
    // (A goal set on a day — a January meeting's 全年 target — is the year's, not that quarter's.)
    const onDay = (fact: FactResult) => query.period !== "Y" && fact.kind !== "target" && fact.kind !== "plan" && dayWithinPeriod(query.period, fact.periodKey, fact.month);
    const fitting = shaped.filter(({ fact }) => (fact.zone === query.zone || !query.ownZoneOnly) && fact.year === query.year && (fact.periodKey === query.period || nearYear(fact) || onDay(fact)) && kindOk(fact) && (query.spansYears ? this.spansYears(fact) : query.cumulative || !this.spansYears(fact)) && !this.otherFigure(query.question, fact, dated || onDay(fact)) && accepts(fact));
    // A wording the synonym table does not know may have been missed in other words: retrieval decides then.
    if (fitting.length === 0 && (!query.known || query.latest)) return { status: "unknown" };
    if (fitting.length === 0) return { status: "missing", nearest: nearest(shaped.length ? shaped : sameMetric, query)?.fact };
    const lean = (fact: FactResult) =>
      kindLean(query, fact) + (fact.zone === query.zone ? weight("lookup", "exactZoneLean") : 0) + (query.pointInTime && fact.period === "point" ? weight("lookup", "pointInTimeLean") : 0) +
      (fact.periodKey !== query.period ? weight("lookup", "yearToDateLean") : 0);
    // Without 目标/完成 asked, the likelier kind wins over differences in wording: a result of a year that is over
    // (「科技型中小企业入库165家」) before the same year's plan worded like the question (「入库科技型中小企业140家以上」).
    const likely = (fact: FactResult) => (query.kind === undefined && kindFits(query.likelyKind, fact.kind) && fact.kind !== "investment" && fact.kind !== "ranking" ? 1 : 0);
    const best = fitting.sort((a, b) => likely(b.fact) - likely(a.fact) || b.fit + lean(b.fact) - (a.fit + lean(a.fact)) || a.fact.start - b.fact.start)[0]!;
    return { status: "found", fact: best.fact, fit: best.fit };
  }
}

/** The asked metric, year, kind and period filed under any zone: for figures an extraction slip misfiled. */
export function elsewhere(tools: Toolbox, query: FigureQuery): FactResult[] {
  return tools
    .lookupMetric({ metric: query.metric, year: query.year, period: query.period, month: query.month })
    .filter((fact) => fact.zone !== query.zone && metricFit(query.metric, fact.metric) >= metricFitMin() && kindFits(query.kind, fact.kind))
    .filter((fact) => (fact.unit === "%") === query.wantsPercent);
}

/** The question's metric wording, in its own characters (zone, year, period and question words are gone). */
export function metricWording(frame: QuestionFrame): string {
  return frame.metricText;
}

function kindFits(asked: "target" | "actual" | undefined, kind: string): boolean {
  if (kind === "investment" || kind === "ranking") return true;
  if (!asked) return true;
  return asked === "target" ? kind === "target" || kind === "plan" : kind === "actual" || kind === "stat";
}

/**
 * Without 目标/完成 in the question, the likelier kind wins over differences in wording; when only the
 * other kind exists, it answers, labelled as what it is.
 */
function kindLean(query: FigureQuery, fact: FactResult): number {
  if (query.kind) return 0;
  return kindFits(query.likelyKind, fact.kind) ? weight("lookup", "unaskedKindLean") : 0;
}

/** The closest figure the table has: same year first, then nearest year; same kind and period preferred. */
function nearest(entries: { fact: FactResult; fit: number }[], query: FigureQuery): { fact: FactResult } | undefined {
  const distance = ({ fact, fit }: { fact: FactResult; fit: number }) =>
    Math.abs((fact.year ?? 0) - query.year) * 4 + (fact.periodKey === query.period ? 0 : 2) + (kindFits(query.kind, fact.kind) ? 0 : 1) + (1 - fit);
  return [...entries].sort((a, b) => distance(a) - distance(b))[0];
}
