import type { Corpus } from "../corpus/index.js";
import { PlaceIndex } from "../domain/index.js";
import type { Citation, Fact } from "../domain/types.js";
import { echoedMeasure, metricFit, namesKnownMetric, splitLeadVerb } from "../facts/index.js";
import type { FactResult, Toolbox } from "../tools/index.js";
import { dateLabel, fill, kindLabel, periodLabel, quantityText, scopeLabel, smallNumber, writtenScale, writtenUnit } from "./compose.js";
import { clauseBefore, EvidenceFinder, foundCoverage, kindAgrees, type Evidence, type Located } from "./evidence.js";
import { asksForRate, loadLexicon, ordinalNumbersIn, rankPositionsOf, type Lexicon } from "./lexicon.js";
import { elsewhere, FactLookup, metricFitMin, type FigureQuery, type Lookup } from "./lookup.js";
import { ordinalsAgree, scoreSentence, seasonAgrees, type SentenceScore } from "./scoring.js";
import { SentenceBank, textOrder } from "./sentences.js";
import { writeBrief } from "./brief.js";
import { difference, gapSides, measureSides, withoutOtherPieces } from "./gap.js";
import { projectOfFigure, readThreshold } from "./threshold.js";
import { anniversaryStart, findMonths, findYears, parseChineseNumeral, readMonth, readPeriod } from "../reading/index.js";
import { contentTerms } from "../retrieval/index.js";
import { planQuestion, type QueryPlan } from "./plan.js";
import { comparativeWord, superlativeWord, readQuestion } from "./understand.js";
import type { Answer, QuestionFrame, Turn } from "./types.js";

const EXACT_RARITY_MAX_ARTICLES = 2000;

/** A word at most this many sentences (or this share of them) use is a name's, not a measure's. */
const RARE_SUBJECT_DF = 3;
const RARE_SUBJECT_SHARE = 0.0005;
/** Shorter rare words are a question's own phrasing (签了), not a name. */
const MIN_NAME_CHARS = 3;
/** How far down the ranking a listing passage is looked for. */
const TOP_CANDIDATES = 5;
/** A description takes at most this many more sentences of its article, from this many top candidates. */
const MAX_COMPANIONS = 2;
const COMPANION_WINDOW = 8;
/** The measure a listed item's figure is of is read from the end of its metric wording (…增长, …占比). */
const MEASURE_TAIL = 2;
/** Share of the usual coverage a listing passage needs (see topOfList). */
const LIST_COVERAGE_SHARE = 0.6;
/** Fewer items than this are a pair, not a list to rank. */
const MIN_LISTED_ITEMS = 3;

interface Row {
  entity: string;
  fact: FactResult;
  evidence: Evidence;
}

/**
 * The deterministic brain: reads the question, gathers candidate sentences through the search tool,
 * picks the best-supported one, pulls the matching facts and writes a templated, cited answer.
 */
export class OfflineBrain {
  private readonly lexicon: Lexicon = loadLexicon();
  private readonly referenceYear: number;
  private readonly finder: EvidenceFinder;
  private readonly lookup: FactLookup;
  private readonly bank: SentenceBank;
  /** Zones some article speaks about, built on first use. */
  private reportedZones: Set<string> | undefined;
  private placeIndex: PlaceIndex | undefined;

  constructor(private readonly tools: Toolbox, private readonly corpus: Corpus, synonyms: (term: string) => string[] = () => []) {
    // Exact sentence-level rarity on a newsroom-sized corpus; past that, the search index's chunk
    // frequencies (approximate, but no scan of every sentence per question term).
    const rarity = corpus.articles.size > EXACT_RARITY_MAX_ARTICLES
      ? { documentFrequency: (term: string) => corpus.index.termDocumentFrequency(term), total: corpus.index.chunks.length }
      : undefined;
    const bank = new SentenceBank(corpus.articles, corpus.gazetteer, rarity);
    this.bank = bank;
    this.referenceYear = referenceYearOf([...corpus.articles.values()].map((a) => a.date), new Date());
    const scoring = { bank, gazetteer: corpus.gazetteer, lexicon: this.lexicon, synonyms };
    this.finder = new EvidenceFinder(tools, corpus, bank, this.lexicon, scoring);
    // A year is over for the corpus when it is before the newest report's, or that report is from its December.
    const newest = [...corpus.articles.values()].map((a) => a.date ?? "").reduce((a, b) => (a > b ? a : b), "");
    const yearOver = (year: number) => year < this.referenceYear || (year === this.referenceYear && newest.slice(5, 7) === "12");
    this.lookup = new FactLookup(tools, this.referenceYear, this.lexicon, yearOver, (fact) => this.finder.spansYears(fact), (question, fact, dated) => this.finder.otherFigure(question, fact, dated));
  }

  read(question: string, history: Turn[] = []): QuestionFrame {
    return readQuestion(question, { gazetteer: this.corpus.gazetteer, lexicon: this.lexicon, referenceYear: this.referenceYear, history, places: this.places() });
  }

  async answer(question: string, history: Turn[] = []): Promise<Answer> {
    const frame = this.read(question, history);
    const plan = planQuestion(frame, this.lexicon);
    if (plan.op === "empty") return this.decline(frame, fill("declineEmpty", {}));
    const unknown = frame.zones.find((zone) => !this.zoneIsReported(zone)) ?? this.unnamedAnywhere(frame.unplacedZone);
    if (unknown) return this.decline(frame, fill("declineUnknownZone", { zone: unknown }));
    const figureYear = this.yearOfStatedFigure(frame);
    if (figureYear) return figureYear;
    switch (plan.op) {
      case "brief":
        return this.brief(frame, plan);
      case "overview":
        return this.overview(frame);
      case "unclear":
        return this.decline(frame, fill("declineUnclear", {}));
      case "compare":
        return this.compare(frame);
      case "top":
        return (await this.topOfList(frame)) ?? this.single(frame);
      case "perYear":
        return this.perYear(frame);
      case "difference":
        return (await this.remaining(frame)) ?? this.single({ ...frame, type: "numeric" });
      case "gap":
        // Without both figures in one unit, each asked year (or the one figure) is still worth giving.
        return (await this.gap(frame)) ?? (frame.years.length >= 2 ? this.perYear(frame) : this.single({ ...frame, type: "numeric" }));
      case "sum":
        return (await this.sum(frame)) ?? (await this.sumAcross(frame)) ?? this.single(frame);
      default:
        return this.eachZoneAnswered(frame, await this.single(frame));
    }
  }

  /** A zone-like name no article's text contains (临空区 where articles say 胶东临空经济示范区): nothing can answer for it. */
  private unnamedAnywhere(name: string | undefined): string | undefined {
    if (!name) return undefined;
    for (const article of this.corpus.articles.values()) if (article.text.includes(name) || article.title.includes(name)) return undefined;
    return name;
  }

  /** Some article speaks about the zone or a zone inside it: otherwise nothing can answer for it. */
  private zoneIsReported(zone: string): boolean {
    const reported = this.reported();
    if (reported.has(zone)) return true;
    return [...reported].some((name) => this.corpus.gazetteer.isWithin(name, zone));
  }

  /** Zones some article speaks about, read once. */
  private reported(): Set<string> {
    // An article filed under another name of a zone (亦庄新城 for 北京经济技术开发区) reports on it too.
    this.reportedZones ??= new Set([...this.corpus.articles.values()].flatMap((article) => article.zones.flatMap((zone) => [zone, this.corpus.gazetteer.canonical(zone) ?? zone])));
    return this.reportedZones;
  }

  /** The places the reported zones are named after, for questions that name only the place. */
  private places(): PlaceIndex {
    if (!this.placeIndex) {
      const about = new Map<string, number>();
      const otherNames: [string, string][] = [];
      for (const article of this.corpus.articles.values()) {
        const home = article.zones[0];
        if (!home) continue;
        about.set(home, (about.get(home) ?? 0) + 1);
        for (const alias of article.zoneAliases ?? []) otherNames.push([alias, home]);
      }
      this.placeIndex = new PlaceIndex(this.reported(), about, undefined, otherNames);
    }
    return this.placeIndex;
  }

  // ---- open questions: a zone's most informative sentences ----

  private brief(frame: QuestionFrame, plan: QueryPlan): Answer {
    const zone = frame.zones[0]!;
    const asksWhy = (this.lexicon.words.typeCues.why ?? []).some((cue) => frame.question.includes(cue));
    const lines = writeBrief({ zone, year: frame.year, period: frame.period, kind: frame.kind, topic: plan.topic, asksWhy }, this.corpus, this.bank, (id) => this.finder.source(id));
    if (lines.length === 0) return this.decline(frame, fill("declineGeneric", { scope: scopeLabel(zone, frame.year), topic: plan.topic.join("、") || "相关情况" }));
    const rows = lines.map(({ citation }) => fill("briefRow", { quote: citation.quote, title: citation.title, date: dateLabel(citation.date) }));
    const text = fill("brief", { head: `${scopeLabel(zone, frame.year)}：`, rows: rows.join("\n") });
    return this.found(frame, text, lines.map((line) => line.citation), [], "search");
  }

  // ---- questions answered by one passage (numeric, list, when, describe…), possibly in parts ----

  /**
   * The fact table first, then retrieval under the same acceptance rule: a figure the table did not file
   * under the asked zone and year (a sentence it read with another year) may still be found in its
   * sentence; the table's nearest miss is the decline when retrieval finds nothing either.
   */
  private async single(frame: QuestionFrame): Promise<Answer> {
    // A named project's investment is its own question: answered from that project's figure or declined by its name.
    const projectName = this.askedProject(frame);
    // A question of several parts (「…投资多少？产能多大？」) is answered part by part below.
    if (projectName && subQuestions(frame.question).length <= 1) return this.projectInvestment(frame, projectName);
    if (frame.type === "list") {
      const listed = await this.thresholdList(frame);
      if (listed) return listed;
    }
    // 「A…开工和B…签约，总投资各多少」: two zones each in its own clause, each side's figure on its own.
    if (frame.type === "numeric" && frame.zonesNamed && frame.zones.length === 2) {
      const rows = await this.clauseFigures(frame);
      if (rows) return this.sideFigures(frame, rows);
    }
    const fromTable = await this.fromFactTable(frame);
    if (fromTable?.found) return this.statesAskedPlace(frame, fromTable);
    const fromSearch = await this.fromSearch(frame);
    return this.statesAskedPlace(frame, fromSearch.found || !fromTable ? fromSearch : fromTable);
  }

  /**
   * 「营收十强里第五名营收多少」: a place in a ranking asked is answered only by a quote that states that place; a
   * figure of the list's total or its leader is declined, with what was found.
   */
  private statesAskedPlace(frame: QuestionFrame, answer: Answer): Answer {
    const asked = rankPositionsOf(frame.question, this.lexicon);
    if (!answer.found || asked.length === 0) return answer;
    const stated = new Set(answer.citations.flatMap((citation) => ordinalNumbersIn(citation.quote)));
    if (asked.every((place) => stated.has(place))) return answer;
    return this.decline(frame, fill("declineGeneric", { scope: scopeLabel(frame.zones[0], frame.year), topic: frame.terms.join("、") || "相关情况" }));
  }

  // ---- figures straight from the fact table ----

