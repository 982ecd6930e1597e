import type { Gazetteer } from "../domain/gazetteer.js";
import { ordinalsOf, type Lexicon } from "./lexicon.js";
import { periodKey } from "./periods.js";
import { asksChange, eventMonthAgrees, findKinds, findPeriods, parseChineseNumeral, readMonth, readSeason, saysWhere, sectionAskWords, titlesDocument, writesChange, writesPlaceFor } from "../reading/index.js";
import { contentTerms } from "../retrieval/index.js";
import type { Sentence, SentenceBank } from "./sentences.js";
import type { QuestionFrame } from "./types.js";
import { weight } from "./weights.js";

/** How well one sentence answers a frame, and why. */
export interface SentenceScore {
  sentence: Sentence;
  /** Weighted share of the question's terms found in the sentence (or, at a discount, just before it). */
  coverage: number;
  zoneOk: boolean;
  yearOk: boolean;
  eventsOk: boolean;
  /** The sentence names another part of the year than the one asked (一季度 vs 上半年). */
  periodOk: boolean;
  /** The event the sentence reports happened in the asked month (its own month, else its report's). */
  monthOk: boolean;
  /** Some term was found only in the sentence before, so that sentence belongs to the evidence. */
  usesPrevious: boolean;
  score: number;
}

const TIME_EXPRESSION = /\d{1,2}月\d{1,2}日|\d{1,2}月(?:份|底|初|中旬|下旬)?|年底|年内|年初|季度|上半年|下半年|近期|日前|今年|明年|(?:19|20)\d{2}年/;
const ENUMERATION = /、[^、，。；]{2,40}等(?:(?:\d+|[一二三四五六七八九十两]+)[个项家批])?([\u4e00-\u9fa5]{1,8})/g;
const NUMBER = /\d|[一二三四五六七八九十百千万两]+[余多]?[个家项支张列处批条座栋所名位场次]/;

export interface ScoringContext {
  bank: SentenceBank;
  gazetteer: Gazetteer;
  lexicon: Lexicon;
  synonyms: (term: string) => string[];
}

/** What the scorer knows of one sentence as an answer to a frame: named, each testable on its own. */
export interface SentenceFeatures {
  coverage: number;
  usesPrevious: boolean;
  zoneOk: boolean;
  yearOk: boolean;
  eventsOk: boolean;
  periodOk: boolean;
  monthOk: boolean;
  /** The feature names (from data/answer-weights.json "sentence") that add to the score here. */
  bonuses: string[];
}

/**
 * 「关于组织申报2025年度…资金的通知」: a document of one year's scheme says nothing of another year's scheme (when to
 * apply, who may, what it gives) — though a figure in it may be of another year (「2024年产业链产值…」).
 */
function otherDocumentYear(year: number, title: string): boolean {
  if (!titlesDocument(title)) return false;
  const years = [...new Set([...title.matchAll(SCHEME_YEAR)].map((match) => Number(match[1])))];
  return years.length === 1 && years[0] !== year;
}

const SCHEME_YEAR = /((?:19|20)\d{2})年度/gu;
const ASKS_ABOUT_SCHEME = new Set<QuestionFrame["type"]>(["when", "describe", "define", "list"]);

