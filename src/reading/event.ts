import { monthWords } from "./data.js";

/**
 * When an event happened, as news dates it: in the month its sentence names (「10月27日，…集中开工」), or,
 * naming none (日前、近日), days before the report — the month it was published in, or the one before
 * when it was published in the first days of a month (data/reading-month.json recentEventDays). Questions
 * and tools ask the same rule.
 */
export function eventMonthAgrees(asked: number, saidMonth: number | null | undefined, publishedOn: string | null | undefined): boolean {
  if (saidMonth !== undefined && saidMonth !== null) return saidMonth === asked;
  const published = publishedOn ? Number(publishedOn.slice(5, 7)) : undefined;
  // An undated report of an undated event cannot be placed in any month.
  if (!published) return false;
  const day = Number(publishedOn!.slice(8, 10));
  const early = !Number.isFinite(day) || day === 0 || day <= monthWords().recentEventDays;
  return published === asked || (early && published === (asked % 12) + 1);
}