  /**
   * A figure question with a zone, a year and a metric the synonym table knows is answered from the
   * fact table (each part of a multi-part question on its own). When the table has the zone's metric
   * only for other years, kinds or periods, the answer says so — unless retrieval finds the figure with
   * the asked year, kind and period under another zone name.
   */
  private async fromFactTable(frame: QuestionFrame): Promise<Answer | undefined> {
    if (frame.type !== "numeric") return undefined;
    const queries = this.figureQueries(frame);
    if (!queries) return undefined;
    // A project asked by name: the best figure whose own words name it, not the best figure of its measure in the zone.
    const outcomes = this.continuing(frame, queries, queries.map((query) => this.lookup.find(query, (fact) => this.finder.namedAtFigure(frame, fact) && this.finder.countsAsked({ ...frame, question: query.question }, fact))));
    // A part in words the table cannot place (「清单化推进的项目有多少个？总投资多少？」) ties the parts to one passage: retrieval reads it whole.
    if (outcomes.some((o, i) => o.status === "unknown" && !queries[i]!.known)) return undefined;
    const found = outcomes
      .filter((o): o is Extract<Lookup, { status: "found" }> => o.status === "found")
      .map((o) => o.fact)
      // A figure of another project, or of another season's event, is no answer (retrieval looks further).
      .filter((fact) => {
        const sentences = this.finder.evidenceOfFact(fact).sentences;
        const text = sentences.map((s) => s.text).join("");
        return this.finder.namesCovered(frame, text) && seasonAgrees(frame.season, text, fact.title) && ordinalsAgree(frame, sentences[0]!, this.finder.scoring);
      });
    if ((frame.entities.length > 0 || frame.season) && found.length === 0) return undefined;
    if (found.length === 0) return this.missingFigure(frame, queries[0]!, outcomes);
    // 「迈瑞医疗项目的总投资」 when the figure is the total of 「迈瑞医疗、…等12个重点项目」: no figure of the one asked.
    for (const fact of found) {
      const aggregate = frame.entities.length > 0 ? this.aggregateMismatch(frame, this.finder.evidenceOfFact(fact)) : undefined;
      if (aggregate) return aggregate;
    }
    const missing = queries.length - found.length;
    return this.halfAnswered(frame, this.figureAnswer(frame, uniqueFacts(found), missing), missing);
  }

  /**
   * 「…累计开工多少重大项目？总投资多少」: a later part asks about the earlier part's subject, so a fitting figure
   * in the sentence that answered the part before is its answer (1280亿元 of the 96 projects, not one project's 85亿元).
   */
  private continuing(frame: QuestionFrame, queries: FigureQuery[], outcomes: Lookup[]): Lookup[] {
    if (subQuestions(frame.question).length < 2) return outcomes;
    const result = [...outcomes];
    for (let i = 1; i < result.length; i++) {
      const before = result[i - 1]!;
      if (before.status !== "found") continue;
      const beside = this.figureBeside(this.finder.evidenceOfFact(before.fact), [before.fact], queries[i]!.metric, queries[i]!.wantsPercent);
      if (beside) result[i] = { status: "found", fact: beside.fact, fit: beside.fit };
    }
    return result;
  }

  /** The part before's evidence answers this part too when a figure beside its own fits this part's measure. */
  private besideLast(part: QuestionFrame, before: Located | undefined): Located | undefined {
    if (!before || before.facts.length === 0) return undefined;
    const evidence = this.finder.wholeSentence(before.evidence);
    const beside = this.figureBeside(evidence, before.facts, part.metricText, asksForRate(part.question, this.lexicon));
    return beside ? { evidence, facts: [beside.fact] } : undefined;
  }

  /** The figure of the evidence, other than `taken`, whose measure fits `metric` best (a rate only when one is asked). */
  private figureBeside(evidence: Evidence, taken: FactResult[], metric: string, wantsPercent: boolean): { fact: FactResult; fit: number } | undefined {
    const ids = new Set(taken.map((fact) => fact.factId));
    return this.finder
      .factsIn(evidence)
      .filter((fact) => !ids.has(fact.factId) && (fact.unit === "%") === wantsPercent)
      .map((fact) => ({ fact, fit: Math.max(metricFit(metric, fact.metric), endsWithAsked(metric, fact.metric) ? metricFitMin() : 0) }))
      .filter((entry) => entry.fit >= metricFitMin())
      .sort((a, b) => b.fit - a.fit)[0];
  }

  /** 「…的重点项目有哪些」「哪几个项目」: the list asks for projects themselves (not 「项目的3个关键节点是哪些」). */
  private asksForProjects(question: string): boolean {
    const cues = this.lexicon.words.typeCues.list ?? [];
    return this.lexicon.words.projectListNouns.some((noun) =>
      // (「重点项目有哪些保障措施」 asks the 保障措施: a noun after the cue is what is listed.)
      cues.some((cue) => new RegExp(`${noun}(?:都|还)?(?:有|是|包括)?${cue}(?!\\p{Script=Han}{2})|${cue}[^，,。？?]{0,6}${noun}`, "u").test(question)),
    );
  }

  /**
   * The project whose investment a figure question asks (「安澜储能二期项目的总投资」「那个…项目投多少」), when the
   * question names it as an entity: 「那批集中竣工投产项目总投资」 asks an event's total, a class of projects.
   */
  private askedProject(frame: QuestionFrame): string | undefined {
    if (frame.type !== "numeric") return undefined;
    const name = this.withoutLeadingZone(this.withoutPointing(PROJECT_INVESTMENT.exec(frame.question)?.[1]));
    if (!name || /多少|几|了/.test(name)) return undefined;
    return frame.entities.some((entity) => name.includes(entity) || entity.includes(name)) ? name : undefined;
  }

  /** A part of a question that asks a named project's investment, answered from that project's own figure. */
  private async projectPart(part: QuestionFrame): Promise<Located | undefined> {
    const name = this.askedProject(part);
    if (!name) return undefined;
    const answer = await this.projectInvestment(part, name);
    const fact = answer.found ? answer.facts[0] : undefined;
    return fact ? { evidence: this.finder.evidenceOfFact(fact), facts: [fact] } : undefined;
  }

  /** 「那个职业教育实训基地项目」 names 职业教育实训基地项目. */
  private withoutPointing(name: string | undefined): string | undefined {
    if (!name) return name;
    // 「潍坊滨海那个聚碳酸酯项目」: what follows the pointing word is the name.
    const after = Math.max(...this.lexicon.words.demonstratives.map((word) => (name.includes(word) ? name.lastIndexOf(word) + word.length : -1)));
    return after > 0 && name.length - after >= 4 ? name.slice(after) : name;
  }

  private withoutLeadingZone(name: string | undefined): string | undefined {
    if (!name) return undefined;
    // 「2023年算力中心项目」「19年计划签约项目」: a year in front is no part of a name.
    name = name.replace(/^(?:\d{2}|\d{4})年/u, "");
    const lead = this.corpus.gazetteer.mentions(name).find((mention) => mention.start === 0);
    const rest = lead ? name.slice(lead.end) : name;
    return rest.length >= 4 ? rest : name;
  }

  /**
   * 「安澜储能二期项目的总投资是多少」: the investment fact whose subject is that project, in the asked zone
   * if possible. Totals of 「A、B等12个项目」 are not one project's figure; a project nobody reports is declined.
   */
  private async projectInvestment(frame: QuestionFrame, name: string): Promise<Answer> {
    const sentenceOf = (fact: FactResult) => this.finder.evidenceOfFact(fact).sentences.map((x) => x.text).join("");
    const candidates = this.tools
      .listProjects({ year: frame.year, name })
      .filter((fact) => fact.unit === "元" && metricFit("总投资", fact.metric) >= metricFitMin() && !fact.subject.includes("等"))
      .filter((fact) => namedIn(name, fact.subject) || namedIn(name, fact.evidence) || (fact.subject.length <= 2 && namedIn(name, sentenceOf(fact))))
      .filter((fact) => !inAggregate(sentenceOf(fact), name));
    const inZone = (fact: FactResult) => frame.zones.length === 0 || (fact.zone !== null && frame.zones.some((zone) => this.corpus.gazetteer.isWithin(fact.zone!, zone)));
    const rank = (fact: FactResult) => (fact.subject === name ? 3 : fact.subject.includes(name) ? 2 : 1) + (inZone(fact) ? 4 : 0);
    const best = candidates.sort((a, b) => rank(b) - rank(a))[0];
    if (best) return this.figureAnswer(frame, [best], 0);
    // 「…项目投多少」 is chat for 总投资: searched in the words articles use.
    const viaSearch = await this.fromSearch(/投资/u.test(frame.question) ? frame : { ...this.read(frame.question.replace(/投(?=是?多少|了多少)/u, "总投资")), zones: frame.zones, year: frame.year });
    // The figure's own clause must name the project: 「B项目总投资12.2亿元。此外，A项目等也在此次签约之列」 gives no figure of A.
    const ownClause = (fact: FactResult) => subjectClause(sentenceOf(fact), fact.raw, this.lexicon.words.entitySuffixes);
    if (viaSearch.found && viaSearch.facts.some((fact) => namedIn(name, ownClause(fact))) && viaSearch.citations.some((c) => namedIn(name, c.quote) && !inAggregate(c.quote, name))) return viaSearch;
    return this.decline(frame, fill("declineGeneric", { scope: scopeLabel(frame.zones[0], frame.year), topic: `${name}的总投资` }));
  }

  /** One query per asked part; parts that name no metric (「同比增长多少」) ask about the one before. */
  private figureQueries(frame: QuestionFrame): FigureQuery[] | undefined {
    const texts = subQuestions(frame.question);
    if (texts.length < 2) {
      // 「二产增加值和增速」: a metric and its rate of growth, two figures.
      const pieces = frame.metricText.split(/[和与及]/);
      const rate = pieces.length === 2 && pieces[0]!.length >= 2 && this.lexicon.words.rateCues.includes(pieces[1]!) ? pieces : undefined;
      if (rate) {
        const queries = [this.lookup.query(frame, rate[0]!, rate[0]!), this.lookup.query(frame, `${rate[0]}${rate[1]}`, `${rate[0]}${rate[1]}`)];
        return queries.every((q): q is FigureQuery => q !== undefined) ? queries : undefined;
      }
      // 「新引进亿元以上产业项目和实际利用外资的目标各是多少」: one query per metric named.
      // A piece in words the table does not know still asks its own figure: the lookup says 「unknown」 and retrieval reads each piece.
      const named = frame.metricText.split(/[和与及、]/);
      const metrics = named.length >= 2 && named.every((piece) => piece.length >= 2) ? named : named.filter((piece) => namesKnownMetric(piece));
      // Each piece is asked in the question without the other pieces: 增速 of 「到位资金增速和固投」 asks a rate of 到位资金 only.
      if (metrics.length < 2) {
        const query = this.lookup.query(frame, frame.question, frame.metricText);
        return query ? [query] : undefined;
      }
      const queries = metrics.map((metric) => {
        const text = withoutOtherPieces(frame.question, metrics, metric);
        // 就业 of 「…市场主体和城镇新增就业各是多少」 counts people; 市场主体 does not.
        const own = this.read(text);
        return this.lookup.query({ ...frame, unitFamily: own.unitFamily, explicitFamily: own.explicitFamily }, text, metric);
      });
      return queries.every((q): q is FigureQuery => q !== undefined) ? queries : undefined;
    }
    const queries: FigureQuery[] = [];
    let metric = "";
    const frames = this.partFrames(frame, texts);
    for (const [i, text] of texts.entries()) {
      const part = frames[i]!;
      // 「…，同比增长多少」 names no metric of its own: it asks about the one before.
      const own = this.lookup.query(part, text);
      // (「农村的呢」 after 城镇居民人均可支配收入: its own measure is the one before with the restriction swapped.)
      const swapped = metric !== "" && echoedMeasure(metric, part.metricText) !== undefined;
      const query = own?.known || !metric || swapped ? own : this.lookup.query(part, text, metric);
      if (!query) return undefined;
      metric = query.metric;
      queries.push(query);
    }
    return queries;
  }

  /** Each side's figure under its own zone and year (「成都高新技术产业开发区2025年：总投资为416.8亿元；即墨…」). */
  private sideFigures(frame: QuestionFrame, rows: Row[]): Answer {
    const citations = uniqueEvidence(rows.map((row) => row.evidence)).map((e) => this.finder.cite(e));
    const statements = rows.map((row) => `${scopeLabel(row.fact.zone ?? row.entity, row.fact.year ?? undefined)}${periodLabel(row.fact.periodKey === "Y" ? undefined : row.fact.periodKey)}：${statement(row.fact)}`);
    const text = `${fill("numeric", { head: "", statements: statements.join("；") })}\n${citations.map(quoteLine).join("\n")}`;
    return this.found(frame, text, citations, rows.map((row) => row.fact), "facts");
  }

