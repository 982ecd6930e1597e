import type { Corpus } from "../corpus/index.js";
import type { Citation } from "../domain/types.js";
import { definesSubject, enumerationStep, givesCause, isPrompt, pointsAhead, readPeriod, reportsSpeech, setsScene } from "../reading/index.js";
import type { SourceRef } from "../tools/index.js";
import { hasNumber, kindsSaid } from "./scoring.js";
import { textOrder, throughFullStop, type Sentence, type SentenceBank } from "./sentences.js";
import { weight } from "./weights.js";

/** How many lines a brief shows. */
const BRIEF_LINES = 5;
const MIN_CHARS = 8;
const LONG_CHARS = 160;
/** Articles read for one brief, newest first: enough for a zone's year, bounded on a 10k archive. */
const MAX_ARTICLES = 40;
/** Two sentences sharing this much of their characters say the same thing: only one is shown. */
const SAME_SENTENCE_OVERLAP = 0.6;
/** A line this short (a table row, a list item) is shown with its section's other short lines, up to PACKED_CHARS. */
const ROW_CHARS = 40;
const PACKED_CHARS = 160;
/** A paragraph this short without sentence punctuation is a heading: the lines below it, up to the next one, are its section. */
const HEADING_CHARS = 24;
/** A line quoting a list's first point (一是…) quotes its next points (二是…, 三是…) up to this length. */
const ENUMERATION_CHARS = 240;
/** A sentence ending in a colon leads in to what follows it. */
const LEADS_IN = /[：:]$/u;

export interface BriefRequest {
  zone: string;
  year?: number;
  /** 「四季度有啥安排」: sentences of another part of the year do not brief it. */
  period?: string;
  kind?: "target" | "actual";
  topic: string[];
  /** 「崂山为啥能跑这么快」: sentences that give a cause (「…是…的重要原因」) and their paragraphs come first. */
  asksWhy?: boolean;
}

export interface BriefLine {
  sentence: Sentence;
  citation: Citation;
}

interface Candidate {
  sentence: Sentence;
  score: number;
  /** Article and section (heading block, else paragraph): lines of one section tend to say one thing. */
  section: string;
  /** How many sentences the candidate's paragraph has. */
  paragraphSentences: number;
}

/**
 * The 3–5 most informative sentences about one zone (and year): sentences that speak about the zone,
 * with figures, the asked topic's words and the asked kind's cue words scoring higher, quoted verbatim,
 * spread over the sections of what was written (a table's rows or one paragraph do not fill a brief).
 */
export function writeBrief(request: BriefRequest, corpus: Corpus, bank: SentenceBank, source: (articleId: string) => SourceRef): BriefLine[] {
  const candidates = scoreSentences(request, corpus, bank);
  const picked = pickSpread(candidates, (sentence) => bank.ofArticle(sentence.articleId));
  return picked
    .sort((a, b) => textOrder(a.sentence, b.sentence))
    .map(({ sentence, rows }) => ({ sentence, citation: { ...source(sentence.articleId), quote: joinRows(rows) } }));
}

