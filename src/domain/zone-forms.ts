import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const SuffixSchema = z.object({
  form: z.string().min(2),
  /** The long form a short one stands for (经开区 → 经济技术开发区); the form itself when absent. */
  canonical: z.string().min(2).optional(),
  family: z.string().min(1),
  /** Another type word the same place's zone is written with (开发区 → 经济技术开发区): same place, same zone. */
  sameAs: z.string().min(2).optional(),
  /** False for a type word too loose to name a zone by form (园区); it is still read as a generic word. */
  names: z.boolean().default(true),
  /**
   * A part's type word that names a zone only right after its whole (自由贸易试验区南宁片区: 片区 after the
   * 自贸试验区 is a 自贸片区; 东部片区 is no zone). Absent: the word names a zone wherever it stands.
   */
  after: z.array(z.string().min(2)).optional(),
  /**
   * A type word whose sector before it is open (广告, 制帽, 食品 of 青岛国家广告产业园): any words may stand between
   * it and its place, so it names a zone only after a place the gazetteer or the country's areas know — 氢能产业园 alone is a kind of park, not one.
   */
  openSector: z.boolean().default(false),
});

const GenericSchema = z.object({ word: z.string().min(2), family: z.string().optional() });

const ZoneFormsSchema = z.object({
  minChars: z.number().int().positive(),
  cityPrefixes: z.array(z.string().min(1)),
  /** Endings of a province's name (山东省): a province written before a zone's city is left out of its identity. */
  provinceEndings: z.array(z.string().min(1)).default([]),
  suffixForms: z.array(z.tuple([z.string().min(1), z.string().min(1)])),
  genericNames: z.array(z.string()).default([]),
  zoneSuffixes: z.array(SuffixSchema).default([]),
  placeName: z
    .object({
      minChars: z.number().int().positive(),
      maxChars: z.number().int().positive(),
      /** With the city or area written before the place (深圳前海深港). */
      maxNameChars: z.number().int().positive().default(8),
      /** How long the open sector between a place and its type word may be (国家现代农业 of 平度国家现代农业产业园). */
      maxSectorChars: z.number().int().positive().default(8),
      droppedEndings: z.array(z.string()),
      rankEndings: z.array(z.string()).default([]),
      /** Endings a text writes a town or street with (李哥庄镇, 王台街道): the name before them is a place. */
      townEndings: z.array(z.string()).default([]),
    })
    .default({ minChars: 2, maxChars: 4, maxNameChars: 8, maxSectorChars: 8, droppedEndings: [], rankEndings: [], townEndings: [] }),
  nonPlaceWords: z.array(z.string().min(1)).default([]),
  namingTypes: z.array(z.string().min(1)).default([]),
  nonPlaceTags: z.array(z.string().min(1)).default([]),
  numeralChars: z.string().default(""),
  countMeasureChars: z.string().default(""),
  timeMeasureChars: z.string().default(""),
  placeEndChars: z.string().default(""),
  descriptorWords: z.array(z.string().min(1)).default([]),
  rankQualifiers: z.array(z.string().min(1)).default([]),
  verbLedTags: z.array(z.string().min(1)).default([]),
  commonNounLedTags: z.array(z.string().min(1)).default([]),
  modifierEndings: z.array(z.string().min(1)).default([]),
  /** Words after a place that make it an organisation's name (青岛市统计局), not a zone mention. */
  institutionWords: z.array(z.string().min(1)).default([]),
  functionChars: z.string().default(""),
  referenceTags: z.array(z.string().min(1)).default([]),
  brandPrefixes: z.array(z.string().min(1)).default([]),
  genericMentions: z.array(GenericSchema).default([]),
  collectiveHeads: z.array(z.string().min(1)).default([]),
  wholeWords: z.array(z.string().min(1)).default([]),
  listCountLeads: z.array(z.string().min(1)).default([]),
  partCues: z.array(z.string().min(1)).default([]),
  wholeComparisons: z.array(z.string().min(1)).default([]),
});

export type ZoneForms = z.infer<typeof ZoneFormsSchema>;
export type ZoneSuffix = z.infer<typeof SuffixSchema>;
export type GenericWord = z.infer<typeof GenericSchema>;

export function defaultZoneFormsPath(): string {
  return fileURLToPath(new URL("../../data/zone-forms.json", import.meta.url));
}

let cached: ZoneForms | undefined;

/** data/zone-forms.json, read once per process. */
export function loadZoneForms(path: string = defaultZoneFormsPath()): ZoneForms {
  if (path !== defaultZoneFormsPath()) return ZoneFormsSchema.parse(JSON.parse(readFileSync(path, "utf8")));
  cached ??= ZoneFormsSchema.parse(JSON.parse(readFileSync(path, "utf8")));
  return cached;
}

/**
 * The fewest sector and quality words (descriptorWords: 汽车, 产业, 国际, 经济…) a text splits into, or Infinity
 * when it is not made of them: 汽车产业 → 2, 国际经济 → 2, 临港 → 1, 新河 → Infinity.
 */
export function descriptorWordCount(text: string, words: ReadonlySet<string>): number {
  const fewest = [0, ...new Array<number>(text.length).fill(Number.POSITIVE_INFINITY)];
  for (let end = 1; end <= text.length; end++) {
    for (let start = 0; start < end; start++) if (words.has(text.slice(start, end))) fewest[end] = Math.min(fewest[end]!, fewest[start]! + 1);
  }
  return text.length === 0 ? Number.POSITIVE_INFINITY : fewest[text.length]!;
}
