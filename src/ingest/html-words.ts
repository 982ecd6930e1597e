import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const HtmlWordsSchema = z.object({
  publishDateMetaNames: z.array(z.string().min(1)),
  siteNameMetaNames: z.array(z.string().min(1)),
  titleMetaNames: z.array(z.string().min(1)),
  dateLinePatterns: z.array(z.string()),
  outletLinePatterns: z.array(z.string()),
  copyrightYearPatterns: z.array(z.string()),
  metaLinePatterns: z.array(z.string()),
  metaLineMaxChars: z.number().int().positive(),
  boilerplatePatterns: z.array(z.string()),
  boilerplateMaxChars: z.number().int().positive(),
  titleSeparators: z.array(z.string().min(1)),
  titleMinChars: z.number().int().positive(),
  siteNameMaxChars: z.number().int().positive(),
  siteNameSuffixes: z.array(z.string().min(1)),
});

/** How web pages mark metadata and furniture (data/ingest-html.json), compiled. */
export interface HtmlWords {
  publishDateMetaNames: string[];
  siteNameMetaNames: string[];
  titleMetaNames: string[];
  dateLine: RegExp[];
  outletLine: RegExp[];
  copyrightYear: RegExp[];
  metaLine: RegExp[];
  metaLineMaxChars: number;
  boilerplate: RegExp[];
  boilerplateMaxChars: number;
  titleSeparators: string[];
  titleMinChars: number;
  siteNameMaxChars: number;
  siteNameSuffixes: string[];
}

const compile = (pattern: string): RegExp => new RegExp(pattern, "u");
const lower = (names: string[]): string[] => names.map((name) => name.toLowerCase());
/** A line that ends a sentence is article text, whatever words it contains. */
const SENTENCE_END = /[。！？!?][”’」』）)]*$/u;

export function loadHtmlWords(path = fileURLToPath(new URL("../../data/ingest-html.json", import.meta.url))): HtmlWords {
  const file = HtmlWordsSchema.parse(JSON.parse(readFileSync(path, "utf8")));
  return {
    ...file,
    publishDateMetaNames: lower(file.publishDateMetaNames),
    siteNameMetaNames: lower(file.siteNameMetaNames),
    titleMetaNames: lower(file.titleMetaNames),
    dateLine: file.dateLinePatterns.map(compile),
    outletLine: file.outletLinePatterns.map(compile),
    copyrightYear: file.copyrightYearPatterns.map(compile),
    metaLine: file.metaLinePatterns.map(compile),
    boilerplate: file.boilerplatePatterns.map(compile),
  };
}

let cached: HtmlWords | undefined;
export function htmlWords(): HtmlWords {
  cached ??= loadHtmlWords();
  return cached;
}

/** Site furniture: 备案号, copyright, 友情链接, breadcrumbs, pager links — short lines that end no sentence. */
export function isBoilerplate(line: string, words: HtmlWords): boolean {
  return line.length <= words.boilerplateMaxChars && !SENTENCE_END.test(line) && words.boilerplate.some((re) => re.test(line));
}

/** The article's own data line: 「2023-04-10 10:26　来源：某某网　记者：某某」, 「发表时间：… 浏览次数：」. */
export function isMetaLine(line: string, words: HtmlWords): boolean {
  return line.length <= words.metaLineMaxChars && !SENTENCE_END.test(line) && words.metaLine.some((re) => re.test(line));
}

/** The outlet a data line names (「2023-04-10　来源：某某新闻网　记者：某某」 → 某某新闻网); web pages and text exported from them. */
export function outletOfLine(line: string, words: HtmlWords): string | undefined {
  if (!isMetaLine(line, words)) return undefined;
  for (const pattern of words.outletLine) {
    const outlet = pattern.exec(line)?.groups?.outlet;
    if (outlet) return outlet;
  }
  return undefined;
}

/**
 * 「标题_某某网」, 「标题 - 某某市人民政府」 → 「标题」 and the site. A tail after `_` is always the site; after
 * another separator only when it is short and is the site's name or ends like one (网, 政府网, 资讯 …).
 */
export function stripSiteSuffix(title: string, words: HtmlWords, siteName?: string): { title: string; site?: string } {
  let head = title;
  let site: string | undefined;
  for (;;) {
    const cut = lastSeparator(head, words);
    if (!cut) break;
    const tail = head.slice(cut.index + cut.separator.length).trim();
    const before = head.slice(0, cut.index).trim();
    const siteLike = tail === siteName || (tail.length <= words.siteNameMaxChars && (cut.separator === "_" || words.siteNameSuffixes.some((suffix) => tail.endsWith(suffix))));
    if (!siteLike || before.length < words.titleMinChars) break;
    site ??= tail;
    head = before;
  }
  return site ? { title: head, site } : { title: head };
}

function lastSeparator(text: string, words: HtmlWords): { index: number; separator: string } | undefined {
  let best: { index: number; separator: string } | undefined;
  for (const separator of words.titleSeparators) {
    const index = text.lastIndexOf(separator);
    if (index > 0 && (!best || index > best.index || (index === best.index && separator.length > best.separator.length))) best = { index, separator };
  }
  return best;
}