  private figureAnswer(frame: QuestionFrame, asked: FactResult[], missing: number): Answer {
    const facts = uniqueFacts([...asked, ...asked.flatMap((fact) => this.growthOf(fact, asked))]);
    const evidences = uniqueEvidence(facts.map((fact) => this.finder.evidenceOfFact(fact)));
    const citations = evidences.map((e) => this.finder.cite(e));
    const conflicts = asked.length === 1 && !asksDatedEvent(frame) ? this.conflictsWith(asked[0]!) : [];
    const conflictCitations = conflicts.map((fact) => ({ ...this.finder.source(fact.articleId), quote: fact.evidence }));
    // Asked without a year, the figure is the latest the table has: the answer says which year that is.
    // A year-to-date figure standing in for the whole year is labelled as what it is (今年以来).
    const period = frame.period ?? (asked.length === 1 && asked[0]!.periodKey === "ytd" ? "ytd" : undefined);
    // Figures of different years (a 2030 goal and what there is now) each say their own year.
    const years = new Set(asked.map((fact) => fact.year));
    const label = years.size > 1 ? `${scopeLabel(frame.zones[0], undefined)}${periodLabel(period)}` : `${scopeLabel(frame.zones[0], frame.year ?? asked[0]?.year ?? undefined)}${periodLabel(period)}`;
    const head = label ? `${label}：` : "";
    const said = (fact: FactResult) => (years.size > 1 && fact.year !== null ? `${fact.year}年${statement(fact)}` : statement(fact));
    const text = `${fill("numeric", { head, statements: facts.map(said).join("；") })}${missing ? fill("partMissing", { count: smallNumber(missing) }) : ""}${this.conflictText(conflicts)}\n${citations.map(quoteLine).join("\n")}`;
    return this.found(frame, text, [...citations, ...conflictCitations], [...facts, ...conflicts], "facts");
  }

  /** An amount found with its growth said elsewhere in its article (a table row and the prose) is given with it. */
  private withGrowth(frame: QuestionFrame, facts: FactResult[], citations: Citation[]): { facts: FactResult[]; citations: Citation[] } {
    if (frame.type !== "numeric") return { facts, citations };
    const growth = uniqueFacts(facts.flatMap((fact) => this.growthOf(fact, facts))).filter((g) => !facts.some((f) => f.factId === g.factId));
    const more = growth.map((fact) => this.finder.cite(this.finder.evidenceOfFact(fact))).filter((c) => !citations.some((other) => other.quote.includes(c.quote)));
    return { facts: [...facts, ...growth], citations: [...citations, ...more] };
  }

  /**
   * An amount is reported with its growth (「实现生产总值1513.33亿元，同比增长2.6%」, a table's 同比增长 column):
   * the answer gives both, each from its own quote.
   */
  private growthOf(fact: FactResult, asked: FactResult[]): FactResult[] {
    if (fact.unit === "%" || asked.some((other) => other.unit === "%")) return [];
    return this.corpus.store
      .facts({ articleIds: [fact.articleId] })
      .filter((other) => other.unit === "%" && other.zone === fact.zone && other.year === fact.year && other.periodKey === fact.periodKey)
      // Its own clause grows the same measure, or grows this very figure in other words (a table row's 营收 and the
      // prose's 「实现营业收入428.7亿元，同比增长11.6%」).
      .filter((other) => {
        const grows = (measure: string) => other.metric.startsWith(measure) && this.lexicon.words.rateCues.some((cue) => other.metric.slice(measure.length).includes(cue));
        return grows(fact.metric) || (other.evidence.includes(fact.raw) && this.lexicon.words.rateCues.some((cue) => other.metric.endsWith(cue)));
      })
      .slice(0, 1)
      .map((other) => this.finder.toResult(other));
  }

  /**
   * The table lacks the asked figure (maybe it has the zone's metric for other years, kinds or periods):
   * retrieval may still find it under another zone name, but only a figure of the asked metric, year,
   * kind and period answers.
   */
  private async missingFigure(frame: QuestionFrame, query: FigureQuery, outcomes: Lookup[]): Promise<Answer> {
    const misfiled = outcomes.length === 1 ? elsewhere(this.tools, query).find((fact) => this.aboutZone(fact, query.zone)) : undefined;
    if (misfiled) return this.figureAnswer(frame, [misfiled], 0);
    const nearest = outcomes.map((o) => (o.status === "missing" ? o.nearest : undefined)).find((f) => f !== undefined);
    const scope = `${scopeLabel(query.zone, query.year)}${periodLabel(query.period)}`;
    const topic = frame.terms.slice(0, 4).join("、");
    if (!nearest) return this.decline(frame, fill("declineGeneric", { scope, topic }));
    const citation = this.finder.cite(this.finder.evidenceOfFact(nearest));
    return this.decline(frame, fill("declineNearMiss", {
      scope, topic, nearScope: `${scopeLabel(nearest.zone ?? undefined, nearest.year ?? undefined)}${periodLabel(nearest.periodKey)}${kindLabel(nearest.kind)}`,
      quote: citation.quote, title: citation.title, date: dateLabel(citation.date),
    }), [citation]);
  }

  /**
   * A figure the table filed under another zone answers only when its own clause names the asked zone and
   * not the one it was filed under (an extraction slip) — not a zone named beside it for comparison.
   */
  private aboutZone(fact: FactResult, zone: string): boolean {
    if (fact.zone === zone) return true;
    const named = [...this.corpus.gazetteer.mentions(fact.evidence), ...this.corpus.gazetteer.abbreviations(fact.evidence)].map((m) => m.zone);
    return named.includes(zone) && (fact.zone === null || !named.includes(fact.zone));
  }


  private conflictText(conflicts: FactResult[]): string {
    if (conflicts.length === 0) return "";
    const rows = conflicts.map((fact) => {
      const src = this.finder.source(fact.articleId);
      return fill("conflictRow", { title: src.title, date: dateLabel(src.date), metric: fact.metric, quantity: quantityText(fact) });
    });
    return `\n${fill("conflict", { rows: rows.join("；") })}`;
  }

  // ---- questions answered from retrieved passages ----

  private async fromSearch(frame: QuestionFrame): Promise<Answer> {
    // Later parts lean on the first (「建成后每年能产多少…」 is still about 京东方), so they match like follow-ups.
    const asked = subQuestions(frame.question);
    const pieces = asked.length > 1 ? asked : this.metricPieces(frame);
    // Each asked part is read as its own question (its words decide its measure: 计划完成投资 is not 总投资).
    const partFrames = asked.length > 1 ? this.partFrames(frame, pieces) : pieces.map((part) => this.partFrame(frame, part));
    const framed = pieces.map((part, i) => ({ ...partFrames[i]!, question: asked.length > 1 ? part : frame.question, followUp: frame.followUp || (asked.length > 1 && i > 0) }));
    // 「动投芯谷总投资多少？2021年计划完成投资多少？」: a later part that names no subject of its own asks about the
    // first part's — its rare words (the subject's name) go with it.
    const subject = asked.length > 1 ? framed[0]!.terms.filter((term) => term.length >= MIN_NAME_CHARS && this.bank.documentFrequency(term) <= Math.max(RARE_SUBJECT_DF, this.bank.size * RARE_SUBJECT_SHARE)) : [];
    const parts = framed.map((part, i) => (i === 0 || subject.length === 0 || part.terms.some((term) => subject.includes(term)) ? part : { ...part, terms: [...subject, ...part.terms] }));
    if (parts.length < 2) return this.singlePart(frame);
    const located: Located[] = [];
    for (const [i, part] of parts.entries()) {
      // 「上半年来了多少游客，收入多少」: a later part with no time of its own asks on at the part before's — first in the
      // rest of the sentence that answered it (「…接待游客386万人次，同比增长14.2%；实现旅游综合收入31.7亿元…」).
      const onward = i > 0 && asked.length > 1 && !namesOwnTime(pieces[i]!) ? this.besideLast(part, located.at(-1)) : undefined;
      if (onward) {
        located.push(onward);
        continue;
      }
      // 「芯联微电子扩能项目投多少？建成后…」: a part asking a named project's investment is that project's figure.
      const own = (await this.projectPart(part)) ?? this.finder.locate(part, await this.finder.rank(part));
      // With no zone to hold them together, a later part speaks of what the first did: its answer is in the same
      // report (「藏马山…来了多少游客，收入多少」 is not answered by another zone's 收入 in another paper).
      const first = located[0]?.evidence.sentences[0]?.articleId;
      const found = own && i > 0 && frame.zones.length === 0 && first !== undefined && own.evidence.sentences[0]?.articleId !== first ? undefined : own;
      // 「…签了几个项目？总投资多少」: a later part not found on its own may be answered beside the part before.
      const beside = !found && i > 0 && asked.length > 1 ? this.besideLast(part, located.at(-1)) : undefined;
      if (found ?? beside) located.push((found ?? beside)!);
    }
    if (located.length === 0) return this.singlePart(frame);
    const evidences = uniqueEvidence(located.map((l) => l.evidence));
    const { facts, citations } = this.withGrowth(frame, uniqueFacts(located.flatMap((l) => l.facts)), dedupeCitations(evidences.map((e) => this.finder.cite(e))));
    // Parts at different years (a 2030 goal and what there is now) each say their own year.
    const years = new Set(facts.map((fact) => fact.year));
    const byYear = years.size > 1;
    const zoneOnly = scopeLabel(frame.zones[0] ?? evidences[0]!.score.sentence.zones[0], undefined);
    const head = byYear ? (zoneOnly ? `${zoneOnly}：` : "") : this.head(withFigureYear(frame, facts), evidences[0]!);
    const said = (fact: FactResult) => (byYear && fact.year !== null ? `${fact.year}年${statement(fact)}` : statement(fact));
    const missing = parts.length - located.length;
    const text = facts.length > 0
      ? `${fill("numeric", { head, statements: facts.map(said).join("；") })}${missing ? fill("partMissing", { count: smallNumber(missing) }) : ""}\n${citations.map(quoteLine).join("\n")}`
      : passageText(head, citations);
    return this.halfAnswered(frame, this.found(frame, text, citations, facts, facts.length ? "facts" : "search"), missing);
  }

  private async singlePart(frame: QuestionFrame): Promise<Answer> {
    const ranked = await this.finder.rank(frame);
    const found = this.finder.locate(frame, ranked);
    if (!found) return this.declineWithNearMiss(frame, ranked);
    const located = frame.type === "list" ? { ...found, evidence: this.finder.withFollowingList(frame, found.evidence) } : found;
    const aggregate = this.aggregateMismatch(frame, located.evidence);
    if (aggregate) return aggregate;
    const citation = this.finder.cite(located.evidence);
    const head = this.head(withFigureYear(frame, located.facts), located.evidence);
    const conflicts = located.facts.length === 1 && !asksDatedEvent(frame) ? this.conflictsWith(located.facts[0]!) : [];
    const conflictCitations = conflicts.map((fact) => ({ ...this.finder.source(fact.articleId), quote: fact.evidence }));
    const conflictText = this.conflictText(conflicts);
    if (located.facts.length === 0) {
      const more = this.companions(frame, ranked, located.evidence).map((evidence) => this.finder.cite(evidence));
      const dated = frame.type === "when" ? datedByAnniversary(citation) : undefined;
      const day = frame.type === "when" && !dated ? dayOfEvent(citation) : undefined;
      const text = [passageText(head, [citation]), ...(dated ? [fill("anniversary", dated)] : []), ...(day ? [fill("eventDay", day)] : []), ...more.map((c) => fill("briefRow", { quote: c.quote, title: c.title, date: dateLabel(c.date) }))].join("\n");
      const answer = this.found(frame, text, [citation, ...more], [], "search");
      if (dated) answer.derived.push(dated.year);
      if (day) answer.derived.push(day.year);
      return answer;
    }
    const growth = this.withGrowth(frame, located.facts, [citation]);
    const text = `${fill("numeric", { head, statements: growth.facts.map(statement).join("；") })}${conflictText}\n${growth.citations.map(quoteLine).join("\n")}`;
    return this.found(frame, text, [...growth.citations, ...conflictCitations], [...growth.facts, ...conflicts], "facts");
  }

