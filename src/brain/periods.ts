import { parseChineseNumber } from "../facts/index.js";

/**
 * The part of a year a text speaks of, normalised so different wordings meet: 一季度 = 1至3月 = M1-3,
 * 上半年 = 1—6月 = 前6个月 = M1-6, 前三季度 = M1-9; 二季度 Q2, 下半年 H2; 全年 Y. Undefined when none.
 */
export function periodKey(text: string): string | undefined {
  const range = /(?:^|[^\d])(1|一)\s*(?:至|到|—|–|-|~|～)\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月/.exec(text);
  if (range) return monthsKey(range[2]!);
  const first = /前(\d{1,2}|[一二三四五六七八九十两]{1,3})个?月/.exec(text);
  if (first) return monthsKey(first[1]!);
  if (/前三季度|前3季度/.test(text)) return "M1-9";
  if (/(?:第?一|1)季度/.test(text)) return "M1-3";
  if (/上半年/.test(text)) return "M1-6";
  if (/(?:第?二|2)季度/.test(text)) return "Q2";
  if (/(?:第?三|3)季度/.test(text)) return "Q3";
  if (/(?:第?四|4)季度/.test(text)) return "Q4";
  if (/下半年/.test(text)) return "H2";
  if (/全年|年度|全年度/.test(text)) return "Y";
  return undefined;
}

function monthsKey(last: string): string | undefined {
  const month = parseChineseNumber(last);
  if (month === null || month < 1 || month > 12) return undefined;
  return month === 12 ? "Y" : `M1-${month}`;
}

/** Whether a text's period can be the asked one: equal, or the text names none. */
export function periodsAgree(asked: string | undefined, spoken: string | undefined): boolean {
  if (!asked || !spoken) return true;
  return asked === spoken;
}
