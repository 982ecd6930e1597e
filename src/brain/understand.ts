import type { Gazetteer, PlaceIndex, ZoneMention } from "../domain/index.js";
import { metricWordings, normalizeQuantity, unitEntry } from "../facts/index.js";
import { contentTerms, segments } from "../retrieval/index.js";
import { ordinalsOf, type Lexicon } from "./lexicon.js";
import { periodKey } from "./periods.js";
import { asksChange, asksTotal, namesYearSpan, questionAsksChange, coarsePeriod, findMonths, findPeriods, findSeasons, findYears, kindCueWords, readKind, readMonth, readSeason, readYear } from "../reading/index.js";
import type { QuestionFrame, QuestionType, Turn } from "./types.js";

const QUOTE_PATTERN = /[“"「『]([^”"」』]{1,40})[”"」』]/g;
const COUNTED_NUMBER = /(\d+(?:\.\d+)?)(个|家|项|支|张|列|处|批|条|座|栋|所|名|位|场|次|大)/g;
/** 「亿元以上项目」「过亿项目」「百亿级项目」: a class of projects by size — a magnitude with a number, 过/超, 元 or 级 (亿通 is a name). */
const SIZE_CLASS = /[0-9０-９]|[一二三四五六七八九十百千][亿万]|[过超逾][亿万百千]|[亿万]元|[亿万]级|以上|以下/u;
/** 「5号棚」「3号线」「二号楼」: a numbered thing's name, kept whole as one term. */
const NUMBERED_NAME = /(?:\d+|[一二三四五六七八九十]+)号[\u4e00-\u9fff]/gu;
/** A number with its magnitude (and currency): 2000亿, 5.6亿元, 300万美元. */
const STATED_AMOUNT = /\d+(?:\.\d+)?[万亿]+(?:美元|元)?/gu;
/** Adjectives a comparison turns on (更多, 最快, 谁…高): one list for every comparative pattern below. */
const COMPARED = "多|大|高|少|小|低|快|慢|强";
/** Words built on a question morpheme (哪办, 多少钱, 几时) ask rather than tell. */
const QUESTION_MORPHEME = new RegExp(`[哪几吗呢]|什么|多少|怎么|[更最](?:${COMPARED})`);

const COMPARATIVE = new RegExp(`[更最](${COMPARED})|(?:谁|哪个|哪家|哪一个|哪次)[^，。？?]{0,10}?(${COMPARED}|靠前)`);
/** 「谁多」「哪个更高」: the words that ask a comparison, and the adjective at the end of its clause. */
const COMPARISON_ASK = /(?:谁|哪一个|哪个|哪家|哪次)的?/u;
const COMPARISON_TAIL = new RegExp(`^([^，。？?]*?)[更最]?(?:${COMPARED})(?:一些|一点|些)?(?=[，。？?！!\\s]|$)`, "u");
/** 「谁…最高」「哪个更多」: the question's own word for the winner. */
const SAID_COMPARATIVE = new RegExp(`[更最](?:${COMPARED})`);

/** 「更高」 for 「谁的增速高」, 「最多」 for 「哪个最多」: how a comparison's answer words its winner. */
export function comparativeWord(question: string): string | undefined {
  // 「谁…最高」 says its own word for the winner.
  const said = SAID_COMPARATIVE.exec(question);
  if (said) return said[0];
  const match = COMPARATIVE.exec(question);
  if (!match) return undefined;
  return match[1] ? match[0] : `更${match[2]}`;
}

/** 「最高」「最快」「最多」: the first of several, as the question words it. */
const SUPERLATIVE = new RegExp(`最(?:${COMPARED})`);
export function superlativeWord(question: string): string | undefined {
  return SUPERLATIVE.exec(question)?.[0];
}

/** A written year in a comparison's clause is not one of its sides. */
const WRITTEN_YEAR = /(?:19|20)\d{2}\s*年/;

export interface ReadOptions {
  gazetteer: Gazetteer;
  lexicon: Lexicon;
  /** Year that 今年 means: the newest article's year. */
  referenceYear: number;
  history?: Turn[];
  /** Places the corpus' zones are named after (即墨 → 即墨区), for questions that name only the place. */
  places?: PlaceIndex;
}

/** Reads a question into a frame: zones, year, kind, type, content terms; fills gaps from history. */
export function readQuestion(question: string, options: ReadOptions): QuestionFrame {
  const { gazetteer, lexicon } = options;
  const text = withoutChatWords(question.trim().replace(/\s+/g, " "), lexicon);
  const quoted = [...text.matchAll(QUOTE_PATTERN)].map((m) => m[1]!.trim()).filter(Boolean);
  // A shortened name of a corpus zone (前海合作区) is that zone; a zone the corpus never names stays itself, to be declined by name.
  // 「中电光谷青岛产业园」: a place inside a facility's name says where the facility is, not what is asked about.
  const free = (mention: { start: number; end: number }) => !insideName(text, mention, lexicon);
  const strong = gazetteer.mentions(text).filter(free).map((mention) => ({ ...mention, zone: options.places?.sameZone(mention.zone) ?? mention.zone }));
  // Named by its place alone (「即墨2022年GDP多少」): the zone the corpus holds of that place.
  // With a zone named, a place names another only in a question of several subjects (「成都高新第三批开工和即墨开发区…」).
  const several = /[和与跟同、]/u.test(text);
  const placedAll = strong.length > 0 && !several ? [] : (options.places?.find(text) ?? []).filter(free).filter((place) => !strong.some((m) => (m.start < place.end && place.start < m.end) || m.start === place.end));
  // 「武汉临空港经开区」: more name and a type word after the place name another zone, asked by that name.
  const longerNames = placedAll.map((place) => options.places?.longerUnknownName(text, place, (name) => gazetteer.canonical(name) ?? gazetteer.mentions(name)[0]?.zone));
  const inLongerName = (place: { start: number; end: number }) => placedAll.some((other, i) => longerNames[i] !== undefined && place.start >= other.start && place.start < other.start + longerNames[i]!.length);
  // 「宜昌高新一季度…」: the zone's type said by its short stem (高新, 经开) right after the place is part of its name.
  const withStem = <T extends { zone: string; end: number }>(place: T): T => {
    const family = gazetteer.typeOf(place.zone);
    return family && text.startsWith(family, place.end) ? { ...place, end: place.end + family.length } : place;
  };
  const placed: ZoneMention[] = placedAll.filter((place) => !inLongerName(place)).map((place) => ({ ...withStem(place), weak: false }));
  // 「平度、莱西、胶州三家开发区」: each listed place's zone of that type, not the places themselves.
  const listed: ZoneMention[] = (options.places?.listedBeforeType(text, (name) => gazetteer.canonical(name)) ?? []).map((place) => ({ ...place, weak: false }));
  const mentions = listed.length >= 2
    ? [...listed, ...strong.filter((m) => !listed.some((l) => l.start < m.end && m.start < l.end))].sort((a, b) => a.start - b.start)
    : strong.length > 0 ? [...strong, ...placed].sort((a, b) => a.start - b.start) : placed.length > 0 ? placed : gazetteer.mentions(text, { includeWeak: true, soleOfType: true });
  // 「石家庄高新区和经开区」: the bare type word after the joiner is the same place's zone of that type.
  mentions.push(...gazetteer.sharedPlaceMentions(text, mentions.filter((m) => !m.weak)).filter((m) => !mentions.some((other) => other.start < m.end && m.start < other.end)));
  mentions.sort((a, b) => a.start - b.start);
  const abbreviated = abbreviatedZones(text, mentions, gazetteer);
  // A place inside an abbreviated park's name (即墨 of 即墨针织园) is part of that name, not a zone asked about.
  const outside = mentions.filter((m) => !abbreviated.some((a) => a.start <= m.start && m.end <= a.end && m.end - m.start < a.end - a.start));
  const zones = unique([...outside, ...abbreviated].map((m) => m.zone));
  const groupZones = unique(gazetteer.groupMentions(text).flatMap((g) => gazetteer.groupMembers(g.id)));
  // Years, periods and months are read by the same recognisers as articles; what they cover is no content word.
  const yearSpans = findYears(text, { referenceYear: options.referenceYear, lookBack: "off", shortYears: true }).filter((span) => span.year !== null);
  const year = readYear(text, { referenceYear: options.referenceYear, lookBack: "off", shortYears: true });
  // A zone named only by its short form, as the question's subject (「郑州航空港2024年…」), is no content word; inside
  // a longer run of words (「德汇船舶海工产业园项目」) or beside a full name it may be part of a project's name.
  // (Joined to a named zone by 和/与, it is a zone asked about too: 「宁东基地和科技城新区各多少」.)
  const opensPhrase = (m: { start: number }) => m.start === 0 || !/\p{Script=Han}/u.test(text[m.start - 1]!);
  const joined = (m: { start: number; end: number }) => lexicon.words.zoneJoiners.includes(text[m.start - 1] ?? "") || lexicon.words.zoneJoiners.includes(text[m.end] ?? "");
  const asSubject = abbreviated.filter((m) => (outside.length === 0 && opensPhrase(m)) || (opensPhrase(m) && joined(m)) || (outside.length > 0 && joined(m)));
  let remainder = blank(text, [...mentions, ...asSubject, ...yearSpans, ...findPeriods(text), ...findMonths(text), ...findSeasons(text)]);
  for (const group of gazetteer.groupMentions(text)) for (const alias of [group.name, ...group.aliases]) remainder = remainder.split(alias).join(" ");
  const type = readType(text, lexicon, zones.length + groupZones.length);
  const items = type === "sum" || type === "compare" ? readItems(remainder, type, text, zones) : [];
  const frame: QuestionFrame = {
    question: text,
    type,
    zones,
    groupZones,
    year,
    years: [...new Set(yearSpans.filter((span) => !span.relative && !span.yearless).map((span) => span.year!))],
    ordinals: ordinalsOf(text, lexicon),
    yearKinds: kindsByYear(text, yearSpans.filter((span) => !span.relative && !span.yearless), lexicon),
    kind: readKind(text),
    period: periodKey(text),
    // Two zones each named in the question, by name, place or short form (「潍坊滨海…，和中德园…」) — unless the
    // sides are named items (「钱塘芯谷、杭州医药港、临江高科园…谁增长最快」: places inside the items' names).
    zonesNamed: listed.length >= 2 || new Set(strong.map((m) => m.zone)).size >= 2 || (items.length < 2 && !text.includes("、") && new Set([...strong, ...placed, ...abbreviated].map((m) => m.zone)).size === 2),
    unplacedZone: zones.length === 0 ? (longerNames.find((name) => name !== undefined) ?? unplacedZone(text, lexicon, gazetteer)) : undefined,
    pointInTime: coarsePeriod(text) === "point",
    cumulative: asksTotal(text),
    spansYears: namesYearSpan(text),
    month: readMonth(text)?.month,
    season: readSeason(text),
    terms: readTerms(remainder, quoted, lexicon),
    metricText: readMetricText(remainder, lexicon),
    quoted,
    events: lexicon.words.eventVerbs.filter((group) => group.some((verb) => text.includes(verb))),
    unitFamily: readUnitFamily(withoutSizeClasses(text), lexicon),
    explicitFamily: readExplicitFamily(withoutSizeClasses(text), lexicon),
    asksRank: lexicon.words.rankAsks.some((ask) => text.includes(ask)),
    entities: readEntities(remainder, lexicon),
    items,
    solo: lexicon.words.soloCues.some((cue) => text.includes(cue)),
    aggregate: lexicon.words.aggregateCues.some((cue) => text.includes(cue)),
    followUp: false,
  };
  return inheritFromHistory(frame, options.history ?? []);
}

/**
 * 「固投24年完成多少，25年目标多少」: each year's clause (from it to the next year) asks its own kind. Only
 * when two clauses ask different kinds; otherwise the question's one kind holds for all its years.
 */
function kindsByYear(text: string, spans: { start: number; year: number | null }[], lexicon: Lexicon): Record<number, "target" | "actual" | undefined> | undefined {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  if (sorted.length < 2) return undefined;
  const clauses = sorted.map((span, i) => text.slice(span.start, sorted[i + 1]?.start ?? text.length));
  const kinds: Record<number, "target" | "actual" | undefined> = {};
  // 「2023年和2024年…目标分别多少」: a year listed with the next one (its clause asks nothing) shares its kind.
  let next: "target" | "actual" | undefined;
  for (let i = sorted.length - 1; i >= 0; i--) {
    const asks = lexicon.words.figureAsks.some((ask) => clauses[i]!.includes(ask));
    next = readKind(clauses[i]!) ?? (asks ? undefined : next);
    kinds[sorted[i]!.year!] = next;
  }
  return new Set(Object.values(kinds)).size >= 2 ? kinds : undefined;
}

/** 「问下前湾综保区…」「…数据多少来着」: the question without the chat words around it that ask nothing. */
export function withoutChatWords(text: string, lexicon: Lexicon): string {
  const longestFirst = (words: string[]) => [...words].sort((a, b) => b.length - a.length);
  let out = text;
  for (let guard = 0; guard < 3; guard++) {
    const opener = longestFirst(lexicon.words.chatOpeners).find((word) => out.startsWith(word) && out.length > word.length + 2);
    if (!opener) break;
    out = out.slice(opener.length).replace(/^[，,、\s]+/u, "");
  }
  const end = /[？?！!。，,\s]*$/u.exec(out)!.index;
  const closer = longestFirst(lexicon.words.chatClosers).find((word) => out.slice(0, end).endsWith(word) && end > word.length + 2);
  return closer ? out.slice(0, end - closer.length) + out.slice(end) : out;
}

/**
 * 「临空区1—5月货邮吞吐量多少」: a question that opens with a name ending like a zone's (区, 园, 港…), right
 * before a time or a figure word, asks about that zone. When nothing places it, it is named so the
 * answer can decline by it rather than give another zone's figure.
 */
function unplacedZone(text: string, lexicon: Lexicon, gazetteer: Gazetteer): string | undefined {
  // 「介绍一下光谷…」: an opening ask is no part of the name.
  const opening = [...lexicon.words.briefCues, ...lexicon.fillers].filter((cue) => text.startsWith(cue)).sort((a, b) => b.length - a.length)[0] ?? "";
  const asked = text.slice(opening.length);
  const head = /^[\u4e00-\u9fff]{2,6}/u.exec(asked)?.[0];
  if (!head) return undefined;
  for (const ending of lexicon.words.unplacedZoneEndings) {
    const at = head.indexOf(ending, 1);
    if (at < 1) continue;
    const name = head.slice(0, at + ending.length);
    const rest = asked.slice(name.length);
    // Right after it: a year, a month or part of a year, or a figure word — the shape of 「X + 时间 + 指标」.
    if (!/^(?:[0-9０-９一二三四五六七八九十上下前今去明全]|年)/u.test(rest)) continue;
    if (name.length < 3 || gazetteer.isGenericWord(name) || gazetteer.canonical(name) || gazetteer.mentions(name, { includeWeak: true }).length > 0) continue;
    return name;
  }
  return undefined;
}

/** A place between other characters of a name and the name's ending (中电光谷|青岛|产业园): part of that name. */
function insideName(text: string, mention: { start: number; end: number }, lexicon: Lexicon): boolean {
  if (mention.start === 0 || !/[\u4e00-\u9fffA-Za-z]/u.test(text[mention.start - 1]!)) return false;
  return lexicon.words.entitySuffixes.some((suffix) => text.startsWith(suffix, mention.end));
}

/** Zone-like words the gazetteer does not list but that abbreviate one it does (崂山湾健康城, 院士港). */
function abbreviatedZones(text: string, mentions: { start: number; end: number }[], gazetteer: Gazetteer): ZoneMention[] {
  return gazetteer.abbreviations(text.replace(/(?:19|20)\d{2}年/g, (year) => " ".repeat(year.length)), mentions, { overListed: true });
}

/** The text with each span blanked out, offsets kept. */
function blank(text: string, spans: { start: number; end: number }[]): string {
  const chars = [...text];
  for (const span of spans) for (let i = span.start; i < span.end && i < chars.length; i++) chars[i] = " ";
  return chars.join("");
}

function readType(text: string, lexicon: Lexicon, zoneCount: number): QuestionType {
  const cues = lexicon.words.typeCues;
  const has = (type: string) => (cues[type] ?? []).some((cue) => text.includes(cue));
  // 「更多」「最高」, and 「谁多」「谁的增速高」「哪个大」: a comparison between sides the question names.
  const comparative = COMPARATIVE.test(text);
  if (has("sum") && /[、和与及]/.test(text)) return "sum";
  // 「要实现全年目标，下半年还要完成多少」: target minus what is done.
  if (has("remaining") && /目标|计划|任务/.test(text)) return "remaining";
  // 「A和B各多少，差多少」: two zones and the gap between them is a comparison.
  if (zoneCount >= 2 && lexicon.words.gapAsks.some((ask) => text.includes(ask))) return "compare";
  // (「这批签约里最大的项目是啥」: which one of them is the most, asked by 是啥 as by 哪个.)
  if (comparative && (zoneCount >= 2 || /[和与跟]|还是/.test(text) || zoneCount === 0 || /[里中]谁|哪个|[里中][^，,。？?]{0,4}最[^，,。？?]{1,8}是(?:啥|什么|哪)/u.test(text))) return "compare";
  // 「为啥增长」 asks a reason: sentences answer it, not a figure.
  if (has("why")) return "describe";
  if (has("define")) return "define";
  if (has("when")) return "when";
  if (has("where")) return "where";
  if (/是谁|谁[？?]?$/.test(text)) return "who";
  // 「…分别是多少」 asks for figures; 「分别是什么」「有哪些」 for a list.
  if (has("list") && !/多少|(?<!哪)几[个项家次支张列处]/.test(text)) return "list";
  // 「主攻哪三大产业」「是哪4个项目」: which ones, of a counted class, are items.
  if (/哪(?:[一二三四五六七八九十两]|\d+)[大个家项类条]/u.test(text)) return "list";
  if (has("numeric")) return "numeric";
  // 「设备投资补助政策是怎么规定的」「对D类企业咋处理」: how something is done is told, not counted — though its words (投资)
  // name a measure. (「怎么样」「咋样」 ask how things stand.)
  if (asksManner(text, cues.manner ?? [])) return "describe";
  // 「海洋生产总值增长目标？」 asks for a figure without saying 多少.
  if (Object.entries(lexicon.words.unitFamilyCues).some(([family, words]) => family !== "count" && words.some((w) => text.includes(w)))) return "numeric";
  return "describe";
}

/** A term without a copula 是 the segmenter left on its end (前三是 → 前三); 但是, 还是 and the like are fillers already. */
function withoutCopula(term: string): string {
  return term.length >= 3 && term.endsWith("是") ? term.slice(0, -1) : term.length === 2 && term.endsWith("是") ? "" : term;
}

/** A how-word right before a verb (怎么规定, 咋处理), not before 样 (怎么样). */
function asksManner(text: string, howWords: readonly string[]): boolean {
  return howWords.some((word) => {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      const next = text[at + word.length] ?? "";
      if (/\p{Script=Han}/u.test(next) && next !== "样") return true;
    }
    return false;
  });
}

