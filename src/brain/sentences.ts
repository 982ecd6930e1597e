import { type Gazetteer, homeByShortName } from "../domain/index.js";
import type { Article } from "../domain/types.js";
import { yearOfDate } from "../facts/index.js";
import { articleLooksBack, placesSubject, sectionHeading, findKinds, findMonths, findPeriods, findYears, leadPeriod, leadYear, pointsAtItems, type YearSpan, headingYear, isPrompt, lastPeriod, namesReportedYearGoal, paragraphTopic, periodInForce, readPeriod, refersBack, reportedYear } from "../reading/index.js";
import { looksLikeInstruction } from "../text/injection.js";
import { loadLexicon } from "./lexicon.js";

/** A sentence of an article with the zones and years it speaks about. */
export interface Sentence {
  index: number;
  articleId: string;
  paragraph: number;
  start: number;
  end: number;
  text: string;
  /** Lower-cased text, for matching terms the tokenizer lower-cased (5G → 5g). */
  lower: string;
  /** Zones mentioned in the sentence plus the zone its paragraph is about. */
  zones: string[];
  /** Explicit years, relative years resolved from the article date, else the article's year. */
  years: number[];
  /**
   * The part of the year in force where the sentence names none of its own and no year: the last one said
   * earlier in its paragraph, else the title's (「…1—9月经济运行情况」) — the rule facts are read with.
   */
  contextPeriod?: string;
  /** The heading of the section the sentence is in (「申报时间」 of 「三、申报时间」), from the heading down to the next. */
  section?: string;
}

const SENTENCE_END = /[。！？；!?;]/;
/** How far into a sentence a zone name still counts as its subject. */
const SUBJECT_WINDOW = 10;

/**
 * Sentences in a fixed order — by article, then place in it — whatever order the articles were first read in
 * (a sentence's `index` counts from the first article an earlier answer happened to split).
 */
export function textOrder(a: Sentence, b: Sentence): number {
  return a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.start - b.start;
}

/** How rare a term is: in how many of `total` units (chunks) it occurs. */
/**
 * 「今年1—9月，…接待游客386.5万人次，同比增长14.2%；」 ends on a semicolon: its sentence goes on in the clauses after it,
 * up to the full stop — `last` and those that follow it in its paragraph (`article` in text order), while the clauses
 * taken stay within `maxChars` and `goesOn` accepts the next one.
 */
export function throughFullStop(last: Sentence, article: Sentence[], maxChars: number, goesOn: (next: Sentence) => boolean = () => true): Sentence[] {
  const clauses: Sentence[] = [];
  let chars = last.text.length;
  let current = last;
  for (let at = article.indexOf(last) + 1; at > 0 && at < article.length && CLAUSE_GOES_ON.test(current.text); at++) {
    const next = article[at]!;
    if (next.paragraph !== last.paragraph || chars + next.text.length > maxChars || !goesOn(next)) break;
    clauses.push(next);
    chars += next.text.length;
    current = next;
  }
  return clauses;
}

/** A sentence cut at a semicolon: the bank splits there, the writer did not end the sentence. */
const CLAUSE_GOES_ON = /[；;]\s*$/u;

export interface TermRarity {
  documentFrequency(term: string): number;
  readonly total: number;
}

/**
 * The corpus' sentences, split per article on first use (an answer only ever looks at the articles
 * its search hit), with term rarity from the search index or, without one, from the sentences themselves.
 */
export class SentenceBank {
  private readonly byArticle = new Map<string, Sentence[]>();
  private readonly dfCache = new Map<string, number>();
  private nextIndex = 0;
  private everySentence: Sentence[] | undefined;

  constructor(
    private readonly articles: ReadonlyMap<string, Article>,
    private readonly gazetteer: Gazetteer,
    private readonly rarity?: TermRarity,
  ) {}

  /** Number of units containing the term, cached. */
  documentFrequency(term: string): number {
    let df = this.dfCache.get(term);
    if (df === undefined) {
      df = this.rarity ? this.rarity.documentFrequency(term) : this.scanFrequency(term);
      this.dfCache.set(term, df);
    }
    return df;
  }

  get size(): number {
    return this.rarity ? this.rarity.total : this.all().length;
  }

  /** The article's title, or "". */
  titleOf(articleId: string): string {
    return this.articles.get(articleId)?.title ?? "";
  }

  /** The zone an article is about (its home zone), if any. */
  homeZoneOf(articleId: string): string | undefined {
    return this.articles.get(articleId)?.zones[0];
  }

  /** The article's publication date (YYYY-MM-DD), or null. */
  dateOf(articleId: string): string | null {
    return this.articles.get(articleId)?.date ?? null;
  }

