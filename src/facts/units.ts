import { factCues, longestFirst, unitsData, type UnitCategory, type UnitEntry } from "./data.js";
import { CHINESE_NUMERAL_CHARS, parseArabic, parseChineseNumeral, roundSane, toHalfWidth } from "../reading/index.js";

/** A number with its unit as found in text. Offsets are relative to the scanned string. */
export interface QuantityMatch {
  /** Start of the number (after any qualifier word before it). */
  start: number;
  /** End of the unit (before any qualifier word after it). */
  end: number;
  /** Number as written with its unit, e.g. `81.7亿元`, `10余个`. */
  raw: string;
  value: number;
  /** Base unit after normalisation; empty for a bare magnitude like `18万`. */
  unit: string;
  category: UnitCategory | "bare";
  /** Qualifier written inside the number (余, 多), normalised. */
  insideQualifier: string;
  /** True when the number is written with Chinese numerals. */
  chinese: boolean;
}

const ARABIC = String.raw`[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?`;
const CHINESE = `[零〇一二两三四五六七八九十廿][${CHINESE_NUMERAL_CHARS}]*`;
/** 「近百家」「上千家」「百余家」: a bare 百/千/万 after a round-figure qualifier (data roundQualifiers) or before 余. */
function roundChinese(qualifiers: string): string {
  const escaped = qualifiers.replace(/[\]\\^-]/g, "\\$&");
  return escaped ? `(?<=[${escaped}])[百千万]|[百千](?=余)` : `[百千](?=余)`;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

interface UnitTables {
  byUnit: Map<string, UnitEntry>;
  pattern: RegExp;
  magnitudes: Map<string, number>;
}

let tables: UnitTables | undefined;

function unitTables(): UnitTables {
  if (tables) return tables;
  const data = unitsData();
  const byUnit = new Map(data.units.map((u) => [u.unit, u]));
  const unitAlt = longestFirst(byUnit.keys()).map(escapeRegex).join("|");
  const magnitudeAlt = longestFirst(Object.keys(data.magnitudes)).map(escapeRegex).join("|");
  const inside = longestFirst(Object.keys(factCues().qualifiersInside)).map(escapeRegex).join("|");
  // Unit alternatives are tried before magnitudes so 千瓦 / 百分点-style units win over 千 / 百.
  const source =
    `(?<arabic>${ARABIC})(?<q1>${inside})?(?:(?<unitA>${unitAlt})|(?<mag>${magnitudeAlt})(?<q2>${inside})?(?<unitB>${unitAlt})?)` +
    `|(?<chinese>${CHINESE}|${roundChinese(data.roundQualifiers)})(?<q3>${inside})?(?<unitC>${unitAlt})`;
  tables = { byUnit, pattern: new RegExp(source, "gu"), magnitudes: new Map(Object.entries(data.magnitudes)) };
  return tables;
}

/** Looks up a unit as written (`亿元` is not a unit: 亿 is a magnitude and 元 the unit). */
export function unitEntry(unit: string): UnitEntry | undefined {
  return unitTables().byUnit.get(unit);
}

function buildMatch(m: RegExpExecArray): QuantityMatch | null {
  const g = m.groups ?? {};
  const { byUnit, magnitudes } = unitTables();
  const chinese = g.chinese !== undefined;
  const numberValue = chinese ? parseChineseNumeral(g.chinese ?? "") : parseArabic(g.arabic ?? "");
  if (numberValue === null) return null;
  const unitText = g.unitA ?? g.unitB ?? g.unitC ?? "";
  const entry = unitText ? byUnit.get(unitText) : undefined;
  const magnitude = g.mag ? (magnitudes.get(g.mag) ?? 1) : 1;
  const insideWord = g.q1 ?? g.q2 ?? g.q3 ?? "";
  return {
    start: m.index,
    end: m.index + m[0].length,
    raw: m[0],
    value: roundSane(numberValue * magnitude * (entry?.factor ?? 1)),
    unit: entry?.base ?? "",
    category: entry?.category ?? "bare",
    insideQualifier: insideWord ? (factCues().qualifiersInside[insideWord] ?? "") : "",
    chinese,
  };
}

