import { escapeRegExp } from "../reading/index.js";
import { factCues, longestFirst, unitsData } from "./data.js";
import type { UnitCategory } from "./data.js";

/** Where one quantity sits inside its clause (all offsets local to `clause`). */
export interface QuantitySite {
  clause: string;
  /** Start of the words before the number (after the previous quantity in the clause, or 0). */
  leftFrom: number;
  /** Start of the qualifier before the number (突破, 达), or the number start. */
  leftTo: number;
  /** End of the unit plus any qualifier after it (以上). */
  rightFrom: number;
  /** Start of the next quantity in the clause, or the clause end. */
  rightTo: number;
  category: UnitCategory | "bare";
  /** Metric of the previous quantity in the same clause, for 260余个、180余亿元 style lists. */
  previousMetric: string;
  /** Removes a zone name at the start of a phrase (全区人才总量 → 人才总量). */
  stripZonePrefix: (phrase: string) => string;
}

/** What a number counts, and which named thing it is about. */
export interface MetricReading {
  metric: string;
  subject: string;
  /** True when the words around the number named no metric and one was borrowed or defaulted. */
  borrowed: boolean;
}

const MAX_METRIC_CHARS = 20;
const MAX_SUBJECT_CHARS = 60;
/** A subject read before a metric head shorter than this (紧抓一期) yields to the 的-phrase after the number. */
const MIN_LEFT_SUBJECT_CHARS = 5;
const TIME_PREFIX =
  /^(?:(?:19|20)[0-9]{2}年(?:度)?|[0-9０-９一二三四五六七八九十]{1,3}(?:至|到|-|—)?[0-9０-９一二三四五六七八九十]{0,3}月(?:份|底|末|初|中旬|上旬|下旬)?|[一二三四]季度|第[一二三四]季度|上半年|下半年|前[0-9一二三四五六七八九十]{1,2}个?月)/u;

function stripPrefixes(phrase: string, words: string[], stripZonePrefix: (p: string) => string): string {
  const sorted = longestFirst(words);
  let current = phrase;
  for (let guard = 0; guard < 20; guard++) {
    const before = current;
    current = stripZonePrefix(current.replace(TIME_PREFIX, ""));
    const word = sorted.find((w) => current.startsWith(w) && current.length > w.length);
    if (word) current = current.slice(word.length);
    if (current === before) break;
  }
  return current;
}

function stripSuffixes(phrase: string, words: string[]): string {
  const sorted = longestFirst(words);
  let current = phrase;
  for (let guard = 0; guard < 10; guard++) {
    const word = sorted.find((w) => current.endsWith(w));
    if (!word) break;
    current = current.slice(0, -word.length);
  }
  return current;
}

const MIN_AFTER_COLON_CHARS = 2;

/** Cleans a phrase before a number into a metric: drops cue words, time words, zone names, verbs like 达. */
/** A list item's own number: ①, ⑵, （三）, (4). */
const LIST_ITEM_MARK = /^(?:[\u2460-\u2473\u2474-\u2487\u2776-\u277f]|[（(][一二三四五六七八九十\d]{1,2}[)）])/u;

function cleanLeftPhrase(phrase: string, stripZonePrefix: (p: string) => string): string {
  const cues = factCues();
  // 「①规上工业总产值…」: a list item's number (circled, bracketed) opens the item, not what it measures.
  const whole = phrase.replace(/\s+/g, "").replace(/^[、，,的：:]+|[、，,]+$/g, "").replace(LIST_ITEM_MARK, "");
  // 「主要经济指标稳中有进：新培育专精特新企业13家」: a lead-in before a colon is no part of what is measured
  // (a colon right before the number leaves the words before it the metric: 「实际使用外资：5.94亿美元」).
  const afterColon = whole.slice(Math.max(whole.lastIndexOf("："), whole.lastIndexOf(":")) + 1);
  const lead = (afterColon.length >= MIN_AFTER_COLON_CHARS ? afterColon : whole).replace(/[：:]+$/u, "");
  // 「对新认定企业给予一次性奖励」: what is granted is measured, not who receives it.
  const grant = Math.max(...cues.grantVerbs.map((verb) => (lead.lastIndexOf(verb) >= 0 ? lead.lastIndexOf(verb) + verb.length : -1)));
  const cleaned = grant > 0 && lead.length - grant >= MIN_AFTER_COLON_CHARS ? lead.slice(grant) : lead;
  // 「过亿元项目签约」 ends in a word, not in the qualifier 约.
  const wordEnd = cues.qualifierWordExclusions.some((word) => cleaned.endsWith(word));
  const trailing = [...cues.trailingStrip, ...Object.keys(cues.qualifiersBefore)].filter((word) => !wordEnd || !cleaned.endsWith(word));
  const trimmed = stripSuffixes(cleaned, trailing);
  return stripPrefixes(trimmed, cues.leadingStrip, stripZonePrefix);
}