/** 「招引了多少亿元以上项目」 counts projects of a size: the size's unit (亿元以上, 亿元级) asks no amount. */
function withoutSizeClasses(text: string): string {
  return text.replace(/[亿万]?元(?:及)?(?:以上|级)(?=[\u4e00-\u9fff]{0,6}?(?:项目|企业))/gu, "");
}

function readUnitFamily(text: string, lexicon: Lexicon): string | undefined {
  for (const [family, cues] of Object.entries(lexicon.words.unitFamilyCues)) {
    if (cues.some((cue) => text.includes(cue))) return family;
  }
  return undefined;
}

/** 「多少亿元」「多少万人」「百分之几」: the question names the unit of the answer outright. */
function readExplicitFamily(text: string, lexicon: Lexicon): string | undefined {
  for (const [family, units] of Object.entries(lexicon.words.explicitUnitCues)) {
    if (units.some((unit) => text.includes(`多少${unit}`) || text.includes(`几${unit}`) || text.includes(`${unit}几`))) return family;
  }
  return asksMagnitude(text, lexicon) ? "money" : undefined;
}

/** 「固投完成了多少亿」: a magnitude with no unit of its own after it (not 多少亿吨, 几亿人次) asks an amount of money. */
function asksMagnitude(text: string, lexicon: Lexicon): boolean {
  const { magnitudeAsks, magnitudeTails } = lexicon.words;
  return magnitudeAsks.some((ask) => {
    for (let at = text.indexOf(ask); at >= 0; at = text.indexOf(ask, at + 1)) {
      const next = text[at + ask.length];
      if (next === undefined || !/\p{Script=Han}/u.test(next) || magnitudeTails.includes(next)) return true;
    }
    return false;
  });
}

