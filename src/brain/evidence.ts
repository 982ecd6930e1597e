import type { Corpus } from "../corpus/index.js";
import type { Citation, Fact } from "../domain/types.js";
import type { FactResult, SourceRef, Toolbox } from "../tools/index.js";
import { asksForRate, type Lexicon } from "./lexicon.js";
import { enumeratesAsked, hasDayExpression, hasNumber, hasTimeExpression, ITEM_MARKS, kindsSaid, LIST_ITEM, opensList, scoreSentence, termMatch, type ScoringContext, type SentenceScore } from "./scoring.js";
import { textOrder, throughFullStop, type Sentence, type SentenceBank } from "./sentences.js";
import type { QuestionFrame } from "./types.js";
import { weight } from "./weights.js";
import { periodsAgree } from "./periods.js";
import { findYears, isPrompt, kindCueWords, partNamedBefore, spansYears, standsForYear } from "../reading/index.js";
import { measuresOther, metricFit, metricParts, namesKnownMetric, saysOtherMeasure } from "../facts/index.js";
import { contentTerms } from "../retrieval/index.js";

/** Minimum weighted share of a question's terms a sentence must cover to count as the answer. */
export function foundCoverage(): number {
  return weight("evidence", "foundCoverage");
}
const CANDIDATE_CHUNKS = 20;
/** How far down the ranking to look for a sentence of the right kind. */
const ACCEPTABLE_WINDOW = 8;
/** Characters around a number that say what it counts (「赴英、法、日、韩4个国家和国内16个城市」). */
const LOCAL_BEFORE = 10;
const LOCAL_AFTER = 8;
/** How many sentences after a lead a list may follow. */
const LIST_LOOKAHEAD = 4;
const QUESTION_END = /[？?]$/u;

/** One or two sentences that answer, with the facts they hold. */
export interface Evidence {
  score: SentenceScore;
  sentences: Sentence[];
}

export interface Located {
  evidence: Evidence;
  facts: FactResult[];
}

/** Finds the sentences and facts that answer a question frame, through the search tool. */
/** A count asked after what it counts: 「…里外资项目几个」「产业项目有多少个」. */
const COUNT_ASK = /(\p{Script=Han}{2,16}?)(?:有|共有)?(?:几|多少)[个家项座所支]/u;
/** A qualifier longer than this is a clause, not a kind of thing. */
const MAX_QUALIFIER_CHARS = 4;

/** The noun a count asks for, right after its measure word: 几个站 → 站, 多少家企业 → 企业. */
const COUNTED_NOUN = /(?:几|多少)[个家项座栋条辆台名处所套张部支](\p{Script=Han}{1,4}?)(?=[？?，,。呢啊吧]|$)/u;

export class EvidenceFinder {
  constructor(
    private readonly tools: Toolbox,
    private readonly corpus: Corpus,
    private readonly bank: SentenceBank,
    private readonly lexicon: Lexicon,
    readonly scoring: ScoringContext,
  ) {}

  /** Candidate sentences from the hybrid search, scored against the frame, best first. */
  async rank(frame: QuestionFrame, terms = frame.terms, zones = frame.zones, extraQuery = ""): Promise<SentenceScore[]> {
    const query = [extraQuery, ...zones, ...terms, frame.year ? `${frame.year}年` : ""].filter(Boolean).join(" ") || frame.question;
    const searches = [this.tools.searchArticles({ query, k: CANDIDATE_CHUNKS })];
    for (const zone of zones.slice(0, 3)) searches.push(this.tools.searchArticles({ query, zone, k: CANDIDATE_CHUNKS }));
    // Look-alikes differ by year: also search inside the asked year, alone and with the zone.
    if (frame.year !== undefined) {
      searches.push(this.tools.searchArticles({ query, year: frame.year, k: CANDIDATE_CHUNKS }));
      if (zones[0]) searches.push(this.tools.searchArticles({ query, zone: zones[0], year: frame.year, k: CANDIDATE_CHUNKS }));
    }
    const passages = (await Promise.all(searches)).flat();
    const seen = new Set<number>();
    const scored: SentenceScore[] = [];
    for (const passage of passages) {
      for (const sentence of this.bank.overlapping(passage.articleId, passage.start, passage.end)) {
        if (seen.has(sentence.index)) continue;
        seen.add(sentence.index);
        scored.push(scoreSentence({ ...frame, zones }, sentence, this.scoring, terms));
      }
    }
    // Sentences of another zone, year, period, month or event can never answer: they do not take places in the
    // window the best acceptable one is looked for in (a zone's six look-alike 集中开工 of one year, one in the asked month).
    const agrees = (c: SentenceScore) => (c.zoneOk && c.yearOk && c.eventsOk && c.periodOk && c.monthOk ? 1 : 0);
    return scored.sort((a, b) => agrees(b) - agrees(a) || b.score - a.score || textOrder(a.sentence, b.sentence));
  }