/** Leading verb of a phrase (抓好, 竣工投产…) and the rest. */
export function splitLeadVerb(phrase: string): { verb: string; rest: string } {
  let verb = "";
  let rest = phrase;
  for (let guard = 0; guard < 4; guard++) {
    const word = longestFirst(factCues().leadVerbs).find((w) => rest.startsWith(w) && rest.length > w.length);
    if (!word) break;
    verb += word;
    rest = rest.slice(word.length);
  }
  return { verb, rest };
}

/** The noun phrase at the start of `right`: cut at 的, or at a verb (加快, 开工…) after at least two characters. */
function leadingNoun(right: string): string {
  const text = right.replace(/^的/, "");
  let cut = text.length;
  const ofIndex = text.indexOf("的");
  if (ofIndex >= 1) cut = ofIndex;
  const { nounCutters, nounCutterExceptions, qualifiersBefore } = factCues();
  for (const word of nounCutters) {
    for (let i = text.indexOf(word, 2); i >= 0 && i < cut; i = text.indexOf(word, i + 1)) {
      const partOfNoun = nounCutterExceptions.some((e) => text.startsWith(e, i));
      if (!partOfNoun && !/[、和及与]/.test(text[i - 1] ?? "")) {
        cut = i;
        break;
      }
    }
  }
  // The next number's qualifier (16家企业近3亿元) is not part of this noun.
  return stripSuffixes(text.slice(0, cut), Object.keys(qualifiersBefore)).replace(/[、和及与，,\s]+$/u, "");
}

function startsWithCutter(text: string): boolean {
  return factCues().nounCutters.some((w) => text.startsWith(w));
}

/** The `X、Y等` list before a number, naming what the number aggregates; kept with 等. */
function aggregateSubject(left: string): string {
  return aggregateList(left).subject;
}

/** The `X、Y等` list before a number, and the verb that opens it (集中开工A、B等 → 集中开工). */
function aggregateList(left: string): { subject: string; verb: string } {
  const dengIndex = left.lastIndexOf("等");
  if (dengIndex < 1) return { subject: "", verb: "" };
  const head = left.slice(0, dengIndex + 1);
  const afterOf = head.slice(head.lastIndexOf("的") + 1);
  const cleaned = stripPrefixes(afterOf, factCues().leadingStrip, (p) => p);
  const { verb, rest } = splitLeadVerb(cleaned);
  return { subject: rest.slice(-MAX_SUBJECT_CHARS), verb };
}

/** Splits `万邦矿石码头等总投资` into subject 万邦矿石码头等 and head metric 总投资. */
function splitMetricHead(metric: string): { subject: string; head: string } | null {
  const head = longestFirst(factCues().metricHeads).find((h) => metric.endsWith(h));
  if (!head || metric.length === head.length) return head ? { subject: "", head } : null;
  const subject = splitLeadVerb(metric.slice(0, -head.length).replace(/的$/, "")).rest;
  // 清单化推进总投资…: a verb phrase before the head names no subject.
  const verbOnly = factCues().leadVerbs.some((v) => subject.endsWith(v));
  return { subject: verbOnly ? "" : subject, head };
}

/** 「低于青岛经开区同期的」「去年同期为」: a figure given for comparison names no metric of its own. */
function isComparison(phrase: string, stripZonePrefix: (p: string) => string): boolean {
  const { comparatorLeads, sameTermWords } = factCues();
  let rest = phrase.replace(/[的为是]+$/u, "");
  const lead = longestFirst(comparatorLeads).find((word) => rest.startsWith(word));
  if (lead) rest = rest.slice(lead.length);
  rest = rest.replace(TIME_PREFIX, "");
  // 「即墨汽车产业新城」 may read as a district's name and then a zone's: strip names until none is left in front.
  for (let guard = 0; guard < 3; guard++) {
    const stripped = stripZonePrefix(rest);
    if (stripped === rest) break;
    rest = stripped;
  }
  return sameTermWords.includes(rest.replace(/[的为是]+$/u, ""));
}

function isGrowthWord(metric: string): boolean {
  return factCues().growthWords.includes(metric);
}