export function scoreSentences(request: BriefRequest, corpus: Corpus, bank: SentenceBank): Candidate[] {
  const { gazetteer } = corpus;
  const w = (name: string) => weight("brief", name);
  const about = (zones: string[]) => zones.some((zone) => gazetteer.isWithin(zone, request.zone));
  const articles = [...corpus.articles.values()]
    .filter((article) => about(article.zones))
    .sort((a, b) => (b.date ?? "").localeCompare(a.date ?? ""))
    .slice(0, MAX_ARTICLES);
  const scored: Candidate[] = [];
  // Rare topic words say more than common ones (氢能 over 产业, 发展).
  const rarity = new Map(request.topic.map((term) => [term, Math.log(1 + bank.size / (1 + bank.documentFrequency(term)))]));
  const topicWeight = [...rarity.values()].reduce((a, b) => a + b, 0);
  // A topic word in an article's headline (「两江新区2023年“成绩单”」 for 「成绩单讲了啥」) is what the whole piece is: every
  // sentence of it has that word.
  const topicShareOf = (sentence: Sentence) => {
    const title = bank.titleOf(sentence.articleId).toLowerCase();
    return topicWeight > 0 ? request.topic.filter((term) => sentence.lower.includes(term) || title.includes(term)).reduce((sum, term) => sum + rarity.get(term)!, 0) / topicWeight : 0;
  };
  const otherKind = request.kind === "target" ? "actual" : "target";
  // 「介绍一下X」 asks neither a year nor a kind: what X is comes first.
  const introduces = request.year === undefined && request.kind === undefined;
  for (const article of articles) {
    // A piece about the zone (its home zone) says more of it than a roundup that names it once.
    // A zone inside the asked one (董家口 in 西海岸新区) speaks for part of it only.
    const home = article.zones[0];
    const aboutArticle = home === request.zone ? w("aboutArticle") : home !== undefined && gazetteer.isWithin(home, request.zone) ? w("aboutPartZone") : 0;
    const sentences = bank.ofArticle(article.id);
    const perParagraph = paragraphSizes(sentences);
    const sections = sectionsOf(sentences, perParagraph);
    // 「氢能产业是该园重点培育的新兴产业。目前，园区已集聚…」: a paragraph's first sentence names what the rest of it is about.
    const leadShare = new Map<number, number>();
    for (const sentence of sentences) if (!leadShare.has(sentence.paragraph)) leadShare.set(sentence.paragraph, topicShareOf(sentence));
    // A paragraph that gives a cause: its sentences answer 「为啥」.
    const causal = new Set(request.asksWhy ? sentences.filter((sentence) => givesCause(sentence.text)).map((sentence) => sentence.paragraph) : []);
    for (const [at, sentence] of sentences.entries()) {
      // A question (an interviewer's 「记者：2025年有哪些打算？」) states nothing.
      if (sentence.text.length < MIN_CHARS || /[？?]$/u.test(sentence.text) || isPrompt(sentence.text) || isHeading(sentence, perParagraph) || !about(sentence.zones)) continue;
      // What someone said, without a figure, is a comment (「相关负责人表示，这也是…的底气所在」).
      if (reportsSpeech(sentence.text) && !hasNumber(sentence.text)) continue;
      // Who attended or chaired (「…出席」「…主持」) only sets the scene.
      if (setsScene(sentence.text) && !hasNumber(sentence.text)) continue;
      // One that points at what follows (「一起来看要点」) says nothing of its own.
      if (pointsAhead(sentence.text) && !hasNumber(sentence.text)) continue;
      if (request.year !== undefined && !sentence.years.includes(request.year)) continue;
      const period = readPeriod(sentence.text) ?? sentence.contextPeriod;
      if (request.period && request.period !== "Y" && period !== undefined && period !== "Y" && period !== request.period) continue;
      let score = aboutArticle;
      // A list of points (「重点抓三件事：一是…」) says as much as a figure.
      const figure = hasNumber(sentence.text) || enumerationStep(sentence.text) === 1;
      if (figure) score += w("figure");
      if (gazetteer.mentions(sentence.text).some((mention) => gazetteer.isWithin(mention.zone, request.zone))) score += w("namesZone");
      const topicShare = Math.max(topicShareOf(sentence), w("paragraphTopic") * leadShare.get(sentence.paragraph)!);
      score += w("topic") * topicShare;
      // 「今年我们力争…。重点抓三件事：…」: a sentence that says no kind goes on with the one before it in its paragraph.
      const before = sentences[at - 1];
      const own = kindsSaid(sentence.text);
      const said = own.size === 0 && before?.paragraph === sentence.paragraph ? kindsSaid(before.text) : own;
      if (request.kind && said.has(request.kind)) score += w("kindCue");
      else if (request.kind && said.has(otherKind)) score -= w("otherKindCue");
      if (request.period && request.period !== "Y" && period === request.period) score += w("askedPeriod");
      const defines = introduces && definesSubject(sentence.text);
      // A sentence with no figure, no goal or result, nothing of the topic and no definition only sets the scene (「…召开工作会议」).
      if (!figure && said.size === 0 && topicShare === 0 && !defines && !causal.has(sentence.paragraph)) continue;
      if (defines) score += w("defines");
      if (causal.has(sentence.paragraph)) score += w("cause");
      // The lead sums a piece up, when it says something (「…召开2025年工作会议」 only dates the piece).
      if (sentence.paragraph === sentences[0]?.paragraph && (figure || said.size > 0)) score += w("lead");
      if (sentence.text.length > LONG_CHARS) score -= w("tooLong");
      scored.push({ sentence, score, section: `${article.id}#${sections.get(sentence.paragraph)}`, paragraphSentences: perParagraph.get(sentence.paragraph)! });
    }
  }
  // Of equal sentences the newer piece's comes first: it says how things stand now.
  const date = (c: Candidate) => bank.dateOf(c.sentence.articleId) ?? "";
  return scored.sort((a, b) => b.score - a.score || date(b).localeCompare(date(a)) || textOrder(a.sentence, b.sentence));
}