/** Content terms: counted numbers (3支), quoted phrases, then segmented words minus fillers. */
function readTerms(remainder: string, quoted: string[], lexicon: Lexicon): string[] {
  const counted = [...remainder.matchAll(COUNTED_NUMBER), ...remainder.matchAll(NUMBERED_NAME)].map((m) => m[0]);
  let rest = remainder.replace(QUOTE_PATTERN, " ").replace(COUNTED_NUMBER, " ").replace(NUMBERED_NAME, " ");
  for (const q of quoted) rest = rest.split(q).join(" ");
  // 「…里排第几」: the ask for a rank is no content word (nor is what segmentation makes of its edge).
  for (const ask of [...lexicon.words.rankAsks].sort((a, b) => b.length - a.length)) rest = rest.split(ask).join(" ");
  // 「哪天开的」「多少家德资企业」: question words are blanked before segmentation, so none merges with a neighbour (天开, 家德资).
  for (const word of questionWords(lexicon)) rest = rest.split(word).join(" ");
  for (const phrase of lexicon.words.modalPhrases) rest = rest.split(phrase).join(" ");
  const cut = cutAcross(rest);
  // 「破2000亿定在哪一年」「GDP是1447.5亿元的是哪一年」: an amount the question states, outside a metric's name
  // (10亿元以上项目), is one word — what the answer's sentence says — not pieces (亿定) for the segmenter to glue.
  const amounts = [...cut.rest.matchAll(STATED_AMOUNT)].map((m) => m[0]);
  rest = cut.rest.replace(STATED_AMOUNT, " ");
  const cues = kindCueWords("question");
  const kindWords = new Set([...cues.target, ...cues.actual, ...Object.values(lexicon.words.explicitUnitCues).flat()]);
  // 「前三是哪几个」「各是多少」: the copula the segmenter glued on (前三是) is no part of the word asked.
  const words = [...cut.words, ...contentTerms(rest).map(withoutCopula)].filter(
    (term) => term.length >= 2 && !lexicon.fillers.has(term) && !kindWords.has(term) && !/^\d+$/.test(term) && !QUESTION_MORPHEME.test(term),
  ).map((term) => (perUnit(term) ? `每${term.slice(1)}` : term));
  // 「集中签约签了几个」: a verb said again with 了 (签了) repeats a word already asked (签约); it adds nothing to match.
  const repeats = (term: string) => term.length === 2 && term.endsWith("了") && words.some((other) => other !== term && other.includes(term[0]!));
  words.push(...askedMeasureChar(remainder, lexicon));
  // 「排名跟上一年度比咋变了」: however the change is asked (变了 is cut to 变), the change itself is a word to find —
  // unless it asks how much (「占比变了多少」 is a difference of two figures, not a change written out).
  if (questionAsksChange(remainder) && !words.some(asksChange) && !/多少|几/u.test(remainder)) words.push(CHANGE_TERM);
  // 「签了几个」「投了多少」: 了 only marks the verb's aspect; the verb (签 of 签约) is what is asked.
  const verbOf = (term: string) => (term.length === 2 && term.endsWith("了") ? term[0]! : term);
  return unique([...quoted, ...counted, ...amounts, ...words.filter((term) => !repeats(term)).map(verbOf)]);
}