  /**
   * 「超算中心二期是干啥用的」「招商是怎么搞的」: a description is rarely one sentence. Other acceptable sentences of
   * the same article that speak of the same thing go with the best one, in the article's order.
   */
  private companions(frame: QuestionFrame, ranked: SentenceScore[], evidence: Evidence): Evidence[] {
    if (frame.type !== "describe" && frame.type !== "define") return [];
    const articleId = evidence.score.sentence.articleId;
    const taken = new Set(evidence.sentences.map((s) => s.index));
    const chosen: Evidence[] = [];
    for (const candidate of ranked.slice(0, COMPANION_WINDOW)) {
      if (chosen.length >= MAX_COMPANIONS) break;
      if (candidate.sentence.articleId !== articleId || !this.finder.acceptable(frame, candidate)) continue;
      const more = this.finder.evidenceOf(candidate, frame);
      if (more.sentences.some((s) => taken.has(s.index))) continue;
      for (const s of more.sentences) taken.add(s.index);
      chosen.push(more);
    }
    return chosen.sort((a, b) => a.sentences[0]!.index - b.sentences[0]!.index);
  }

  /**
   * Other articles' figures for the same zone, metric, year, kind and period that differ from this one:
   * two reports disagreeing is said, not silently resolved.
   */
  private conflictsWith(fact: FactResult): FactResult[] {
    if (!fact.zone || fact.year === null) return [];
    // 「项目总投资79亿元」 names no project: two such figures are two projects, not two reports of one.
    if (fact.kind === "investment" && fact.subject.length < 4) return [];
    return this.corpus.store
      .facts({ zones: [fact.zone], year: fact.year, periodKey: fact.periodKey })
      // Same subject too: two projects' 总投资 are not two reports of one figure.
      .filter((other) => other.articleId !== fact.articleId && other.unit === fact.unit && other.subject === fact.subject)
      .filter((other) => metricFit(fact.metric, other.metric) >= SAME_METRIC_FIT && metricFit(other.metric, fact.metric) >= SAME_METRIC_FIT)
      .filter((other) => sameKind(other.kind, fact.kind) && Math.abs(other.value - fact.value) > 1e-9 * Math.max(1, Math.abs(fact.value)))
      .map((other) => this.finder.toResult(other))
      .filter((other) => !this.differentEvents(fact, other))
      .slice(0, 2);
  }

  /**
   * Two figures from dated events of different months (集中开工 in March and in October) are two events,
   * not two reports of one; a figure whose sentence names no month is dated by its report.
   */
  private differentEvents(a: FactResult, b: FactResult): boolean {
    const said = (fact: FactResult) => readMonth(this.finder.evidenceOfFact(fact).sentences.map((s) => s.text).join(""))?.month;
    const [saidA, saidB] = [said(a), said(b)];
    if (saidA === undefined && saidB === undefined) return false;
    const published = (fact: FactResult) => (fact.date ? Number(fact.date.slice(5, 7)) : undefined);
    const monthA = saidA ?? published(a);
    const monthB = saidB ?? published(b);
    return monthA !== undefined && monthB !== undefined && monthA !== monthB;
  }

  /**
   * 「税收和实际使用外资」「二产、三产增加值分别多少」: several measures asked at once, each found on its own (with
   * the question's zone, year and period). A measure and its rate (「进出口额和增速」) is one measure's pair, not two.
   */
  private metricPieces(frame: QuestionFrame): string[] {
    if (frame.type !== "numeric" && frame.type !== "describe") return [];
    const pieces = frame.metricText.split(/[和与及、]/).map((piece) => piece.trim());
    if (pieces.length < 2 || pieces.some((piece) => piece.length < 2)) return [];
    if (pieces.slice(1).some((piece) => this.lexicon.words.rateCues.some((cue) => piece.startsWith(cue)))) return [];
    return pieces;
  }

  /** A part of a multi-part question, with the whole question's zone, year and kind. */
  private partFrame(frame: QuestionFrame, part: string, own: QuestionFrame = this.read(part)): QuestionFrame {
    return {
      ...frame,
      type: own.type === "describe" ? frame.type : own.type,
      terms: own.terms.length ? own.terms : frame.terms,
      metricText: own.terms.length ? own.metricText : frame.metricText,
      // A part that names its own measure asks its own kind of quantity (「累计开工多少重大项目？总投资多少」: a count, then money).
      unitFamily: own.terms.length ? own.unitFamily : frame.unitFamily,
      explicitFamily: own.explicitFamily,
      events: own.events,
    };
  }

  /**
   * Each asked part's frame, its time its own: a part that names a year, period, month or kind asks that
   * (「全年外贸目标多少？一季度完成了多少」: the year's target, then the first quarter's result); one that names none
   * asks the part before's; the first the question's, unless that came from a later part's own words.
   */
  private partFrames(frame: QuestionFrame, parts: string[]): QuestionFrame[] {
    const owns = parts.map((part) => this.read(part));
    const keys = ["year", "period", "month", "kind"] as const;
    let previous: QuestionFrame | undefined;
    return parts.map((part, i) => {
      const own = owns[i]!;
      const time: Pick<QuestionFrame, (typeof keys)[number]> = {};
      // 「全年目标多少？上半年干了多少」: a part at a time of its own asks afresh — the goal asked before is not its kind.
      const newTime = previous !== undefined && own.period !== undefined && own.period !== previous.period;
      // 「2030年要到多少家？现在多少」: a later part about the present asks the latest result, not the time before.
      const now = previous !== undefined && own.year === undefined && this.lexicon.words.nowWords.some((word) => part.includes(word));
      if (now) {
        const { year: _y, period: _p, month: _m, kind: _k, ...rest } = this.partFrame(frame, part, own);
        previous = { ...rest, years: [], kind: "actual" };
        return previous;
      }
      for (const key of keys) {
        const fromLater = owns.slice(i + 1).some((later) => later[key] !== undefined && later[key] === frame[key]);
        const inherited = key === "kind" && newTime ? undefined : previous ? previous[key] : fromLater ? undefined : frame[key];
        const value = own[key] ?? inherited;
        if (value !== undefined) Object.assign(time, { [key]: value });
      }
      const { year: _year, period: _period, month: _month, kind: _kind, ...rest } = this.partFrame(frame, part, own);
      // 「…奖多少？省级的呢」: a part ending in 呢 asks the same kind of quantity as the part before, of its own words.
      const echo = previous && own.unitFamily === undefined && ECHO_PART.test(part) ? { unitFamily: previous.unitFamily, explicitFamily: previous.explicitFamily } : {};
      // 「城镇居民人均可支配收入多少？农村的呢」: the measure before, its restriction swapped.
      const swapped = previous && ECHO_PART.test(part) ? echoedMeasure(previous.metricText, own.metricText) : undefined;
      const measure = swapped ? { metricText: swapped, terms: this.read(swapped).terms } : {};
      previous = { ...rest, ...echo, ...measure, ...time };
      return previous;
    });
  }

  private head(frame: QuestionFrame, evidence: Evidence): string {
    const sentence = evidence.score.sentence;
    const label = scopeLabel(frame.zones[0] ?? sentence.zones[0], frame.year ?? sentence.years[0]);
    return label ? `${label}：` : "";
  }

  /** 「福建万达光电项目的总投资」 when the source only gives the total of 「A、B、C等4个项目」. */
  private aggregateMismatch(frame: QuestionFrame, evidence: Evidence): Answer | undefined {
    if (frame.aggregate || frame.type !== "numeric") return undefined;
    const text = evidence.sentences.map((s) => s.text).join("");
    for (const match of text.matchAll(/([^，。；：]*?)等(\d+|[一二三四五六七八九十两]+)(个|家|项|批)([^，。；]{0,8})/g)) {
      // 「集中开工A项目、B项目等33个项目」: the verb before the list is not part of its first item.
      const items = match[1]!.replace(/^.*的/, "").split(/、|和|及/).map((s, i) => (i === 0 ? splitLeadVerb(s.trim()).rest : s.trim())).filter((s) => s.length >= 2);
      if (items.length < 2 && !frame.solo) continue;
      const named = uniqueBest(items, (item) => frame.terms.filter((t) => !/项目|企业|公司/.test(t) && item.includes(t)).length);
      if (!named) continue;
      if (!frame.solo && frame.unitFamily !== "money") continue;
      const citation = this.finder.cite(evidence);
      return this.decline(frame, fill("declineAggregate", {
        entity: named, metric: frame.terms.find((t) => !named.includes(t) && !/项目/.test(t)) ?? "数字",
        group: `${match[2]}${match[3]}${match[4]!.replace(/[于在].*$/, "")}`, quote: citation.quote, title: citation.title, date: dateLabel(citation.date),
      }), [citation]);
    }
    return undefined;
  }

  // ---- comparisons ----

  private async compare(frame: QuestionFrame): Promise<Answer> {
    // 「谁总产值最高？谁增速最快？」: each asked comparison on its own measure, answered in turn.
    const parts = subQuestions(frame.question);
    if (parts.length >= 2 && parts.every((part) => comparativeWord(part))) {
      // 「…谁总产值最高？谁增速最快？」: a part asking only a rate asks it of the measure before (总产值的增速).
      let previous: QuestionFrame | undefined;
      const partFrames = this.partFrames(frame, parts);
      const frames = parts.map((part, i) => {
        const own = { ...partFrames[i]!, question: part };
        const onlyRate = own.terms.length > 0 && own.terms.every((term) => this.lexicon.words.rateCues.includes(term));
        const next = onlyRate && previous ? { ...own, terms: [...previous.terms, ...own.terms], metricText: `${previous.metricText}${own.metricText}` } : own;
        previous = next;
        return next;
      });
      const answers = await Promise.all(frames.map((part) => this.compareOne(part)));
      const made = answers.filter((answer) => answer.found);
      if (made.length === 0) return answers[0]!;
      const text = made.map((answer) => answer.answer.split("\n")[0]).join("\n");
      const citations = dedupeCitations(made.flatMap((answer) => answer.citations));
      const missing = parts.length - made.length;
      const answer = this.found(frame, `${text}${missing ? fill("partMissing", { count: smallNumber(missing) }) : ""}\n${citations.map(quoteLine).join("\n")}`, citations, uniqueFacts(made.flatMap((a) => a.facts)), "facts");
      return this.halfAnswered(frame, answer, missing);
    }
    return this.compareOne(frame);
  }

