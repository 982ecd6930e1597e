import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const WordsFileSchema = z.object({
  paperNames: z.array(z.string().min(1)),
  pageBandPatterns: z.array(z.string()),
  editionPattern: z.string(),
  datePattern: z.string(),
  continuedToPattern: z.string(),
  continuedFromPattern: z.string(),
  bylinePatterns: z.array(z.string()),
  datelinePatterns: z.array(z.string()),
  sectionHeadingPatterns: z.array(z.string()),
  sentenceEndChars: z.string().min(1),
  closingChars: z.string(),
  headlineMaxChars: z.number().int().positive(),
  derivedTitleMaxChars: z.number().int().positive(),
  headingStyleNamePattern: z.string(),
  officialTitlePattern: z.string(),
  officialTitleMaxLine: z.number().int().positive(),
});

const MessagesFileSchema = z.record(z.string(), z.string());

/** Compiled layout words (data/documents-words.json). */
export interface LayoutWords {
  paperName: RegExp;
  pageBand: RegExp[];
  edition: RegExp;
  date: RegExp;
  continuedTo: RegExp;
  continuedFrom: RegExp;
  byline: RegExp[];
  dateline: RegExp[];
  sectionHeading: RegExp[];
  sentenceEnd: RegExp;
  headlineMaxChars: number;
  derivedTitleMaxChars: number;
  /** Word style names (case aside) whose paragraphs are headings. */
  headingStyleName: RegExp;
  /** An official document's title line (「关于…的通报」) and how far down its head it may stand. */
  officialTitle: RegExp;
  officialTitleMaxLine: number;
}

const dataFile = (name: string): string => fileURLToPath(new URL(`../../data/${name}`, import.meta.url));
const compile = (pattern: string, flags = "u"): RegExp => new RegExp(pattern, flags);
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const escapeForClass = (chars: string): string => chars.replace(/[\\\][^-]/g, "\\$&");

let words: LayoutWords | undefined;
export function layoutWords(): LayoutWords {
  if (words) return words;
  const file = WordsFileSchema.parse(JSON.parse(readFileSync(dataFile("documents-words.json"), "utf8")));
  words = {
    paperName: compile(`^(?:${file.paperNames.map(escapeRegExp).join("|")})`),
    pageBand: file.pageBandPatterns.map((p) => compile(p)),
    edition: compile(file.editionPattern),
    date: compile(file.datePattern),
    continuedTo: compile(file.continuedToPattern, "gu"),
    continuedFrom: compile(file.continuedFromPattern),
    byline: file.bylinePatterns.map((p) => compile(p)),
    dateline: file.datelinePatterns.map((p) => compile(p)),
    sectionHeading: file.sectionHeadingPatterns.map((p) => compile(p)),
    sentenceEnd: compile(`[${escapeForClass(file.sentenceEndChars)}][${escapeForClass(file.closingChars)}]*$`),
    headlineMaxChars: file.headlineMaxChars,
    derivedTitleMaxChars: file.derivedTitleMaxChars,
    headingStyleName: compile(file.headingStyleNamePattern, "iu"),
    officialTitle: compile(file.officialTitlePattern),
    officialTitleMaxLine: file.officialTitleMaxLine,
  };
  return words;
}

let messages: Record<string, string> | undefined;
/** A message from data/documents-messages.json with {name} placeholders filled. */
export function message(key: string, values: Record<string, string | number> = {}): string {
  messages ??= MessagesFileSchema.parse(JSON.parse(readFileSync(dataFile("documents-messages.json"), "utf8")));
  const template = messages[key];
  if (template === undefined) throw new Error(`documents-messages.json has no "${key}"`);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** 「广东省商务厅关于…考核评价结果的通报」: a line that is an official document's title (data/documents-words.json). */
export function isOfficialTitle(line: string): boolean {
  return layoutWords().officialTitle.test(line.trim());
}