/**
 * 「多少钱一亩」「每平方米多少钱」: one (or each) of a unit is what a price is per — asked as 每亩, whichever way the
 * article writes it (「每亩19.2万元」「9.6万元/亩」: see termMatch).
 */
function perUnit(term: string): boolean {
  // Only a quantity of land or matter (亩, 平方米, 吨): 「一家企业」 counts a company, it is no price's unit.
  const category = PER_UNIT.test(term) ? unitEntry(term.slice(1))?.category : undefined;
  return category === "area" || category === "measure";
}

const PER_UNIT = /^[一每]\p{Script=Han}+$/u;
/** The term a question asking how something changed looks for (data/reading-topic.json change.asks). */
const CHANGE_TERM = "变化";

/**
 * 「交了多少税」: one character closing the question right after 多少 or 几 is what is measured (税 of 税收,
 * 纳税), unless it is a unit (多少亿, 几个) — so it is kept as a term, though terms are otherwise two characters.
 */
function askedMeasureChar(text: string, lexicon: Lexicon): string[] {
  const match = ASKED_CHAR.exec(text);
  const char = match?.[1];
  if (!char || unitEntry(char) || normalizeQuantity(`1${char}`) || lexicon.fillers.has(char) || QUESTION_MORPHEME.test(char)) return [];
  return [char];
}

