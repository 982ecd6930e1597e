import type { Request } from "../tools/index.js";
import { gapAsk } from "./gap.js";
import type { Lexicon } from "./lexicon.js";
import type { QuestionFrame } from "./types.js";
import { superlativeWord } from "./understand.js";

/**
 * What a question asks, as a few small operations over requests. Every answer strategy of the offline
 * brain is one operation; the reader fills the requests, the operation decides how results combine.
 */
export type Operation =
  /** One figure (or a few named in one breath) for a zone, metric, year, period and kind. */
  | "value"
  /** Items: projects, industries, measures. */
  | "list"
  /** What something is, how, when, where, who: a passage. */
  | "describe"
  /** Two or more zones or items on one metric. */
  | "compare"
  /** The first of the items one passage lists on one measure (「哪个行业增速最高」: 分行业看，A增长x%；B增长y%…). */
  | "top"
  /** The figures of named items added. */
  | "sum"
  /** A target minus what is done so far. */
  | "difference"
  /** How far apart two figures of one zone are: two years, a target and a result, two measures. */
  | "gap"
  /** The same request for each year named. */
  | "perYear"
  /** A zone's figures in general (「有哪些目标」). */
  | "overview"
  /** An open question about a zone (「X今年都干了些什么」「介绍一下X」): its most informative sentences. */
  | "brief"
  /** Nothing to look up. */
  | "empty"
  | "unclear";

/**
 * One thing to look up: the tools' request type (the LLM agent sends the same to lookup_metric), plus
 * the unit family the question names. Every field the question leaves open stays undefined.
 */
export type PlannedRequest = Request & { unitFamily?: string };

export interface QueryPlan {
  op: Operation;
  requests: PlannedRequest[];
  /** Words of an open question beyond the zone (「经济」 in 「经济整体咋样」): what a brief leans to. */
  topic: string[];
}

export function planQuestion(frame: QuestionFrame, lexicon: Lexicon): QueryPlan {
  const base: PlannedRequest = {
    zone: frame.zones[0], metric: frame.metricText, year: frame.year, period: frame.period, month: frame.month, kind: frame.kind, unitFamily: frame.explicitFamily ?? frame.unitFamily,
  };
  const plan = (op: Operation, requests: PlannedRequest[] = [base], topic: string[] = []): QueryPlan => ({ op, requests, topic });
  if (frame.question === "") return plan("empty", []);
  if (asksOverview(frame, lexicon)) return plan("overview");
  const brief = briefTopic(frame, lexicon);
  if (brief) return plan("brief", [base], brief.topic);
  if (frame.terms.length === 0 && frame.items.length === 0) return plan("unclear", []);
  if (frame.type === "compare" && ((frame.zonesNamed && frame.zones.length >= 2) || frame.items.length >= 2 || frame.groupZones.length >= 2)) {
    const sides = frame.zones.length >= 2 ? frame.zones : frame.groupZones.length >= 2 ? frame.groupZones : [];
    return plan("compare", sides.length ? sides.map((zone) => ({ ...base, zone })) : frame.items.map((item) => ({ ...base, metric: `${item}${frame.metricText}` })));
  }
  // 「哪个行业增速最高」 names no sides: the items are the ones a passage lists.
  if (frame.type === "compare" && frame.zones.length <= 1 && frame.items.length < 2 && superlativeWord(frame.question)) return plan("top");
  if (frame.zones.length <= 1 && (frame.type === "numeric" || frame.type === "compare") && gapAsk(frame.question, lexicon)) return plan("gap");
  if (frame.years.length >= 2 && frame.type !== "compare" && frame.type !== "sum") return plan("perYear", frame.years.map((year) => ({ ...base, year, kind: frame.yearKinds ? frame.yearKinds[year] : base.kind })));
  if (frame.type === "remaining") return plan("difference", [{ ...base, kind: "target" }, { ...base, kind: "actual" }]);
  if (frame.type === "sum" && frame.items.length >= 2) return plan("sum", frame.items.map((item) => ({ ...base, metric: item })));
  if (frame.type === "list") return plan("list");
  if (frame.type === "numeric") return plan("value");
  return plan("describe");
}

/**
 * An open question about one zone: a brief cue (都干了些什么, 介绍一下, 是做什么的 …) and no ask for a
 * figure, or a zone and nothing else to look up. The remaining content words are the brief's topic.
 */
function briefTopic(frame: QuestionFrame, lexicon: Lexicon): { topic: string[] } | undefined {
  if (frame.zones.length !== 1 || frame.items.length > 1) return undefined;
  const cues = lexicon.words.briefCues;
  const cued = cues.some((cue) => frame.question.includes(cue));
  const asksFigure = lexicon.words.figureAsks.some((ask) => frame.question.includes(ask));
  if (asksFigure || (!cued && frame.terms.length > 0)) return undefined;
  // Words of the zone's own name (郑州, 航空港 of 郑州航空港) are who is asked about, not what.
  const zone = frame.zones[0]!;
  const topic = frame.terms.filter((term) => !cues.some((cue) => cue.includes(term) || term.includes(cue)) && !lexicon.lightWords.has(term) && !lexicon.fillers.has(term) && !zone.includes(term));
  return { topic };
}

/** 「青岛开发区2022年有哪些目标？」: a zone, maybe a year, and only general words like 目标/指标. */
function asksOverview(frame: QuestionFrame, lexicon: Lexicon): boolean {
  if (frame.zones.length !== 1 || frame.items.length > 0) return false;
  const general = lexicon.words.overviewWords;
  const asksGeneral = general.some((word) => frame.question.includes(word));
  return asksGeneral && frame.terms.every((term) => general.includes(term) || lexicon.lightWords.has(term));
}
