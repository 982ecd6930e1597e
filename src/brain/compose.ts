import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { PROJECT_ROOT } from "../config/index.js";
import type { FactResult } from "../tools/index.js";

const Templates = z.record(z.string(), z.string());
let templates: Record<string, string> | undefined;

/** Fills a template from prompts/offline-templates.json. */
export function fill(name: string, values: Record<string, string | number | undefined>): string {
  templates ??= Templates.parse(JSON.parse(readFileSync(path.join(PROJECT_ROOT, "prompts", "offline-templates.json"), "utf8")));
  const template = templates[name];
  if (template === undefined) throw new Error(`missing offline template: ${name}`);
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ""));
}

const LEADING_QUALIFIERS = ["超过", "突破", "达到", "近", "超", "约", "逾", "达"];
const TRAILING_QUALIFIERS = ["以上", "左右", "以内", "多"];

/** The number as the source wrote it, with its qualifier (「100家以上」, 「突破400亿元」, 「10余个」). */
export function quantityText(fact: FactResult): string {
  const at = fact.evidence.indexOf(fact.raw);
  if (at < 0) return fact.raw;
  let start = at;
  let end = at + fact.raw.length;
  const before = fact.evidence.slice(0, start);
  const leading = LEADING_QUALIFIERS.find((q) => before.endsWith(q));
  if (leading) start -= leading.length;
  const trailing = TRAILING_QUALIFIERS.find((q) => fact.evidence.startsWith(q, end));
  if (trailing) end += trailing.length;
  return fact.evidence.slice(start, end);
}

export function kindLabel(kind: string | undefined): string {
  if (kind === "target" || kind === "plan") return `（${fill("kindTarget", {})}）`;
  if (kind === "actual") return `（${fill("kindActual", {})}）`;
  return "";
}

export function dateLabel(date: string | null): string {
  return date ?? fill("unknownDate", {});
}

/** 「青岛经济技术开发区2022年」 or whatever part of it is known. */
export function scopeLabel(zone: string | undefined, year: number | undefined): string {
  return `${zone ?? ""}${year !== undefined ? `${year}年` : ""}`;
}

/**
 * 一季度, 一至五月 …; nothing for the whole year. Numbers in words: the label restates the question's
 * scope, it is no figure to cite.
 */
export function periodLabel(key: string | undefined): string {
  if (!key || key === "Y") return "";
  const months = /^M(\d+)-(\d+)$/.exec(key);
  const named = ["M1-3", "M1-6", "M1-9", "Q2", "Q3", "Q4", "H2", "ytd"].includes(key);
  if (named) return fill(`period.${key}`, {});
  if (!months) return key;
  // M9-9 is one month's own figure; M1-5 the months from January.
  return months[1] === months[2] ? fill("period.month", { month: smallNumber(Number(months[1])) }) : fill("period.months", { month: smallNumber(Number(months[2])) });
}

/** 1 → 一 … 12 → 十二 (a count of missing parts, a month); larger numbers stay digits. */
export function smallNumber(value: number): string {
  return fill("smallNumerals", {}).split(",")[value - 1] ?? String(value);
}

/** What the written unit multiplies by (100亿元 is stored as 1e10 元; a sum or difference is written in 亿元 again). */
export function writtenScale(fact: FactResult): number {
  const written = Number(/^[\d.]+/u.exec(fact.raw)?.[0]);
  return Number.isFinite(written) && written > 0 ? fact.value / written : 1;
}

/** The unit as the source wrote it after the number (亿元 of 「10余亿元」). */
export function writtenUnit(fact: FactResult): string {
  return fact.raw.replace(/^[\d.,]+/u, "").replace(/^[余多]/u, "");
}