const ASKED_CHAR = /(?:多少|几)(\p{Script=Han})(?=$|[，,。？?！!\s]|[了的呢啊呀吧])/u;

/**
 * 「社零增长」 cut 社|零增长: a wording of a metric the synonym table knows, which the segmenter cuts across, is read
 * whole (and blanked, so its pieces are not read again).
 */
function cutAcross(text: string): { words: string[]; rest: string } {
  const bounds = new Set<number>([0]);
  let at = 0;
  for (const piece of segments(text)) bounds.add((at += piece.length));
  let rest = text;
  const words: string[] = [];
  for (const wording of metricWordings()) {
    if (wording.length < 2) continue;
    for (let i = rest.indexOf(wording); i >= 0; i = rest.indexOf(wording, i + 1)) {
      if (bounds.has(i) && bounds.has(i + wording.length)) continue;
      words.push(wording.toLowerCase());
      rest = `${rest.slice(0, i)}${" ".repeat(wording.length)}${rest.slice(i + wording.length)}`;
    }
  }
  return { words, rest };
}

/**
 * Names of projects and facilities (「开工的鑫宇跨境电商产业园总投资多少」 → 鑫宇跨境电商产业园): a run of Han
 * characters ending in an entity word, starting after the last character no name contains.
 */
function readEntities(remainder: string, lexicon: Lexicon): string[] {
  const names: string[] = [];
  for (const suffix of [...lexicon.words.entitySuffixes].sort((a, b) => b.length - a.length)) {
    for (let at = remainder.indexOf(suffix); at >= 0; at = remainder.indexOf(suffix, at + 1)) {
      let start = at;
      while (start > 0 && /[\u4e00-\u9fff]/u.test(remainder[start - 1]!) && !lexicon.words.nameBreaks.includes(remainder[start - 1]!)) start--;
      // 「经开区那条园区…」: a pointing word right before a bare type word leaves no name at all.
      if (lexicon.words.demonstratives.some((word) => remainder.slice(start, at).endsWith(word))) continue;
      const pointed = lexicon.words.demonstratives.find((word) => remainder.startsWith(word, start) && at - start - word.length >= 2);
      if (pointed) start += pointed.length;
      const name = remainder.slice(start, at + suffix.length);
      // 「几个项目」「哪些园区」 ask about things; 「亿元以上项目」 is a class of them by size: neither names one.
      if (at - start >= 2 && !QUESTION_MORPHEME.test(name) && !SIZE_CLASS.test(name) && !namesClass(name.slice(0, -suffix.length), lexicon) && !names.some((known) => known.includes(name))) names.push(name);
    }
  }
  return names;
}