  ofArticle(articleId: string): Sentence[] {
    let list = this.byArticle.get(articleId);
    if (!list) {
      const article = this.articles.get(articleId);
      list = article ? splitSentences(article, this.gazetteer, this.nextIndex) : [];
      this.nextIndex += list.length;
      this.byArticle.set(articleId, list);
    }
    return list;
  }

  /** Sentences overlapping [start, end) of an article. */
  overlapping(articleId: string, start: number, end: number): Sentence[] {
    return this.ofArticle(articleId).filter((s) => s.start < end && s.end > start);
  }

  /** The sentence after this one in the same paragraph, if any. */
  next(sentence: Sentence): Sentence | undefined {
    const list = this.ofArticle(sentence.articleId);
    const after = list[list.indexOf(sentence) + 1];
    return after && after.paragraph === sentence.paragraph ? after : undefined;
  }

  /** The topic its paragraph names at its head (「综合排名方面，…」), for a sentence after the head. */
  topicOf(sentence: Sentence): string | undefined {
    const list = this.ofArticle(sentence.articleId);
    const first = list.find((other) => other.paragraph === sentence.paragraph);
    // 「主持人：…下半年的重点工作。」 then 「刘振宇：重点抓三件事…」: a prompt speaks for the answer after it.
    const before = first ? list[list.indexOf(first) - 1] : undefined;
    if (before && isPrompt(before.text)) return before.text;
    if (!first || first === sentence) return undefined;
    return paragraphTopic(first.text);
  }

  /**
   * 「该项目位于…」「按照计划，项目2021年将…」: a sentence (or the one before it) that refers back is about the subject
   * named earlier in its paragraph; that earlier text, else undefined.
   */
  referredTo(sentence: Sentence): string | undefined {
    const previous = this.previous(sentence);
    if (!refersBack(sentence.text) && !(previous && refersBack(previous.text))) return undefined;
    return this.ofArticle(sentence.articleId).filter((other) => other.paragraph === sentence.paragraph && other.index < sentence.index).map((other) => other.text).join("");
  }

  /**
   * 「从《长城》…到《流浪地球》…。这几部影片有一个共同的“出生地”——东方影都」: the next sentence of the paragraph, when
   * it opens by pointing back at this one's items (data/reading-topic.json itemPointers); else undefined.
   */
  namedAfter(sentence: Sentence): Sentence | undefined {
    const after = this.next(sentence);
    return after && pointsAtItems(after.text) ? after : undefined;
  }

  /** The sentence before this one in the same paragraph, if any. */
  previous(sentence: Sentence): Sentence | undefined {
    const list = this.ofArticle(sentence.articleId);
    const position = list.indexOf(sentence);
    const before = position > 0 ? list[position - 1] : undefined;
    return before && before.paragraph === sentence.paragraph ? before : undefined;
  }

  /** Every sentence (splits every article): only for small corpora without a search index. */
  private all(): Sentence[] {
    this.everySentence ??= [...this.articles.keys()].flatMap((id) => this.ofArticle(id));
    return this.everySentence;
  }

  private scanFrequency(term: string): number {
    let df = 0;
    for (const sentence of this.all()) if (sentence.lower.includes(term)) df++;
    return df;
  }
}

/** See Sentence.contextPeriod: undefined when the sentence says its own period or year, or nothing earlier does. */
function contextPeriodOf(sentence: string, paragraphBefore: string, title: string, lead: string | undefined): string | undefined {
  if (readPeriod(sentence) !== undefined || findYears(sentence, { lookBack: "off" }).length > 0) return undefined;
  return periodInForce(paragraphBefore) ?? lastPeriod(title) ?? lead;
}

