/** Parsing of numbers as written in Chinese news text: Arabic, Chinese numerals and mixes (1.5万). */

const CHINESE_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
/** Chinese digit or small-unit characters: what a Chinese numeral starts with. */
export const CHINESE_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿廿";

/** Removes floating noise from products like 81.7 * 1e8 (keeps 12 significant digits). */
export function roundSane(value: number): number {
  return Number(value.toPrecision(12));
}

/** Converts full-width digits and separators to ASCII. */
export function toHalfWidth(s: string): string {
  return s.replace(/[０-９．，]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Parses an Arabic number with optional thousands commas and decimals: `1,130.5` → 1130.5. */
export function parseArabic(s: string): number | null {
  const text = toHalfWidth(s.trim());
  if (!/^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$/.test(text)) return null;
  return Number(text.replace(/,/g, ""));
}

/** Parses a numeral below 一万: 一百二十 → 120, 十五 → 15, 一百二 → 120. */
function parseSection(s: string): number | null {
  let total = 0;
  let digit: number | null = null;
  let lastUnit = 10000;
  for (const ch of s) {
    if (ch in CHINESE_DIGITS) {
      // Two digits in a row inside a positional numeral (十四五) is not a number.
      if (digit !== null && digit !== 0) return null;
      digit = CHINESE_DIGITS[ch] ?? 0;
    } else if (ch in SMALL_UNITS) {
      const unit = SMALL_UNITS[ch] ?? 1;
      total += (digit ?? 1) * unit;
      digit = null;
      lastUnit = unit;
    } else {
      return null;
    }
  }
  // A bare trailing digit after a unit is colloquial shorthand: 一百二 = 120.
  if (digit !== null) total += lastUnit < 10000 && !s.includes("零") ? digit * (lastUnit / 10) : digit;
  return total;
}

/** Parses a pure Chinese numeral: 三万五千 → 35000, 二〇二二 → 2022 (digit-by-digit form). */
export function parseChineseNumeral(raw: string): number | null {
  const s = raw.replace(/廿/g, "二十");
  if (s.length === 0) return null;
  if (s.length > 1 && [...s].every((ch) => ch in CHINESE_DIGITS)) {
    return Number([...s].map((ch) => CHINESE_DIGITS[ch]).join(""));
  }
  const yi = s.split("亿");
  if (yi.length > 2) return null;
  if (yi.length === 2) {
    const high = yi[0] === "" ? 1 : parseChineseNumeral(yi[0] ?? "");
    const low = yi[1] === "" ? 0 : parseChineseNumeral(yi[1] ?? "");
    return high === null || low === null ? null : high * 1e8 + low;
  }
  const wan = s.split("万");
  if (wan.length > 2) return null;
  if (wan.length === 2) {
    const high = wan[0] === "" ? 1 : parseSection(wan[0] ?? "");
    const low = wan[1] === "" ? 0 : parseSection(wan[1] ?? "");
    return high === null || low === null ? null : high * 1e4 + low;
  }
  return parseSection(s);
}

const MAGNITUDE_SUFFIX: [string, number][] = [["万亿", 1e12], ["亿", 1e8], ["千万", 1e7], ["百万", 1e6], ["万", 1e4], ["千", 1e3], ["百", 1e2]];

/**
 * Parses any number as written: `1,130`, `81.7`, `一百二十`, `两千`, `三万五千`, `1.5万`, `46.73万`,
 * `3千`, `十余` (→10; the 余 is a qualifier, not part of the value), `第一` (→1). Returns null if not a number.
 */
export function parseChineseNumber(raw: string): number | null {
  let s = toHalfWidth(raw.trim()).replace(/^第/, "").replace(/[余多来几]$/, "");
  if (s === "") return null;
  const arabic = parseArabic(s);
  if (arabic !== null) return arabic;
  for (const [suffix, factor] of MAGNITUDE_SUFFIX) {
    if (!s.endsWith(suffix)) continue;
    const head = s.slice(0, -suffix.length).replace(/[余多]$/, "");
    const headValue = parseArabic(head);
    if (headValue !== null) return roundSane(headValue * factor);
  }
  s = s.replace(/[余多]/g, "");
  const value = parseChineseNumeral(s);
  return value === null ? null : roundSane(value);
}