  private async compareOne(frame: QuestionFrame): Promise<Answer> {
    const tableRows = this.zoneFiguresFromTable(frame) ?? this.measureFiguresFromTable(frame) ?? (await this.entityFigures(frame));
    // 「A24年春季集中开工的总投资，和B25年一季度集中签约的总投资比，哪个多」: each side its own clause, year and event.
    const rows = tableRows.length >= 2 ? tableRows : ((await this.clauseFigures(frame)) ?? tableRows);
    // No figure per side: one passage may still say it (「杭州经开区排名全国第6位，…萧山经开区紧随其后位列第7」) —
    // only a passage that names both sides, never one side's figure under the other's name.
    if (rows.length < 2) {
      const passage = await this.single(frame);
      const named = (text: string) => frame.zones.filter((zone) => this.corpus.gazetteer.mentions(text).some((m) => m.zone === zone)).length;
      const zoneSides = frame.zones.length >= 2;
      const gazetteer = this.corpus.gazetteer;
      // The zone an item opens with (「松岭高新区1—8月规上工业总产值」), or its own name's type (科技城新区).
      const zoneOf = (item: string) => gazetteer.mentions(item).find((m) => m.start === 0)?.zone ?? (gazetteer.typeOf(item) !== undefined ? item : undefined);
      // Sides are places when a later item opens with one (「科创城和松岭高新区…」); 「金普新区前10月工业投资和固投」
      // compares two measures of the zone the first item opens with.
      const zonesOfItems = frame.items.map(zoneOf);
      const placed = zonesOfItems.slice(1).some((zone) => zone !== undefined) ? zonesOfItems.filter((zone): zone is string => zone !== undefined) : [];
      // (Each side placed by a zone must be named in the passage — by name, or by a generic word for it: one side's
      // figure is no comparison.)
      const namesPlaces = (text: string) => {
        const named = gazetteer.mentions(text);
        // A generic word of the zone's own type stands for it (「1—10月新区固定资产投资…」 of 金普新区), the named zones aside.
        const bare = named.reduce((rest, m) => rest.slice(0, m.start) + " ".repeat(m.end - m.start) + rest.slice(m.end), text);
        return placed.every((zone) => text.includes(zone) || named.some((m) => m.zone === zone) || gazetteer.typeWordsOf(zone).some((word) => bare.includes(word)));
      };
      if (passage.found && (!zoneSides || passage.citations.some((c) => named(c.quote) >= 2)) && (frame.items.length < 2 || passage.citations.some((c) => namesPlaces(c.quote)))) return passage;
      return this.decline(frame, fill("declineGeneric", { scope: scopeLabel(undefined, frame.year), topic: frame.terms.join("、") }));
    }
    return this.rankRows(frame, rows);
  }

  /**
   * 「哪个行业增速最高」: statistics reports list items one clause each on one measure (分行业看，A增长8.8%；B增长
   * 22.1%；…). The passage that answers is found as usual; the facts of its paragraph on the same measure (the
   * same wording at the end, the same unit) are the items, ranked like a comparison.
   */
  private async topOfList(frame: QuestionFrame): Promise<Answer | undefined> {
    const ranked = await this.finder.rank(frame);
    const project = this.topProject(frame, ranked);
    if (project) return project;
    for (const candidate of ranked.slice(0, TOP_CANDIDATES)) {
      // The list's own shape (several items on one measure) confirms the passage: its words may match loosely.
      if (!candidate.zoneOk || !candidate.yearOk || candidate.coverage < foundCoverage() * LIST_COVERAGE_SHARE) continue;
      const anchor = this.finder.pickFacts(frame, this.finder.evidenceOf(candidate))[0];
      if (!anchor || anchor.metric.length <= MEASURE_TAIL) continue;
      const tail = anchor.metric.slice(-MEASURE_TAIL);
      // (Items of one list are of one year and kind: an indicator table's 2025年/2026年/目标 rows are no list.)
      // An item is named in its metric (「A项目总投资」) or, a table's row, by the project its row opens with.
      const entityOf = (fact: FactResult) => (fact.metric.length > tail.length ? itemName(fact, tail) : projectOfFigure(fact.evidence, fact.raw, this.lexicon));
      const sameMeasure = (fact: FactResult) => fact.unit === anchor.unit && fact.metric.endsWith(tail) && entityOf(fact) !== undefined && fact.year === anchor.year && fact.kind === anchor.kind;
      const article = this.bank.ofArticle(candidate.sentence.articleId);
      const read = new Map<number, FactResult[]>();
      const factsOf = (paragraph: number): FactResult[] => {
        let found = read.get(paragraph);
        if (!found) {
          const sentences = article.filter((s) => s.paragraph === paragraph);
          found = sentences.length > 0 ? this.finder.factsIn({ score: candidate, sentences }).filter(sameMeasure) : [];
          read.set(paragraph, found);
        }
        return found;
      };
      let items = factsOf(candidate.sentence.paragraph);
      // Items one paragraph each (a table's rows, 「田心高科园：…增长12.1%」 lines): the list runs over the paragraphs
      // next to it that give the same measure, one item each.
      if (items.length === 1) {
        for (let p = candidate.sentence.paragraph - 1; factsOf(p).length === 1; p--) items = [...factsOf(p), ...items];
        for (let p = candidate.sentence.paragraph + 1; factsOf(p).length === 1; p++) items = [...items, ...factsOf(p)];
      }
      if (items.length < MIN_LISTED_ITEMS) continue;
      // The zone's own total (「开发区规模以上工业增加值同比增长6.1%」) heads the list; it is not one of its items.
      const rows = items
        .map((fact) => ({ entity: entityOf(fact)!, fact, evidence: this.finder.evidenceOfFact(fact) }))
        .filter((row) => this.corpus.gazetteer.mentions(row.entity, { includeWeak: true, home: row.fact.zone }).length === 0);
      if (rows.length < MIN_LISTED_ITEMS || new Set(rows.map((row) => row.entity)).size < rows.length) continue;
      return this.rankRows(frame, rows, superlativeWord(frame.question));
    }
    return undefined;
  }

  /**
   * 「这批签约里哪个项目投资最大」: the projects the best passage's article names with a figure of the asked measure —
   * in its sentences or its table's rows, wherever they stand — ranked.
   */
  private topProject(frame: QuestionFrame, ranked: SentenceScore[]): Answer | undefined {
    if (!this.lexicon.words.projectListNouns.some((noun) => frame.question.includes(noun))) return undefined;
    const best = ranked.slice(0, TOP_CANDIDATES).find((candidate) => candidate.zoneOk && candidate.yearOk && candidate.coverage >= foundCoverage());
    if (!best) return undefined;
    // A project's size is its investment (「最大的项目」), unless the question asks another amount the passage gives.
    const asked = this.finder.pickFacts(frame, this.finder.evidenceOf(best)).find((fact) => fact.kind !== "ranking" && this.finder.familyOf(fact) !== "count");
    const fits = (fact: FactResult) => (asked ? fact.unit === asked.unit && fact.kind === asked.kind && fact.metric.endsWith(asked.metric.slice(-MEASURE_TAIL)) : fact.kind === "investment");
    const named = new Map<string, FactResult>();
    for (const fact of this.corpus.store.facts({ articleIds: [best.sentence.articleId] }).map((f) => this.tools.toResult(f))) {
      if (!fits(fact) || (frame.year !== undefined && fact.year !== frame.year)) continue;
      const name = projectOfFigure(fact.evidence, fact.raw, this.lexicon);
      if (name && !named.has(name)) named.set(name, fact);
    }
    if (named.size < MIN_LISTED_ITEMS) return undefined;
    const rows = [...named].map(([entity, fact]) => ({ entity, fact, evidence: this.finder.evidenceOfFact(fact) }));
    return this.rankRows(frame, rows, superlativeWord(frame.question));
  }

  /**
   * Two zones compared each in its own clause (split at 和/与/跟/同 so that each side names one of them): each
   * side is asked as a figure question of its own — its year, period, event and measure — and answered as one.
   */
  private async clauseFigures(frame: QuestionFrame): Promise<Row[] | undefined> {
    if (frame.zones.length !== 2) return undefined;
    const question = frame.question;
    for (const join of question.matchAll(/[，,]?(?:和|与|跟|同)/gu)) {
      const left = question.slice(0, join.index);
      const rest = question.slice(join.index + join[0].length);
      // 「A第三批开工和B一季度集中签约，总投资各多少」: a shared tail that names the measure goes with both sides.
      const comma = Math.max(rest.lastIndexOf("，"), rest.lastIndexOf(","));
      const tail = comma >= 0 ? rest.slice(comma + 1) : "";
      const shared = tail.replace(/[？?]/gu, "").replace(/(?:各|分别)?(?:是)?多少|(?:哪个|谁|哪边)[^，,]*|相比|比/gu, "").length >= 2;
      const right = shared ? rest.slice(0, comma) : rest.replace(/[，,]?(?:相比|比)?[，,]?(?:哪个|谁|哪边)[^，,]*$/u, "");
      const sides = shared ? [this.read(`${left}，${tail}`), this.read(`${right}，${tail}`)] : [this.read(`${left}是多少`), this.read(`${right}是多少`)];
      if (sides[0]!.zones.length !== 1 || sides[1]!.zones.length !== 1 || sides[0]!.zones[0] === sides[1]!.zones[0]) continue;
      const rows: Row[] = [];
      for (const [i, side] of sides.entries()) {
        const answer = await this.single({ ...side, type: "numeric", followUp: false });
        const fact = answer.found ? answer.facts[0] : undefined;
        if (!fact) return undefined;
        rows.push({ entity: this.askedName(frame, side.zones[0]!) || [left, right][i]!, fact, evidence: this.finder.evidenceOfFact(fact) });
      }
      return rows[0]!.fact.unit === rows[1]!.fact.unit ? rows : undefined;
    }
    return undefined;
  }

  /** Zones compared on a metric the synonym table knows: each zone's figure from the fact table. */
  private zoneFiguresFromTable(frame: QuestionFrame): Row[] | undefined {
    const zones = frame.zones.length >= 2 ? frame.zones : frame.groupZones;
    if (zones.length < 2) return undefined;
    const rows: Row[] = [];
    for (const zone of zones) {
      const query = this.lookup.query({ ...frame, zones: [zone] });
      if (!query) return undefined;
      const outcome = this.lookup.find(query);
      if (outcome.status === "found") rows.push({ entity: this.askedName(frame, zone), fact: outcome.fact, evidence: this.finder.evidenceOfFact(outcome.fact) });
      // 「南通、徐州、扬州…谁最快」: zones the asker names are each a side; ranking two of three would crown the wrong one.
      else if (frame.zones.length >= 2) return undefined;
    }
    return rows.length >= 2 ? rows : undefined;
  }

  /** 「GDP增速和规上工业增加值增速哪个高」: one zone's two measures, each its figure from the fact table, named as asked. */
  private measureFiguresFromTable(frame: QuestionFrame): Row[] | undefined {
    if (frame.zones.length !== 1) return undefined;
    const sides = measureSides(frame, "", (text) => this.read(text));
    if (!sides) return undefined;
    const rows: Row[] = [];
    for (const side of sides) {
      const query = this.lookup.query(side.frame, side.text, side.frame.metricText);
      const outcome = query && this.lookup.find(query);
      if (outcome?.status !== "found") return undefined;
      rows.push({ entity: side.frame.metricText, fact: outcome.fact, evidence: this.finder.evidenceOfFact(outcome.fact) });
    }
    // Two sides answered by one figure are one measure asked twice, not a comparison.
    return rows[0]!.fact.factId === rows[1]!.fact.factId ? undefined : rows;
  }

  /** The name the asker used for a zone (西海岸综保区), so the answer speaks their words. */
  private askedName(frame: QuestionFrame, zone: string): string {
    return this.corpus.gazetteer.mentions(frame.question, { includeWeak: true }).find((m) => m.zone === zone)?.alias ?? zone;
  }

  private async entityFigures(frame: QuestionFrame): Promise<Row[]> {
    const entities = frame.items.length >= 2 ? frame.items : frame.groupZones;
    const metricTerms = frame.terms.filter((term) => !entities.some((entity) => entity.includes(term)));
    const rows: Row[] = [];
    for (const entity of entities) {
      const row = await this.entityFigure(frame, entity, metricTerms, frame.items.length === 0);
      // One figure is never both sides of a comparison: a side that found only another side's figure found nothing.
      if (row && !rows.some((other) => sameFigure(other.fact, row.fact))) rows.push(row);
    }
    return rows;
  }