export function sentenceFeatures(frame: QuestionFrame, sentence: Sentence, context: ScoringContext, terms = frame.terms): SentenceFeatures {
  const previous = context.bank.previous(sentence);
  // The paragraph's heading topic (「综合排名方面」) speaks for each of its sentences, as the sentence before does.
  const topic = context.bank.topicOf(sentence);
  // The headline speaks for the whole article (「2022年国家级经开区考核结果揭晓」 for each zone's place in it), more weakly.
  const title = context.bank.titleOf(sentence.articleId);
  // 「该项目…」: the subject named earlier in the paragraph speaks for it, as the sentence before does.
  const referred = context.bank.referredTo(sentence);
  // 「…《流浪地球》…。这几部影片…东方影都」: the sentence after a list that points back at it names the list's subject.
  const pointedFrom = context.bank.namedAfter(sentence);
  // A document's title (「关于申报…资金的通知」) speaks for its sections as the sentence before does.
  const titleCredit = title && titlesDocument(title) ? weight("sentence", "documentTitleCredit") : weight("sentence", "titleCredit");
  let total = 0;
  let covered = 0;
  let usesPrevious = false;
  for (const term of terms) {
    const termWeightValue = termWeight(term, frame, context.bank, context.lexicon);
    total += termWeightValue;
    const here = termMatch(term, sentence.text, context.synonyms);
    const said = Math.max(
      previous ? termMatch(term, previous.text, context.synonyms) : 0,
      topic ? termMatch(term, topic, context.synonyms) : 0,
      referred ? termMatch(term, referred, context.synonyms) : 0,
      pointedFrom ? termMatch(term, pointedFrom.text, context.synonyms) : 0,
      // 「三、申报时间」 speaks for the paragraphs under it, as a paragraph's own heading does.
      sentence.section ? termMatch(term, sentence.section, context.synonyms) : 0,
    );
    const before = Math.max(weight("sentence", "previousSentenceCredit") * said, title ? titleCredit * termMatch(term, title, context.synonyms) : 0);
    covered += termWeightValue * Math.max(here, before);
    if (before > here) usesPrevious = true;
  }
  let coverage = total > 0 ? covered / total : 0;
  // 「“融”就是…」 answers 「“融”是什么意思」 even when the rest of the question's context is elsewhere.
  if (frame.type === "define" && definesTerm(frame, sentence.text, context.lexicon)) coverage = Math.max(coverage, weight("sentence", "definitionCoverage"));
  // 「主攻哪三大产业」 is answered by 「聚焦…三大主导产业」: the counted class names what is listed, whatever verb asks it.
  if (frame.type === "list" && namesCountedClass(frame.question, sentence.text)) coverage = Math.max(coverage, weight("sentence", "countedClassCoverage"));
  // 「X新城在哪」 (where the zone itself is, not 「主会场设在哪」) is answered by a sentence that says where X is and names it.
  if (frame.type === "where" && frame.zones.length > 0 && ASKS_ZONE_PLACE.test(frame.question) && saysWhere(sentence.text) && context.gazetteer.mentions(sentence.text).some((m) => frame.zones.includes(m.zone)))
    coverage = Math.max(coverage, weight("sentence", "locationCoverage"));
  return {
    coverage,
    usesPrevious,
    zoneOk: zonesAgree(frame.zones, sentence.zones, context.gazetteer),
    // A sentence of an undated article that names no year is of no known year: it answers no year's question.
    yearOk: frame.year === undefined || (sentence.years.includes(frame.year) && !(ASKS_ABOUT_SCHEME.has(frame.type) && otherDocumentYear(frame.year, title))),
    // The event may be named by the sentence before or by the headline (「…14个重点项目集中开工」 for each project listed).
    // (Asked when it happens, the sentence that dates it must name it: the headline's 「何时交付」 dates nothing.)
    eventsOk: frame.events.every((group) => group.some((verb) => sentence.text.includes(verb) || previous?.text.includes(verb) || (frame.type !== "when" && title.includes(verb)))) && ordinalsAgree(frame, sentence, context),
    periodOk: periodFits(frame.period, sentence.text, previous?.text, sentence.contextPeriod),
    monthOk: seasonAgrees(frame.season, `${previous?.text ?? ""}${sentence.text}`, context.bank.titleOf(sentence.articleId)) && (frame.month === undefined || textMonthAgrees(frame.month, `${previous?.text ?? ""}${sentence.text}`, context.bank.dateOf(sentence.articleId))),
    bonuses: [...typeFeatures(frame, sentence, context.lexicon), ...kindAndPeriodFeatures(frame, sentence.text), ...homeFeatures(frame, sentence, context), ...sectionFeatures(frame, sentence, context)],
  };
}

/**
 * A piece about the asked zone (its home zone) says more of it than a roundup that names it among others; an
 * event dated by the asked month in words (「7月28日」) more surely than by 日前 in a report of the month after.
 */
function homeFeatures(frame: QuestionFrame, sentence: Sentence, context: ScoringContext): string[] {
  const home = context.bank.homeZoneOf(sentence.articleId);
  const features = home !== undefined && frame.zones.length === 1 && context.gazetteer.isWithin(home, frame.zones[0]!) ? ["askedZoneHome"] : [];
  const previous = context.bank.previous(sentence);
  if (frame.month !== undefined && readMonth(`${previous?.text ?? ""}${sentence.text}`)?.month === frame.month) features.push("askedMonthSaid");
  return features;
}

