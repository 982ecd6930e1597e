/**
 * The LLM number guard: every number a model writes must be found, after normalisation, in what the
 * tools returned. Normalises 亿/万 magnitudes (「8.17亿元」 = 「81700万元」), Chinese numerals
 * (「二十」 = 「20」, 「三万五千」), percentages (「百分之二十」 = 「20%」), ranges (「5-10亿元」 → 5亿元 and
 * 10亿元), dates and thousands separators. Years named by the question are context, not claims.
 */
import { longestFirst, unitsData, type UnitCategory } from "../../facts/data.js";
import { parseArabic, parseChineseNumeral, roundSane } from "../../facts/index.js";

export interface Quantity {
  value: number;
  /** Base unit (元, 个, %, …); "" for a bare number or bare magnitude. */
  unit: string;
}

export interface NumericClaim extends Quantity {
  /** The number as written, with its unit. */
  text: string;
  start: number;
  end: number;
  kind: "quantity" | "bare" | "year" | "date";
  /** Other readings (the first end of a range borrows the second end's magnitude and unit). */
  alternatives: Quantity[];
  /** The digits alone, e.g. 81.7 of 「81.7亿元」 (evidence only: lets a bare 「81.7」 match). */
  rawValue: number;
}

export interface GuardVerdict {
  /** Claims (as written) that nothing retrieved supports. Empty = safe to send. */
  unverified: string[];
  /** Numbers the model computed from numbers it also wrote (sums, differences), verified arithmetically. */
  derived: string[];
  claims: NumericClaim[];
}

const CN_DIGITS = "零〇一二两三四五六七八九十百千万亿廿";
const MAGNITUDES: [string, number][] = [["万亿", 1e12], ["亿", 1e8], ["千万", 1e7], ["百万", 1e6], ["万", 1e4], ["千", 1e3], ["百", 1e2]];
/** Chinese-numeral words that are not quantities. */
const CN_IDIOMS = ["十分", "十足", "万一", "千万别", "千万不", "千方百计", "百姓", "万众", "万物", "一一", "百花", "十全十美", "万无一失", "千家万户", "百年大计"];
const STRONG_CATEGORIES: UnitCategory[] = ["money", "area", "measure", "length", "ratio", "people"];
const INTERCHANGEABLE: UnitCategory[] = ["counter", "people"];
const RANGE_JOINER = /^\s*(?:-|—|–|~|～|至|到)\s*$/u;
const COMPUTATION = /计算|合计|共计|总计|一共|相加|之和|加起来|相差|差距|多出|高出|少了|差额|增加了|减少了/u;

interface UnitTable {
  pattern: RegExp;
  entries: Map<string, { base: string; factor: number; category: UnitCategory }>;
  categoryOf: Map<string, UnitCategory>;
}
let table: UnitTable | undefined;

function units(): UnitTable {
  if (table) return table;
  const data = unitsData();
  const entries = new Map(data.units.map((u) => [u.unit, { base: u.base, factor: u.factor, category: u.category }]));
  const categoryOf = new Map(data.units.map((u) => [u.base, u.category]));
  const alternatives = longestFirst(entries.keys()).map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  table = { pattern: new RegExp(`^(?:(${alternatives}))`, "u"), entries, categoryOf };
  return table;
}

