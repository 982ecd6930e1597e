import { bigramDice } from "../text/similarity.js";
import { longestFirst, synonymsData } from "./data.js";

interface SynonymTable {
  /** Every member phrase, longest first. */
  members: string[];
  canonicalOf: Map<string, string>;
}

let table: SynonymTable | undefined;

function synonymTable(): SynonymTable {
  if (table) return table;
  const canonicalOf = new Map<string, string>();
  for (const group of synonymsData().groups) {
    const canonical = group[0] ?? "";
    for (const member of group) if (!canonicalOf.has(member)) canonicalOf.set(member, canonical);
  }
  table = { members: longestFirst(canonicalOf.keys()), canonicalOf };
  return table;
}

/** Every wording the synonym table knows (data/metric-synonyms.json groups), longest first. */
export function metricWordings(): readonly string[] {
  return synonymTable().members;
}

/** Drops punctuation, quotes and spaces that vary between phrasings of one metric. */
function normalizeText(s: string): string {
  return s.replace(/[\s“”"'‘’「」《》〈〉（）()【】[\]、，,。·]/g, "").toUpperCase();
}

/**
 * Canonical key of a metric phrase: each known synonym inside it (longest first, left to right) is
 * rewritten to its group's canonical form, so 外贸进出口总额增长 and 进出口总额增长 share a key.
 */
export function canonicalMetric(metric: string): string {
  const { members, canonicalOf } = synonymTable();
  const text = normalizeText(metric);
  let out = "";
  let i = 0;
  while (i < text.length) {
    const member = members.find((m) => text.startsWith(normalizeText(m), i));
    if (member) {
      out += canonicalOf.get(member) ?? member;
      i += normalizeText(member).length;
    } else {
      out += text[i];
      i += 1;
    }
  }
  return out;
}

/** All phrasings of the metrics named inside `metric` (the metric itself included), for query expansion. */
export function metricSynonyms(metric: string): string[] {
  const cached = synonymsCache.get(metric);
  if (cached) return cached;
  const { members, canonicalOf } = synonymTable();
  const found = new Set<string>([metric]);
  // Questions are lower-cased before they get here (「gdp」), the table writes 「GDP」.
  const asked = metric.toUpperCase();
  upperMembers ??= members.map((member) => member.toUpperCase());
  members.forEach((member, i) => {
    if (!asked.includes(upperMembers![i]!)) return;
    const canonical = canonicalOf.get(member);
    for (const [other, otherCanonical] of canonicalOf) if (otherCanonical === canonical) found.add(other);
  });
  // 「引进高层次人才」 is said 「新集聚高层次人才」 as often: a verb asked alone meets the verbs of its action (recall only).
  for (const action of synonymsData().actions) if (action.includes(metric)) for (const verb of action) found.add(verb);
  if (synonymsCache.size >= PARTS_CACHE_MAX) synonymsCache.clear();
  synonymsCache.set(metric, [...found]);
  return synonymsCache.get(metric)!;
}
// Scoring asks the same few question words of every candidate sentence: each is expanded once.
const synonymsCache = new Map<string, string[]>();
let upperMembers: string[] | undefined;

/**
 * The synonym groups a metric phrase names, the characters no group explains, and its head: the last group named.
 * Chinese noun phrases put what is measured last (签约项目总投资 measures 总投资 of 签约项目).
 */
interface MetricParts {
  groups: string[];
  rest: string;
  head?: string;
}

export function metricParts(metric: string): MetricParts {
  let parts = partsCache.get(metric);
  if (!parts) {
    if (partsCache.size >= PARTS_CACHE_MAX) partsCache.clear();
    parts = readParts(metric);
    partsCache.set(metric, parts);
  }
  return parts;
}

// Fact metrics repeat a lot across an archive; reading each wording once keeps lookups cheap.
const PARTS_CACHE_MAX = 100_000;
const partsCache = new Map<string, MetricParts>();

function readParts(metric: string): MetricParts {
  const { members, canonicalOf } = synonymTable();
  const text = normalizeText(metric);
  const groups: string[] = [];
  let rest = "";
  let trailing = "";
  let i = 0;
  while (i < text.length) {
    const member = members.find((m) => text.startsWith(normalizeText(m), i));
    if (member) {
      groups.push(canonicalOf.get(member) ?? member);
      i += normalizeText(member).length;
      trailing = "";
    } else {
      rest += text[i];
      trailing += text[i];
      i += 1;
    }
  }
  // The head is the last name only when the phrase ends with it: 「研发投入占地区生产总值比重」 measures a 比重.
  // (One character left over is a particle the extraction kept: 「签约项目总投资可」.)
  return { groups: [...new Set(groups)], rest: withoutNoise(rest), head: withoutNoise(trailing).length <= 1 ? groups.at(-1) : undefined };
}

function withoutNoise(text: string): string {
  let out = text;
  for (const word of longestFirst(synonymsData().noise)) out = out.split(word).join("");
  return out;
}

const KNOWN_BASE = 0.75;
const GAPPED_PENALTY = 0.05;
const MAX_GAP = 4;

let membersByGroup: Map<string, string[]> | undefined;

/** A group's members, normalised, read once. */
function membersOf(canonical: string): string[] {
  if (!membersByGroup) {
    membersByGroup = new Map();
    for (const [member, group] of synonymTable().canonicalOf) membersByGroup.set(group, [...(membersByGroup.get(group) ?? []), normalizeText(member)]);
  }
  return membersByGroup.get(canonical) ?? [];
}

/** Where the member's characters occur in order inside text, spread over at most MAX_GAP extra characters. */
function gappedSpan(member: string, text: string): { start: number; end: number } | undefined {
  if (member.length < 3) return undefined;
  for (let start = text.indexOf(member[0]!); start >= 0; start = text.indexOf(member[0]!, start + 1)) {
    let at = start;
    let matched = 0;
    while (at < text.length && at - start < member.length + MAX_GAP && matched < member.length) {
      if (text[at] === member[matched]) matched++;
      at++;
    }
    if (matched === member.length) return { start, end: at };
  }
  return undefined;
}

function occurrences(member: string, text: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (let at = text.indexOf(member); at >= 0; at = text.indexOf(member, at + 1)) found.push({ start: at, end: at + member.length });
  return found;
}

function withGaps(member: string, text: string): boolean {
  return gappedSpan(member, text) !== undefined;
}

/** A gapped match that is not simply another metric's own name (过百亿元项目 is not 过亿元项目 with 百 inserted). */
function gappedIn(member: string, text: string, found: string[]): boolean {
  const span = gappedSpan(member, text);
  if (!span) return false;
  const covering = found.flatMap(membersOf).some((other) => {
    for (let at = text.indexOf(other); at >= 0; at = text.indexOf(other, at + 1)) if (at <= span.start && at + other.length >= span.end) return true;
    return false;
  });
  return !covering;
}

/** A group found in text only because it sits inside a gapped member of `asked` (重点项目 in 过亿元重点项目). */
function withGapsCovers(asked: string, found: string, text: string): boolean {
  return membersOf(found).some((member) => text.includes(member)) && membersOf(asked).some((member) => withGaps(member, text));
}
const EXTRA_GROUP_PENALTY = 0.15;

/**
 * How well a fact's metric answers an asked metric (0..1). When the asked wording names known metrics,
 * the fact must name them all (新登记市场主体 meets 新设立市场主体; 税收收入 never meets 一般公共预算收入)
 * and the leftover words only refine; an unknown metric is matched on its characters alone.
 */
export function metricFit(asked: string, metric: string): number {
  const want = askedParts(asked);
  const have = metricParts(metric);
  if (want.groups.length === 0) return bigramDice(withoutNoise(normalizeText(asked)), withoutNoise(normalizeText(metric)));
  const missing = want.groups.filter((group) => !have.groups.includes(group));
  // 「过亿元重点产业项目」 still names 过亿元项目: a member with a few words inserted counts, a little less.
  const text = normalizeText(metric);
  if (!missing.every((group) => membersOf(group).some((member) => gappedIn(member, text, have.groups)))) return 0;
  // The fact measures its head: 签约项目总投资 is money, whatever 新签约项目 (a count) it shares with the question —
  // unless the head sits inside an asked name with words inserted (重点产业项目 in 过亿元重点产业项目).
  if (have.head !== undefined && !want.groups.includes(have.head) && !missing.some((group) => withGapsCovers(group, have.head!, text))) return 0;
  const spread = have.groups.filter((group) => !want.groups.includes(group) && !missing.some((m) => withGapsCovers(m, group, text))).length;
  const rest = want.rest === have.rest ? 1 : bigramDice(want.rest, have.rest);
  return Math.max(0, KNOWN_BASE + (1 - KNOWN_BASE) * rest - EXTRA_GROUP_PENALTY * spread - GAPPED_PENALTY * missing.length);
}

/**
 * The metric phrase ends with a known name the asked wording does not name: it measures that (「达产后可实现年产值」
 * is no 年度计划投资, 「签约项目总投资」 no count of 新签约项目), whatever other words they share.
 */
export function measuresOther(asked: string, metric: string): boolean {
  const head = metricParts(metric).head;
  // Only names the question says outright: one read into its words with gaps (营…业收入 in 营利性服务业收入) is a guess.
  const want = metricParts(asked);
  if (head === undefined || want.groups.length === 0 || want.groups.includes(head)) return false;
  // 「集中开工重点项目」 is read as 开工重点项目, yet it says 重点项目 too.
  const text = normalizeText(asked);
  return !membersOf(head).some((member) => text.includes(member));
}

/** True when the wording names at least one metric the synonym table knows. */
export function namesKnownMetric(text: string): boolean {
  return askedParts(text).groups.length > 0;
}

const askedCache = new Map<string, MetricParts>();

/**
 * A question's metric parts: the groups its words name, also with a few words inside a name
 * (「集中开工了多少个项目」 names 开工项目). Questions are few; facts are matched exactly (metricParts).
 */
function askedParts(text: string): MetricParts {
  let parts = askedCache.get(text);
  if (parts) return parts;
  const exact = metricParts(text);
  const normalized = normalizeText(text);
  // Spans the exact names already explain: a gapped name may not reach into them (新签约过亿元项目 is not 新签约…项目).
  const taken = exact.groups.flatMap(membersOf).flatMap((member) => occurrences(member, normalized));
  const gapped = [...new Set(synonymTable().canonicalOf.values())].filter(
    (group) => !exact.groups.includes(group) && membersOf(group).some((member) => {
      const span = gappedSpan(member, normalized);
      return span !== undefined && !taken.some((t) => t.start < span.end && span.start < t.end);
    }),
  );
  // 「外贸谁多」「外贸增速」: a shorthand that ends the asked words, inside no name, stands for its metric (外贸企业 asks 企业).
  const shorthand = Object.entries(synonymsData().askedShorthands)
    .filter(([short]) => withoutNoise(normalized).endsWith(normalizeText(short)) && !taken.some((t) => normalized.slice(t.start, t.end).includes(normalizeText(short))))
    .map(([, full]) => synonymTable().canonicalOf.get(full))
    .filter((group): group is string => group !== undefined && !exact.groups.includes(group));
  parts = { groups: [...new Set([...exact.groups, ...gapped, ...shorthand])], rest: exact.rest, head: exact.head };
  if (askedCache.size >= PARTS_CACHE_MAX) askedCache.clear();
  askedCache.set(text, parts);
  return parts;
}

/**
 * The question says one of several look-alike measures and the figure's words say another, not the asked one
 * (data/metric-synonyms.json "distinct": 总投资 vs 年度计划投资; 国家级 vs 省级 vs 市级): the figure does not answer
 * it, however many words they share.
 */
export function saysOtherMeasure(question: string, figureWords: string, names: string[] = []): boolean {
  // 「接待了多少入境游客」 is not answered by 「接待游客286.4万人次」: a word that restricts the measure to a part of it
  // (data "restrictive": 入境, 人均, 两年平均…) asked and not said of the figure is another measure. (Not the reverse:
  // 「人均可支配收入」 and 「新增就业」 are commonly asked of the 城镇居民 and 城镇 figures a report gives.)
  // (Inside a name — 龙宇跨境电商产业园 — it restricts nothing.)
  const withoutNames = (text: string) => names.reduce((rest, name) => rest.split(name).join(" "), text);
  const restricted = synonymsData().restrictive.some((words) => {
    const says = (text: string) => words.some((word) => withoutNames(text).includes(word));
    return says(question) && !says(figureWords);
  });
  // 「相当于减少二氧化碳排放约3.1万吨」 illustrates the figure before it: it is no measure of its own to report.
  const illustrative = synonymsData().equivalenceWords.some((word) => figureWords.includes(word) && !question.includes(word));
  return restricted || illustrative || synonymsData().distinct.some((sides) => {
    const said = (text: string) => sides.filter((side) => saysWord(text, side, sides.filter((other) => other !== side).flat()));
    const asked = said(question);
    if (asked.length === 0 || asked.length === sides.length) return false;
    const figure = said(figureWords);
    return figure.length > 0 && !figure.some((side) => asked.includes(side));
  });
}

/** One of `words` occurs in text other than inside a longer word of the other side (出口 inside 进出口 is not 出口). */
function saysWord(text: string, words: string[], otherSide: string[]): boolean {
  const covered = otherSide.flatMap((longer) => occurrences(longer, text));
  return words.some((word) => occurrences(word, text).some((at) => !covered.some((c) => c.start <= at.start && at.end <= c.end && c.end - c.start > at.end - at.start)));
}

/**
 * 「城镇居民人均可支配收入多少？农村的呢」: a part that only names another restriction of the same measure asks the
 * measure before with its restriction swapped (城镇居民 → 农村居民; data "alternatives"), or undefined.
 */
export function echoedMeasure(previous: string, echo: string): string | undefined {
  for (const sides of synonymsData().alternatives) {
    const asked = sides.find((side) => side.some((word) => echo.includes(word)));
    if (!asked) continue;
    for (const side of sides) {
      if (side === asked) continue;
      const index = side.findIndex((word) => previous.includes(word));
      if (index >= 0) return previous.replace(side[index]!, asked[Math.min(index, asked.length - 1)]!);
    }
  }
  return undefined;
}
