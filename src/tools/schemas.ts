import { z } from "zod";
import type { Fact } from "../domain/types.js";

/** Tool argument schemas: the contract both brains (offline planner, LLM agent) call through. */
export const SearchArticlesArgs = z.object({
  query: z.string().min(1).max(500).describe("检索用的中文问题或关键词"),
  zone: z.string().max(40).optional().describe("功能区名称或别名，如 青岛开发区、西海岸新区"),
  year: z.number().int().min(1990).max(2100).optional().describe("年份，如 2022"),
  k: z.number().int().min(1).max(20).default(5).describe("返回的片段数"),
});

/**
 * One thing to look up: the request both brains build — the offline planner from a question's spans
 * (src/brain/plan.ts), the LLM agent as the arguments of lookup_metric.
 */
export const RequestArgs = z.object({
  metric: z.string().min(1).max(100).describe("指标，如 新签约入驻企业、外贸进出口总额增长、总投资"),
  zone: z.string().max(40).optional(),
  year: z.number().int().min(1990).max(2100).optional(),
  kind: z.enum(["target", "actual"]).optional().describe("target=目标, actual=实际完成"),
  period: z.string().regex(/^(?:Y|M1-(?:[1-9]|1[01])|Q[234]|H2|M([1-9]|1[0-2])-\1)$/).optional().describe("时段：Y=全年，M1-3=一季度/1至3月，M1-6=上半年，M1-9=前三季度，M1-n=1至n月，Q2/Q3/Q4=单季度，H2=下半年，Mn-n=n月当月（如M9-9）"),
  month: z.number().int().min(1).max(12).optional().describe("事件所在月份，如 集中开工在10月 → 10"),
});

export type Request = z.infer<typeof RequestArgs>;

export const LookupMetricArgs = RequestArgs.extend({
  kind: z.enum(["target", "actual", "plan", "investment", "ranking", "stat"]).optional().describe("target=目标, actual=实际完成"),
});

export const ListProjectsArgs = z.object({
  zone: z.string().max(40).optional(),
  year: z.number().int().min(1990).max(2100).optional(),
  name: z.string().min(2).max(60).optional().describe("项目名称或其中一段，如 京东方配套G基金项目"),
});

export const CompareZonesArgs = z.object({
  metric: z.string().min(1).max(100),
  year: z.number().int().min(1990).max(2100).optional(),
  zones: z.array(z.string().max(40)).max(30).optional().describe("要比较的功能区；省略则比较所有有该指标的功能区"),
});

export type SearchArticlesInput = z.input<typeof SearchArticlesArgs>;
export type LookupMetricInput = z.input<typeof LookupMetricArgs>;
export type ListProjectsInput = z.input<typeof ListProjectsArgs>;
export type CompareZonesInput = z.input<typeof CompareZonesArgs>;

/** Where a tool result came from. */
export interface SourceRef {
  source: string;
  title: string;
  date: string | null;
  /** The outlet that published it, when the file said. */
  outlet?: string;
  /** Read by OCR from a scanned page: a figure in the quote may be misread, so citations say so. */
  ocr?: boolean;
  /** The PDF pages the article was read from: ranges and single pages, comma-separated ("3", "2-3,5"). */
  pages?: string;
  /** The web page the article was read from (then also its `source`). */
  url?: string;
}

export interface PassageResult extends SourceRef {
  articleId: string;
  chunkId: string;
  text: string;
  start: number;
  end: number;
  zones: string[];
  score: number;
}

/** A fact as tools return it: the stored fact with its source, and its id as `factId`. */
export type FactResult = Omit<Fact, "id"> & SourceRef & { factId: string };

export interface ZoneComparisonRow {
  zone: string;
  best: FactResult;
  others: FactResult[];
}