/**
 * Best first, each further line of an already shown section counting less, so the brief covers what
 * the pieces are about (results, plans, a project) rather than five rows of one table.
 */
function pickSpread(candidates: Candidate[], articleSentences: (sentence: Sentence) => Sentence[]): { sentence: Sentence; rows: Sentence[] }[] {
  const sectionPenalty = weight("brief", "sameSection");
  const shown = new Map<string, number>();
  const used = new Set<Sentence>();
  const picked: { sentence: Sentence; rows: Sentence[] }[] = [];
  while (picked.length < BRIEF_LINES) {
    let best: Candidate | undefined;
    let bestScore = -Infinity;
    for (const candidate of candidates) {
      if (used.has(candidate.sentence)) continue;
      const score = candidate.score - sectionPenalty * (shown.get(candidate.section) ?? 0);
      if (score > bestScore) [best, bestScore] = [candidate, score];
    }
    if (!best) break;
    used.add(best.sentence);
    if (picked.some((other) => other.rows.some((row) => overlap(row.text, best.sentence.text) >= SAME_SENTENCE_OVERLAP))) continue;
    const rows = enumerationStep(best.sentence.text) === 1
      ? withNextPoints(best.sentence, articleSentences(best.sentence), used)
      : LEADS_IN.test(best.sentence.text)
        ? withItems(best.sentence, articleSentences(best.sentence), used)
        : SEMICOLON_END.test(best.sentence.text) && !isRow(best)
          ? withClauses(best.sentence, articleSentences(best.sentence), used)
          : packRows(best, candidates, used);
    shown.set(best.section, (shown.get(best.section) ?? 0) + 1);
    // A line shown on its own before is now quoted with the list it belongs to.
    for (let i = picked.length - 1; i >= 0; i--) if (rows.includes(picked[i]!.sentence)) picked.splice(i, 1);
    picked.push({ sentence: best.sentence, rows });
  }
  return picked;
}

/** Rows quoted as one line: 「；」 between them, none after a lead-in's colon. */
function joinRows(rows: Sentence[]): string {
  return rows.map((row) => row.text.replace(/[。；;]$/u, "")).reduce((line, row) => (line === "" ? row : LEADS_IN.test(line) ? line + row : `${line}；${row}`), "");
}

/** A list's first point (「重点抓三件事：一是…」) with the points that follow it in its paragraph (二是…, 三是…), in order. */
function withNextPoints(first: Sentence, sentences: Sentence[], used: Set<Sentence>): Sentence[] {
  const rows = [first];
  let chars = first.text.length;
  for (const next of sentences.filter((s) => s.paragraph === first.paragraph && s.index > first.index).sort((a, b) => a.index - b.index)) {
    if (enumerationStep(next.text) !== rows.length + 1 || chars + next.text.length > ENUMERATION_CHARS) break;
    rows.push(next);
    used.add(next);
    chars += next.text.length;
  }
  return rows;
}

/**
 * 「…围绕“一主两新”产业体系持续发力：」 leads in to the items below it: each following paragraph's first sentence
 * (a list item), in order, up to a heading or ENUMERATION_CHARS.
 */