  /**
   * The best acceptable sentence among the top candidates, with its facts. For number questions a
   * sentence needs a fact of the asked kind of quantity, and sentence and fact fit are weighed together.
   */
  locate(frame: QuestionFrame, ranked: SentenceScore[]): Located | undefined {
    let best: (Located & { fit: number }) | undefined;
    for (const candidate of ranked.slice(0, ACCEPTABLE_WINDOW)) {
      // A question (an interviewer's 「问：下半年打算重点抓哪些工作？」) states nothing: it answers none.
      if (!this.acceptable(frame, candidate) || QUESTION_END.test(candidate.sentence.text.trim()) || isPrompt(candidate.sentence.text)) continue;
      const evidence = this.evidenceOf(candidate, frame);
      if (!wantsNumber(frame)) return { evidence, facts: [] };
      if (this.figuresBelongElsewhere(frame, evidence)) continue;
      const facts = this.pickFacts(frame, evidence);
      // A figure question is answered by a figure, not by a sentence that only uses its words (「万亿GDP城市」).
      if (facts.length === 0) continue;
      const factFit = facts.length ? Math.max(...facts.map((f) => this.factScore(frame, f, frame.terms))) : 0;
      // The figure's own words must carry what is asked (「签约项目总投资」 is not the 外贸进出口总额 beside it in the sentence).
      // (Comparisons and sums weigh several measures at once: each side's figure carries only its own words.)
      if (frame.type === "numeric" && !frame.asksRank && !facts.some((f) => (this.metricFits(frame, f) || this.soleOfAskedUnit(frame, f, evidence)) && !this.namesOtherMetric(frame, f))) continue;
      if (frame.type === "numeric" && !facts.some((f) => this.namedAtFigure(frame, f) && this.countsAsked(frame, f))) continue;
      if (frame.explicitFamily && !facts.some((f) => this.familyOf(f) === frame.explicitFamily && this.metricFits(frame, f))) continue;
      if (frame.asksRank && !facts.some((f) => f.kind === "ranking")) continue;
      // A target asked for is never answered by a result, nor the reverse; an investment figure is one or the
      // other by the words of its clause (「年度计划投资220亿元」 is a plan).
      if (frame.kind && facts[0] && !kindAgrees(frame.kind, facts[0].kind) && facts[0].kind !== "ranking") {
        if (facts[0].kind !== "investment" || clauseSaysOtherKind(frame.kind, facts[0])) continue;
      }
      // Without 目标/计划 a question about a past year asks what happened: lean to actuals.
      // A target question wants the sentence whose figure is a target, not the actual beside it.
      const agrees = weight("evidence", "kindAgrees");
      const kindFit = !facts[0] ? 0 : frame.kind ? (kindAgrees(frame.kind, facts[0].kind) ? agrees : -agrees) : kindAgrees("actual", facts[0].kind) ? weight("evidence", "unaskedActualLean") : 0;
      // How much the fit of the best fact counts against the fit of its sentence.
      const fit = candidate.score + weight("evidence", "factWeight") * factFit + kindFit;
      if (!best || fit > best.fit) best = { evidence, facts, fit };
    }
    return best && { evidence: best.evidence, facts: best.facts };
  }

  acceptable(frame: QuestionFrame, candidate: SentenceScore): boolean {
    // A follow-up's topic was confirmed by the earlier turn, so its match may be looser.
    const needed = foundCoverage() * (frame.followUp ? weight("evidence", "followUpRelief") : 1);
    if (candidate.coverage < needed || !candidate.zoneOk || !candidate.yearOk || !candidate.eventsOk || !candidate.periodOk || !candidate.monthOk) return false;
    const text = this.evidenceOf(candidate, frame).sentences.map((s) => s.text).join("");
    const previous = this.bank.previous(candidate.sentence)?.text ?? "";
    if (!this.namesCovered(frame, `${previous}${text}`) && !this.namedEarlier(frame, candidate.sentence, `${previous}${text}`)) return false;
    if (wantsNumber(frame) && !hasNumber(text)) return false;
    if (frame.type === "when" && !hasTimeExpression(text)) return false;
    // 「…是哪天？」 asks a day: a sentence dated only by its year (「项目2021年将完成…」) does not say it.
    if (frame.type === "when" && this.lexicon.words.dayAsks.some((ask) => frame.question.includes(ask)) && !hasDayExpression(text)) return false;
    return true;
  }

  /** 「按照计划，项目2021年将…」: a sentence that refers back is about the subject named earlier in its paragraph. */
  private namedEarlier(frame: QuestionFrame, sentence: Sentence, near: string): boolean {
    const referred = this.bank.referredTo(sentence);
    return referred !== undefined && this.namesCovered(frame, `${referred}${near}`);
  }

  /**
   * A project or facility the question names by its own name (鑫宇跨境电商产业园, not 重点项目) is answered
   * only by text that names it: every rare word of the name must be there.
   */
  namesCovered(frame: QuestionFrame, text: string): boolean {
    // Words come lower-cased from the tokenizer (lng of LNG), so the text is matched lower-cased too.
    const lower = text.toLowerCase();
    return frame.entities.every((name) => this.rareWordsOf(name).every((word) => lower.includes(word)));
  }

  /** Words of a name that few passages of the corpus use (鑫宇 in 鑫宇跨境电商产业园; none in 重点项目). */
  private rareWordsOf(name: string): string[] {
    const limit = Math.max(RARE_NAME_MIN_DF, this.bank.size * RARE_NAME_SHARE);
    const words = contentTerms(name).filter((word) => word.length >= 2);
    const rare = words.filter((word) => this.bank.documentFrequency(word) <= limit);
    if (rare.length > 0 || words.length < 2) return rare;
    // 「国能预制菜产业园」 in an archive where each word is common: its least common word still tells it from
    // 「星宇生物医药产业园」. A class of things (计划新签约项目) has no such word: measure and kind words name no one.
    const cues = kindCueWords("question");
    const naming = words.filter((word) => !namesKnownMetric(word) && !cues.target.includes(word) && !cues.actual.includes(word));
    if (naming.length === 0) return [];
    return [naming.reduce((a, b) => (this.bank.documentFrequency(b) < this.bank.documentFrequency(a) ? b : a))];
  }

  /** The sentence, with the one before when it carried part of the match, and for descriptions the one after. */
  evidenceOf(score: SentenceScore, frame?: QuestionFrame): Evidence {
    const sentences = [score.sentence];
    const previous = score.usesPrevious ? this.bank.previous(score.sentence) : undefined;
    if (previous) sentences.unshift(previous);
    if (frame && (frame.type === "describe" || frame.type === "define")) {
      const next = this.bank.next(score.sentence);
      if (next && score.sentence.text.length + next.text.length <= 220) sentences.push(next);
    }
    // 「4月15日，…重点项目集中签约仪式举行。」 then 「共签约项目12个，协议总投资115.3亿元」: an event's lead names it,
    // the sentence after it (in its paragraph or opening the next) gives its figures.
    if (frame && wantsNumber(frame) && frame.events.length > 0 && !hasNumber(score.sentence.text.replace(/\d+月\d+日|\d{4}年/gu, ""))) {
      const list = this.bank.ofArticle(score.sentence.articleId);
      const next = list[list.indexOf(score.sentence) + 1];
      if (next && hasNumber(next.text) && next.paragraph - score.sentence.paragraph <= 1) sentences.push(next);
    }
    return { score, sentences };
  }

