import { createHash } from "node:crypto";
import type { Gazetteer, ZoneMention } from "../domain/gazetteer.js";
import { homeByShortName } from "../domain/index.js";
import type { Article, Fact, Period } from "../domain/types.js";
import { factCues } from "./data.js";
import { classifyKind, contextTense, dominantTense, readQualifier, resolveTense, type Tense } from "./kind.js";
import { readMetric, WRITTEN_NUMBER, type MetricReading } from "./metric.js";
import { scanRankings, type RankingMatch } from "./rankings.js";
import { clauseSpans, paragraphSpans, sentenceSpans, spanAt, type Span } from "./spans.js";
import { scanQuantities, type QuantityMatch } from "./units.js";
import { articleLooksBack, placesSubject, coarsePeriod, headingYear, leadYear, findMonths, findPeriods, findYears, inLookBackMonths, isLookBack, namesReportedYearGoal, isWholeYearResult, lastPeriod, leadPeriod, periodInForce, publishedAtYearEnd, readPeriod, reportedYear, yearOfDate, type YearSpan } from "../reading/index.js";

export interface ExtractionResult {
  facts: Fact[];
  /** Facts dropped because their evidence did not match the article text at their offsets. */
  rejected: number;
}

/** Clauses shorter than this borrow the previous clause as evidence context. */
const MIN_EVIDENCE_CHARS = 8;

/** One number found in a paragraph, before it becomes a Fact. Offsets are article offsets. */
interface Hit {
  start: number;
  end: number;
  raw: string;
  value: number;
  unit: string;
  category: QuantityMatch["category"];
  insideQualifier: string;
  ranking?: RankingMatch;
}

interface ParagraphContext {
  article: Article;
  articleTense: ReturnType<typeof dominantTense>;
  /** The article reviews a year that has ended (its title or lead says 回顾, 过去一年, 成绩单…). */
  lookBack: boolean;
  gazetteer: Gazetteer;
  paragraph: Span;
  sentences: Span[];
  /** Zone in force at the end of the previous paragraph: a section about one zone often runs on. */
  carriedZone: string | null;
  /** The year the section heading above names (「2025年：海洋科创平台加速集聚」), for figures naming none. */
  sectionYear?: number;
  /** The one year the article's first paragraph names, if it names one (see leadYear in src/reading). */
  leadYear?: number;
  /** The part of a year the article's lead sets (see leadPeriod in src/reading), for paragraphs naming no time. */
  leadPeriod?: string;
  /** The year the paragraph before ended on, when it named one: a paragraph naming none goes on with it. */
  previousYear?: YearSpan;
  /** The kind the section heading above says (「二、2026年主要目标」: goals below it), for figures whose words say none strongly. */
  sectionTense?: Tense;
  /** Zones named in the paragraph (see placesIn), computed on first use. */
  places?: ZoneMention[];
  /** The article says its zone is a part of 全区 (see Gazetteer.wholeAroundHome): 全区's figures are no zone's. */
  wholeAroundHome?: boolean;
}

function factId(articleId: string, start: number, raw: string): string {
  return createHash("sha1").update(`${articleId}|${start}|${raw}`).digest("hex").slice(0, 16);
}

/** Money amounts that only describe a class of projects (过50亿元项目, 50亿级) are thresholds, not facts. */
function isThreshold(text: string, q: QuantityMatch): boolean {
  const { thresholdPrefixes, thresholdSuffixes } = factCues();
  const after = text.slice(q.end);
  if (thresholdSuffixes.some((s) => after.startsWith(s))) return true;
  if (q.category !== "money") return false;
  const prev = text[q.start - 1] ?? "";
  // 「落地十亿元以上项目3个」: an amount with 以上 right before the projects or firms it sizes is a class too.
  if (/^(?:及)?以上(?:的)?[\u4e00-\u9fff]{0,4}?(?:项目|企业)/u.test(after)) return true;
  return thresholdPrefixes.includes(prev) && /^(?:以上)?(?:的)?[\u4e00-\u9fff]{0,4}?项目/u.test(after);
}

