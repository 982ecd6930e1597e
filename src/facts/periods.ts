import { parseChineseNumber } from "./numerals.js";

/**
 * Normalised reporting periods, so different wordings meet: 一季度 = 1至3月 = M1-3, 上半年 = 1—6月 =
 * 前6个月 = M1-6, 前三季度 = M1-9; 二季度 Q2, 下半年 H2; 全年 = 1至12月 = Y; 今年以来 ytd.
 */
export type PeriodKey = string;

interface PeriodWord {
  pattern: RegExp;
  key: (match: RegExpExecArray) => PeriodKey | undefined;
}

const PERIOD_WORDS: PeriodWord[] = [
  { pattern: /(?:^|[^\d])(?:1|一)\s*(?:至|到|—|–|-|~|～)\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月/g, key: (m) => monthsKey(m[1]!) },
  { pattern: /前(\d{1,2}|[一二三四五六七八九十两]{1,3})个?月/g, key: (m) => monthsKey(m[1]!) },
  // 「今年以来」 runs to an unsaid month: part of the year, never the whole of it.
  { pattern: /(?:今年|年初|开年)以来/g, key: () => "ytd" },
  { pattern: /前(?:三|3)(?:个)?季度/g, key: () => "M1-9" },
  { pattern: /(?<!前)(?:第?一|1)季度/g, key: () => "M1-3" },
  { pattern: /上半年/g, key: () => "M1-6" },
  { pattern: /(?<!前)(?:第?二|2)季度/g, key: () => "Q2" },
  { pattern: /(?<!前)(?:第?三|3)季度/g, key: () => "Q3" },
  { pattern: /(?<!前)(?:第?四|4)季度/g, key: () => "Q4" },
  { pattern: /下半年/g, key: () => "H2" },
  { pattern: /全年|年度/g, key: () => "Y" },
];

interface PeriodMention {
  key: PeriodKey;
  index: number;
}

function periodMentions(text: string): PeriodMention[] {
  const found: PeriodMention[] = [];
  for (const word of PERIOD_WORDS) {
    for (const match of text.matchAll(word.pattern)) {
      const key = word.key(match as RegExpExecArray);
      if (key) found.push({ key, index: match.index + match[0].length });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The period a text names first (a question says one), or undefined when none. */
export function periodKey(text: string): PeriodKey | undefined {
  // A month range (1至5月) is more specific than a 全年 said beside it.
  const mentions = periodMentions(text);
  return (mentions.find((m) => m.key !== "Y") ?? mentions[0])?.key;
}

/** The period in force at the end of a text: the last one named (一季度…；上半年，力争… → M1-6). */
export function lastPeriodKey(text: string): PeriodKey | undefined {
  return periodMentions(text).at(-1)?.key;
}

function monthsKey(last: string): PeriodKey | undefined {
  const month = parseChineseNumber(last);
  if (month === null || month < 1 || month > 12) return undefined;
  return month === 12 ? "Y" : `M1-${month}`;
}

/** Whether a text's period can be the asked one: equal, or the text names none. */
export function periodsAgree(asked: PeriodKey | undefined, spoken: PeriodKey | undefined): boolean {
  if (!asked || !spoken) return true;
  return asked === spoken;
}