  /** The sentence(s) a fact from the table was said in, as evidence to cite. */
  evidenceOfFact(fact: FactResult): Evidence {
    const sentences = this.bank.overlapping(fact.articleId, fact.start, fact.end);
    const sentence = sentences[0]!;
    const score: SentenceScore = { sentence, coverage: 1, zoneOk: true, yearOk: true, eventsOk: true, periodOk: true, monthOk: true, usesPrevious: false, score: 1 };
    return { score, sentences };
  }

  /**
   * A list question answered by a lead (「…重大项目集中开工活动在X项目现场举行」) whose list follows a few
   * sentences on (「A、B等10个项目集中开工」): the evidence with that list sentence added.
   */
  withFollowingList(frame: QuestionFrame, evidence: Evidence): Evidence {
    const text = evidence.sentences.map((s) => s.text).join("");
    if (enumeratesAsked(frame, text)) return evidence;
    const last = evidence.sentences.at(-1)!;
    const article = this.bank.ofArticle(last.articleId);
    const at = article.indexOf(last);
    // 「2026年重点项目」 on a line of its own heads the list below it as a lead with a colon does.
    const heading = last.text.length <= HEADING_CHARS && !/[。！？；，,!?;]/u.test(last.text) && article[at + 1]?.paragraph !== last.paragraph;
    // A colon lead whose first item ends with a semicolon (「…包括：A，总投资28亿元；」) opens a list too.
    const runsOn = /[：:]/u.test(last.text) && SEMICOLON_END.test(last.text);
    // 「…四个方面工作：一是…；」「二是…；」 — the evidence ends inside a numbered list: the rest of its items follow.
    const insideList = LIST_ITEM.test(last.text) && evidence.sentences.some((sentence) => opensList(sentence.text));
    // 「示范区今年将重点抓好五方面工作。」 closing its paragraph, 「一是…」 opening the next: the lead of the items below it.
    const announces = article[at + 1]?.paragraph !== last.paragraph && LIST_ITEM.test(article[at + 1]?.text ?? "") && !LIST_ITEM.test(last.text);
    // 「四、申报材料」 then 「1.扶持资金申请表；」「2.…」: the first item of a section's list is followed by the rest,
    // the section's heading being their lead.
    const previous = article[at - 1];
    if (evidence.sentences.length === 1 && last.section !== undefined && previous && previous.paragraph !== last.paragraph && previous.section !== last.section) {
      const inSection = listItemsAfter(article, at - 1);
      if (inSection.length >= 2 && inSection[0] === last) return { score: evidence.score, sentences: inSection };
    }
    const items = opensList(last.text) || heading || runsOn || announces ? listItemsAfter(article, at) : insideList ? listItemsAfter(article, article.indexOf(evidence.sentences[0]!)).filter((item) => item.index > last.index) : [];
    if (items.length > 0) return { score: evidence.score, sentences: [...evidence.sentences, ...items] };
    const list = article.slice(at + 1, at + 1 + LIST_LOOKAHEAD).find((sentence) => enumeratesAsked(frame, sentence.text));
    return list ? { score: evidence.score, sentences: [...evidence.sentences, list] } : evidence;
  }

  factsIn(evidence: Evidence): FactResult[] {
    const first = evidence.sentences[0]!;
    const last = evidence.sentences[evidence.sentences.length - 1]!;
    return this.corpus.store
      .facts({ articleIds: [first.articleId] })
      .filter((fact) => fact.start >= first.start && fact.end <= last.end)
      .map((fact) => this.tools.toResult(fact));
  }

  /** The figure's sentence, up to the figure, speaks of several years (「五年间，…累计实际使用外资1575.2亿元」): a total over them. */
  spansYears(fact: FactResult): boolean {
    const sentence = this.bank.overlapping(fact.articleId, fact.start, fact.end)[0];
    const before = sentence ? sentence.text.slice(0, Math.max(0, fact.start - sentence.start)) : (clauseBefore(fact) ?? "");
    if (!spansYears(before)) return false;
    // (The figure itself, not its evidence's start: the words right before its number.)
    const at = sentence ? sentence.text.indexOf(fact.raw, Math.max(0, fact.start - sentence.start)) : -1;
    const upToFigure = at >= 0 ? sentence!.text.slice(0, at) : before;
    // 「五年来，…由2020年的152家增加到去年的437家」: a figure its own clause dates is that year's, not the span's total.
    const ownClause = upToFigure.split(/[，,；;。]/u).at(-1) ?? "";
    return !findYears(ownClause, { lookBack: "off" }).some((span) => !span.multiYear && (span.year !== null || span.relative));
  }

  /** Every figure in the evidence is attributed to a zone other than the asked ones. */
  private figuresBelongElsewhere(frame: QuestionFrame, evidence: Evidence): boolean {
    if (frame.zones.length === 0) return false;
    const facts = this.factsIn(evidence);
    return facts.length > 0 && facts.every((f) => f.zone !== null && !frame.zones.some((z) => this.corpus.gazetteer.isWithin(f.zone!, z)));
  }

  private zoneAgrees(frame: QuestionFrame, fact: FactResult): boolean {
    // (Comparing named items — 「橡胶谷和纺织谷…」 — a side's zone is its item's, which the frame may not hold.)
    if (frame.zones.length === 0 || frame.items.length > 0 || fact.zone === null) return true;
    const gazetteer = this.corpus.gazetteer;
    return frame.zones.some((zone) => gazetteer.isWithin(fact.zone!, zone) || gazetteer.isWithin(zone, fact.zone!));
  }

