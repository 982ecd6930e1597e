/** Small text and date helpers for the archive generator. */
import type { Rng } from "./prng.js";
import type { PeriodCode } from "./world.js";

export interface Day {
  y: number;
  m: number;
  d: number;
}

const CN = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

export function cn(n: number): string {
  return CN[n] ?? String(n);
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function ordinal(day: Day): number {
  let n = day.d;
  for (let m = 1; m < day.m; m++) n += daysInMonth(day.y, m);
  return n;
}

function fromOrdinal(y: number, n: number): Day {
  let m = 1;
  while (m < 12 && n > daysInMonth(y, m)) {
    n -= daysInMonth(y, m);
    m++;
  }
  return { y, m, d: Math.min(n, daysInMonth(y, m)) };
}

/** A uniformly random day of year y between m0/d0 and m1/d1 (inclusive). */
export function dayBetween(rng: Rng, y: number, m0: number, d0: number, m1: number, d1: number): Day {
  const a = ordinal({ y, m: m0, d: Math.min(d0, daysInMonth(y, m0)) });
  const b = ordinal({ y, m: m1, d: Math.min(d1, daysInMonth(y, m1)) });
  return fromOrdinal(y, rng.int(Math.min(a, b), Math.max(a, b)));
}

export function dayBefore(day: Day): Day {
  if (day.d > 1) return { ...day, d: day.d - 1 };
  if (day.m > 1) return { y: day.y, m: day.m - 1, d: daysInMonth(day.y, day.m - 1) };
  return { y: day.y - 1, m: 12, d: 31 };
}

export function isoDate(day: Day): string {
  return `${day.y}-${String(day.m).padStart(2, "0")}-${String(day.d).padStart(2, "0")}`;
}

/** Ways a period is written. */
export function periodWords(period: PeriodCode): string[] {
  switch (period) {
    case "Q1":
      return ["一季度", "第一季度", "1至3月", "1—3月"];
    case "H1":
      return ["上半年", "1至6月", "1—6月"];
    case "Q1-3":
      return ["前三季度", "1至9月", "1—9月"];
    case "year":
      return ["全年"];
    case "Q2":
      return ["二季度", "第二季度"];
    case "Q3":
      return ["三季度", "第三季度"];
    case "Q4":
      return ["四季度", "第四季度"];
    default: {
      const m = /^M1-(\d+)$/.exec(period);
      if (!m) return [period];
      const n = Number(m[1]);
      return [`1至${n}月`, `1—${n}月`, `1至${n}月份`, `前${n === 2 ? "两" : cn(n)}个月`];
    }
  }
}

/** Canonical period name for answers and questions. */
export function periodName(period: PeriodCode): string {
  if (period === "year") return "全年";
  if (period === "Q1") return "一季度";
  if (period === "H1") return "上半年";
  if (period === "Q1-3") return "前三季度";
  if (/^Q[234]$/.test(period)) return `${cn(Number(period.slice(1)))}季度`;
  const m = /^M1-(\d+)$/.exec(period);
  if (m) return `1至${m[1]}月`;
  return "";
}

export interface TimePhrase {
  text: string;
  yearExpr: string;
}

/**
 * How an article dated in `dateYear` writes `period` of `factYear`: relative years (今年/去年/明年)
 * or explicit ones, and sometimes nothing at all (the year is the article's).
 */
export function timePhrase(rng: Rng, factYear: number, dateYear: number, period: PeriodCode, allowImplicit = true): TimePhrase {
  let yx: string;
  if (factYear === dateYear) {
    yx = rng.weighted<string>([["今年", 0.4], [`${factYear}年`, 0.3], ["", allowImplicit ? 0.3 : 0]]);
  } else if (factYear === dateYear - 1) {
    yx = rng.weighted<string>([["去年", 0.45], [`${factYear}年`, 0.4], ["过去一年", period === "year" ? 0.15 : 0]]);
  } else if (factYear === dateYear + 1) {
    yx = rng.weighted<string>([["明年", 0.5], [`${factYear}年`, 0.5]]);
  } else {
    yx = `${factYear}年`;
  }
  const yearExpr = yx === "" ? "implicit" : yx;
  if (period === "year") {
    if (yx === "过去一年") return { text: yx, yearExpr };
    if (yx === "") return { text: "全年", yearExpr };
    return { text: yx + rng.pick(["", "", "全年"]), yearExpr };
  }
  return { text: yx + rng.pick(periodWords(period)), yearExpr };
}

/** Fill `{X}` slots; unknown slots are left as they are. */
export function fill(template: string, slots: Record<string, () => string>): string {
  return template.replace(/\{([A-Z]{1,2}\d?|n)\}/g, (whole, name: string) => {
    const f = slots[name];
    return f ? f() : whole;
  });
}