/**
 * 「第二批集中开工」: where the sentence, the one before, the headline or the article's opening numbers the event
 * with the same measure word (批, 次…), it must be the asked number; text that numbers none may be any.
 */
export function ordinalsAgree(frame: QuestionFrame, sentence: Sentence, context: ScoringContext): boolean {
  if (!frame.ordinals?.length) return true;
  const opening = context.bank.ofArticle(sentence.articleId).slice(0, OPENING_SENTENCES).map((s) => s.text).join("");
  const text = `${context.bank.titleOf(sentence.articleId)}${opening}${context.bank.previous(sentence)?.text ?? ""}${sentence.text}`;
  const said = ordinalsOf(text, context.lexicon);
  return frame.ordinals.every((asked) => {
    const measure = asked.slice(-1);
    const same = said.filter((ordinal) => ordinal.endsWith(measure));
    return same.length === 0 || same.includes(asked);
  });
}
/** How many opening sentences of an article say which event it reports. */
const OPENING_SENTENCES = 2;

/** One score from the features: coverage, scaled down by each failed agreement, plus the bonuses. */
export function combine(features: SentenceFeatures): number {
  const factor = (ok: boolean, name: string) => (ok ? 1 : weight("sentence", name));
  const scaled = features.coverage * factor(features.zoneOk, "zoneMismatchFactor") * factor(features.yearOk, "yearMismatchFactor") * factor(features.eventsOk, "eventMismatchFactor");
  return features.bonuses.reduce((sum, name) => sum + weight("sentence", name), scaled);
}

export function scoreSentence(frame: QuestionFrame, sentence: Sentence, context: ScoringContext, terms = frame.terms): SentenceScore {
  const features = sentenceFeatures(frame, sentence, context, terms);
  const { coverage, zoneOk, yearOk, eventsOk, periodOk, monthOk, usesPrevious } = features;
  return { sentence, coverage, zoneOk, yearOk, eventsOk, periodOk, monthOk, usesPrevious, score: combine(features) };
}

const weightOf = (name: string) => weight("sentence", name);

/** Rare terms weigh more (idf over sentences); quoted terms and counted numbers more still. */
function termWeight(term: string, frame: QuestionFrame, bank: SentenceBank, lexicon: Lexicon): number {
  const df = bank.documentFrequency(term);
  let weight = Math.log(1 + bank.size / (1 + df));
  if (frame.quoted.includes(term)) weight *= weightOf("quotedTermWeight");
  if (lexicon.lightWords.has(term)) weight *= weightOf("lightWordWeight");
  if (/^\d/.test(term)) weight *= weightOf("countedNumberWeight");
  return weight;
}

/** 1 when the term (or a synonym) is in the text; partial credit for long terms mostly present. */
export function termMatch(term: string, text: string, synonyms: (term: string) => string[]): number {
  const haystack = text.toLowerCase();
  if (haystack.includes(term)) return 1;
  if (synonyms(term).some((synonym) => haystack.includes(synonym.toLowerCase()))) return 1;
  // 「每亩多少钱」 is answered by 「9.6万元/亩」 as by 「每亩9.6万元」.
  if (term.startsWith("每") && term.length > 1 && haystack.includes(`/${term.slice(1)}`)) return 1;
  // 「三十年」 is written 「30年」 as often as not.
  const arabic = withArabicNumerals(term);
  if (arabic !== term && haystack.includes(arabic)) return 1;
  if (abbreviates(term, haystack)) return weight("sentence", "abbreviationCredit");
  // 「前三是哪几家」 is answered by 「…位居首位，…位列第二，…位列第三」: a top of a ranking, place by place.
  if (namesEachPlace(term, haystack)) return 1;
  // 「变化有多大」 is answered by 「从4平方公里扩大到73平方公里」: a change asked is covered by a change written.
  if (asksChange(term) && writesChange(text)) return 1;
  // 「排名咋变了」 is answered by 「由第1名降至第2名」: a place in a ranking written.
  if (writesPlaceFor(term, text)) return 1;
  if ([...term].length < 3) return 0;
  const shared = longestSharedRun(term, haystack) / term.length;
  return shared >= 0.5 ? weight("sentence", "partialTermCredit") * shared : 0;
}