/** Full-width digits and decimal point to ASCII (commas are left alone: 「，」 is punctuation). */
function halfWidthDigits(text: string): string {
  return text.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const TOKEN = new RegExp(
  String.raw`(?<date>(?:19|20)\d{2}-\d{1,2}-\d{1,2})` +
    String.raw`|百分之(?<pct>[0-9]+(?:\.[0-9]+)?|[${CN_DIGITS}点]+)` +
    String.raw`|(?<ar>[0-9]+(?:,[0-9]{3}(?![0-9]))*(?:\.[0-9]+)?)` +
    `|(?<cn>[零〇一二两三四五六七八九十廿][${CN_DIGITS}]*)`,
  "gu",
);

/** Every number in `text` with its normalised value and unit. `lenient` keeps small Chinese numerals (evidence). */
export function scanNumbers(input: string, lenient = false): NumericClaim[] {
  const text = halfWidthDigits(input);
  const claims: NumericClaim[] = [];
  const { pattern, entries } = units();
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const g = m.groups ?? {};
    const start = m.index;
    let end = start + m[0].length;
    const before = text[start - 1] ?? "";
    if (g.date) {
      const [y, mo, d] = g.date.split("-").map(Number) as [number, number, number];
      claims.push({ text: g.date, start, end, kind: "date", value: y, unit: "", rawValue: y, alternatives: [{ value: mo, unit: "" }, { value: d, unit: "" }] });
      continue;
    }
    let value: number | null;
    let chinese = false;
    if (g.pct !== undefined) {
      value = /^[0-9]/.test(g.pct) ? Number(g.pct) : parseChineseDecimal(g.pct);
      if (value === null) continue;
      claims.push({ text: m[0], start, end, kind: "quantity", value, unit: "%", rawValue: value, alternatives: [] });
      continue;
    }
    if (g.ar !== undefined) {
      // Codes and names (G20, 5G, A1) are not quantities.
      if (/[A-Za-z]/.test(before) || (/^[A-Za-z]/.test(text.slice(end)) && !text.startsWith("TEU", end))) continue;
      value = parseArabic(g.ar);
    } else {
      const word = g.cn ?? "";
      if (CN_IDIOMS.some((idiom) => text.startsWith(idiom, start) || (text.slice(start - 1, start - 1 + idiom.length) === idiom))) continue;
      value = parseChineseNumeral(word);
      chinese = true;
    }
    if (value === null) continue;
    const rawValue = value;
    let rest = text.slice(end);
    let magnitude = 1;
    if (!chinese) {
      const mag = MAGNITUDES.find(([word]) => rest.startsWith(word) && !pattern.exec(rest)?.[1]?.startsWith(word));
      if (mag) {
        magnitude = mag[1];
        end += mag[0].length;
        rest = text.slice(end);
      }
    }
    const qualifier = /^[余多来]/.exec(rest)?.[0] ?? "";
    const unitMatch = pattern.exec(rest.slice(qualifier.length));
    const entry = unitMatch ? entries.get(unitMatch[1] ?? "") : undefined;
    if (entry && unitMatch) end += qualifier.length + unitMatch[0].length;
    const normalised = roundSane(value * magnitude * (entry?.factor ?? 1));
    const after = text[end] ?? "";
    if (chinese && !lenient && normalised < 10 && !(entry && STRONG_CATEGORIES.includes(entry.category))) continue;
    if (chinese && before === "第" && !lenient && normalised < 10) continue;
    const isYear = !entry && magnitude === 1 && Number.isInteger(value) && value >= 1900 && value <= 2100 && (after === "年" || /^\s*(?:-|—|–|~|～|至|到)\s*(?:19|20)\d{2}年/u.test(text.slice(end)));
    claims.push({
      text: text.slice(start, end), start, end, value: normalised, unit: entry?.base ?? "", rawValue,
      kind: isYear ? "year" : entry || magnitude !== 1 ? "quantity" : "bare", alternatives: [],
    });
  }
  linkRanges(text, claims);
  return claims;
}

/** 「5-10亿元」: the first end is read both as written (5) and with the second end's magnitude and unit. */
function linkRanges(text: string, claims: NumericClaim[]): void {
  for (let i = 0; i + 1 < claims.length; i++) {
    const first = claims[i]!;
    const second = claims[i + 1]!;
    if (first.kind !== "bare" || second.kind !== "quantity") continue;
    if (!RANGE_JOINER.test(text.slice(first.end, second.start))) continue;
    const factor = second.rawValue === 0 ? 1 : second.value / second.rawValue;
    first.alternatives.push({ value: roundSane(first.rawValue * factor), unit: second.unit });
  }
}

/** 「二十五点五」 → 25.5; 「二十」 → 20. */
function parseChineseDecimal(word: string): number | null {
  const [whole, fraction] = word.split("点");
  const head = parseChineseNumeral(whole ?? "");
  if (head === null) return null;
  if (fraction === undefined) return head;
  const digits = [...fraction].map((c) => DECIMAL_DIGITS[c] ?? -1);
  if (digits.length === 0 || digits.some((d) => d < 0)) return null;
  return Number(`${head}.${digits.join("")}`);
}

const DECIMAL_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

const key = (value: number) => String(roundSane(value));

/**
 * The numbers retrieved evidence contains, indexed by value. Quantities (with a unit or a magnitude)
 * support claims with a compatible unit; plain numbers and the digits of quantities (81.7 of 「81.7亿元」)
 * support only bare claims.
 */