/** Chinese numerals are idiom-prone (一批, 两个维护); keep only those that are clearly quantities. */
function plausibleChinese(q: QuantityMatch): boolean {
  if (q.value >= 10) return true;
  return ["money", "area", "measure", "length", "ratio"].includes(q.category);
}

/** Every number+unit in text, with offsets into text. Bare numbers without unit or magnitude are skipped. */
export function scanQuantities(text: string): QuantityMatch[] {
  const { pattern } = unitTables();
  pattern.lastIndex = 0;
  const found: QuantityMatch[] = [];
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const prev = text[m.index - 1] ?? "";
    // Part of a code or a longer number (G20, 3.5.1) or an ordinal (第三).
    const letterMetric = unitsData().letterMetrics.some((word) => text.slice(Math.max(0, m!.index - word.length), m!.index).toUpperCase() === word);
    if ((/[0-9A-Za-z.．０-９]/.test(prev) && !letterMetric) || prev === "第") continue;
    // 「数十个」「几百家」: a vague count, no figure.
    if (m.groups?.chinese && unitsData().vagueNumeralPrefixes.includes(prev)) continue;
    const q = buildMatch(m);
    if (!q) continue;
    if (q.category === "bare" && !m.groups?.mag) continue;
    if (q.chinese && !plausibleChinese(q)) continue;
    found.push(signed(q, text));
  }
  const proportions = proportionsIn(text);
  if (proportions.length === 0) return found;
  return [...found.filter((q) => !proportions.some((p) => q.start < p.end && p.start < q.end)), ...proportions].sort((a, b) => a.start - b.start);
}

/**
 * 「三次产业结构为1.1∶38.6∶60.3」: shares written as a proportion, three parts or more (a clock's 09:30 has two),
 * with the ratio colon ∶ or a decimal part. The whole proportion is the figure; its value is the first part.
 */
function proportionsIn(text: string): QuantityMatch[] {
  const found: QuantityMatch[] = [];
  for (const m of text.matchAll(PROPORTION)) {
    if (!m[0].includes("∶") && !m[0].includes(".")) continue;
    if (/[0-9.]/u.test(text[m.index - 1] ?? "")) continue;
    found.push({ start: m.index, end: m.index + m[0].length, raw: m[0], value: Number(m[1]), unit: "", category: "ratio", insideQualifier: "", chinese: false });
  }
  return found;
}

const PROPORTION = /([0-9]+(?:\.[0-9]+)?)(?:[∶:：][0-9]+(?:\.[0-9]+)?){2,}(?![0-9.])/gu;

/** Minus signs written right before a figure. */
const MINUS_SIGNS = "-－−";

/**
 * 「税收收入 -4.6%」「增长-3.2%」: a minus sign right before a figure, not after a digit (10-20亿元 is a range),
 * makes it negative — as written, never silently its opposite.
 */
function signed(q: QuantityMatch, text: string): QuantityMatch {
  const sign = text[q.start - 1] ?? "";
  const before = text[q.start - 2] ?? "";
  if (q.chinese || !MINUS_SIGNS.includes(sign) || /[0-9A-Za-z０-９]/u.test(before)) return q;
  return { ...q, start: q.start - 1, raw: `${sign}${q.raw}`, value: -q.value };
}

/** Normalises a written quantity: `81.7亿元` → { value: 8170000000, unit: "元" }; null when not a quantity. */
export function normalizeQuantity(raw: string): { value: number; unit: string } | null {
  const text = raw.trim();
  const { pattern } = unitTables();
  const whole = new RegExp(`^(?:${pattern.source})$`, "u");
  const m = whole.exec(text) ?? whole.exec(toHalfWidth(text));
  if (!m) return null;
  const q = buildMatch(m);
  return q ? { value: q.value, unit: q.unit } : null;
}