/** 「前三」 in a text that names each place of it in turn: 第一 (or 首位, 榜首), 第二, 第三. */
function namesEachPlace(term: string, text: string): boolean {
  const match = TOP_OF_RANKING.exec(term);
  const count = match ? parseChineseNumeral(match[1]!) ?? Number(match[1]) : NaN;
  if (!(count >= 2 && count <= MAX_PLACES_NAMED)) return false;
  const places = (place: number) => [`第${place}`, `第${chineseOrdinal(place)}`];
  const first = [...places(1), ...FIRST_PLACE_WORDS].some((word) => text.includes(word));
  return first && Array.from({ length: count - 1 }, (_, i) => i + 2).every((place) => places(place).some((word) => text.includes(word)));
}

const TOP_OF_RANKING = /^前([一二三四五六七八九十两]|\d{1,2})$/u;
const MAX_PLACES_NAMED = 10;
const FIRST_PLACE_WORDS = ["首位", "榜首", "首名"];

function chineseOrdinal(place: number): string {
  return "零一二三四五六七八九十"[place] ?? String(place);
}

/** 「…新城在哪」「…开发区位于哪里」: a zone's name (its type word's last character) right before the where-ask. */
const ASKS_ZONE_PLACE = /[区城园港谷](?:在哪|位于哪|在什么地方)/u;

/** A term with its Chinese numerals written in digits (三十年 → 30年); the term itself when it has none. */
function withArabicNumerals(term: string): string {
  return term.replace(/[零〇一二两三四五六七八九十百千]+/gu, (run) => {
    const value = parseChineseNumeral(run);
    return value === null || value < 2 ? run : String(value);
  });
}

/**
 * 「考评」 of 考核评价, 「社零」 of 社会消费品零售总额, 「固投」 of 固定资产投资: a Chinese short form takes the first
 * character of each word, so each character of a two- or three-character term follows the one before within
 * a few characters. (Only Han terms; a literal occurrence is matched before this.)
 */
function abbreviates(term: string, text: string): boolean {
  const chars = [...term];
  if (chars.length < 2 || chars.length > 3 || !chars.every((char) => /\p{Script=Han}/u.test(char))) return false;
  for (let start = text.indexOf(chars[0]!); start >= 0; start = text.indexOf(chars[0]!, start + 1)) {
    let at = start;
    let found = true;
    for (const char of chars.slice(1)) {
      const next = text.indexOf(char, at + 2);
      if (next < 0 || next - at > ABBREVIATION_GAP) {
        found = false;
        break;
      }
      at = next;
    }
    if (found) return true;
  }
  return false;
}
/** How far apart two characters of a short form may stand in the long one (社…零 in 社会消费品零售: 5). */
const ABBREVIATION_GAP = 5;

/** Length of the longest piece (≥ 2 chars) of `term` that occurs in `text` (擂台赛 in 「功能区擂台」 → 2). */
function longestSharedRun(term: string, text: string): number {
  for (let length = term.length - 1; length >= 2; length--) {
    for (let start = 0; start + length <= term.length; start++) {
      if (text.includes(term.slice(start, start + length))) return length;
    }
  }
  return 0;
}

function zonesAgree(asked: string[], spoken: string[], gazetteer: Gazetteer): boolean {
  if (asked.length === 0) return true;
  return asked.some((zone) => spoken.some((candidate) => gazetteer.isWithin(candidate, zone)));
}

function typeFeatures(frame: QuestionFrame, sentence: Sentence, lexicon: Lexicon): string[] {
  const text = sentence.text;
  switch (frame.type) {
    case "numeric":
    case "sum":
    case "compare":
      return [hasNumber(text) ? "numberPresent" : "numberAbsent"];
    case "when":
      return [TIME_EXPRESSION.test(text) ? "timePresent" : "timeAbsent"];
    case "list":
      // A list answer enumerates: 「A、B、C」, best of all 「A、B等11个项目」, or opens a list (「…包括：」).
      if (enumeratesAsked(frame, text)) return ["listEnumeratesAsked"];
      if (opensList(text)) return ["listLead"];
      // 「从《长城》《环太平洋2》到《流浪地球》…」: titles in book marks are items too.
      if ((text.match(/《[^》]{1,30}》/gu)?.length ?? 0) >= 3) return ["listTitles"];
      return (text.match(/、/g)?.length ?? 0) >= 2 ? ["listCommas"] : [];
    case "define":
      return definesTerm(frame, text, lexicon) ? ["definesTerm"] : [];
    default:
      return [];
  }
}