export class EvidenceNumbers {
  private readonly quantities = new Map<string, Set<string>>();
  private readonly plain = new Set<string>();

  constructor(texts: Iterable<string> = [], quantities: Iterable<Quantity> = []) {
    for (const text of texts) this.addText(text);
    for (const q of quantities) this.addQuantity(q);
  }

  addText(text: string): void {
    if (!text) return;
    for (const claim of scanNumbers(text, true)) {
      if (claim.kind === "quantity") this.addQuantity(claim);
      else this.plain.add(key(claim.value));
      this.plain.add(key(claim.rawValue));
      for (const alt of claim.alternatives) {
        if (alt.unit) this.addQuantity(alt);
        else this.plain.add(key(alt.value));
      }
    }
  }

  addQuantity(q: Quantity): void {
    if (!Number.isFinite(q.value)) return;
    const k = key(q.value);
    this.plain.add(k);
    let units = this.quantities.get(k);
    if (!units) this.quantities.set(k, (units = new Set()));
    units.add(q.unit);
  }

  /** A value with a compatible unit: same base unit, a bare magnitude, or interchangeable counters. */
  supports(q: Quantity): boolean {
    const k = key(q.value);
    if (q.unit === "") return this.plain.has(k);
    const found = this.quantities.get(k);
    if (!found) return false;
    if (found.has(q.unit) || found.has("")) return true;
    const category = units().categoryOf.get(q.unit);
    if (!category || !INTERCHANGEABLE.includes(category)) return false;
    return [...found].some((unit) => units().categoryOf.get(unit) === category);
  }
}

export interface GuardOptions {
  /** Years the question or conversation names: allowed as context. */
  years?: number[];
}

/** Checks every number of a model answer against the evidence. */
export function checkNumbers(answer: string, evidence: EvidenceNumbers, options: GuardOptions = {}): GuardVerdict {
  const text = stripMarkers(answer);
  const claims = scanNumbers(text);
  const years = new Set(options.years ?? []);
  const unverified: NumericClaim[] = [];
  const verified: NumericClaim[] = [];
  for (const claim of claims) {
    if (claim.kind === "year" && years.has(claim.value)) verified.push(claim);
    else if (claim.kind === "date") {
      if (evidence.supports(claim) && claim.alternatives.every((alt) => evidence.supports(alt))) verified.push(claim);
      else unverified.push(claim);
    } else if (evidence.supports(claim) || claim.alternatives.some((alt) => evidence.supports(alt))) verified.push(claim);
    else unverified.push(claim);
  }
  const derived: string[] = [];
  const stillUnverified = unverified.filter((claim) => {
    if (!isDerived(text, claim, verified)) return true;
    derived.push(claim.text);
    return false;
  });
  return { unverified: [...new Set(stillUnverified.map((c) => c.text))], derived, claims };
}

/** Citation markers ([1], 【2】, ①) are references, not claims. */
export function stripMarkers(text: string): string {
  return text.replace(/\[\s*\d+(?:\s*[,，、]\s*\d+)*\s*\]|【\s*\d+(?:\s*[,，、]\s*\d+)*\s*】/gu, (m) => " ".repeat(m.length));
}

/** A sum of the same-unit numbers the sentence states, or the difference of two of them, with a computation word. */
function isDerived(text: string, claim: NumericClaim, verified: NumericClaim[]): boolean {
  const sentence = sentenceAround(text, claim.start);
  if (!COMPUTATION.test(text.slice(sentence.start, sentence.end))) return false;
  const parts = verified.filter((v) => v.start >= sentence.start && v.end <= sentence.end && v.kind !== "year" && v.kind !== "date" && v.unit === claim.unit);
  if (parts.length < 2) return false;
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  if (close(parts.reduce((sum, p) => sum + p.value, 0), claim.value)) return true;
  for (const a of parts) for (const b of parts) if (a !== b && close(a.value - b.value, claim.value)) return true;
  return false;
}

function sentenceAround(text: string, at: number): { start: number; end: number } {
  let start = at;
  while (start > 0 && !/[。！？!?\n]/.test(text[start - 1]!)) start--;
  let end = at;
  while (end < text.length && !/[。！？!?\n]/.test(text[end]!)) end++;
  return { start, end };
}