/** 「社会消费品零售总额同比增长」 → 社会消费品零售总额: the measure a growth clause names. */
function withoutGrowthTail(metric: string): string {
  const tail = [...factCues().growthWords].sort((a, b) => b.length - a.length).find((word) => metric.endsWith(word));
  return tail && metric.length > tail.length ? metric.slice(0, -tail.length) : metric;
}

function isGeneric(noun: string): boolean {
  return factCues().genericNouns.includes(noun);
}

/**
 * 「21个项目开工建设」 says what 「开工建设项目21个」 says: a generic noun with its event verb after it (subject and
 * predicate) is stored in the attributive order the metric names use, so both wordings meet.
 */
function attributive(tail: string, noun: string): string {
  const predicate = tail.slice(noun.length);
  const opening = predicate.slice(0, PREDICATE_OPENING_CHARS);
  return tail.startsWith(noun) && factCues().countEventVerbs.some((verb) => opening.includes(verb)) ? `${predicate}${noun}` : tail;
}

/** How far into the predicate its event verb may start (顺利开工, 集中签约落地). */
const PREDICATE_OPENING_CHARS = 4;

/** Number counts the thing named after it: 41个续建项目, 26个项目竣工交付. */
function readCounted(site: QuantitySite, right: string): MetricReading {
  const left = site.clause.slice(site.leftFrom, site.leftTo);
  const noun = leadingNoun(right);
  const fullLeft = site.clause.slice(0, site.leftTo);
  const list = aggregateList(left).subject ? aggregateList(left) : aggregateList(fullLeft);
  const subject = list.subject;
  // 「集中开工A、B等12个重点项目」 counts projects started, not projects in general.
  const event = factCues().countEventVerbs.includes(list.verb) && !noun.includes(list.verb) ? list.verb : "";
  let metric = `${event}${noun}`;
  if (isGeneric(noun)) {
    const clauseVerb = splitLeadVerb(stripPrefixes(site.clause.slice(0, site.leftTo), factCues().leadingStrip, site.stripZonePrefix)).verb;
    const tail = stripSuffixes(right, Object.keys(factCues().qualifiersBefore));
    // 「16个项目总投资238.6亿元」: words running into the next figure are that figure's measure, not this count's.
    const intoNext = site.rightTo < site.clause.length;
    metric = tail.length > noun.length && !intoNext ? attributive(tail, noun) : `${clauseVerb}${noun}`;
  }
  return { metric: metric.slice(0, MAX_METRIC_CHARS), subject, borrowed: false };
}

/** 「当月」「单月」: a month's own, said before the verb of its figure. */
const SINGLE_MONTH_WORDS = /^(?:当月|单月)/u;

/** Words of a time said before a figure (2020年的, 去年的, 十三五末的): no measure. */
const WHEN_BEFORE = "(?:[^，,。；;：:的从由到至]{0,12}的)?";

/**
 * 「高新技术企业由2020年的386家增加到去年的1012家」: the first figure measures what stands before 由/从 (its
 * words returned without the opener); the second's words are the change (增加到去年的), so it measures what the
 * first did (`previous`). Undefined when the words are no such change.
 */
function fromTo(left: string): { measured: string } | { same: true } | undefined {
  const patterns = changePatterns();
  if (!patterns) return undefined;
  const opened = patterns.openedBefore.exec(left);
  if (opened && opened.index > 0) return { measured: left.slice(0, opened.index) };
  return patterns.changeBefore.test(left) ? { same: true } : undefined;
}

interface ChangePatterns {
  /** 「由2020年的」 ending the words before a figure. */
  openedBefore: RegExp;
  /** 「增加到去年的」: the whole of the words before a figure. */
  changeBefore: RegExp;
  /** 「增加到」「增至」 opening the words after a figure. */
  changeAfter: RegExp;
}

let changes: ChangePatterns | null | undefined;

/** The from-to patterns, built once from data/fact-cues.json (read for every figure of every article); null without words. */
function changePatterns(): ChangePatterns | null {
  if (changes !== undefined) return changes;
  const cues = factCues();
  const alternatives = (words: string[]): string => longestFirst(words).map(escapeRegExp).join("|");
  const change = `^[，,]?(?:${alternatives(cues.fromToVerbs)})(?:${alternatives(cues.fromToJoins)})`;
  changes = cues.fromToOpeners.length === 0 || cues.fromToVerbs.length === 0 ? null : {
    openedBefore: new RegExp(`(?:${alternatives(cues.fromToOpeners)})${WHEN_BEFORE}$`, "u"),
    changeBefore: new RegExp(`${change}${WHEN_BEFORE}$`, "u"),
    changeAfter: new RegExp(change, "u"),
  };
  return changes;
}

