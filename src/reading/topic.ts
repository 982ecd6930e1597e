import { topicWords } from "./data.js";
import { findPeriods } from "./period.js";
import { findYears } from "./year.js";

/** A section's number before its heading: 一、 （二） 3. */
const SECTION_NUMBER = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．])\s*/u;

/**
 * The topic a paragraph names at its head, for every sentence of it: 「综合排名方面，浙江…。其中，杭州经开区位列
 * 全国第9位」 — the ranking is the 综合排名. Frames from data/reading-topic.json (X方面, 从X看, 分X看…); the
 * topic is the head clause up to its first comma or colon.
 */
export function paragraphTopic(paragraphStart: string): string | undefined {
  // 「现将有关情况答复如下：一、关于二期标准厂房建设进度。…」: a lead ending in a colon opens the first section.
  const colon = Math.max(paragraphStart.lastIndexOf("："), paragraphStart.lastIndexOf(":"));
  const afterLead = colon >= 0 && SECTION_NUMBER.test(paragraphStart.slice(colon + 1)) ? topicAtHead(paragraphStart.slice(colon + 1)) : undefined;
  return topicAtHead(paragraphStart) ?? afterLead;
}

function topicAtHead(paragraphStart: string): string | undefined {
  // 「一、关于二期标准厂房建设进度。…」: a numbered section of a reply or report is about what its heading names.
  const unnumbered = paragraphStart.trimStart().replace(SECTION_NUMBER, "");
  const head = /^[^，,：:。；;！？!?]*/u.exec(unnumbered)![0];
  const { frames, maxChars } = topicWords();
  if (head.length === 0 || head.length > maxChars || head.length === unnumbered.length) return undefined;
  const framed = frames.some(([before, after]) => head.startsWith(before) && head.endsWith(after) && head.length > before.length + after.length);
  return framed ? head : undefined;
}

/**
 * 「三、申报时间」「四、申报材料」「（二）重点任务」: a section heading — a short paragraph with no sentence end, as
 * headingYear reads one — without its number: what the paragraphs below it, up to the next heading, give.
 */
