import { parseChineseNumber } from "../reading/index.js";
import { readFileSync } from "node:fs";
import { z } from "zod";
import { PROJECT_ROOT } from "../config/index.js";
import path from "node:path";

/** The question-reading word lists from data/question-words.json and data/unit-families.json. */
const QuestionWordsSchema = z.object({
  fillers: z.array(z.string()),
  typeCues: z.record(z.string(), z.array(z.string())),
  /** Kind cue words that also carry part of what is measured (增长了 → 增长). */
  cueStems: z.record(z.string(), z.string()),
  aggregateCues: z.array(z.string()),
  soloCues: z.array(z.string()),
  eventVerbs: z.array(z.array(z.string()).min(1)),
  definitionMarkers: z.array(z.string()),
  unitFamilyCues: z.record(z.string(), z.array(z.string())),
  /** Verbs and nouns that carry little of what is asked (达到, 推进): they weigh less. */
  lightWords: z.array(z.string()),
  /** Units a question names after 多少/几 (多少亿元): the answer must be in that family. */
  explicitUnitCues: z.record(z.string(), z.array(z.string())),
  /** 「多少亿」: a magnitude asked on its own asks an amount, unless a unit follows (多少亿吨). */
  magnitudeAsks: z.array(z.string()).default([]),
  magnitudeTails: z.string().default(""),
  /** Words that, right after a zone's name, make it the subject (「上合示范区将…」). */
  subjectMarkers: z.array(z.string()),
  /** 「青岛开发区2022年有哪些目标」: words that ask for a zone's figures in general. */
  overviewWords: z.array(z.string()),
  /** 「临空区1—5月…」: endings of a name a question opens with that make it a zone's (see unplacedZone). */
  unplacedZoneEndings: z.array(z.string()).default([]),
  /** 「增长多少」「占比」: the question asks for a percentage, not an amount. */
  rateCues: z.array(z.string()),
  /** 「都干了些什么」「介绍一下」: an open question about a zone, answered with a brief. */
  briefCues: z.array(z.string()),
  /** 「…产业园」「…项目」: what ends a project's or facility's name. */
  entitySuffixes: z.array(z.string()),
  /** 「那个职业教育实训基地项目」: a pointing word before a name is not part of it. */
  demonstratives: z.array(z.string()).default([]),
  /** Characters a name cannot contain: the name starts after the last of them. */
  nameBreaks: z.string(),
  /** 「排第几」「名次」: the question asks for a place in a ranking. */
  rankAsks: z.array(z.string()),
  dayAsks: z.array(z.string()).default([]),
  /** 「多少」「第几」: the question asks for a figure, so it is never a brief. */
  figureAsks: z.array(z.string()),
  /** 「问下…」「…来着」: chat openers and closers that ask nothing, left out before reading. */
  chatOpeners: z.array(z.string()).default([]),
  chatClosers: z.array(z.string()).default([]),
  /** 「集中开工」「那批」「重点」: words of a class of projects, not of one project's name. */
  classWords: z.array(z.string()).default([]),
  /** 「现场签约」「本次开工」: a figure of one event's batch, not a year's total. */
  batchCues: z.array(z.string()).default([]),
  /** 「集中」「那批」: a question about an event or batch, which batch figures answer. */
  eventAsks: z.array(z.string()).default([]),
  /** 「比上年末提高…」「同比增长…」: a clause opening so has no subject and goes on about the clause before. */
  subjectlessOpeners: z.array(z.string()).default([]),
  /** 「新认定」「新增」: a count of the year's new things, not of all there are (see flowDiffers). */
  flowWords: z.array(z.string()).default([]),
  /** 「高新技术企业」「市场主体」: things counted both as a stock and as the year's new ones. */
  stockNouns: z.array(z.string()).default([]),
  /** 「第三批」「第二次」: measure words of numbered events (see ordinalsOf). */
  ordinalMeasures: z.array(z.string()).default([]),
  rankPositionMeasures: z.array(z.string()).default([]),
  /** 「多了多少」「差多少」: how far apart two figures are (see gap.ts). */
  gapAsks: z.array(z.string()).default([]),
  zoneJoiners: z.array(z.string()).default([]),
  nowWords: z.array(z.string()).default([]),
  /** 「20亿以上」「超过10亿元」: a threshold an item's figure must reach (see threshold.ts). */
  thresholdWords: z.object({ after: z.array(z.string()), before: z.array(z.string()) }).default({ after: [], before: [] }),
  /** 「…项目」「…产业园」: how a project's name ends. */
  projectSuffixes: z.array(z.string()).default([]),
  /** 「A项目总投资18.5亿元」: the words between a project's name and its investment figure. */
  investmentLeads: z.array(z.string()).default([]),
  /** 「这次开工的重点项目有哪些」: a list question about these nouns is answered by the projects a report names with their investment. */
  projectListNouns: z.array(z.string()).default([]),
  /** 「能实现」「可达到」: can-do phrases that ask nothing, blanked before segmentation. */
  modalPhrases: z.array(z.string()).default([]),
});

