// Small text helpers shared by the PDF and Word readers.

const CJK = "\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef“”‘’—…·";
const SPACE_NEXT_TO_CJK = new RegExp(`(?<=[${CJK}])[\\s\\u00a0]+|[\\s\\u00a0]+(?=[${CJK}])`, "gu");

/** Whitespace removed next to Chinese characters (justified lines come with spaces between them); runs of
 * other whitespace collapsed to one space. */
export function tidyText(text: string): string {
  return text.replace(SPACE_NEXT_TO_CJK, "").replace(/[\s\u00a0]+/g, " ").trim();
}

/** Joins two pieces of one paragraph: nothing between Chinese text, a space between two Latin words. */
export function joinPieces(left: string, right: string): string {
  if (left === "") return right;
  if (right === "") return left;
  return /[A-Za-z0-9]$/.test(left) && /^[A-Za-z0-9]/.test(right) ? `${left} ${right}` : left + right;
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 「3」「３」「十二」「二十一」 → 3, 3, 12, 21; NaN when it is not a number. */
export function parseEdition(text: string): number {
  const ascii = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  let total = 0;
  let digit = 0;
  for (const ch of ascii) {
    if (ch in DIGITS) digit = DIGITS[ch]!;
    else if (ch === "十") { total += (digit || 1) * 10; digit = 0; }
    else if (ch === "百") { total += (digit || 1) * 100; digit = 0; }
    else return Number.NaN;
  }
  return total + digit;
}

/** YYYY-MM-DD from the groups of a date match (2024年3月5日 or 2024-03-05), or undefined when it is no calendar date. */
export function isoDate(groups: { year?: string; month?: string; day?: string; month2?: string; day2?: string } | undefined): string | undefined {
  const month = groups?.month ?? groups?.month2;
  const day = groups?.day ?? groups?.day2;
  if (!groups?.year || !month || !day) return undefined;
  const [y, m, d] = [Number(groups.year), Number(month), Number(day)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