export function sectionHeading(paragraph: string): string | undefined {
  if (headingYear(paragraph) === undefined) return undefined;
  const head = paragraph.trim().replace(SECTION_NUMBER, "").replace(/^#+\s*/u, "").trim();
  return head.length >= 2 ? head : undefined;
}

/**
 * Words a heading says the kind of answer with (data/reading-topic.json sectionAsks): 「申报时间」 holds what a
 * 「啥时候」 question asks, 「申报条件」 what 「谁能申报」 asks.
 */
export function sectionAskWords(questionType: string): string[] {
  return topicWords().sectionAsks[questionType] ?? [];
}

/**
 * A section heading's year: 「2025年：海洋科创平台加速集聚」 heads the results below it, 「2026年重点项目」 the plans.
 * A heading is a short paragraph with no sentence end and no figure but one year; `null` for a heading that
 * names no year (it ends the section before), undefined for a paragraph that is no heading.
 */
export function headingYear(paragraph: string): number | null | undefined {
  const text = paragraph.trim();
  // A list item (「- 大洋钻探船配套码头完工」) is no heading however short.
  if (text.length === 0 || text.length > topicWords().headingMaxChars || /[。！？!?；;，,]/u.test(text) || /^[-*•·]/u.test(text)) return undefined;
  const years = findYears(text, { lookBack: "off" }).filter((span) => !span.relative && !span.multiYear && span.year !== null);
  const rest = years.reduce((left, span) => left.replace(span.evidence, ""), text);
  if (/[0-9０-９]/u.test(rest)) return undefined;
  const named = [...new Set(years.map((span) => span.year!))];
  return named.length === 1 ? named[0]! : named.length === 0 ? null : undefined;
}

/**
 * A sentence that says what its subject is: a definition cue (位于, 是, 作为, 成立于… in data/reading-topic.json)
 * in its head clause within the first few characters — 「青岛蓝谷位于即墨区东部沿海，是…」, 「作为全省首个国家级高新区，…」.
 * A cue deep in a long clause (「…负责人表示，这是…」) is a remark, not a definition.
 */
export function definesSubject(sentence: string): boolean {
  const { definitionCues, definitionHeadChars } = topicWords();
  // 「重点抓三件事：一是…」 lists points: its 是 defines nothing.
  if (enumerationStep(sentence) !== undefined) return false;
  // 「编者按：」「杨帆：」: a short label before a colon says who speaks, not what the subject is.
  const said = sentence.trimStart().replace(/^[^，,。；;：:]{1,6}[：:]/u, "");
  const head = /^[^，,。；;！？!?]*/u.exec(said)![0].slice(0, definitionHeadChars);
  return definitionCues.some((cue) => {
    const at = head.indexOf(cue);
    // 「作为…」 opens the sentence; any other cue follows a subject of at least two characters.
    return at >= 0 && (at >= 2 || (at === 0 && cue === "作为"));
  });
}

/**
 * 「该项目位于…」「按照计划，项目2021年将完成…」: a back-reference at a clause's start says the sentence is about a
 * subject named earlier in its paragraph (data/reading-topic.json backReferences). 「鑫宇项目」 names its own.
 */
/** A measure name this long is a list item's own (技术合同登记成交额), not a word of the part before. */
const OWN_MEASURE_CHARS = 4;

/**
 * 「…，其中，预制菜企业32家，2025年产值」 before a figure: the words naming the part its figure is of (预制菜企业),
 * without figures, times, punctuation and the figure's own measure (`measure`); "" when no part opener stands
 * before it or the part is named only by the measure itself (「其中民间投资」).
 */
export function partNamedBefore(before: string, measure: string): string {
  const opener = Math.max(...topicWords().partOpeners.map((word) => before.lastIndexOf(word)));
  if (opener < 0) return "";
  const word = topicWords().partOpeners.find((w) => before.startsWith(w, opener)) ?? "";
  const tail = before.slice(opener + word.length);
  // 「其中，保税加工进出口额21.3亿元，跨境电商进出口额」: parts listed side by side, each named by its own measure.
  const head = measure.slice(-2);
  if (head.length === 2 && tail.split(measure).join(" ").includes(head)) return "";
  if (topicWords().partListMarks.some((mark) => tail.includes(mark))) return "";
  // 「其中，签约项目总投资…302.1亿元，技术合同登记成交额逾90亿元」: after another figure, a clause with a measure
  // name of its own is the next item of the list, not more of the first part.
  const lastBreak = Math.max(...["，", ",", "；", ";"].map((mark) => tail.lastIndexOf(mark)));
  const ownClause = tail.slice(lastBreak + 1);
  if (lastBreak >= 0 && /[0-9０-９]/u.test(tail.slice(0, lastBreak)) && measure.length >= OWN_MEASURE_CHARS && ownClause.includes(measure)) return "";
  const stripped = [...findYears(tail, { lookBack: "off" }), ...findPeriods(tail)]
    .sort((a, b) => b.start - a.start)
    .reduce((text, span) => `${text.slice(0, span.start)} ${text.slice(span.end)}`, tail)
    .split(measure)
    .join(" ")
    .replace(/[0-9０-９.．%％]+[\p{Script=Han}]?/gu, " ");
  return (stripped.match(/\p{Script=Han}{2,}/gu) ?? []).join(" ");
}

/** 「主持人：最后请您谈谈…」「问：…」: a line of the asking side, which prompts an answer and states nothing. */
export function isPrompt(sentence: string): boolean {
  const text = sentence.trim();
  return topicWords().promptLabels.some((label) => text.startsWith(label) && /^[：:]/u.test(text.slice(label.length).trimStart()));
}

export function refersBack(sentence: string): boolean {
  return topicWords().backReferences.some((word) => {
    for (let at = sentence.indexOf(word); at >= 0; at = sentence.indexOf(word, at + 1)) if (at === 0 || /[，,。；;：:\s]/u.test(sentence[at - 1]!)) return true;
    return false;
  });
}

/**
 * 「重点抓三件事：一是建设…」 opens a list of points (1), 「二是推动…」 continues it (2, 3…): the ordinal of the
 * point a sentence states at a clause's start (data/reading-topic.json enumeration), else undefined.
 */
export function enumerationStep(sentence: string): number | undefined {
  const { ordinals, marker } = topicWords().enumeration;
  for (let at = sentence.indexOf(marker); at > 0; at = sentence.indexOf(marker, at + 1)) {
    const step = ordinals.indexOf(sentence[at - 1]!);
    const opensClause = at - 1 === 0 || /[，,。；;：:\s]/u.test(sentence[at - 2]!);
    if (step >= 0 && opensClause) return step + 1;
  }
  return undefined;
}

/**
 * 「两江新区相关负责人表示，这也是…的底气所在」「“这张成绩单说明，…”」: a sentence that reports what someone said
 * or quotes them whole (data/reading-topic.json speechVerbs, or opening with a quotation mark).
 */
export function reportsSpeech(sentence: string): boolean {
  const text = sentence.trim();
  // Quoted whole: the first closing mark ends it (「“四新”经济是…」 only quotes a name).
  const close = text.search(/[”」]/u);
  const quoted = /^[“「]/u.test(text) && (close === -1 || close >= text.length - 2);
  return quoted || topicWords().speechVerbs.some((verb) => text.includes(verb));
}

/**
 * 「…局长魏鹏飞出席」「新区党工委宣传部副部长林晓岚主持」「欢迎参加今天的新闻发布会」: a sentence that only says who
 * attended, chaired or greeted (data/reading-topic.json sceneCues) sets the scene of an event; it reports nothing.
 */
export function setsScene(sentence: string): boolean {
  return topicWords().sceneCues.some((cue) => sentence.includes(cue));
}

/** 「一起来看要点」「现将有关情况通报如下」: a sentence that points at what follows (data/reading-topic.json pointerCues). */
export function pointsAhead(sentence: string): boolean {
  return topicWords().pointerCues.some((cue) => sentence.includes(cue));
}

/** 「“四新”经济是崂山跑出加速度的重要原因」「得益于…」: a sentence that gives a cause (data/reading-topic.json causeCues). */
export function givesCause(sentence: string): boolean {
  return topicWords().causeCues.some((cue) => sentence.includes(cue));
}

/** 「变化有多大」「咋变了」: the word a question asks how something changed with (data/reading-topic.json change.asks). */
export function asksChange(term: string): boolean {
  return topicWords().change.asks.includes(term);
}

/** 「排名跟上一年度比咋变了」: a question that asks how something changed, in any of its words. */
export function questionAsksChange(question: string): boolean {
  return topicWords().change.asks.some((word) => question.includes(word));
}

/** 「排名」「名次」 asked, 「由第1名降至第2名」「位列第17位」 written: a place in a ranking (data/reading-topic.json rankNouns). */
export function writesPlaceFor(term: string, text: string): boolean {
  return topicWords().rankNouns.includes(term) && PLACE_WRITTEN.test(text);
}

const PLACE_WRITTEN = /第(?:\d{1,3}|[一二三四五六七八九十百]+)[名位]/u;

/**
 * 「面积从4平方公里扩大到73平方公里」「由2024年度的第1名降至第2名」「上半年升至全市第一」: news writes a change as where it
 * started (从, 由) and where it got to (到, 至), or as a verb reaching a new level (升至, 降至): such a sentence says how
 * something changed, whatever word it uses for the change (data/reading-topic.json change).
 */
export function writesChange(sentence: string): boolean {
  const { openers, reached, maxSpan } = topicWords().change;
  if (reached.some((verb) => sentence.includes(verb))) return true;
  return openers.some((opener) => {
    for (let at = sentence.indexOf(opener); at >= 0; at = sentence.indexOf(opener, at + 1)) {
      const span = sentence.slice(at + opener.length, at + opener.length + maxSpan);
      const stop = span.search(/[，。；,;]/u);
      if (/[到至]/u.test(stop < 0 ? span : span.slice(0, stop))) return true;
    }
    return false;
  });
}

/** 「这几部影片…」「上述项目…」: a sentence that opens by pointing back at the items before it (data/reading-topic.json itemPointers). */
export function pointsAtItems(sentence: string): boolean {
  const text = sentence.trimStart();
  return topicWords().itemPointers.some((word) => text.startsWith(word));
}

/** 「位于即墨城区北部的青岛汽车产业新城…」: a sentence that says where something is (data/reading-topic.json locationCues). */
export function saysWhere(sentence: string): boolean {
  return topicWords().locationCues.some((cue) => sentence.includes(cue));
}

/**
 * 「关于组织申报…扶持资金的通知」「…若干措施」: a document's title (data/reading-topic.json documentTitleEnds). Its
 * sections (申报对象, 申报时间) never restate the subject: the title speaks for every one of them.
 */
export function titlesDocument(title: string): boolean {
  // 「《…若干政策》解读」: a reading of a document is titled by the document, its tail (解读, 问答) set aside.
  const tail = topicWords().documentReadingTails.find((word) => title.trim().endsWith(word));
  const text = (tail ? title.trim().slice(0, -tail.length) : title.trim()).replace(/[》」”"']+$/u, "");
  return topicWords().documentTitleEnds.some((end) => text.endsWith(end));
}

/**
 * 「位于青岛西海岸新区西部的藏马山旅游度假区…」: a place named right after a location cue (位于, 地处) says where
 * the subject is; it is not the subject.
 */
export function placesSubject(text: string, start: number): boolean {
  const before = text.slice(0, start);
  return topicWords().locationCues.some((cue) => before.endsWith(cue));
}