export type QuestionWords = z.infer<typeof QuestionWordsSchema>;

export interface Lexicon {
  words: QuestionWords;
  fillers: Set<string>;
  /** base unit → family (area, money, count…). */
  unitFamily: Map<string, string>;
  lightWords: Set<string>;
}

let cached: Lexicon | undefined;

export function loadLexicon(): Lexicon {
  if (cached) return cached;
  const words = QuestionWordsSchema.parse(readJson("question-words.json"));
  const families = z.record(z.string(), z.union([z.array(z.string()), z.string()])).parse(readJson("unit-families.json"));
  const unitFamily = new Map<string, string>();
  for (const [family, units] of Object.entries(families)) {
    if (Array.isArray(units)) for (const unit of units) unitFamily.set(unit, family);
  }
  cached = { words, fillers: new Set(words.fillers), unitFamily, lightWords: new Set(words.lightWords) };
  return cached;
}

function readJson(name: string): unknown {
  return JSON.parse(readFileSync(path.join(PROJECT_ROOT, "data", name), "utf8"));
}

let ordinalPattern: { measures: string; re: RegExp } | undefined;

/** 「2025年第三批重大项目」 → ["3批"]: the numbered events a text names, as number + measure word. */
export function ordinalsOf(text: string, lexicon: Lexicon): string[] {
  const measures = lexicon.words.ordinalMeasures.join("");
  if (!measures) return [];
  // Read for every scored sentence of a question that names one: the pattern is built once per word list.
  if (ordinalPattern?.measures !== measures) ordinalPattern = { measures, re: new RegExp(`第([0-9一二三四五六七八九十两]+)([${measures}])`, "gu") };
  const found: string[] = [];
  for (const m of text.matchAll(ordinalPattern.re)) {
    const value = parseChineseNumber(m[1]!);
    if (value !== null) found.push(`${value}${m[2]}`);
  }
  return found;
}

/** 「营收十强里第五名营收多少」: the places in a ranking a text names (第五名 → 5), data rankPositionMeasures. */
export function rankPositionsOf(text: string, lexicon: Lexicon): number[] {
  const measures = lexicon.words.rankPositionMeasures.join("");
  if (!measures) return [];
  // (「考第一能拿多少」: a place said without its measure, before a verb or the question's end, is one too.)
  return [...text.matchAll(new RegExp(`第([0-9一二三四五六七八九十两]+)(?:[${measures}]|(?=[的能是，,。？?\\s]|$))`, "gu"))].map((m) => parseChineseNumber(m[1]!)).filter((n): n is number => n !== null);
}

/** Every 「第N」 a text says (位列第二、第三; 第5位), as numbers. */
export function ordinalNumbersIn(text: string): number[] {
  return [...text.matchAll(/第([0-9一二三四五六七八九十两]+)/gu)].map((m) => parseChineseNumber(m[1]!)).filter((n): n is number => n !== null);
}

/** The text asks for a rate or share (增长多少, 占比), so a percentage answers it and an amount does not. */
export function asksForRate(text: string, lexicon: Lexicon): boolean {
  return lexicon.words.rateCues.some((cue) => text.includes(cue));
}