/** 「那批集中竣工投产」「重点」: the words before 项目 only say how projects were grouped or what happened to them. */
function namesClass(head: string, lexicon: Lexicon): boolean {
  const words = [...lexicon.words.classWords, ...lexicon.words.eventVerbs.flat()].sort((a, b) => b.length - a.length);
  let rest = head;
  for (let guard = 0; guard < 12 && rest.length > 0; guard++) {
    const word = words.find((w) => rest.startsWith(w));
    if (!word) return false;
    rest = rest.slice(word.length);
  }
  return rest.length === 0;
}

let askWords: string[] | undefined;
/** Fillers that ask (哪天, 多少, 什么时候, 几个…), longest first. */
function questionWords(lexicon: Lexicon): string[] {
  askWords ??= [...lexicon.fillers].filter((word) => word.length >= 2 && QUESTION_MORPHEME.test(word)).sort((a, b) => b.length - a.length);
  return askWords;
}

/** What is measured, in the question's own characters (segmentation would drop 新 of 新登记市场主体). */
function readMetricText(remainder: string, lexicon: Lexicon): string {
  let text = remainder.replace(/[“”"「」『』]/g, "");
  const cues = kindCueWords("question");
  // A cue that is also part of what is measured (增长了 → 增长) leaves that part behind.
  const kept = lexicon.words.cueStems;
  for (const word of [...cues.target, ...cues.actual].sort((a, b) => b.length - a.length)) text = text.split(word).join(kept[word] ?? "");
  // 「外贸谁多」「GDP增速和规上工业增加值增速哪个高」: the comparison's ask and its adjective are not measured;
  // nor is the 和 left where the compared zones were.
  const asked = COMPARISON_ASK.exec(text);
  if (asked) text = `${text.slice(0, asked.index)}${text.slice(asked.index).replace(COMPARISON_ASK, "").replace(COMPARISON_TAIL, "$1")}`;
  text = text.replace(/^[\s和与跟及、]+/u, "");
  // 「集中开工了多少个重点项目」: the unit asked with 多少 (个, 亿元) goes with it, or 开工…项目 is split by it.
  // 「一共多少个」「共有几家」: an adverb of totals before the ask measures nothing either.
  // (「外贸做了多少」: a light verb before the ask — 做了, 干了, 搞了 — measures nothing.)
  return text.replace(/(?:有|达到了?|为|做了|干了|搞了|了|一共|总共|共)(?=多少|几)/g, "").replace(askedUnit(lexicon), "").replace(/分别|各自|各是|多少|几|是|吗|呢|什么|[？?，,。！!：:\s]/g, "").replace(/^、+|、+$/g, "");
}

let askedUnitPattern: RegExp | undefined;
/** 多少/几 with the unit after it (多少个, 几家, 多少亿元, 多少万人). */
function askedUnit(lexicon: Lexicon): RegExp {
  const units = [...lexicon.unitFamily.keys()].sort((a, b) => b.length - a.length).map((unit) => unit.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  askedUnitPattern ??= new RegExp(`(?:多少|几)(?:万亿|亿|千万|百万|万|千|百)?(?:${units.join("|")})`, "gu");
  return askedUnitPattern;
}

/** Items of a sum (续建、新开工、竣工投产) or the two sides of a comparison. */
function readItems(remainder: string, type: QuestionType, text: string, zones: string[]): string[] {
  if (type === "sum") {
    const enumeration = /([^\s，,？?、]{1,14}(?:、[^\s，,？?、]{1,14})+)/.exec(remainder.replace(/[和与及]/g, "、"));
    // 「上合示范区和胶东临空经济示范区的…加起来」: the items are the zones themselves.
    if (!enumeration) return zones.length >= 2 ? zones : [];
    const items = enumeration[1]!.split("、");
    // The first item may carry a lead-in (「计划引入的先进高分子」), the last a tail (「轨道交通两类产业链项目」).
    items[0] = items[0]!.replace(/^.*的/, "");
    items[items.length - 1] = items.at(-1)!.replace(/(?:的|[两二三四五六七八九十\d]+[类个项种]|等|一共|共|加起来|合计).*$/, "");
    return items.map((item) => item.replace(/^(?:推动|计划|实现|推进)/, "").trim()).filter((item) => item.length >= 2);
  }
  // The sides are in the clause that joins them (「2024年一季度，上合示范区和胶东临空经济示范区谁的…」).
  const clause = text.split(/[，,？?]/).find((part) => /和|与|跟|还是/.test(part)) ?? "";
  const sides = clause.replace(WRITTEN_YEAR, "").split(/和|与|跟|还是/).map((s) => s.trim()).filter((s) => s.length >= 2);
  if (sides.length < 2) return [];
  // The last side may run on into the question (「胶东临空经济示范区谁的外贸…」).
  sides[sides.length - 1] = sides.at(-1)!.replace(/(谁|哪个|哪一个|哪家).*$/, "");
  return sides.map((side) => side.replace(/^(?:19|20)\d{2}年/, "")).filter((side) => side.length >= 2);
}

/** 「那2021年呢？」: keep what the new question says, borrow the rest from the last frame. */
function inheritFromHistory(frame: QuestionFrame, history: Turn[]): QuestionFrame {
  const previous = [...history].reverse().find((turn) => turn.frame)?.frame;
  if (!previous) return frame;
  const elliptical = frame.terms.length === 0 || /^(那|那么|还有|再问|同样|换成)/.test(frame.question) || /呢[？?]?$/.test(frame.question);
  if (!elliptical) return frame;
  return {
    ...frame,
    type: frame.terms.length === 0 ? previous.type : frame.type,
    zones: frame.zones.length ? frame.zones : previous.zones,
    groupZones: frame.groupZones.length ? frame.groupZones : previous.groupZones,
    year: frame.year ?? previous.year,
    years: frame.years.length ? frame.years : previous.years,
    // 「那2021年呢？」 after a question about 2022's target asks about 2021 as such: another year's kind is not carried over.
    kind: frame.kind ?? (frame.year !== undefined && frame.year !== previous.year ? undefined : previous.kind),
    period: frame.period ?? previous.period,
    month: frame.month ?? (frame.year !== undefined && frame.year !== previous.year ? undefined : previous.month),
    season: frame.season ?? (frame.year !== undefined && frame.year !== previous.year ? undefined : previous.season),
    terms: frame.terms.length ? frame.terms : previous.terms,
    metricText: frame.terms.length ? frame.metricText : previous.metricText,
    quoted: frame.quoted.length ? frame.quoted : previous.quoted,
    events: frame.events.length ? frame.events : previous.events,
    unitFamily: frame.unitFamily ?? previous.unitFamily,
    items: frame.items.length ? frame.items : previous.items,
    entities: frame.entities.length ? frame.entities : previous.entities,
    followUp: true,
  };
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