function withItems(lead: Sentence, sentences: Sentence[], used: Set<Sentence>): Sentence[] {
  const perParagraph = paragraphSizes(sentences);
  const rows = [lead];
  let chars = lead.text.length;
  let paragraph = lead.paragraph;
  for (const next of sentences.filter((s) => s.paragraph > lead.paragraph).sort((a, b) => a.index - b.index)) {
    if (next.paragraph === paragraph) continue;
    if (next.paragraph !== paragraph + 1 || isHeading(next, perParagraph) || chars + next.text.length > ENUMERATION_CHARS) break;
    rows.push(next);
    used.add(next);
    chars += next.text.length;
    paragraph = next.paragraph;
  }
  return rows;
}

/**
 * 「今年1—9月，度假区累计接待游客386.5万人次，同比增长14.2%；」 ends on a semicolon: the clauses after it, up to the
 * full stop (「实现旅游综合收入41.7亿元…」), say the rest of what its sentence reports.
 */
function withClauses(first: Sentence, sentences: Sentence[], used: Set<Sentence>): Sentence[] {
  const rest = throughFullStop(first, sentences, PACKED_CHARS);
  for (const next of rest) used.add(next);
  return [first, ...rest];
}

const SEMICOLON_END = /[；;]$/u;

/** A short line of its own (a table row, a list item) with the other such lines of its section that also brief the zone, in order. */
function packRows(first: Candidate, candidates: Candidate[], used: Set<Sentence>): Sentence[] {
  if (!isRow(first)) return [first.sentence];
  const rows = [first.sentence];
  let chars = first.sentence.text.length;
  const siblings = candidates
    .filter((c) => c.section === first.section && !used.has(c.sentence) && isRow(c) && c.score >= first.score - weight("brief", "packedBelowBest"))
    .sort((a, b) => a.sentence.index - b.sentence.index);
  for (const sibling of siblings) {
    if (chars + sibling.sentence.text.length > PACKED_CHARS) break;
    rows.push(sibling.sentence);
    used.add(sibling.sentence);
    chars += sibling.sentence.text.length;
  }
  return rows.sort((a, b) => a.index - b.index);
}

/** A short sentence that is a paragraph of its own: a table row, a list item (not a clause of running text). */
function isRow(candidate: Candidate): boolean {
  return candidate.sentence.text.length <= ROW_CHARS && candidate.paragraphSentences === 1;
}

/** A paragraph of its own, short, without sentence punctuation: 「2025年重点任务」「主要指标」「2025年：海洋科创平台加速集聚」. */
function isHeading(sentence: Sentence, perParagraph: Map<number, number>): boolean {
  return sentence.text.length <= HEADING_CHARS && !/[。！？；，,!?;]/u.test(sentence.text) && perParagraph.get(sentence.paragraph) === 1;
}

/** How many sentences each paragraph has. */
function paragraphSizes(sentences: Sentence[]): Map<number, number> {
  const sizes = new Map<number, number>();
  for (const sentence of sentences) sizes.set(sentence.paragraph, (sizes.get(sentence.paragraph) ?? 0) + 1);
  return sizes;
}

/** Each paragraph's section: the last heading above it, else the paragraph itself. */
function sectionsOf(sentences: Sentence[], perParagraph: Map<number, number>): Map<number, string> {
  const sections = new Map<number, string>();
  let heading: number | undefined;
  for (const sentence of sentences) {
    if (sections.has(sentence.paragraph)) continue;
    if (isHeading(sentence, perParagraph)) heading = sentence.paragraph;
    sections.set(sentence.paragraph, heading === undefined ? `p${sentence.paragraph}` : `h${heading}`);
  }
  return sections;
}

/** Share of the shorter text's character bigrams found in the longer one. */
function overlap(a: string, b: string): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 2) return 0;
  let shared = 0;
  for (let i = 0; i + 2 <= short.length; i++) if (long.includes(short.slice(i, i + 2))) shared++;
  return shared / (short.length - 1);
}