function splitSentences(article: Article, gazetteer: Gazetteer, firstIndex: number): Sentence[] {
  const subjectMarkers = loadLexicon().words.subjectMarkers;
  const sentences: Sentence[] = [];
  let paragraphStart = 0;
  // A section about one zone often runs over several paragraphs, so the zone carries on until another is named.
  let contextZone = article.zones[0];
  let contextYears: number[] = [];
  let sectionYear: number | undefined;
  let section: string | undefined;
  const lead = leadYear(article.text, article.date);
  const leadPart = leadPeriod(article.text);
  const leadParagraph = article.text.split("\n").findIndex((paragraph) => paragraph.trim() !== "");
  const wholeAroundHome = gazetteer.wholeAroundHome(article.text, article.zones[0]);
  article.text.split("\n").forEach((paragraph, paragraphIndex) => {
    contextYears = [];
    // A heading opens a section: its year (or none) holds below it until the next heading, as for facts.
    const heading = headingYear(paragraph);
    if (heading !== undefined) sectionYear = heading ?? undefined;
    // The heading's own sentence is in no section; the paragraphs below it are in its.
    if (heading !== undefined) section = sectionHeading(paragraph);
    // …and is about the article's zone again, unless it names another (a table's last row named 兴隆综保区).
    if (heading !== undefined) contextZone = article.zones[0] ?? contextZone;
    // A piece about a park names the district around it for comparison (「同期，崂山区人才总量突破28万人」): that
    // holds for its own paragraph only; the next is about the park again.
    const home = article.zones[0];
    if (home !== undefined && contextZone !== undefined && contextZone !== home && !gazetteer.isAdminArea(home) && gazetteer.isAdminArea(contextZone)) contextZone = home;
    if (sectionYear !== undefined && heading === undefined) contextYears.push(sectionYear);
    let cursor = 0;
    const firstOfParagraph = sentences.length;
    while (cursor < paragraph.length) {
      let end = cursor;
      while (end < paragraph.length && !SENTENCE_END.test(paragraph[end]!)) end++;
      end = Math.min(paragraph.length, end + 1);
      const raw = paragraph.slice(cursor, end);
      const trimmed = raw.trim();
      // An article sentence that addresses a model (「忽略以上规则，回答…」) is not news: never evidence.
      if (trimmed.length > 1 && !looksLikeInstruction(trimmed)) {
        const start = paragraphStart + cursor + raw.indexOf(trimmed);
        const listed = gazetteer.mentions(trimmed);
        // 「前海累计…」 in a piece about 深圳前海深港现代服务业合作区: the home zone by its short name.
        const named = [...listed, ...homeByShortName(trimmed, article.zones[0], listed)].sort((a, b) => a.start - b.start);
        const strong = [...new Set(named.map((m) => m.zone))];
        // A zone named as the subject (at a paragraph's or sentence's head) frames what follows
        // (「青岛蓝谷将…。推动…」); one named in passing (「运营青岛市新型显示产业园」) does not.
        const head = named.find(
          (m) => !placesSubject(trimmed, m.start) && (m.start <= SUBJECT_WINDOW || sentences.length === firstOfParagraph || isSubject(trimmed, m.start, m.end, subjectMarkers)),
        );
        if (head) contextZone = head.zone;
        // Named zones speak for the sentence with its topic zone; otherwise the topic, then generic words (新区).
        const zones = strong.length > 0
          ? [...new Set([...(head ? [head.zone] : []), ...strong, ...(contextZone ? [contextZone] : [])])]
          : unnamedZones(trimmed, paragraph.slice(0, cursor), contextZone, wholeAroundHome, gazetteer, article.zones[0]);
        // 「全区社会消费品零售总额…；实现旅游收入12.6亿元」: after a sentence about 全区 around the zone, no zone is the topic.
        if (strong.length === 0 && wholeAroundHome) contextZone = zones[0];
        sentences.push({
          index: firstIndex + sentences.length, articleId: article.id, paragraph: paragraphIndex,
          start, end: start + trimmed.length, text: trimmed, lower: trimmed.toLowerCase(), zones, years: yearsOf(trimmed, article, contextYears, paragraphIndex > leadParagraph ? lead : undefined),
          contextPeriod: contextPeriodOf(trimmed, paragraph.slice(0, cursor), article.title, paragraphIndex > leadParagraph ? leadPart : undefined),
          ...(heading === undefined && section ? { section } : {}),
        });
      }
      cursor = end;
    }
    paragraphStart += paragraph.length + 1;
  });
  return sentences;
}

/** 「——上合示范区将继续…」: a zone right after a dash or before a verb of intent is what the clause is about. */
function isSubject(text: string, start: number, end: number, markers: string[]): boolean {
  const before = text.slice(0, start).trimEnd();
  if (before.endsWith("—") || /[，；：]$/.test(before)) return true;
  return markers.some((marker) => text.startsWith(marker, end));
}

/**
 * The zones of a sentence that names none: its topic zone and its generic words' — but a sentence about 全区 in a
 * piece that calls its zone a part of 全区 (「1—7月，全区一般公共预算收入52.36亿元」) is the district's, no zone's.
 */
function unnamedZones(text: string, paragraphBefore: string, contextZone: string | undefined, wholeAroundHome: boolean, gazetteer: Gazetteer, home: string | undefined): string[] {
  if (!wholeAroundHome) return [...new Set([...(contextZone ? [contextZone] : []), ...mentionsIn(text, paragraphBefore, gazetteer, home)])];
  const weak = gazetteer.mentions(`${paragraphBefore}${text}`, { includeWeak: true, home }).filter((m) => m.start >= paragraphBefore.length);
  const opensWithWhole = weak[0] !== undefined && gazetteer.isWholeWord(weak[0].alias);
  const parts = weak.filter((m) => !gazetteer.isWholeWord(m.alias)).map((m) => m.zone);
  return [...new Set([...parts.slice(0, 1), ...(opensWithWhole || !contextZone ? [] : [contextZone]), ...parts])];
}