/**
 * A whole-year question fits a sentence that names no other period, or names the whole year beside one; a question
 * about part of a year (一季度, 1至5月) needs that period said in the sentence, the one before it or in force there.
 */
export function periodFits(asked: string | undefined, text: string, previous: string | undefined, context: string | undefined): boolean {
  if (!asked) return true;
  const own = periodKey(text);
  // A sentence saying no period of its own is of the period in force before it (the paragraph's, the title's).
  const inForce = own ?? context;
  // 「下半年，片区将…力争全年新形成…30项以上」: a sentence that also names the whole year may hold its figure.
  if (asked === "Y") return inForce === undefined || inForce === "Y" || findPeriods(text).some((span) => span.key === "Y");
  // 「同期，胶东临空经济示范区实现…」 continues the period the report is about.
  if (own === undefined && text.includes("同期")) return true;
  // 「今年以来，…一季度新签约项目9个」: a sentence that names the asked part of the year anywhere may hold its figure
  // (which figure is the asked period's is the fact's to say).
  if (findPeriods(text).some((span) => span.key === asked && !span.baseline)) return true;
  return (own ?? (previous ? periodKey(previous) : undefined) ?? context) === asked;
}

/**
 * 「青岛经开区外贸稳增长资金啥时候申报」 under 「三、申报时间」: a section whose heading the question asks — each of the
 * heading's words one of its terms or a noun for what its type asks (时间 for 啥时候), one at least a term — holds the answer.
 */
function sectionFeatures(frame: QuestionFrame, sentence: Sentence, context: ScoringContext): string[] {
  if (!sentence.section) return [];
  const words = headingWords(sentence.section);
  const asked = (word: string) => frame.terms.some((term) => termMatch(term, word, context.synonyms) > 0 || termMatch(word, term, context.synonyms) > 0);
  const slot = sectionAskWords(frame.type);
  if (words.length === 0 || !words.some(asked) || !words.every((word) => asked(word) || slot.includes(word))) return [];
  return ["askedSection"];
}

/** A heading's content words (two characters or more), segmented once per heading: many sentences share one. */
function headingWords(heading: string): string[] {
  let words = HEADING_WORDS.get(heading);
  if (!words) {
    if (HEADING_WORDS.size >= HEADING_CACHE_SIZE) HEADING_WORDS.clear();
    words = contentTerms(heading).filter((word) => word.length >= 2);
    HEADING_WORDS.set(heading, words);
  }
  return words;
}

const HEADING_WORDS = new Map<string, string[]>();
const HEADING_CACHE_SIZE = 5000;

/** Prefer 「力争…」 for a target question and 「已完成…」 for an actual one; whole-year figures unless a period is asked. */
function kindAndPeriodFeatures(frame: QuestionFrame, text: string): string[] {
  const features: string[] = [];
  if (frame.kind) {
    const said = kindsSaid(text);
    if (said.has(frame.kind)) features.push("askedKindCue");
    else if (said.size > 0) features.push("otherKindCue");
  }
  const period = periodKey(text);
  if (frame.period) features.push(period === frame.period ? "askedPeriodSaid" : period ? "otherPeriodSaid" : "askedPeriodUnsaid");
  else if (period && period !== "Y") features.push("unaskedPartOfYear");
  return features;
}

/** A list item opens with a number or a bullet (一、 （二） 3. •). */
/** The marks a list item opens with, one kind each (一、 / 一是 / （一） / （1） / 1. / a bullet): items of one list share theirs. */
export const ITEM_MARKS = [/^[一二三四五六七八九十]+、/u, /^[一二三四五六七八九十]是/u, /^[（(][一二三四五六七八九十]+[）)]/u, /^[（(]\d+[）)]/u, /^\d+[.、．)）]/u, /^[-•·●■◆▪]/u];
/** A list item of any kind: the marks' patterns, each without its leading ^, under one. */
export const LIST_ITEM = new RegExp(`^(?:${ITEM_MARKS.map((mark) => mark.source.slice(1)).join("|")})`, "u");
const LIST_LEAD = /[：:](?:$|\s*(?:[一二三四五六七八九十]+、|[一二三四五六七八九十]是|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．)）]))/;