function paragraphHits(text: string, paragraph: Span): Hit[] {
  const body = text.slice(paragraph.start, paragraph.end);
  const quantities: Hit[] = scanQuantities(body)
    .filter((q) => !isThreshold(body, q))
    .map((q) => ({ ...q, start: q.start + paragraph.start, end: q.end + paragraph.start }));
  const rankings: Hit[] = scanRankings(body).map((r) => ({
    start: r.start + paragraph.start,
    end: r.end + paragraph.start,
    raw: r.raw,
    value: r.value,
    unit: "名",
    category: "counter",
    insideQualifier: "",
    ranking: { ...r, start: r.start + paragraph.start, end: r.end + paragraph.start, verbStart: r.verbStart + paragraph.start },
  }));
  return [...quantities, ...rankings].sort((a, b) => a.start - b.start);
}

/** A text without the year or period it ends with (「…。今年」 → 「…。」), read by the shared recognisers. */
function withoutTrailingTime(text: string): string {
  const spans = [...findYears(text, { lookBack: "off" }), ...findPeriods(text)];
  const last = spans.find((span) => span.end === text.length && !("baseline" in span && span.baseline));
  return last ? text.slice(0, last.start) : text;
}

/** Zone names standing as a clause's grammatical subject (“。青岛蓝谷将…”, “，空港综保区通过…”). */
function clauseInitial(text: string, index: number, afterTime = false): { clause: boolean; sentence: boolean } {
  // 「今年绿色低碳新城计划实施…」: a time word opening the clause leaves the (named) zone after it its subject.
  const trimmed = text.slice(0, index).replace(/[\s“”"‘’（(]+$/u, "");
  const before = afterTime ? withoutTrailingTime(trimmed) : trimmed;
  const last = before.at(-1);
  return { clause: last === undefined || /[，,；;。！？!?：:—]/.test(last), sentence: last === undefined || /[。！？!?—]/.test(last) };
}

/**
 * Zone a number belongs to: the latest zone that is the subject of a clause in the paragraph before it.
 * A sub-zone named mid-sentence (上合示范区…，空港综保区通过预验收，开行中欧班列203列) keeps its parent topic;
 * a sentence that opens with a zone switches topic. Falls back to the article's main zone.
 */
const CLAUSE_BREAKS = "，,；;。！？!?：:";

function zoneAt(ctx: ParagraphContext, position: number, articleFallback = true): string | null {
  const before = ctx.article.text.slice(ctx.paragraph.start, position);
  const respective = respectiveZone(ctx, before, position);
  if (respective !== undefined) return respective;
  // A zone named in the number's own clause owns it: 「…，低于莱西市同期的2.47亿美元」 is 莱西市's figure.
  const clauseStart = Math.max(...[...CLAUSE_BREAKS].map((mark) => before.lastIndexOf(mark))) + 1;
  const clause = before.slice(clauseStart);
  const listed = ctx.gazetteer.mentions(clause);
  const inClause = [...listed, ...ctx.gazetteer.abbreviations(clause, listed), ...homeByShortName(clause, ctx.article.zones[0], listed)].sort((a, b) => a.start - b.start).at(-1);
  if (inClause) return inClause.zone;
  // 「去年，全市新设立市场主体达4.71万户」: a weak name (全市, 新区) opening the clause is its subject.
  // A generic word (开发区, 该区) with no zone named before it in the clause is the article's home zone.
  // (It is read with the paragraph before it: 「城阳轨道交通产业示范区一季度…。示范区已集聚…」 — the zone named last.)
  const opening = ctx.gazetteer.mentions(clause, { includeWeak: true, home: ctx.article.zones[0] })[0];
  if (opening?.weak && clause.slice(0, opening.start).trim() === "") {
    if (ctx.wholeAroundHome && ctx.gazetteer.isWholeWord(opening.alias)) return null;
    const inParagraph = ctx.gazetteer.mentions(before, { includeWeak: true, home: ctx.article.zones[0] }).find((m) => m.start === clauseStart + opening.start);
    return inParagraph?.zone ?? opening.zone;
  }
  // 「全区…增长8.9%，其中经开区增长11.4%」: the part named in the clause, not the whole before it.
  if (ctx.wholeAroundHome && opening?.weak && !ctx.gazetteer.isWholeWord(opening.alias)) return opening.zone;
  // 「全市开发区总数将从298个整合为20个」 in a piece about another city's zones: the city's figure is no zone's.
  if (ctx.gazetteer.opensWithCityWord(clause)) return null;
  // 「排名前三的开发区分别实现营业收入…」: a figure said of many zones at once, none named, is no one zone's.
  const sentenceStart = ctx.sentences.filter((s) => s.start <= position).at(-1)?.start ?? ctx.paragraph.start;
  const sentenceBefore = ctx.article.text.slice(sentenceStart, position);
  if (ctx.gazetteer.namesManyZones(sentenceBefore) && ctx.gazetteer.mentions(sentenceBefore).length === 0) return null;
  let topic: string | null = null;
  let weakTopic = false;
  for (const mention of placesIn(ctx).filter((m) => m.end <= before.length)) {
    // (A type word after a time word — 「2022年自贸片区将…」 — is read as before: it names a zone only by its own rules.)
    const place = clauseInitial(before, mention.start, !mention.weak && !ctx.gazetteer.isTypeWord(mention.alias));
    if (!place.clause) continue;
    // 「全区社会消费品零售总额71.9亿元…；接待游客312万人次」 in a piece that calls its zone a part of 全区: the district's.
    if (ctx.wholeAroundHome && ctx.gazetteer.isWholeWord(mention.alias)) {
      topic = NO_ZONE;
      weakTopic = true;
      continue;
    }
    // A zone named after 「全市…」 takes over (分区域看，X…); one named inside a zone's sentence keeps that zone.
    if (place.sentence || !topic || weakTopic || !ctx.gazetteer.isWithin(mention.zone, topic)) {
      topic = mention.zone;
      weakTopic = mention.weak;
    }
  }
  if (topic === NO_ZONE) return null;
  return topic ?? leadingZone(ctx) ?? ctx.carriedZone ?? (articleFallback ? ctx.article.zones[0] ?? null : null);
}

/**
 * 「A经开区、B经开区、C经开区分列前三名，得分分别为93.42分、91.07分、89.65分」: 分别 pairs two lists in order — the
 * i-th figure after it is the i-th zone named before it in its sentence, when there are as many of each.
 */
function respectiveZone(ctx: ParagraphContext, before: string, position: number): string | undefined {
  const sentenceStart = Math.max(...[...SENTENCE_BREAKS].map((mark) => before.lastIndexOf(mark))) + 1;
  const sentence = before.slice(sentenceStart);
  const word = factCues().respectiveWords.find((w) => sentence.includes(w));
  if (!word) return undefined;
  const at = sentence.lastIndexOf(word);
  const zones = ctx.gazetteer.mentions(sentence.slice(0, at)).filter((mention) => !mention.weak);
  if (zones.length < 2 || new Set(zones.map((mention) => mention.zone)).size !== zones.length) return undefined;
  const rest = ctx.article.text.slice(position, ctx.paragraph.end);
  const listEnd = rest.search(/[，,；;。！？!?]/u);
  const figures = [...(sentence.slice(at).match(WRITTEN_NUMBER) ?? []), ...(rest.slice(0, listEnd < 0 ? rest.length : listEnd).match(WRITTEN_NUMBER) ?? [])];
  const index = (sentence.slice(at).match(WRITTEN_NUMBER) ?? []).length;
  return figures.length === zones.length && index < zones.length ? zones[index]!.zone : undefined;
}

const SENTENCE_BREAKS = "。！？!?";

/** A clause topic that is no zone (全区 around the article's zone). */
const NO_ZONE = "";

/** Zones named in the paragraph, listed or abbreviated (鳌山湾新城), found once per paragraph. */
function placesIn(ctx: ParagraphContext): ZoneMention[] {
  if (!ctx.places) {
    const text = ctx.article.text.slice(ctx.paragraph.start, ctx.paragraph.end);
    const listed = ctx.gazetteer.mentions(text);
    // A weak name opening a clause (「全市四季度共集中开工项目53个，总投资367.4亿元」) sets the topic too.
    const weakOpeners = ctx.gazetteer.mentions(text, { includeWeak: true, home: ctx.article.zones[0] }).filter((m) => m.weak && clauseInitial(text, m.start).clause);
    ctx.places = [...listed, ...weakOpeners, ...ctx.gazetteer.abbreviations(text, listed), ...homeByShortName(text, ctx.article.zones[0], listed)].sort((a, b) => a.start - b.start);
  }
  return ctx.places;
}

/** Zone named in a paragraph's first sentence (攀高逐新是青岛高新区发展的关键词。…), the paragraph's topic. */
function leadingZone(ctx: ParagraphContext): string | undefined {
  const first = ctx.sentences[0];
  if (!first) return undefined;
  const text = ctx.article.text.slice(first.start, first.end);
  // 「位于某新区西部的某度假区…」: the place after 位于 says where the subject is.
  return ctx.gazetteer.mentions(text).find((mention) => !placesSubject(text, mention.start))?.zone;
}

/** Where a fact's year was read, and whether the look-back rule may still move it (see settleYear). */
interface YearReading {
  year: number | null;
  /** "lead": the one year the article's first paragraph names (「2025年，各地国家级园区…」 over a roundup's items). */
  from: "clause" | "paragraph" | "title" | "lead" | "publication";
  /** Read from a word for the publication year (今年, 全年) or from the publication date itself. */
  movable: boolean;
}

/** Years named in a text, relative ones read against the publication date; the look-back rule is applied by settleYear. */
function yearsIn(text: string, date: string | null): YearSpan[] {
  return findYears(text, { publishedOn: date, lookBack: "off" });
}

function reading(span: YearSpan, from: YearReading["from"]): YearReading {
  return { year: span.year, from, movable: span.currentYear };
}

/**
 * The year a number speaks of, before the look-back rule: the year named in its clause (a year named
 * to compare — 「去年同期为…」 — governs only its own clause); else the one in force in its paragraph; else
 * the one its title names (「…2023年地区生产总值达…」); else the publication year.
 */
function yearAt(ctx: ParagraphContext, sentence: Span, clause: Span, position: number): YearReading {
  const { text, date, title } = ctx.article;
  const sentenceText = text.slice(sentence.start, clause.end);
  const clauseStart = clause.start - sentence.start;
  const at = position - sentence.start;
  const cues = yearsIn(sentenceText, date).filter((c) => c.start >= clauseStart || !c.comparison);
  const cue = cues.filter((c) => c.start <= at).at(-1) ?? cues.find((c) => c.start > at);
  // An earlier sentence's year carries over; its 十四五 does not (that only marks its own sentence), nor a year named only to compare.
  const earlier = text.slice(ctx.paragraph.start, sentence.start);
  const paragraphCue = yearsIn(earlier, date).filter((c) => !c.multiYear && !c.comparison).at(-1);
  // 「过去一年，…。全年新签约…」: 全年 (年末, 年内) restates the year the paragraph is about, or the year a
  // title names when that is not the publication year (「即墨区2022年经济运行情况」 published in April 2023).
  if (cue && !cue.yearless) return reading(cue, "clause");
  if (paragraphCue && !paragraphCue.yearless) return reading(paragraphCue, "paragraph");
  if (ctx.sectionYear !== undefined) return { year: ctx.sectionYear, from: "paragraph", movable: false };
  // 「去年，…主要指标稳中有进。」 then 「产业上，新认定…」: a paragraph naming no year, month or part of a year of its
  // own goes on with the year the paragraph before ended on — one paragraph, no farther (a report moves on).
  const timed = findMonths(`${earlier}${sentenceText}`).length > 0 || findPeriods(`${earlier}${sentenceText}`).length > 0;
  if (ctx.previousYear && !timed) return reading(ctx.previousYear, "paragraph");
  const titleYears = yearsIn(title, date).filter((c) => !c.multiYear && !c.comparison && !c.yearless && c.year !== null);
  const titled = new Set(titleYears.map((c) => c.year)).size === 1 ? titleYears[0]! : undefined;
  const yearless = cue ?? paragraphCue;
  if (titled && (!yearless || titled.year !== yearOfDate(date))) return reading(titled, "title");
  // A roundup's or report's lead names the year its paragraphs report on, when they name none.
  // A month or part of a year said without a year (「3月底总资产达…」) is the report's own time, not the lead's year.
  const lead = ctx.leadYear;
  if (lead !== undefined && ctx.paragraph.start > 0 && !timed && (!yearless || lead !== yearOfDate(date))) return { year: lead, from: "lead", movable: false };
  if (cue) return reading(cue, "clause");
  if (paragraphCue) return reading(paragraphCue, "paragraph");
  return { year: yearOfDate(date), from: "publication", movable: true };
}

/**
 * The last year a paragraph sets as its topic (「去年，合作区…」: at a clause's start), if any — not one named to
 * compare or in passing (「扭转了上年同期下降的局面」), not a plan period, not 全年 alone.
 */
function yearEndingOn(paragraph: string, date: string | null): YearSpan | undefined {
  const opening = yearsIn(paragraph, date).filter((c) => !c.multiYear && !c.comparison && !c.yearless && c.year !== null && opensClause(paragraph, c.start));
  // Only a paragraph its year frames (「去年，园区…」) dates the next: one closing on 「去年前三季度，…为114.1亿元」
  // after figures of this year compares, and 「从市场看，…」 after it is this year's again.
  const firstSentenceEnd = paragraph.search(/[。！？!?]/u);
  return opening.some((c) => firstSentenceEnd < 0 || c.start < firstSentenceEnd) ? opening.at(-1) : undefined;
}

/** Whether a time word opens its clause: right at its start or after a subject of a word (全区去年). */
function opensClause(text: string, start: number): boolean {
  const clauseStart = Math.max(...[...CLAUSE_BREAKS].map((mark) => text.lastIndexOf(mark, start - 1))) + 1;
  return start - clauseStart <= CLAUSE_TOPIC_CHARS;
}

const CLAUSE_TOPIC_CHARS = 2;

/**
 * The look-back rule: a whole year cannot be reported before it ends, so a whole-year result (全年实现…,
 * no part of the year named) read from 今年/全年 or from the publication date, in a piece published in
 * January–March, is the year before's — when its sentence names the whole year or looks back, or the
 * article is a review. Goals (今年力争…) keep the publication year.
 */
function settleYear(ctx: ParagraphContext, found: YearReading, sentenceText: string, tense: Tense | undefined, periodKey: string): number | null {
  const { date } = ctx.article;
  const published = yearOfDate(date);
  if (found.year === null || published === null) return found.year;
  // A title's year speaks for the figures of its kind: 「2023年经济工作怎么干」 gives goals their year, not
  // the 1至11月 results beside them; 「交出2023年成绩单」 gives results theirs, not next year's 力争….
  const titleGoal = tense === "future" && namesReportedYearGoal(sentenceText);
  if ((found.from === "title" || found.from === "lead") && ((found.year > published && tense === "past") || (found.year < published && tense === "future" && !titleGoal))) return published;
  if (!found.movable || found.year !== published || periodKey !== "Y" || tense === "future") return found.year;
  // Nothing dates it and it is no goal: the article's reported period (a review's is the year before).
  if (found.from === "publication" && tense === undefined) return reportedYear(date, ctx.lookBack);
  const wholeYearResult = tense === "past" && (ctx.lookBack || readPeriod(sentenceText) === "Y" || isLookBack(sentenceText));
  return wholeYearResult && inLookBackMonths(date) ? published - 1 : published;
}

/**
 * Calendar month a number is dated by: the month named nearest before it in its sentence (「10月29日，…
 * 集中开工26个」), else after it there, else the last one named earlier in its paragraph. Ranges (1至5月)
 * are periods and name no month.
 */
function monthAt(ctx: ParagraphContext, sentence: Span, position: number): number | null {
  const text = ctx.article.text;
  const at = position - sentence.start;
  const own = findMonths(text.slice(sentence.start, sentence.end));
  const named = own.filter((m) => m.start < at).at(-1) ?? own.find((m) => m.start >= at);
  return named?.month ?? findMonths(text.slice(ctx.paragraph.start, sentence.start)).at(-1)?.month ?? null;
}

function periodAt(text: string, sentence: Span, position: number): Period {
  return coarsePeriod(text.slice(sentence.start, position)) ?? "year";
}

/**
 * Normalised period of a number: the last one named before it in its sentence; else, when the sentence
 * names no year of its own, the one in force in the paragraph so far (「1至11月，全市…。其中，X新签约…」).
 */
function periodKeyAt(ctx: ParagraphContext, sentence: Span, position: number): string {
  const text = ctx.article.text;
  const before = text.slice(sentence.start, position);
  const own = lastPeriod(before);
  if (own) return own;
  // 「去年同期，…」 names a year but keeps the period the paragraph was about.
  const sameTerm = factCues().sameTermWords.some((word) => before.includes(word));
  if (!sameTerm && findYears(before, { publishedOn: ctx.article.date, lookBack: "off" }).length > 0) return "Y";
  // A report's period is often said once, in its title (「蓝谷四季度重大项目集中开工」).
  // …else the lead's, for the paragraphs after it (「今年1—5月，…」 then 「消费外贸平稳。社会消费品零售总额…」).
  return periodInForce(text.slice(ctx.paragraph.start, sentence.start)) ?? lastPeriod(ctx.article.title) ?? (ctx.paragraph.start > 0 ? ctx.leadPeriod : undefined) ?? "Y";
}

function stripZonePrefixFor(gazetteer: Gazetteer): (phrase: string) => string {
  return (phrase) => {
    const listed = gazetteer.mentions(phrase, { includeWeak: true });
    const first = [...listed, ...gazetteer.abbreviations(phrase, listed)].sort((a, b) => a.start - b.start)[0];
    // 「即墨汽车产业新城…」: a district's name in front of a zone's is part of it.
    const leads = first && (first.start === 0 || gazetteer.isPlaceStem(phrase.slice(0, first.start)));
    return first && leads && first.end < phrase.length ? phrase.slice(first.end) : phrase;
  };
}

interface ClauseState {
  clause: Span;
  previousEnd: number;
  previousMetric: string;
}

function readRanking(hit: Hit, state: ClauseState, text: string): MetricReading {
  const ranking = hit.ranking;
  const scope = ranking?.scope ?? "";
  const left = text.slice(state.previousEnd, ranking?.verbStart ?? hit.start).replace(/^[、，,\s]+/, "");
  return { metric: `${scope}排名`, subject: left || state.previousMetric, borrowed: !left };
}

function readHitMetric(ctx: ParagraphContext, hit: Hit, state: ClauseState, qualifierSpan: { before: number; after: number }, nextStart: number): MetricReading {
  const { text } = ctx.article;
  if (hit.ranking) return readRanking(hit, state, text);
  const base = state.clause.start;
  return readMetric({
    clause: text.slice(base, state.clause.end),
    leftFrom: Math.max(0, state.previousEnd - base),
    leftTo: hit.start - qualifierSpan.before - base,
    rightFrom: hit.end + qualifierSpan.after - base,
    rightTo: Math.min(nextStart, state.clause.end) - base,
    category: hit.category,
    previousMetric: state.previousMetric,
    stripZonePrefix: stripZonePrefixFor(ctx.gazetteer),
  });
}

/** Evidence: the clause, plus the previous clause of the sentence when the clause alone says too little. */
function evidenceSpan(clauses: Span[], clause: Span, needsContext: boolean): Span {
  const index = clauses.findIndex((c) => c.start === clause.start);
  const previous = index > 0 ? clauses[index - 1] : undefined;
  const short = clause.end - clause.start < MIN_EVIDENCE_CHARS;
  if (previous && (short || needsContext)) return { start: previous.start, end: clause.end };
  return clause;
}

/**
 * The article without its sentences about years still to come: a closing 「2024年的主要预期目标是…」 in a December
 * review speaks of the next year, and its goal words do not make the reviewed year's figures goals.
 */
function ownYearText(article: Article): string {
  const own = yearOfDate(article.date);
  if (own === null) return article.text;
  const sentences = article.text.split(SENTENCE_END);
  return sentences.filter((sentence) => !findYears(sentence, { publishedOn: article.date }).some((span) => span.year !== null && span.year > own && !span.comparison && !span.baseline)).join("。");
}

const SENTENCE_END = /[。！？\n]/u;

function buildFact(ctx: ParagraphContext, hit: Hit, sentence: Span, clauses: Span[], state: ClauseState, nextStart: number): Fact {
  const { article } = ctx;
  const text = article.text;
  const qualifier = hit.ranking
    ? { qualifier: "" as const, beforeLength: 0, afterLength: 0 }
    : readQualifier(text, hit.start, hit.end, hit.insideQualifier);
  const reading = readHitMetric(ctx, hit, state, { before: qualifier.beforeLength, after: qualifier.afterLength }, nextStart);
  const evidence = evidenceSpan(clauses, state.clause, reading.borrowed || Boolean(hit.ranking));
  const foundYear = yearAt(ctx, sentence, state.clause, hit.start);
  const period = periodAt(text, sentence, hit.start);
  const periodKey = periodKeyAt(ctx, sentence, hit.start);
  const articleYear = yearOfDate(article.date);
  const sentenceText = text.slice(sentence.start, sentence.end);
  // 「全年实现…」 in a review published early the next year is that year's result, whatever the plans beside it say.
  const reviewedYear = ctx.lookBack && inLookBackMonths(article.date) && isWholeYearResult(sentenceText);
  const tense = reviewedYear ? "past" : resolveTense({
    sentence: sentenceText,
    position: hit.start - sentence.start,
    clauseEnd: state.clause.end - sentence.start,
    paragraphBefore: text.slice(ctx.paragraph.start, sentence.start),
    period,
    periodKey,
    year: foundYear.year,
    articleYear,
    // A look-back (成绩单, 回顾, 过去一年…) reports results of the year it reviews, however many plans its quotes mention.
    articleTense: ctx.lookBack && foundYear.year === reportedYear(article.date, true) ? "past" : (ctx.sectionTense ?? ctx.articleTense),
    atYearEnd: publishedAtYearEnd(article.date, foundYear.year),
  });
  const year = settleYear(ctx, foundYear, sentenceText, tense, periodKey);
  const kind = classifyKind({
    tense,
    isRanking: Boolean(hit.ranking),
    isMoney: hit.category === "money",
    isCounter: hit.category === "counter",
    metric: reading.metric,
    subject: reading.subject,
    year,
    articleYear,
  });
  state.previousEnd = hit.end + qualifier.afterLength;
  if (!reading.borrowed || !state.previousMetric) state.previousMetric = hit.ranking ? state.previousMetric : reading.metric;
  return {
    id: factId(article.id, hit.start, hit.raw),
    articleId: article.id,
    source: article.source,
    zone: zoneAt(ctx, hit.start),
    subject: reading.subject,
    metric: reading.metric,
    value: hit.value,
    unit: hit.unit,
    raw: hit.raw,
    qualifier: qualifier.qualifier,
    kind,
    year,
    period,
    periodKey,
    month: monthAt(ctx, sentence, hit.start),
    evidence: text.slice(evidence.start, evidence.end),
    start: evidence.start,
    end: evidence.end,
  };
}

function paragraphFacts(ctx: ParagraphContext): Fact[] {
  const text = ctx.article.text;
  const hits = paragraphHits(text, ctx.paragraph);
  const facts: Fact[] = [];
  let state: ClauseState | undefined;
  hits.forEach((hit, i) => {
    const sentence = spanAt(ctx.sentences, hit.start);
    if (!sentence) return;
    const clauses = clauseSpans(text, sentence);
    const clause = spanAt(clauses, hit.start);
    if (!clause || hit.end > clause.end) return;
    if (!state || state.clause.start !== clause.start) {
      // A metric carries over to later clauses of the same sentence (贷款余额5452亿元，增长10.19%).
      const sameSentence = state !== undefined && state.clause.start >= sentence.start;
      state = { clause, previousEnd: clause.start, previousMetric: sameSentence ? (state?.previousMetric ?? "") : "" };
    }
    const nextStart = hits[i + 1]?.start ?? clause.end;
    facts.push(buildFact(ctx, hit, sentence, clauses, state, nextStart));
  });
  return facts;
}

/** True when the fact's evidence is exactly the article text at its offsets. */
export function evidenceMatches(article: Article, fact: Fact): boolean {
  return fact.evidence.length > 0 && article.text.slice(fact.start, fact.end) === fact.evidence && fact.evidence.includes(fact.raw);
}

/**
 * Finds every numeric fact in an article: numbers with units, percentages and rankings, each with the
 * clause it was said in, what it measures, its zone, year, period and kind.
 */
export function extractFacts(article: Article, gazetteer: Gazetteer): ExtractionResult {
  const facts: Fact[] = [];
  let rejected = 0;
  const paragraphs = paragraphSpans(article.text);
  const lookBack = articleLooksBack(article.title, article.text);
  const articleTense = dominantTense(ownYearText(article));
  let carriedZone: string | null = null;
  let sectionZone: string | null = null;
  let sectionYear: number | undefined;
  let sectionTense: Tense | undefined;
  let previousYear: YearSpan | undefined;
  const lead = leadYear(article.text, article.date);
  const leadPart = leadPeriod(article.text);
  const wholeAroundHome = gazetteer.wholeAroundHome(article.text, article.zones[0]);
  for (const paragraph of paragraphs) {
    // A heading opens a section: its year (or none) holds below it until the next heading.
    const heading = headingYear(article.text.slice(paragraph.start, paragraph.end));
    const ctx: ParagraphContext = { article, articleTense, lookBack, gazetteer, paragraph, sentences: sentenceSpans(article.text, paragraph), carriedZone: carriedZone ?? sectionZone, sectionYear, sectionTense, ...(lead !== undefined ? { leadYear: lead } : {}), ...(previousYear ? { previousYear } : {}), ...(leadPart ? { leadPeriod: leadPart } : {}), wholeAroundHome };
    if (heading !== undefined) {
      sectionYear = heading ?? undefined;
      sectionTense = contextTense(article.text.slice(paragraph.start, paragraph.end));
      // 「## 四川天府新区：科创和总部经济发力」: a heading's zone holds for its section's paragraphs (a list's items).
      sectionZone = zoneAt({ ...ctx, carriedZone: null }, paragraph.end, false);
      ctx.sectionYear = sectionYear;
      ctx.sectionTense = sectionTense;
    }
    // A zone carries into the next paragraph only when this one named it; no farther (a report moves on).
    placesIn(ctx);
    carriedZone = zoneAt({ ...ctx, carriedZone: null }, paragraph.end, false);
    for (const fact of paragraphFacts(ctx)) {
      if (evidenceMatches(article, fact)) facts.push(fact);
      else rejected += 1;
    }
    previousYear = heading !== undefined ? undefined : yearEndingOn(article.text.slice(paragraph.start, paragraph.end), article.date);
  }
  return { facts, rejected };
}