  private rankRows(frame: QuestionFrame, rows: Row[], winnerWord?: string): Answer {
    // Only figures in the same unit can be ranked; the largest such set is, the rest are listed.
    const ranked = largestGroup(rows, (row) => row.fact.unit);
    const others = rows.filter((row) => !ranked.includes(row));
    const citations = rows.map((row) => this.finder.cite(row.evidence));
    const facts = rows.map((r) => r.fact);
    const sources = citations.map(quoteLine).join("\n");
    if (ranked.length < 2) return this.found(frame, `${fill("compareUnclear", { rows: rowText(rows) })}\n${sources}`, citations, facts, "facts");
    const fewer = /[更最](少|小|低)|(?:谁|哪个|哪家|哪一个|哪次)[^，。？?]{0,10}?(少|小|低)/.test(frame.question);
    const sorted = [...ranked].sort((a, b) => (fewer ? a.fact.value - b.fact.value : b.fact.value - a.fact.value));
    const comparative = winnerWord ?? comparativeWord(frame.question) ?? (fewer ? "更少" : "更多");
    // Equal figures have no winner (「哪个多」 with 1.2万家 on both sides: 一样).
    const tied = sorted.filter((row) => row.fact.value === sorted[0]!.fact.value);
    let text = tied.length >= 2
      ? fill("compareTie", { winners: tied.map((row) => row.entity).join("和"), rows: rowText(sorted) })
      : fill("compareWinner", { winner: sorted[0]!.entity, comparative, rows: rowText(sorted) });
    // Two figures in one unit: by how much (「松山湖多，多99.4亿元」), computed from the quoted figures.
    const margin = tied.length < 2 && sorted.length === 2 ? difference(sorted[0]!.fact, sorted[1]!.fact) : undefined;
    if (margin) {
      const direction = fill(margin.unit === "个百分点" ? (fewer ? "gapLower" : "gapHigher") : fewer ? "gapLess" : "gapMore", {});
      text += fill("compareMargin", { winner: sorted[0]!.entity, other: sorted[1]!.entity, direction, amount: `${margin.amount}${margin.unit}` });
    }
    if (others.length) text += fill("compareOthers", { rows: rowText(others) });
    const answer = this.found(frame, `${text}\n${sources}`, citations, facts, "facts");
    if (margin) answer.derived.push(String(margin.amount));
    return answer;
  }

  /** The figure one side of a comparison gives: sentence and fact fit weighed together over the top candidates. */
  private async entityFigure(frame: QuestionFrame, entity: string, metricTerms: string[], entityIsZone: boolean): Promise<Row | undefined> {
    const entityZones = entityIsZone ? [entity] : this.corpus.gazetteer.mentions(entity, { includeWeak: true }).map((m) => m.zone);
    const entityTerms = frame.terms.filter((term) => entity.includes(term));
    const terms = [...new Set([...entityTerms, ...metricTerms])];
    const metricFrame = { ...frame, terms: metricTerms.length ? metricTerms : terms };
    const ranked = await this.finder.rank({ ...frame, zones: entityZones }, terms, entityZones, entity);
    let best: (Row & { fit: number }) | undefined;
    for (const candidate of ranked.slice(0, 6)) {
      if (!candidate.zoneOk || !candidate.yearOk || !candidate.periodOk || !candidate.monthOk || candidate.coverage < 0.35) continue;
      // The sentence must be about this entity; the metric may be carried by the unit (面积 → 平方米).
      const about = entityTerms.length === 0 || scoreSentence(frame, candidate.sentence, this.finder.scoring, entityTerms).coverage >= foundCoverage();
      if (!about) continue;
      const evidence = this.finder.evidenceOf(candidate);
      const fact = this.finder.pickFacts(metricFrame, evidence, 1)[0];
      if (!fact || (frame.kind && !kindAgrees(frame.kind, fact.kind))) continue;
      const fit = candidate.score + this.finder.factScore(metricFrame, fact, metricFrame.terms);
      if (!best || fit > best.fit) best = { entity: entityIsZone ? entity : cleanEntity(entity), fact, evidence, fit };
    }
    return best;
  }

  // ---- one answer per year named ----

  /** 「青岛开发区2022年和2021年的新签约项目分别是多少」: each year answered on its own, then put together. */
  private async perYear(frame: QuestionFrame): Promise<Answer> {
    const answers: Answer[] = [];
    // 「21、22、23年的外贸进出口额都列一下」: years and a measure the table knows ask its figures, however phrased.
    const type = frame.type !== "numeric" && namesKnownMetric(frame.metricText) ? "numeric" : frame.type;
    for (const year of frame.years) answers.push(await this.single({ ...frame, type, year, years: [year], kind: frame.yearKinds ? frame.yearKinds[year] : frame.kind }));
    const found = answers.filter((a) => a.found);
    if (found.length === 0) return this.declineWithNearMiss(frame, []);
    const text = answers.map((a) => a.answer).join("\n");
    const answer = this.found(frame, text, dedupeCitations(answers.flatMap((a) => a.citations)), found.flatMap((a) => a.facts), "facts");
    return this.halfAnswered(frame, answer, answers.length - found.length, true);
  }

  // ---- a zone's figures in general ----

  /** The zone's facts from the fact table, targets first when the question asks for targets, each cited. */
  private overview(frame: QuestionFrame): Answer {
    const zone = frame.zones[0]!;
    const kinds = frame.kind === "actual" ? ["actual"] : frame.kind === "target" ? ["target", "plan"] : undefined;
    const all = this.corpus.store
      .facts({ zones: [zone], year: frame.year })
      .filter((fact) => !kinds || kinds.includes(fact.kind))
      .filter((fact) => fact.kind !== "ranking" && fact.metric.length >= 2);
    // 「今年上半年的情况」: the asked part of the year, when the table has it.
    const inPeriod = frame.period && frame.period !== "Y" ? all.filter((fact) => fact.periodKey === frame.period) : [];
    // One row per figure: a table row and its prose (「海铁联运箱量12.8万标箱」 twice), or one figure read twice
    // (新引进物流、供应链企业35家), is said once.
    const seen = new Set<string>();
    const pool = inPeriod.length > 0 ? inPeriod : all;
    // A rate of growth goes with its amount's row (「海铁联运箱量：12.8万标箱（增长17.4%）」), not on a row of its own.
    const growthOf = new Map<string, (typeof pool)[number]>();
    const amountsOf = new Map<string, typeof pool>();
    for (const fact of pool) if (fact.unit !== "%") amountsOf.set(fact.articleId, [...(amountsOf.get(fact.articleId) ?? []), fact]);
    for (const fact of pool) {
      if (fact.unit !== "%") continue;
      const amount = (amountsOf.get(fact.articleId) ?? []).find((other) => fact.metric.length > other.metric.length && fact.metric.startsWith(other.metric) && GROWTH_TAIL.test(fact.metric.slice(other.metric.length)));
      if (amount && !growthOf.has(amount.id)) growthOf.set(amount.id, fact);
    }
    const folded = new Set([...growthOf.values()].map((fact) => fact.id));
    for (const fact of growthOf.values()) seen.add(`${fact.metric}|${fact.raw}`);
    const facts = pool
      .filter((fact) => !folded.has(fact.id))
      .filter((fact) => {
        const key = `${fact.articleId}|${fact.raw}`;
        const metricKey = `${fact.metric}|${fact.raw}`;
        if (seen.has(key) || seen.has(metricKey)) return false;
        seen.add(key);
        seen.add(metricKey);
        return true;
      })
      .slice(0, OVERVIEW_ROWS)
      .map((fact) => this.finder.toResult(fact));
    if (facts.length === 0) return this.decline(frame, fill("declineGeneric", { scope: scopeLabel(zone, frame.year), topic: frame.question.includes("目标") ? "目标" : "指标" }));
    const rows = facts.map((fact) => {
      const source = this.finder.source(fact.articleId);
      const growth = growthOf.get(fact.factId);
      const how = growth ? (GROWTH_TAIL.exec(growth.metric.slice(fact.metric.length))?.[0] ?? "") : "";
      const quantity = growth ? `${quantityText(fact)}${fill("overviewGrowth", { how, rate: growth.raw })}` : quantityText(fact);
      return fill("overviewRow", { metric: fact.metric, quantity, kindLabel: kindLabel(fact.kind), title: source.title, date: dateLabel(source.date) });
    });
    // (A folded rate is quoted with its amount: its sentence holds both.)
    const citations = facts.map((fact) => {
      const growth = growthOf.get(fact.factId);
      const quote = !growth ? fact.evidence : growth.evidence.includes(fact.raw) ? growth.evidence : `${fact.evidence} … ${growth.evidence}`;
      return { ...this.finder.source(fact.articleId), quote };
    });
    const text = fill("overview", { head: `${scopeLabel(zone, frame.year)}：`, kind: kinds?.includes("target") ? "目标" : "", rows: rows.join("\n") });
    return this.found(frame, text, dedupeCitations(citations), facts, "facts");
  }

  // ---- how far from a target ----

  /** Target and the actual so far for one metric, zone and year, and the gap between them. */
  private async remaining(frame: QuestionFrame): Promise<Answer | undefined> {
    const ranked = await this.finder.rank(frame);
    const pick = (kind: "target" | "actual") => {
      for (const candidate of ranked.slice(0, 8)) {
        if (candidate.coverage < foundCoverage() * 0.8 || !candidate.zoneOk || !candidate.yearOk) continue;
        const evidence = this.finder.evidenceOf(candidate);
        // The asked period is the one still to go (下半年): the target is the year's, the result the part done.
        // (The candidate sentence already agrees with the asked year; the parts of it differ on purpose.)
        const fact = this.finder.pickFacts({ ...frame, kind, period: undefined, year: undefined }, evidence, 1).find((f) => kindAgrees(kind, f.kind));
        if (fact) return { fact, evidence };
      }
      return undefined;
    };
    const target = pick("target");
    const actual = pick("actual");
    if (!target || !actual || target.fact.unit !== actual.fact.unit || target.fact.value <= actual.fact.value) return undefined;
    const scale = writtenScale(target.fact);
    const gap = formatNumber((target.fact.value - actual.fact.value) / scale);
    const evidences = uniqueEvidence([target.evidence, actual.evidence]);
    const citations = evidences.map((e) => this.finder.cite(e));
    const text = `${fill("remaining", {
      head: this.head(frame, target.evidence), target: quantityText(target.fact), actual: quantityText(actual.fact), gap: `${gap}${writtenUnit(target.fact)}`,
    })}\n${citations.map(quoteLine).join("\n")}`;
    const answer = this.found(frame, text, citations, [target.fact, actual.fact], "facts");
    answer.derived.push(gap);
    return answer;
  }

  // ---- items over a threshold ----

  /**
   * 「这批开工的项目里20亿以上的有哪些」: the projects of the passage the question is about whose figure reaches the
   * threshold, each by the name its sentence gives it, with that figure and sentence.
   */
  private async thresholdList(frame: QuestionFrame): Promise<Answer | undefined> {
    // 「这次开工的重点项目有哪些」: every project the event's report names with its investment, from none up.
    const asksProjects = this.asksForProjects(frame.question);
    const threshold = readThreshold(frame.question, this.lexicon) ?? (asksProjects ? { value: 0, unit: "", said: "", measure: "" } : undefined);
    if (!threshold) return undefined;
    const ranked = await this.finder.rank(frame);
    const about = ranked.slice(0, THRESHOLD_WINDOW).find((c) => c.zoneOk && c.yearOk && c.monthOk && c.eventsOk && c.periodOk);
    if (!about) return undefined;
    const unit = threshold.unit || "元";
    // 「年产值20亿以上的」 names its measure; without one a project's size is its investment.
    const named = namesKnownMetric(threshold.measure) && metricFit(threshold.measure, "总投资") < metricFitMin();
    const measured = (fact: FactResult) => (named ? metricFit(threshold.measure, fact.metric) >= metricFitMin() : fact.kind === "investment");
    const items = new Map<string, { fact: FactResult; evidence: Evidence }>();
    for (const stored of this.corpus.store.facts({ articleIds: [about.sentence.articleId] })) {
      const fact = this.finder.toResult(stored);
      if (fact.unit !== unit || fact.value < threshold.value || !measured(fact)) continue;
      const evidence = this.finder.evidenceOfFact(fact);
      const name = projectOfFigure(evidence.sentences.map((s) => s.text).join(""), fact.raw, this.lexicon);
      if (name && !items.has(name)) items.set(name, { fact, evidence });
    }
    // Without a threshold, a list is what the report lists: two projects at least, as many as the question counts
    // (「那4个光电项目」 named in a 、-list without figures are not these), each with its own figure (one project named twice is one).
    if (threshold.said === "") {
      const values = new Set([...items.values()].map((item) => item.fact.value));
      const counted = readCount(frame.question);
      if (values.size < 2 || values.size !== items.size || (counted !== undefined && counted !== items.size)) return undefined;
    }
    if (items.size === 0) return undefined;
    const rows = [...items].sort((a, b) => b[1].fact.value - a[1].fact.value);
    const citations = uniqueEvidence(rows.map(([, item]) => item.evidence)).map((e) => this.finder.cite(e));
    const text = `${fill(threshold.said === "" ? "projectList" : "thresholdList", {
      head: this.head(frame, this.finder.evidenceOf(about)), threshold: threshold.said, count: rows.length,
      items: rows.map(([name, item]) => fill("thresholdItem", { name, quantity: quantityText(item.fact) })).join("；"),
    })}\n${citations.map(quoteLine).join("\n")}`;
    const answer = this.found(frame, text, citations, rows.map(([, item]) => item.fact), "facts");
    // The threshold is the question's number and the count the brain's, not claims of the sources.
    answer.derived.push(...(threshold.said.match(/\d+(?:\.\d+)?/gu) ?? []), String(rows.length));
    return answer;
  }