  /** Facts of the evidence that best answer the frame (one per asked quantity), in text order. */
  pickFacts(frame: QuestionFrame, evidence: Evidence, limit = 1): FactResult[] {
    // 「马鞍山经开区…实际使用外资1.47亿美元；滁州经开区位列第55位」: a figure filed under another zone than the asked
    // one (nor one inside it, nor its whole) is that zone's, whichever zones its sentence names.
    let facts = this.factsIn(evidence).filter((f) => this.zoneAgrees(frame, f) && this.countsAsked(frame, f));
    // 「排第几」 is answered by a place in a ranking, never by a count beside it.
    if (frame.asksRank) facts = facts.filter((f) => f.kind === "ranking");
    // The same shape rules as the fact table: a rate asked (增长多少, 增速) is answered by a rate, a unit named
    // (多少亿元) by that unit; a year asked without a part of it by a whole-year (or year-end) figure.
    if (asksForRate(frame.question, this.lexicon)) facts = facts.filter((f) => this.familyOf(f) === "percent");
    // 「外贸进出口总额是多少」 is not answered by 「外贸进出口增长7%」 when the corpus gives that measure as amounts;
    // a measure only ever printed as a rate (规上工业增加值增长8%) is answered by its rate.
    else if (frame.type === "numeric" && !frame.asksRank) facts = facts.filter((f) => this.familyOf(f) !== "percent" || !this.reportedAsAmount(f.metric));
    if (frame.explicitFamily) facts = facts.filter((f) => this.familyOf(f) === frame.explicitFamily);
    const wanted = frame.explicitFamily ?? frame.unitFamily;
    // 「多少个」「几家」 ask a count as plainly as 「多少亿元」 asks an amount.
    // (A place in a ranking answers a ranking question whatever is ranked.)
    if (wanted === "count") facts = facts.filter((f) => f.kind === "ranking" || this.familyOf(f) === "count");
    // An amount asked (投资, 使用外资) is never answered by a count of things (2600多家外资企业).
    if (wanted === "money") facts = facts.filter((f) => f.kind === "ranking" || this.familyOf(f) !== "count");
    if (wanted && facts.some((f) => this.familyOf(f) === wanted)) facts = facts.filter((f) => this.familyOf(f) === wanted);
    // (An event's count — 集中开工 in spring, in March — is dated by its day, not by a part of the year.)
    const dated = frame.month !== undefined || frame.season !== undefined;
    // (A year-to-date figure of December, or any when a running total is asked — 累计 — stands in for the year, as in the table.)
    if (frame.year !== undefined && !frame.period && !dated) facts = facts.filter((f) => f.periodKey === "Y" || f.period === "point" || standsForYear(f.periodKey, f.year, f.date, frame.cumulative));
    if (frame.kind && facts.some((f) => kindAgrees(frame.kind!, f.kind))) facts = facts.filter((f) => kindAgrees(frame.kind!, f.kind));
    // Look-alikes in one sentence: 「…，低于莱西市同期的2.47亿美元」 or 「去年同期为…」 belong to another zone or year.
    facts = preferMatching(facts, (f) => frame.zones.length === 0 || (f.zone !== null && frame.zones.some((z) => this.corpus.gazetteer.isWithin(f.zone!, z))));
    // A zone's figure is its own: a park's or district's inside it (汽车产业新城 in 即墨区) answers for the park only.
    // (A named project's figure is the project's wherever it is filed: the zone then only says where.)
    if (frame.zones.length > 0 && wantsNumber(frame) && frame.entities.length === 0) facts = facts.filter((f) => f.zone === null || !frame.zones.some((z) => f.zone !== z && this.corpus.gazetteer.isWithin(f.zone!, z)));
    facts = preferMatching(facts, (f) => frame.year === undefined || f.year === frame.year);
    // A figure whose own words name another year (「2024年产业链产值达到…」) is that year's, whatever else its sentence dates.
    if (frame.year !== undefined) facts = facts.filter((f) => f.year === frame.year || f.year === null || !clauseBeforeFigure(f).includes(`${f.year}年`));
    // 「2022年底有多少家」 asks what there was at that date: a goal for it is no answer.
    if (frame.pointInTime && !frame.kind) facts = facts.filter((f) => f.kind !== "target");
    // A year's total is not one event's batch (「现场签约项目46个」).
    // Nor are the year's new ones all there are (新认定高新技术企业 vs 高新技术企业数量), or the reverse.
    facts = facts.filter((f) => !this.otherFigure(frame.question, f, dated));
    // A year's question is not answered by a total over several years (「累计实际使用外资1575.2亿元」).
    if (frame.year !== undefined && !frame.cumulative) facts = facts.filter((f) => !this.spansYears(f));
    // 「十四五期间…累计多少」 names several years: one year's figure is no answer to it.
    if (frame.spansYears) facts = facts.filter((f) => this.spansYears(f));
    // The part of the year asked (全年, 前三季度) is a filter: a January–July figure does not answer 全年.
    if (frame.period) facts = facts.filter((f) => periodsAgree(frame.period, f.periodKey));
    // 「年度计划投资」 is not 「计划总投资」: look-alike measures in other words (data/metric-synonyms.json "distinct").
    facts = facts.filter((f) => !saysOtherMeasure(`${frame.question} ${frame.metricText}`, `${f.subject}${f.metric}${localText(f)}`, frame.entities));
    // A figure the question states itself (「271项任务落地了多少」) is what it asks about, not the answer.
    facts = preferMatching(facts, (f) => !frame.question.includes(f.raw));
    // Of a sentence's figures, those whose own words carry what is asked (年产值, not the 总投资 before it).
    if (frame.type === "numeric" && !frame.asksRank) facts = preferMatching(facts, (f) => this.metricFits(frame, f) && !this.namesOtherMetric(frame, f));
    return facts
      .map((fact) => ({ fact, score: this.factScore(frame, fact, frame.terms) }))
      .filter((entry) => entry.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map((entry) => entry.fact)
      .sort((a, b) => a.start - b.start);
  }

  /** How well a fact's own words (metric, subject, the text right around it) match the terms. */
  factScore(frame: QuestionFrame, fact: FactResult, terms: string[]): number {
    const local = `${fact.subject}${fact.metric}${this.itemBefore(fact)}${this.countedAfter(fact)}`;
    const localFit = average(terms.map((term) => termMatch(term, local, this.scoring.synonyms)));
    const clauseFit = average(terms.map((term) => termMatch(term, fact.evidence, this.scoring.synonyms)));
    let score = localFit + weight("fact", "clauseFit") * clauseFit;
    const family = this.familyOf(fact);
    if (frame.unitFamily && family === frame.unitFamily) score += weight("fact", "unitFamily");
    // 「进出口额是多少」 asks for the amount; its growth rate answers only a question about growth.
    if (family === "percent" && !asksForRate(frame.question, this.lexicon)) score += weight("fact", "rateUnasked");
    if (frame.kind) score += (kindAgrees(frame.kind, fact.kind) ? 1 : -1) * weight("fact", "kindAgrees");
    // 「年底有多少」 asks a stock (实有, 总量 at a date), not the year's flow (新登记).
    if (frame.pointInTime && fact.period === "point") score += weight("fact", "pointInTime");
    return score;
  }

  /**
   * A name the question asks about (a project, a quarter of a city) is a figure's only when the figure's own words
   * name it — its clause, the clauses before when it has none of its own, or the subject its sentence refers back
   * to: in 「中山路历史城区完成…更新；全区全年接待游客3120万人次」 the visitors are the whole district's.
   */
  namedAtFigure(frame: QuestionFrame, fact: FactResult): boolean {
    if (frame.entities.length === 0) return true;
    // Clauses without a subject of their own go on about the one before (a topic chain), across the sentence
    // before too; one that opens with a place (全区, 该区, a zone's name) has its own subject: the chain stops there.
    const sentence = this.bank.overlapping(fact.articleId, fact.start, fact.end)[0];
    const at = fact.start + Math.max(0, fact.evidence.indexOf(fact.raw));
    const before = sentence && at >= sentence.start ? sentence.text.slice(0, at - sentence.start) : (clauseBefore(fact) ?? "");
    const clauses = before.split(/[，,；;。]/u);
    let from = clauses.length - 1;
    const home = fact.zone ?? sentence?.zones[0] ?? null;
    while (from > 0 && !this.opensWithPlace(clauses[from]!, home)) from--;
    const chainGoesOn = from === 0 && !this.opensWithPlace(clauses[0]!, home) && sentence !== undefined;
    const earlier = chainGoesOn ? `${this.bank.previous(sentence)?.text ?? ""}${this.bank.referredTo(sentence) ?? ""}` : "";
    return this.namesCovered(frame, `${earlier}${clauses.slice(from).join("，")}${fact.subject}${fact.metric}${this.countedAfter(fact)}`);
  }

  /**
   * 「这次签约里外资项目几个」 counts 外资项目, not all projects: a count asked of a kind of thing (a qualifier before
   * 项目, 企业… — data entitySuffixes) is answered only by a count whose own words say that qualifier.
   */
  countsAsked(frame: QuestionFrame, fact: FactResult): boolean {
    if (this.familyOf(fact) !== "count") return true;
    const qualifier = this.countedQualifier(frame.question);
    if (!qualifier) return true;
    const own = `${fact.subject}${fact.metric}${this.figureClause(fact)}${this.countedAfter(fact)}`;
    return contentTerms(qualifier).filter((word) => word.length >= 2).every((word) => own.includes(word));
  }

  /** The qualifier of what a count question counts (外资 of 外资项目几个), when it names a kind of thing. */
  private countedQualifier(question: string): string | undefined {
    // (Asked of every figure of every candidate: read once per question.)
    if (this.lastCounted?.question !== question) this.lastCounted = { question, qualifier: this.readCountedQualifier(question) };
    return this.lastCounted.qualifier;
  }

  private lastCounted: { question: string; qualifier: string | undefined } | undefined;

  private readCountedQualifier(question: string): string | undefined {
    const asked = COUNT_ASK.exec(question);
    if (!asked) return undefined;
    const { nameBreaks, entitySuffixes } = this.lexicon.words;
    let run = asked[1]!;
    for (let i = run.length - 1; i >= 0; i--) if (nameBreaks.includes(run[i]!)) { run = run.slice(i + 1); break; }
    const suffix = entitySuffixes.find((end) => run.endsWith(end));
    const qualifier = suffix ? run.slice(0, -suffix.length) : "";
    return qualifier.length >= 2 && qualifier.length <= MAX_QUALIFIER_CHARS ? qualifier : undefined;
  }

  /** 「全区全年接待游客…」「该区新签约…」「即墨区完成…」: a clause whose subject is a place. */
  private opensWithPlace(clause: string, home: string | null): boolean {
    const first = this.corpus.gazetteer.mentions(clause, { includeWeak: true, home })[0];
    return first !== undefined && first.start <= PLACE_OPENING_CHARS;
  }

  /**
   * 「公交专线多长，设几个站」 of 「…开通园区公交专线，…全长约17公里，设站14个」: the question's words are the sentence's
   * subject and the unit asks the measure — a length (多长), or a count of the noun counted (几个站: 设站14个). The
   * figure answers when it is the sentence's only one of that kind (a count only with the counted noun in its clause).
   */
  private soleOfAskedUnit(frame: QuestionFrame, fact: FactResult, evidence: Evidence): boolean {
    const family = frame.explicitFamily ?? frame.unitFamily;
    if (!family || this.familyOf(fact) !== family || family === "money" || family === "percent") return false;
    const same = this.factsIn(evidence).filter((other) => this.familyOf(other) === family);
    if (same.length !== 1) return false;
    if (family !== "count") return true;
    const counted = COUNTED_NOUN.exec(frame.question)?.[1];
    return counted !== undefined && `${fact.metric}${this.figureClause(fact)}`.includes(counted);
  }

  /** The fact's own words carry the question's metric (「海洋生产总值」 is not 「总投资」). */
  private metricFits(frame: QuestionFrame, fact: FactResult): boolean {
    const local = `${fact.subject}${fact.metric}${this.figureClause(fact)}${this.countedAfter(fact)}`;
    // 「按照计划，项目2021年将…年度计划完成投资…」: the rare words of a subject the sentence refers back to are its subject's.
    const sentence = this.bank.overlapping(fact.articleId, fact.start, fact.end)[0];
    const referred = sentence ? this.bank.referredTo(sentence) : undefined;
    const subjectWords = referred ? this.rareWordsOf(frame.terms.filter((term) => referred.toLowerCase().includes(term)).join(" ")) : [];
    let total = 0;
    let matched = 0;
    for (const term of measureTerms(frame)) {
      const weight = this.lexicon.lightWords.has(term) ? LIGHT_WORD_WEIGHT : Math.log(1 + this.bank.size / (1 + this.bank.documentFrequency(term)));
      total += weight;
      matched += weight * (subjectWords.includes(term) ? 1 : termMatch(term, local, this.scoring.synonyms));
    }
    return total > 0 && matched / total >= weight("evidence", "metricFit");
  }

  /**
   * 「现场签约项目46个，协议总投资382.4亿元」: a figure of one event's batch (data batchCues in its clause), while the
   * question asks a total — it names no month, season, batch or event word (data eventAsks).
   */
  batchForTotal(question: string, fact: FactResult, dated: boolean): boolean {
    if (dated || this.lexicon.words.eventAsks.some((word) => question.includes(word))) return false;
    const clause = this.figureClause(fact);
    return this.lexicon.words.batchCues.some((word) => clause.includes(word));
  }

  /**
   * The question and the figure each name metrics the synonym table knows, and not the same ones (海洋生产总值
   * asked, 总投资 said): the fact table's rule, kept by retrieval too.
   */
  private namesOtherMetric(frame: QuestionFrame, fact: FactResult): boolean {
    if (!namesKnownMetric(frame.metricText) || !namesKnownMetric(fact.metric)) return false;
    if (measuresOther(frame.metricText, fact.metric)) return true;
    const figureWords = `${this.figureClause(fact)}${fact.metric}${localText(fact)}`;
    if (metricFit(frame.metricText, figureWords) > 0) return false;
    // 「规上工业总产值」 in 「规模以上工业企业累计完成总产值」: every asked word there (by synonym or short form) is no other metric.
    return !measureTerms(frame).every((term) => this.lexicon.lightWords.has(term) || termMatch(term, figureWords, this.scoring.synonyms) > 0);
  }

  /**
   * 「新增高企多少家」 vs 「高新技术企业数量达1076家」: for things counted both as all there are and as the year's new
   * ones (data stockNouns), the question and the figure's clause disagree on whether new ones are counted.
   */
  flowDiffers(question: string, fact: FactResult): boolean {
    const { flowWords, stockNouns } = this.lexicon.words;
    // Only counts of things (家, 个, 户): 「规上企业营业收入」 counts no firms.
    if (this.familyOf(fact) !== "count") return false;
    const figureWords = `${fact.metric}${this.figureClause(fact)}`;
    if (!stockNouns.some((noun) => question.includes(noun)) || !stockNouns.some((noun) => figureWords.includes(noun))) return false;
    const flow = (text: string) => flowWords.some((word) => text.includes(word));
    return flow(question) !== flow(figureWords);
  }

  /**
   * 「12月集中开工了多少个重点项目」 asks one dated event: a figure whose sentence names no event or batch (「2022年，
   * 高新区开工项目59个」) is the year's, not the event's.
   */
  totalForBatch(question: string, fact: FactResult, dated: boolean): boolean {
    const { eventAsks, batchCues } = this.lexicon.words;
    if (!dated || !eventAsks.some((word) => question.includes(word))) return false;
    // The event may be named by the sentence before (「…集中签约活动举行。共签约项目42个」) or the headline.
    const sentences = this.evidenceOfFact(fact).sentences;
    // (…or by the lead paragraph just before: 「4月15日，…集中签约仪式举行。」 then 「共签约项目12个…」.)
    const list = this.bank.ofArticle(sentences[0]!.articleId);
    const before = list[list.indexOf(sentences[0]!) - 1];
    const near = before && sentences[0]!.paragraph - before.paragraph <= 1 ? before.text : "";
    const said = `${fact.title}${near}${sentences.map((s) => s.text).join("")}`;
    return ![...batchCues, ...eventAsks].some((word) => said.includes(word));
  }

  /** A figure of something else than the asked total or event: one event's batch, the year's total, new ones for all there are (and the reverse). */
  otherFigure(question: string, fact: FactResult, dated: boolean): boolean {
    return this.batchForTotal(question, fact, dated) || this.totalForBatch(question, fact, dated) || this.flowDiffers(question, fact) || this.unaskedPart(question, fact);
  }

  /**
   * 「…产值218.4亿元，其中，预制菜企业32家，2025年产值46.7亿元」: a figure of a part (其中 + the part's name) answers a
   * question that names that part, not one about the whole.
   */
  private unaskedPart(question: string, fact: FactResult): boolean {
    const site = this.siteOf(fact);
    const part = site ? partNamedBefore(site.before, fact.metric) : "";
    // 「其中，光谷：地区生产总值…」: a part that is a zone is the zone's figure; zones are agreed on elsewhere.
    if (part === "" || this.corpus.gazetteer.mentions(part, { includeWeak: false }).length > 0) return false;
    const pieces = part.split(" ").flatMap((word) => [...word].slice(0, -1).map((char, i) => char + word[i + 1]!));
    return !pieces.some((piece) => question.includes(piece));
  }

  /**
   * The clause a figure is said in, up to it; with the clause before when its own only names the measure
   * (「集中开工项目16个，总投资88.6亿元」: the investment is the batch's of the clause before).
   */
  private figureClause(fact: FactResult): string {
    const before = this.siteOf(fact)?.before ?? clauseBefore(fact) ?? "";
    // (、 ends an item of a list: 「…40个摄影棚、32个置景车间」 — 摄影棚 is not what 32个 counts.)
    const clauses = before.split(/[，,；;。、]/u);
    // A clause with no subject of its own (short, opening with a number or with 比/同比/增长…) goes on about the one
    // before: 「全区34个工业大类行业中，24个行业实现增长，增长面为70.6%」.
    let from = clauses.length - 1;
    while (from > 0 && clauses.length - from <= MAX_CLAUSES_BACK && this.subjectless(clauses[from]!)) {
      from--;
      // A clause that says its own figure after its own words (「出口额467.8亿元」) is whole: the clauses before it
      // are other figures' (「签约项目总投资563.1亿元、同比下降25.6%，出口额467.8亿元，同比增长6.2%」).
      if (STATES_OWN_FIGURE.test(clauses[from]!)) break;
    }
    return clauses.slice(from).join("");
  }

  /** The words of a figure's own item before it: from the last 、，； (「…摄影棚、32个」 → nothing), at most a clause. */
  private itemBefore(fact: FactResult): string {
    const site = this.siteOf(fact);
    return site ? /[^，,；;。、]{0,24}$/u.exec(site.before)![0] : localText(fact);
  }

  /** 「40个国际一流的高科技摄影棚」: the words right after a figure, to the end of its item, say what it counts. */
  private countedAfter(fact: FactResult): string {
    const site = this.siteOf(fact);
    return site ? /^[^，,；;。、]{0,24}/u.exec(site.after)![0] : localText(fact);
  }

  /**
   * The figure's sentence split at the figure: the text before it and after it. (A fact's span opens with its
   * metric words; the figure itself is `raw` within it.) Undefined when the sentence is not found.
   */
  private siteOf(fact: FactResult): { before: string; after: string } | undefined {
    const sentence = this.bank.overlapping(fact.articleId, fact.start, fact.end)[0];
    const at = sentence ? sentence.text.indexOf(fact.raw, Math.max(0, fact.start - sentence.start)) : -1;
    if (!sentence || at < 0) return undefined;
    return { before: sentence.text.slice(0, at), after: sentence.text.slice(at + fact.raw.length) };
  }

  private subjectless(clause: string): boolean {
    const text = clause.trim();
    return text.replace(/[^\p{Script=Han}]/gu, "").length < SHORT_CLAUSE_CHARS || /^[0-9０-９]/u.test(text) || this.lexicon.words.subjectlessOpeners.some((word) => text.startsWith(word));
  }

  /** Whether the measure a metric names (its last synonym group) is given as an amount in a fair share of the corpus's figures. */
  private reportedAsAmount(metric: string): boolean {
    const group = metricParts(metric).groups.at(-1);
    if (group === undefined) return false;
    if (!this.amountShares) {
      const counts = new Map<string, { amounts: number; all: number }>();
      for (const fact of this.corpus.store.facts({})) {
        const measured = metricParts(fact.metric).groups.at(-1);
        if (measured === undefined) continue;
        const count = counts.get(measured) ?? { amounts: 0, all: 0 };
        count.all += 1;
        if (fact.unit !== "%") count.amounts += 1;
        counts.set(measured, count);
      }
      this.amountShares = new Map([...counts].map(([key, count]) => [key, count.amounts / count.all]));
    }
    return (this.amountShares.get(group) ?? 0) >= weight("fact", "amountShareMin");
  }
  private amountShares: Map<string, number> | undefined;

  familyOf(fact: FactResult): string | undefined {
    return this.lexicon.unitFamily.get(fact.unit);
  }

  toResult(fact: Fact): FactResult {
    return this.tools.toResult(fact);
  }

  source(articleId: string): SourceRef {
    return this.tools.sourceOf(articleId);
  }

  /**
   * The evidence with the rest of its last sentence when a semicolon cut it (「…接待游客386万人次，同比增长14.2%；」 goes on
   * 「实现旅游综合收入31.7亿元…」): where a later part of a question is asked on — not into a clause about another zone
   * (「其中，院士港新签约…7个；青岛蓝谷新签约…9个。」).
   */
  wholeSentence(evidence: Evidence): Evidence {
    const last = evidence.sentences.at(-1)!;
    const zones = new Set(evidence.sentences.flatMap((sentence) => sentence.zones));
    const rest = throughFullStop(last, this.bank.ofArticle(last.articleId), last.text.length + QUOTE_RUN_CHARS, (next) => next.zones.every((zone) => zones.has(zone)));
    return rest.length === 0 ? evidence : { ...evidence, sentences: [...evidence.sentences, ...rest] };
  }

  cite(evidence: Evidence): Citation {
    const source = this.tools.sourceOf(evidence.score.sentence.articleId);
    // Lines of a list (or a heading and its items) are separate paragraphs: kept apart in the quote.
    const quote = evidence.sentences.map((s, i) => (i > 0 && s.paragraph !== evidence.sentences[i - 1]!.paragraph && !/[。！？；：，,!?;:]$/u.test(evidence.sentences[i - 1]!.text) ? `；${s.text}` : s.text)).join("");
    return { ...source, quote };
  }
}

const LIST_ITEM_CHARS = 50;
/** How much of a sentence cut at a semicolon is read on for a later part of a question. */
const QUOTE_RUN_CHARS = 160;
/** A line this short with no punctuation, standing alone, is a heading. */
const HEADING_CHARS = 24;
/** A figure's own clause this short (in Han characters) only names the measure: the clause before says whose it is. */
const SHORT_CLAUSE_CHARS = 6;
/** How many clauses back a subjectless figure's words are looked for. */
const MAX_CLAUSES_BACK = 3;
/** A word of a name is rare when at most this many passages (or this share of them) use it. */
const RARE_NAME_MIN_DF = 3;
const RARE_NAME_SHARE = 0.001;
const MAX_LIST_ITEMS = 20;

/**
 * The items right after a list's lead, in a row: numbered or bulleted ones when the list is numbered
 * (its first item is), else short one-sentence paragraphs (a Markdown list without its marks).
 */
const SEMICOLON_END = /[；;]\s*$/u;

function listItemsAfter(article: Sentence[], leadAt: number): Sentence[] {
  const lead = article[leadAt]!.text;
  const numbered = LIST_ITEM.test(lead.slice(lead.search(/[：:]/) + 1).trim()) || LIST_ITEM.test(article[leadAt + 1]?.text ?? "");
  // 「…包括：A，总投资28亿元；B，…；C，…。」: items run on in the lead's paragraph while each clause ends with a semicolon.
  const semicolons = SEMICOLON_END.test(lead);
  const items: Sentence[] = [];
  for (let i = leadAt + 1; i < article.length && items.length < MAX_LIST_ITEMS; i++) {
    const sentence = article[i]!;
    const previous = article[i - 1]!;
    const ownParagraph = sentence.paragraph !== previous.paragraph && article[i + 1]?.paragraph !== sentence.paragraph;
    const runsOn = semicolons && sentence.paragraph === previous.paragraph && SEMICOLON_END.test(previous.text);
    // (「五、其他事项」 after 「1.…」「6.…」 is the next section, not an item: items share their first's marks.)
    const firstMark = items[0] ? markKind(items[0].text) : undefined;
    const isItem = numbered ? LIST_ITEM.test(sentence.text) && (firstMark === undefined || markKind(sentence.text) === firstMark) : semicolons ? runsOn : ownParagraph && sentence.text.length <= LIST_ITEM_CHARS;
    // 「一是做强…。聚焦…。」: a numbered item's paragraph goes on after its first sentence; the next item follows it.
    if (!isItem && numbered && items.length > 0 && sentence.paragraph === items.at(-1)!.paragraph) continue;
    if (!isItem) break;
    items.push(sentence);
  }
  return items;
}

/** The kind of mark a list item opens with (一、 / 一是 / （一） / 1. / a bullet), to tell its list's items from other lists'. */
function markKind(text: string): number | undefined {
  const index = ITEM_MARKS.findIndex((mark) => mark.test(text));
  return index >= 0 ? index : undefined;
}

/** Words, then a number: a clause that names what it measures and gives its figure. */
const STATES_OWN_FIGURE = /\p{Script=Han}{2,}[^0-9０-９]*[0-9０-９]/u;

/** How far into a clause its subject may start (「其中全区…」). */
const PLACE_OPENING_CHARS = 2;

/** A light word (达到, 推进, 总额) weighs this much of a content word in a measure's words. */
const LIGHT_WORD_WEIGHT = 0.3;

/** The question's words of what is measured: a named project's words say whose figure it is (namesCovered checks them). */
function measureTerms(frame: QuestionFrame): string[] {
  return frame.terms.filter((term) => !frame.entities.some((entity) => entity.includes(term)));
}

/** The items that pass, when any does; else all of them. */
function preferMatching<T>(items: T[], test: (item: T) => boolean): T[] {
  const passing = items.filter(test);
  return passing.length > 0 ? passing : items;
}

export function wantsNumber(frame: QuestionFrame): boolean {
  return frame.type === "numeric" || frame.type === "sum" || frame.type === "compare" || frame.type === "remaining";
}

export function kindAgrees(asked: "target" | "actual", kind: string): boolean {
  return asked === "target" ? kind === "target" || kind === "plan" : kind === "actual" || kind === "stat";
}

/**
 * The figure's clause, up to the figure, says the other kind than the asked one (力争/计划 for a result asked, 已/完成
 * for a goal) — or, saying neither, its year says it: a year over before the report is a result, a later one a plan.
 */
export function clauseSaysOtherKind(asked: "target" | "actual", fact: FactResult): boolean {
  const said = kindsSaid(clauseBefore(fact) ?? fact.evidence);
  if (said.has(asked)) return false;
  if (said.has(asked === "target" ? "actual" : "target")) return true;
  const published = Number(fact.date?.slice(0, 4));
  if (fact.year === null || !Number.isFinite(published) || published === 0) return false;
  return asked === "target" ? fact.year < published : fact.year > published;
}

/** The figure's clause up to the figure (「累计实际使用外资」 of 「累计实际使用外资1575.2亿元」); undefined when the clause does not hold it. */
export function clauseBefore(fact: FactResult): string | undefined {
  const at = fact.evidence.indexOf(fact.raw);
  return at < 0 ? undefined : fact.evidence.slice(0, at);
}

/** The words of a figure's own clause up to it (「目前，…68家，2024年产业链产值达到」 → 「2024年产业链产值达到」). */
function clauseBeforeFigure(fact: FactResult): string {
  return (clauseBefore(fact) ?? fact.evidence).split(/[，,；;。：:]/u).at(-1) ?? "";
}

/** The evidence text right around the number. */
export function localText(fact: FactResult): string {
  const at = fact.evidence.indexOf(fact.raw);
  if (at < 0) return fact.evidence;
  return fact.evidence.slice(Math.max(0, at - LOCAL_BEFORE), at + fact.raw.length + LOCAL_AFTER);
}

function average(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}
