import type { Citation } from "../domain/types.js";
import type { FactResult } from "../tools/index.js";

export type QuestionType = "sum" | "remaining" | "compare" | "numeric" | "when" | "where" | "who" | "list" | "define" | "describe";

/** What the reader understood of a question; passed along in history for follow-ups. */
export interface QuestionFrame {
  question: string;
  type: QuestionType;
  zones: string[];
  /** A zone-like name the question opens with that neither the gazetteer nor the corpus knows (临空区). */
  unplacedZone?: string;
  /** Members of a named group (九大功能区) when the question ranges over one. */
  groupZones: string[];
  year?: number;
  /** Every explicit year named (「2022年和2021年…分别」 asks for each). */
  years: number[];
  /** 「第二批集中开工」 → ["2批"]: the numbered events asked about; text numbering them otherwise is about another. */
  ordinals?: string[];
  /** 「24年完成多少，25年目标多少」: the kind each named year's own clause asks, when the clauses differ. */
  yearKinds?: Record<number, "target" | "actual" | undefined>;
  kind?: "target" | "actual";
  /** Sub-year period asked about (一季度 → Q1), when the question names one. */
  period?: string;
  /** Two or more zones named as zones (「平度、莱西、胶州三家开发区」, 「青岛高新区和青岛蓝谷」), not places inside other names. */
  zonesNamed?: boolean;
  /** 「年底有多少」「截至目前」: a stock at a point in time is asked, not a flow over the year (新登记, 新增). */
  pointInTime?: boolean;
  /** 「累计」「五年间」: a total over several years is asked; otherwise a year's question wants that year's figure. */
  cumulative?: boolean;
  /** 「十四五期间」「五年来」: the question itself names several years, so only a figure totalled over years answers it. */
  spansYears?: boolean;
  /** Season of the event asked about (春季 vs 秋季 集中开工), when the question names one. */
  season?: string;
  /** Calendar month of the event asked about (「2023年11月…集中开工」), when the question names one. */
  month?: number;
  /** Content terms the answer must be about (zone names, years and question words removed). */
  terms: string[];
  /** The question's own words for what is measured (zone, year, period, kind and question words removed). */
  metricText: string;
  /** Terms quoted in the question (“融”), weighted higher and used for definitions. */
  quoted: string[];
  /** Event verbs the answer must contain (投产, 开工…), each with its synonyms. */
  events: string[][];
  unitFamily?: string;
  /** Names of projects or facilities the question asks about (鑫宇跨境电商产业园): their distinctive part. */
  entities: string[];
  /** The question asks for a place in a ranking (排第几): only a ranking fact answers. */
  asksRank?: boolean;
  /** A unit the question names outright (「多少亿元」): only a figure in that family answers. */
  explicitFamily?: string;
  /** Items for sum questions (续建、新开工、竣工投产) or entities for comparisons. */
  items: string[];
  /** The question asks about one named thing on its own (自己/单独), or about a group (等/一共). */
  solo: boolean;
  aggregate: boolean;
  /** True when this frame inherited zone/metric from an earlier turn. */
  followUp: boolean;
}

export interface Turn {
  question: string;
  answer?: string;
  frame?: QuestionFrame;
}

export type AnswerMode = "facts" | "search" | "none" | "llm";

export interface Answer {
  question: string;
  answer: string;
  found: boolean;
  citations: Citation[];
  facts: FactResult[];
  brain: "offline" | "llm";
  mode: AnswerMode;
  frame: QuestionFrame;
  /** Numbers the brain computed (sums) rather than quoted. */
  derived: string[];
}