  // ---- the year of a figure the question states ----

  /**
   * 「中新食品区规上食品企业68户，这是哪年的数」: a when-question that states a figure of a zone asks the year of that
   * figure — the one year the zone's table files it under, its measure among the question's words.
   */
  private yearOfStatedFigure(frame: QuestionFrame): Answer | undefined {
    if (frame.type !== "when" || frame.zones.length === 0) return undefined;
    const named = (fact: Fact) => frame.terms.some((term) => term.length >= 2 && `${fact.subject}${fact.metric}`.includes(term));
    const stated = this.corpus.store
      .facts({ zones: frame.zones })
      .filter((fact) => fact.year !== null && /[0-9０-９]/u.test(fact.raw) && frame.question.includes(fact.raw) && named(fact));
    const years = [...new Set(stated.map((fact) => fact.year!))];
    if (years.length !== 1) return undefined;
    const fact = this.finder.toResult(stated[0]!);
    const citation = this.finder.cite(this.finder.evidenceOfFact(fact));
    const text = `${fill("statedFigureYear", { head: `${scopeLabel(frame.zones[0], undefined)}：`, figure: fact.raw, metric: fact.metric, year: String(years[0]) })}\n${quoteLine(citation)}`;
    const answer = this.found(frame, text, [citation], [fact], "facts");
    answer.derived.push(String(years[0]));
    return answer;
  }

  // ---- how far apart two figures are ----

  /** 「…24年比23年多了多少」: both figures from the fact table, each under its own year, kind and measure, and their difference. */
  private async gap(frame: QuestionFrame): Promise<Answer | undefined> {
    const sides = gapSides(frame, this.lexicon, (text) => this.read(text), (side) => this.lookup.query(side, side.question, side.metricText)?.year);
    if (!sides) return undefined;
    const facts = await Promise.all(sides.map(async ({ text, frame: side }) => {
      const query = this.lookup.query(side, text, side.metricText);
      const found = query && this.lookup.find(query);
      if (found?.status === "found") return found.fact;
      // A side the table does not hold (a table row 「2025年上半年 固定资产投资 15.2亿元」) is read from the passages,
      // under the same agreement rules as any figure — unless the table holds that measure and says it is missing.
      if (found?.status === "missing") return undefined;
      const sideFrame = { ...side, type: "numeric" as const, question: text };
      return this.finder.locate(sideFrame, await this.finder.rank(sideFrame))?.facts[0];
    }));
    const [first, second] = facts;
    if (!first || !second || first.factId === second.factId) return undefined;
    const gap = difference(first, second);
    if (!gap) return undefined;
    const byYear = sides[0].frame.year !== sides[1].frame.year;
    const label = (fact: FactResult, side: QuestionFrame) => (byYear ? `${side.year}年${side.kind === "target" ? fill("gapTarget", {}) : ""}` : fact.metric);
    const said = (fact: FactResult, side: QuestionFrame) => `${byYear ? `${side.year}年` : ""}${statement(fact)}`;
    const citations = uniqueEvidence([first, second].map((fact) => this.finder.evidenceOfFact(fact))).map((e) => this.finder.cite(e));
    const percent = gap.unit === "个百分点";
    const direction = fill(percent ? (gap.more ? "gapHigher" : "gapLower") : gap.more ? "gapMore" : "gapLess", {});
    const amount = String(gap.amount);
    const scope = scopeLabel(frame.zones[0], byYear ? undefined : frame.year);
    const text = `${fill("gap", {
      head: scope ? `${scope}：` : "",
      first: said(first, sides[0].frame), second: said(second, sides[1].frame),
      firstLabel: label(first, sides[0].frame), secondLabel: label(second, sides[1].frame), direction, amount: `${amount}${gap.unit}`,
    })}\n${citations.map(quoteLine).join("\n")}`;
    const answer = this.found(frame, text, citations, [first, second], "facts");
    answer.derived.push(amount);
    return answer;
  }

  // ---- sums ----

  /** 「续建、新开工、竣工投产的项目加起来一共多少个」: one passage naming every item, their figures added. */
  private async sum(frame: QuestionFrame): Promise<Answer | undefined> {
    const terms = [...new Set([...frame.items, ...frame.terms.filter((t) => !frame.items.some((item) => item.includes(t)))])];
    const ranked = await this.finder.rank(frame, terms);
    for (const candidate of ranked.slice(0, 5)) {
      if (candidate.coverage < foundCoverage() * 0.8 || !candidate.zoneOk || !candidate.yearOk || !candidate.periodOk || !candidate.monthOk) continue;
      const evidence = this.finder.evidenceOf(candidate);
      const parts = this.itemFacts(frame, evidence);
      if (!parts) continue;
      const total = parts.reduce((acc, p) => acc + p.value, 0);
      const totalText = `${formatNumber(total / writtenScale(parts[0]!))}${writtenUnit(parts[0]!)}`;
      const citation = this.finder.cite(evidence);
      const text = `${fill("sum", { head: this.head(frame, evidence), parts: parts.map((p) => quantityText(p)).join(" + "), total: totalText })}\n${quoteLine(citation)}`;
      const answer = this.found(frame, text, [citation], parts, "facts");
      answer.derived.push(formatNumber(total / writtenScale(parts[0]!)));
      return answer;
    }
    return undefined;
  }

  /** 「上合示范区和胶东临空经济示范区的外贸进出口加起来」: each item's own figure, from wherever it is. */
  private async sumAcross(frame: QuestionFrame): Promise<Answer | undefined> {
    const metricTerms = frame.terms.filter((term) => !frame.items.some((item) => item.includes(term)));
    if (metricTerms.length === 0) return undefined;
    const rows: Row[] = [];
    for (const item of frame.items) {
      const isZone = this.corpus.gazetteer.canonical(item) !== undefined;
      const row = await this.entityFigure(frame, isZone ? this.corpus.gazetteer.canonical(item)! : item, metricTerms, isZone);
      if (!row) return undefined;
      rows.push(row);
    }
    if (!rows.every((row) => row.fact.unit === rows[0]!.fact.unit)) return undefined;
    const scale = writtenScale(rows[0]!.fact);
    const total = formatNumber(rows.reduce((acc, row) => acc + row.fact.value, 0) / scale);
    const citations = rows.map((row) => this.finder.cite(row.evidence));
    const parts = rows.map((row) => `${row.entity}${quantityText(row.fact)}`).join(" + ");
    const text = `${fill("sum", { head: frame.year ? `${frame.year}年：` : "", parts, total: `${total}${writtenUnit(rows[0]!.fact)}` })}\n${citations.map(quoteLine).join("\n")}`;
    const answer = this.found(frame, text, citations, rows.map((r) => r.fact), "facts");
    answer.derived.push(total);
    return answer;
  }

  /** One fact per item, all in one unit, or undefined. */
  private itemFacts(frame: QuestionFrame, evidence: Evidence): FactResult[] | undefined {
    let facts = this.finder.factsIn(evidence);
    const family = frame.explicitFamily ?? frame.unitFamily;
    if (family && facts.some((f) => this.finder.familyOf(f) === family)) facts = facts.filter((f) => this.finder.familyOf(f) === family);
    const parts: FactResult[] = [];
    for (const item of frame.items) {
      const match = facts
        .filter((fact) => !parts.includes(fact))
        .map((fact) => ({ fact, score: this.finder.factScore({ ...frame, kind: undefined }, fact, [item]) }))
        .sort((a, b) => b.score - a.score)[0];
      if (!match || match.score < 0.3) return undefined;
      parts.push(match.fact);
    }
    return parts.every((p) => p.unit === parts[0]!.unit) ? parts : undefined;
  }

  // ---- outcomes ----

  private found(frame: QuestionFrame, text: string, citations: Citation[], facts: FactResult[], mode: Answer["mode"]): Answer {
    return { question: frame.question, answer: text, found: true, citations, facts, brain: "offline", mode, frame, derived: [] };
  }

  /**
   * 「A和B…分别多少」: an answer whose figures and quotes speak of some named zones only is half an answer, not
   * given as the whole (what was found is shown for reference).
   */
  private eachZoneAnswered(frame: QuestionFrame, answer: Answer): Answer {
    if (!answer.found || !frame.zonesNamed || frame.zones.length < 2 || answer.facts.length === 0) return answer;
    const quoted = (zone: string) => answer.citations.some((c) => this.corpus.gazetteer.mentions(c.quote).some((m) => this.corpus.gazetteer.isWithin(m.zone, zone)));
    // Only zones the question names by a zone's name count (a place read into other words is a guess).
    const named = new Set(this.corpus.gazetteer.mentions(frame.question).map((m) => m.zone));
    if (frame.zones.filter((zone) => named.has(zone)).length < 2) return answer;
    const unanswered = frame.zones.filter((zone) => named.has(zone) && !answer.facts.some((fact) => fact.zone !== null && this.corpus.gazetteer.isWithin(fact.zone, zone)) && !quoted(zone));
    if (unanswered.length === 0) return answer;
    return this.decline(frame, `${fill("sideMissing", { zones: unanswered.join("、") })}${answer.answer}`, answer.citations);
  }

  /**
   * Half an answer (a part of the question without its figure) stands only when the reader may find the missing
   * part in what is shown: a quote, headline or nearest match with a figure the answer does not state
   * (「新引进外贸企业11家」 beside the total asked). When what is shown holds no other figure, the half is declined,
   * what was found shown for reference — a part stated as if it were the whole answer misleads as a wrong figure does.
   */
  private halfAnswered(frame: QuestionFrame, answer: Answer, missing: number, sameMeasure = false): Answer {
    // Only figures stated as the answer can pass for the whole; a passage quoted for a reader to read is no claim.
    if (!answer.found || missing === 0 || answer.facts.length === 0) return answer;
    const stated = new Set(answer.facts.flatMap((fact) => figuresIn(fact.raw)));
    // A year missing from 「25年和26年各多少」 is the same measure as the year found: only a figure in its unit can be it.
    const units = sameMeasure ? [...new Set(answer.facts.map((fact) => writtenUnit(fact)).filter((unit) => unit !== ""))] : [];
    const candidate = (text: string, figure: string) => !stated.has(figure) && (units.length === 0 || units.some((unit) => text.includes(`${figure}${unit}`)));
    // What is shown: the answer with its quotes and headlines, and the nearest a missing year's decline quotes.
    const shown = answer.answer.replace(ISO_DATE, " ");
    const more = figuresIn(shown).some((figure) => candidate(shown, figure));
    if (more) return answer;
    return this.decline(frame, `${fill("partDeclined", { count: smallNumber(missing) })}${answer.answer}`, answer.citations);
  }

  private decline(frame: QuestionFrame, text: string, citations: Citation[] = []): Answer {
    return { question: frame.question, answer: text, found: false, citations, facts: [], brain: "offline", mode: "none", frame, derived: [] };
  }