/** 「此次集中开工的重点项目包括：」 (maybe with its first item after the colon): the sentence opens a list. */
export function opensList(text: string): boolean {
  return LIST_LEAD.test(text);
}

/** 「A、B等43个项目集中开工」 answers 「集中开工的是哪几个项目」: the enumerated things are the asked ones. */
export function enumeratesAsked(frame: QuestionFrame, text: string): boolean {
  return [...text.matchAll(ENUMERATION)].some((match) => frame.terms.some((term) => match[1]!.includes(term)));
}

/** The sentence states what the asked term means: 「“融”就是…」, 「X是指…」. */
/** The count and head noun of 「哪三大产业」「这四大功能区」 in a question, and whether a sentence names that many of that class (「三大主导产业」). */
function namesCountedClass(question: string, sentence: string): boolean {
  const asked = /(?:哪|这)([一二三四五六七八九十两]|\d+)大([\p{Script=Han}]{1,6}?)(?:是|有|分别|都|呢|[？?]|$)/u.exec(question);
  if (!asked) return false;
  const [, count, head] = asked;
  for (let at = sentence.indexOf(`${count}大`); at >= 0; at = sentence.indexOf(`${count}大`, at + 1)) {
    const after = at + count!.length + 1;
    if (sentence.slice(after, after + head!.length + MAX_CLASS_WORDS).includes(head!)) return true;
  }
  return false;
}
/** Words a sentence may put between the count and the class's head noun (三大「主导」产业). */
const MAX_CLASS_WORDS = 4;

function definesTerm(frame: QuestionFrame, text: string, lexicon: Lexicon): boolean {
  const term = frame.quoted.at(-1) ?? frame.terms.at(-1);
  if (!term) return false;
  // 「所谓“一单到底”，是指…」: a comma may stand between the term and its marker.
  return lexicon.words.definitionMarkers.some((marker) =>
    ["”", "」", "”，", "」，"].some((close) => text.includes(`${term}${close}${marker}`)) || text.startsWith(`${term}${marker}`) || text.startsWith(`${term}，${marker}`));
}

/** The kinds a sentence's cue words say (力争 → target, 同比 → actual); event verbs (签约, 开工) say none here. */
export function kindsSaid(text: string): Set<"target" | "actual"> {
  const spans = findKinds(text).filter((span) => span.strength !== "event");
  // 「力争重点项目完成投资达到250亿元」: a goal word decides; result verbs (完成, 达到) say the kind only alone.
  const strong = spans.filter((span) => span.strength !== "verb");
  return new Set((strong.length > 0 ? strong : spans).map((span) => span.kind));
}

/** An event's season is the one its sentence names, else its article's title: it must be the asked one. */
export function seasonAgrees(asked: string | undefined, text: string, title: string): boolean {
  if (asked === undefined) return true;
  const said = readSeason(text) ?? readSeason(title);
  return said === undefined || said === asked;
}

/** The event a text reports happened in the asked month (the rule is src/reading/event.ts). */
export function textMonthAgrees(asked: number, text: string, publishedOn: string | null): boolean {
  return eventMonthAgrees(asked, readMonth(text)?.month, publishedOn);
}

export function hasTimeExpression(text: string): boolean {
  return TIME_EXPRESSION.test(text);
}

/** A day said or implied (4月14日, 日前 = a few days before publication). */
const DAY_EXPRESSION = /\d{1,2}月\d{1,2}日|日前|近日|当天|当日/;
export function hasDayExpression(text: string): boolean {
  return DAY_EXPRESSION.test(text);
}

/** A quantity, not a date: years (2022年), days (4月14日) and months do not count. */
export function hasNumber(text: string): boolean {
  return NUMBER.test(text.replace(/(?:19|20)\d{2}\s*年(?:度)?|\d{1,2}月(?:\d{1,2}日)?(?:份)?|\d{1,2}日/g, ""));
}