/** Number is what the words before it measure: 人才总量达46.73万人, 总投资10亿元的X项目. */
function readMeasured(site: QuantitySite, right: string): MetricReading {
  const written = site.clause.slice(site.leftFrom, site.leftTo);
  const change = fromTo(written);
  if (change && "same" in change && site.previousMetric) return { metric: site.previousMetric, subject: "", borrowed: true };
  const left = change && "measured" in change ? change.measured : written;
  const afterList = left.slice(left.lastIndexOf("、") + 1);
  let metric = cleanLeftPhrase(afterList, site.stripZonePrefix);
  let subject = "";
  let borrowed = false;
  const split = splitMetricHead(metric);
  if (split) {
    metric = split.head;
    subject = split.subject;
  }
  const rest = site.clause.slice(site.rightFrom);
  // 「…管委会以91.9分的总分位列第一」: a figure brought in by 以 is measured by the noun after its 的 (总分, 成绩).
  const instrumental = metric.endsWith("以") && rest.startsWith("的") ? leadingNoun(rest) : "";
  if (instrumental) return { metric: instrumental.slice(-MAX_METRIC_CHARS), subject: metric.slice(0, -1).slice(0, MAX_SUBJECT_CHARS), borrowed: false };
  const weakSubject = subject.length < MIN_LEFT_SUBJECT_CHARS && !subject.endsWith("等");
  if (weakSubject && rest.startsWith("的")) subject = "";
  if (!subject && site.category !== "ratio" && /^的?[\u4e00-\u9fffA-Za-z0-9“”"]/.test(rest) && !startsWithCutter(rest.replace(/^的/, ""))) {
    subject = leadingNoun(rest);
  }
  const aggregate = aggregateSubject(left);
  if (aggregate && metric.includes(aggregate)) metric = metric.replace(aggregate, "");
  subject ||= aggregate;
  // 「…完成规模以上工业总产值1318.6亿元，同比增长9.6%；其中9月当月完成156.2亿元」: words that only say the month and
  // the verb measure what the clause before did.
  const bare = metric.replace(SINGLE_MONTH_WORDS, "");
  const onlyVerb = metric !== bare && site.previousMetric !== "" && site.category !== "ratio" && (bare === "" || factCues().leadVerbs.includes(bare));
  if (onlyVerb) {
    metric = withoutGrowthTail(site.previousMetric);
    borrowed = true;
  } else if (!metric || LIST_JOINER.test(metric) || isComparison(metric, site.stripZonePrefix)) {
    // (「…分别增长15.8%、8.6%和9.2%」: the figure after 和 is the list's next item, of the measure before it.)
    metric = site.previousMetric || unitsData().defaultMetric[site.category] || "";
    borrowed = true;
  } else if (isGrowthWord(metric) && site.previousMetric) {
    metric = `${site.previousMetric}${metric}`;
    borrowed = true;
  } else if (factCues().bareMeasures.includes(metric) && site.previousMetric) {
    // 「社零增长11.5%，总量达到33.4亿元」: the total is of the measure whose growth came before it.
    metric = withoutGrowthTail(site.previousMetric);
    borrowed = true;
  }
  return { metric: metric.slice(-MAX_METRIC_CHARS), subject: subject.slice(0, MAX_SUBJECT_CHARS), borrowed };
}

/** Words that only join a list's items (、, 和, 及): a figure after one alone is the next item of the list before it. */
const LIST_JOINER = /^(?:、|和|及|与|以及)$/u;

/** Numbers as written (12.9, 258.2, 10): the figures of a list, counted to pair them with its names (or its zones). */
export const WRITTEN_NUMBER = /[0-9０-９]+(?:[.．][0-9０-９]+)?/gu;

/**
 * 「其中联芯、三安集成、美日丰创分别增长12.9%、258.2%和995.6%」: the i-th figure after 分别 is the i-th name's; its
 * metric is the name and the predicate (美日丰创增长). Undefined when the names and figures do not pair one to one.
 */
function respectiveMetric(site: QuantitySite): string | undefined {
  const cues = factCues();
  const { clause } = site;
  const word = cues.respectiveWords.find((w) => clause.lastIndexOf(w, site.leftTo) >= 0);
  if (!word) return undefined;
  const at = clause.lastIndexOf(word, site.leftTo);
  const firstFigure = clause.slice(at).search(WRITTEN_NUMBER);
  if (firstFigure < 0) return undefined;
  const predicate = clause.slice(at + word.length, at + firstFigure);
  if (predicate.length === 0 || predicate.length > cues.respectiveMaxPredicateChars || /[、，,和及与]/u.test(predicate)) return undefined;
  const opening = Math.max(...["，", ",", "；", ";", "：", ":"].map((mark) => clause.lastIndexOf(mark, at))) + 1;
  const namesText = stripPrefixes(clause.slice(opening, at), cues.leadingStrip, site.stripZonePrefix);
  const names = namesText.split(/[、和及与]/u).map((name) => name.trim()).filter(Boolean);
  const figures = clause.slice(at + firstFigure).match(WRITTEN_NUMBER) ?? [];
  const index = (clause.slice(at + firstFigure, site.leftTo).match(WRITTEN_NUMBER) ?? []).length;
  if (names.length < 2 || names.length !== figures.length || index >= names.length) return undefined;
  // 「一产、二产、三产增加值」「箱包鞋帽、小家电、家居用品出口」: the last name ends with the measure they all share.
  const last = names.at(-1)!;
  const shared = sharedMeasure(last, names.slice(0, -1));
  const name = index === names.length - 1 ? last : `${names[index]}${shared}`;
  return `${name}${stripSuffixes(predicate, cues.trailingStrip)}`.slice(0, MAX_METRIC_CHARS);
}

/** The measure word (出口, 增加值) ending the last of listed names, when no other name ends with one. */
function sharedMeasure(last: string, others: string[]): string {
  const heads = longestFirst(factCues().sharedMeasureHeads);
  const head = heads.find((word) => last.endsWith(word) && last.length - word.length >= 2);
  return head && !others.some((name) => heads.some((word) => name.endsWith(word))) ? head : "";
}

/**
 * 「海上风电运维母港项目（21.5亿元）」: an amount in brackets right after a name is the name's figure — a project's
 * investment (its metric 总投资, the project its subject), else what the name measures.
 */
function bracketedAmount(site: QuantitySite): MetricReading | undefined {
  const before = site.clause.slice(site.leftFrom, site.leftTo);
  if (site.category !== "money") return undefined;
  const name = bracketedName(before);
  if (name === undefined) return undefined;
  const cues = factCues();
  if (cues.bracketInvestmentNouns.some((noun) => name.endsWith(noun))) return { metric: cues.bracketInvestmentMetric, subject: name.slice(0, MAX_SUBJECT_CHARS), borrowed: false };
  return { metric: cleanLeftPhrase(name, site.stripZonePrefix).slice(-MAX_METRIC_CHARS), subject: "", borrowed: false };
}

/**
 * Reads metric and subject for a number from its clause. Counters followed by a noun (41个续建项目)
 * count that noun; everything else measures the words before it (外贸进出口总额增长20%).
 */
/**
 * 「此外，海上风电运维母港项目（」: the name an amount in brackets follows — the last item of its list, without the
 * words that join items (此外, 以及: data/fact-cues.json listJoinWords); undefined when the words end in no bracket.
 */
export function bracketedName(before: string): string | undefined {
  if (!/[（(]\s*$/u.test(before)) return undefined;
  const item = before.replace(/[（(]\s*$/u, "").split(/[、，,；;：:]/u).at(-1)!.trim();
  const joiner = longestFirst(factCues().listJoinWords).find((word) => item.startsWith(word));
  const name = (joiner ? item.slice(joiner.length) : item).trim();
  return name.length >= 2 ? name : undefined;
}

export function readMetric(site: QuantitySite): MetricReading {
  const respective = respectiveMetric(site);
  if (respective) return { metric: respective, subject: "", borrowed: false };
  const bracketed = bracketedAmount(site);
  if (bracketed) return bracketed;
  const right = site.clause.slice(site.rightFrom, site.rightTo);
  const counts = ["counter", "people"].includes(site.category);
  const nounFollows = right.length > 0 && !startsWithCutter(right) && /^[\u4e00-\u9fffA-Za-z0-9“"]/.test(right);
  // 「386家增加到去年的1012家」: words of a change after a count are no noun it counts.
  const changeFollows = changePatterns()?.changeAfter.test(right) ?? false;
  if (counts && nounFollows && !changeFollows) return readCounted(site, right);
  const reading = readMeasured(site, right);
  // A counter with a verb after it and nothing before (6项参选…): the verb phrase is what is counted.
  if (counts && reading.borrowed && right.length > 0) return { ...reading, metric: right.slice(0, MAX_METRIC_CHARS), borrowed: false };
  return reading;
}