  /** Says nothing was found; when the content matched but zone or year did not, shows the nearest. */
  private declineWithNearMiss(frame: QuestionFrame, ranked: SentenceScore[]): Answer {
    const scope = scopeLabel(frame.zones[0], frame.year);
    const topic = frame.terms.slice(0, 4).join("、");
    const near = ranked.find((r) => r.coverage >= foundCoverage() && r.eventsOk && (!r.zoneOk || !r.yearOk));
    if (!near) return this.decline(frame, fill("declineGeneric", { scope, topic }));
    const citation = this.finder.cite(this.finder.evidenceOf(near));
    return this.decline(frame, fill("declineNearMiss", {
      scope, topic, nearScope: scopeLabel(near.sentence.zones[0], near.sentence.years[0]) || "其他报道",
      quote: citation.quote, title: citation.title, date: dateLabel(citation.date),
    }), [citation]);
  }
}

const OVERVIEW_ROWS = 10;
/** What a growth rate's metric adds after its amount's (同比增长, 增长, 比上年增长). */
const GROWTH_TAIL = /^(?:同比|比上年|较上年)?(?:增长|增速|下降)$/u;

/** 「…X项目（的）总投资」 in a question: X项目 is the project asked about. */
const PROJECT_INVESTMENT = /([^，,。？?、的\s]{4,40}?项目)(?:的)?(?:总投资|计划投资|投资总额|投资额|投资(?=是?多少|了多少|有多少|几)|投(?=是?多少|了多少))/;

/** 「今年正值新区获批设立10周年」 answers 「哪一年设立的」 only by arithmetic: when the quote names no year of its own. */
function datedByAnniversary(citation: Citation): { evidence: string; year: string } | undefined {
  if (findYears(citation.quote, { lookBack: "off" }).some((span) => !span.relative)) return undefined;
  const start = anniversaryStart(citation.quote, { publishedOn: citation.date });
  return start && { evidence: start.evidence, year: String(start.year) };
}

/**
 * 「2月9日，…召开（扩大）会议」 in a piece of 2026-02-10: the day the event was held, with the year the piece's date
 * gives it (a day later in the calendar than the piece's own is of the year before). None when the quote names a year.
 */
function dayOfEvent(citation: Citation): { year: string; month: string; day: string } | undefined {
  if (!citation.date || findYears(citation.quote, { lookBack: "off" }).some((span) => !span.relative)) return undefined;
  const said = findMonths(citation.quote).find((span) => span.day !== null);
  const published = /^(\d{4})-(\d{2})-(\d{2})/u.exec(citation.date);
  if (!said || !published) return undefined;
  const later = said.month * 100 + said.day! > Number(published[2]) * 100 + Number(published[3]);
  return { year: String(Number(published[1]) - (later ? 1 : 0)), month: String(said.month), day: String(said.day) };
}

/**
 * 「芯联微电子扩能项目」 in 「芯联微电子12英寸特色工艺产线扩能项目」: a project asked by a shortened name is named where
 * its words stand in order, its first word opening the written name and a few words inserted at most.
 */
function namedIn(name: string, text: string): boolean {
  if (text.includes(name)) return true;
  const words = contentTerms(name).filter((word) => word.length >= 2);
  if (words.length < 2 || !name.startsWith(words[0]!)) return false;
  for (let start = text.indexOf(words[0]!); start >= 0; start = text.indexOf(words[0]!, start + 1)) {
    let at = start + words[0]!.length;
    const found = words.slice(1).every((word) => {
      const next = text.indexOf(word, at);
      if (next < 0) return false;
      at = next + word.length;
      return true;
    });
    if (found && at - start <= name.length + MAX_INSERTED_CHARS) return true;
  }
  return false;
}
/** How many characters a written project name may have that its shortened form leaves out (12英寸特色工艺产线). */
const MAX_INSERTED_CHARS = 12;

/** 「4月集中签约了多少个项目」: one dated event's batch, which no report of the year's total contradicts. */
function asksDatedEvent(frame: QuestionFrame): boolean {
  return frame.events.length > 0 && (frame.month !== undefined || frame.season !== undefined);
}

/** 「那4个光电项目是哪几个」: the count of items a question names, if any. */
function readCount(question: string): number | undefined {
  const match = /(\d+|[两二三四五六七八九十]+)个/u.exec(question);
  if (!match) return undefined;
  return /\d/u.test(match[1]!) ? Number(match[1]) : (parseChineseNumeral(match[1]!) ?? undefined);
}

/**
 * The words that say whose `figure` is: its clause (between ，；。), with the clause before it when its own names
 * nothing (「星河微电子…扩能项目，总投资85亿元」); "" when the figure is not in `text`.
 */
function subjectClause(text: string, figure: string, nameSuffixes: string[]): string {
  const at = text.indexOf(figure);
  if (at < 0) return "";
  const isBreak = (char: string) => /[，,；;。！？!?]/u.test(char);
  let start = at;
  while (start > 0 && !isBreak(text[start - 1]!)) start--;
  let end = at + figure.length;
  while (end < text.length && !isBreak(text[end]!)) end++;
  const own = text.slice(start, end);
  if (nameSuffixes.some((suffix) => own.includes(suffix)) || start === 0 || /[。！？!?]/u.test(text[start - 1]!)) return own;
  let before = start - 1;
  while (before > 0 && !isBreak(text[before - 1]!)) before--;
  return text.slice(before, end);
}

/** 「A项目、B项目等9个重点项目，总投资90亿元」: the name sits in a list whose total is not its own. */
function inAggregate(sentence: string, name: string): boolean {
  const at = sentence.indexOf(name);
  if (at < 0) return false;
  const after = sentence.slice(at + name.length, at + name.length + 60);
  return sentence[at - 1] === "、" || /^(?:、|[^，,。；]*?等(?:\d+|[一二三四五六七八九十两]+)[个项家批])/.test(after);
}

/** How many ranked sentences are looked at for the passage a threshold list is about. */
const THRESHOLD_WINDOW = 5;
/** Two reports are of one figure only when each one's metric fits the other's this well. */
const SAME_METRIC_FIT = 0.85;

function sameKind(a: string, b: string): boolean {
  const group = (kind: string) => (kind === "plan" ? "target" : kind === "stat" ? "actual" : kind);
  return group(a) === group(b);
}

function dedupeCitations(citations: Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => !seen.has(c.source + c.quote) && seen.add(c.source + c.quote));
}

function statement(fact: FactResult): string {
  return fill("statement", { metric: fact.metric, kind: kindLabel(fact.kind), quantity: quantityText(fact) });
}

/** A listed item as its clause names it (「铁路、船舶、航空航天和其他运输设备制造业」 of 「…增长23.9%」), else its metric. */
function itemName(fact: FactResult, tail: string): string {
  const before = (clauseBefore(fact) ?? "").replace(/[，,；;：:]$/u, "");
  const named = before.endsWith(tail) ? before.slice(0, -tail.length) : "";
  const name = named.length >= 2 ? named : fact.metric.slice(0, -tail.length);
  // 「南岭智造园：1—9月完成…同比」: an item labelled before a colon is named by its label.
  return ITEM_LABEL.exec(fact.evidence)?.[1] ?? name;
}

/** A line's label before its colon (「南岭智造园：…」, 「- **田心高科园（轨道交通）**：…」). */
const ITEM_LABEL = /^[-*•\s]*\**([^：:，,。；;*]{2,20}?)\**[：:]/u;

function rowText(rows: Row[]): string {
  return rows.map((row) => fill("compareRow", { entity: row.entity, metric: "", kind: kindLabel(row.fact.kind), quantity: quantityText(row.fact) })).join("，");
}

function quoteLine(citation: Citation): string {
  return fill("quote", { quote: citation.quote, title: citation.title, date: dateLabel(citation.date) });
}

function passageText(head: string, citations: Citation[]): string {
  return citations.map((c) => fill("passage", { head, title: c.title, date: dateLabel(c.date), quote: c.quote })).join("\n");
}

const ECHO_PART = /呢[？?]?$/u;

/**
 * 「收入多少」 beside a figure just given: 旅游综合收入 is a 收入 — a Chinese noun phrase names what it measures last, so
 * a measure ending with the asked word is one of it.
 */
function endsWithAsked(asked: string, metric: string): boolean {
  const word = asked.trim();
  return word.length >= 2 && metric.endsWith(word);
}

/** A part of a question that says its own year or part of the year (「一季度完成了多少」「2024年呢」). */
function namesOwnTime(part: string): boolean {
  return findYears(part, { lookBack: "off" }).length > 0 || readPeriod(part) !== undefined;
}

/** 「…多少个？其中多少个竣工交付？」 → the parts that each ask for something. */
function subQuestions(question: string): string[] {
  const parts = question.split(/[？?；;]|，(?=[^，]*(?:多少|几|哪|什么|谁))|、(?=[^、]*(?:多少|几))/).map((p) => p.trim()).filter(Boolean);
  // 「…目标是多少？高企目标呢？」: a part ending in 呢 asks the same as the part before, of its own words.
  const asking = parts.filter((part) => /多少|几|多大|多高|比例|第几|哪|什么|谁|咋样|怎么样|怎样|如何|呢$/.test(part));
  return asking.length > 1 ? asking : [];
}

function uniqueEvidence(evidences: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidences
    .filter((e) => {
      const key = e.sentences.map((s) => s.index).join(",");
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => textOrder(a.sentences[0]!, b.sentences[0]!));
}

function uniqueFacts(facts: FactResult[]): FactResult[] {
  const seen = new Set<string>();
  return facts.filter((f) => !seen.has(f.factId) && seen.add(f.factId)).sort((a, b) => (a.articleId === b.articleId ? a.start - b.start : 0));
}

function largestGroup<T>(items: T[], key: (item: T) => string): T[] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.values()].sort((a, b) => b.length - a.length)[0] ?? [];
}

/** The item that scores highest, when no other item ties it. */
function uniqueBest(items: string[], score: (item: string) => number): string | undefined {
  const scored = items.map((item) => ({ item, score: score(item) })).sort((a, b) => b.score - a.score);
  const [first, second] = scored;
  return first && first.score > 0 && (!second || second.score < first.score) ? first.item : undefined;
}

function cleanEntity(entity: string): string {
  return entity.replace(/^[，,\s]+|[，,\s]+$/g, "");
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
}

/** A publication date as citations print it (2025-07-22). */
const ISO_DATE = /\d{4}-\d{2}-\d{2}/gu;

/** The figures a text states: its numbers, without the years, months and days that date it. */
function figuresIn(text: string): string[] {
  return [...text.matchAll(/\d+(?:\.\d+)?(?![\d.]*[年月日号])/gu)].map((match) => match[0]);
}

/** The same figure of the same text (ids differ between the table and retrieval). */
function sameFigure(a: FactResult, b: FactResult): boolean {
  return a.articleId === b.articleId && a.start === b.start && a.raw === b.raw;
}

/**
 * The year 今年 means in a question: the newest publication year in the corpus. A date after today is a
 * misreading (a dateline that borrowed a plan's horizon year), so it counts only when every date is one.
 */
export function referenceYearOf(dates: (string | null | undefined)[], today: Date): number {
  const years = dates.map((date) => Number(date?.slice(0, 4))).filter((year) => Number.isFinite(year) && year > 0);
  const past = years.filter((year) => year <= today.getFullYear());
  const usable = past.length > 0 ? past : years;
  return usable.length > 0 ? Math.max(...usable) : today.getFullYear();
}

/**
 * Asked without a year, an answer is labelled with its figures' own year when they share one — not with the first
 * year its sentence names (「去年同期为…；其中7月当月完成4780万吨」 is this year's July).
 */
function withFigureYear(frame: QuestionFrame, facts: FactResult[]): QuestionFrame {
  if (frame.year !== undefined) return frame;
  const years = new Set(facts.map((fact) => fact.year));
  const [only] = [...years];
  return years.size === 1 && only !== null && only !== undefined ? { ...frame, year: only } : frame;
}