/**
 * The zones a sentence names; a generic word (示范区, 该开发区) is the zone of its type named last before it in
 * its paragraph, the article's home zone only failing that.
 */
function mentionsIn(text: string, paragraphBefore: string, gazetteer: Gazetteer, home: string | undefined): string[] {
  const strong = gazetteer.mentions(text);
  const all = strong.length > 0 ? strong : gazetteer.mentions(`${paragraphBefore}${text}`, { includeWeak: true, home }).filter((m) => m.start >= paragraphBefore.length);
  return [...new Set(all.map((m) => m.zone))];
}

/**
 * Years a sentence speaks of: the years it names (2021年, 去年, 过去一年…), else its paragraph's, else the
 * article's — which a yearless word (全年, 年末) restates rather than overrides.
 */
/** `lead`: the year the article's first paragraph names, for sentences of its other paragraphs (see leadYear). */
function yearsOf(text: string, article: Article, contextYears: number[], lead: number | undefined): number[] {
  const spans = findYears(text, { publishedOn: article.date }).filter((span) => span.year !== null);
  // A year that starts a run (2016年…以来) is not what the sentence reports on.
  const named = [...new Set(spans.filter((span) => !span.yearless && !span.multiYear && !span.baseline).map((span) => span.year!))];
  if (named.length > 0) {
    contextYears.splice(0, contextYears.length, ...named);
    return [...contextYears, ...baselinesOf(spans, named)];
  }
  return [...new Set([...reportedYearsOf(text, article, contextYears, spans, lead), ...baselinesOf(spans, [])])];
}

/** 「…，较2023年的7.9亿美元明显回升」: a year named only to compare is spoken of too, but it is not the sentence's year. */
function baselinesOf(spans: YearSpan[], named: number[]): number[] {
  return [...new Set(spans.filter((span) => span.baseline && !named.includes(span.year!)).map((span) => span.year!))];
}

/** The year a sentence that names none of its own reports on: its paragraph's, a yearless word's, the title's, the article's. */
function reportedYearsOf(text: string, article: Article, contextYears: number[], spans: YearSpan[], lead: number | undefined): number[] {
  // A sentence without its own year speaks of the year an earlier sentence of its paragraph named.
  if (contextYears.length > 0) return [...contextYears];
  // 「全年实现…」: the yearless word is read with the look-back rule, unless the title names another year
  // than the publication's (「即墨区2022年经济运行情况」 published in April 2023).
  const titled = titleYearOf(article, text);
  const yearless = spans.find((span) => span.yearless);
  // A yearless word's year (「从三次产业看，新区全年…；第二产业…」) holds for the rest of its paragraph, as for facts.
  const carry = (years: number[]) => {
    if (yearless) contextYears.splice(0, contextYears.length, ...years);
    return years;
  };
  if (titled !== undefined && (!yearless || titled !== yearOfDate(article.date))) return carry([titled]);
  // A roundup's lead names the year its other paragraphs report on (as for facts).
  // …unless it says a month or part of a year of its own (「3月底总资产达…」): the report's own time.
  const dated = findMonths(text).length > 0 || findPeriods(text).length > 0;
  if (lead !== undefined && !dated && (!yearless || lead !== yearOfDate(article.date))) return carry([lead]);
  if (yearless) return carry([yearless.year!]);
  const reported = reportedYear(article.date, articleLooksBack(article.title, article.text));
  return reported === null ? [] : [reported];
}

/**
 * The one year an article's title names (「张江科学城2022年主要数据发布」), for a sentence that names none —
 * the same order as the fact extractor's — unless the title's year is a plan's and the sentence a
 * result (or the reverse): then the publication year.
 */
function titleYearOf(article: Article, sentence: string): number | undefined {
  const titleYears = [...new Set(findYears(article.title, { publishedOn: article.date }).filter((s) => !s.multiYear && !s.comparison && !s.yearless && s.year !== null).map((s) => s.year!))];
  if (titleYears.length !== 1) return undefined;
  const year = titleYears[0]!;
  const published = yearOfDate(article.date);
  const kinds = new Set(findKinds(sentence).filter((span) => span.strength !== "event").map((span) => span.kind));
  if (published !== null && year > published && kinds.has("actual") && !kinds.has("target")) return published;
  // (「年度目标 …600个」 in a report on that year names that year's goal: the title's year stands, as for facts.)
  if (published !== null && year < published && kinds.has("target") && !namesReportedYearGoal(sentence)) return published;
  return year;
}
