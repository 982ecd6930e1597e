import { Readability } from "@mozilla/readability";
import { type DateClue, normalizeDate } from "./dates.js";
import { type DomDocument, type DomElement, type DomNode, type PageLine, pageLines, parseDocument } from "./dom.js";
import type { IngestWarning } from "./errors.js";
import { type HtmlWords, htmlWords, isBoilerplate, isMetaLine, outletOfLine, stripSiteSuffix } from "./html-words.js";

/** What a web page says: its article text (one block per line, blank-line separated) and its metadata. */
export interface HtmlArticle {
  text: string;
  title?: string;
  date?: DateClue;
  /** The site or paper that published it. */
  outlet?: string;
  /** The year of the page's copyright line: nothing on it was published later. */
  yearCeiling?: number;
  warnings: IngestWarning[];
}

export interface HtmlOptions {
  words?: HtmlWords;
  /** Finds the main content (default: Mozilla Readability); undefined when it finds none. */
  findContent?: (html: string) => DomNode | undefined;
}

/** Chinese news paragraphs are short in characters: readability's default (500) would discard short items. */
const READABILITY_MIN_CHARS = 50;

/** Blocks a reader never reads as the article (the fallback drops them; readability finds the content itself). */
const FURNITURE = "nav, header, footer, aside, form, [role=navigation], [role=banner], [role=contentinfo]";

/**
 * A news page → its article: the main content picked by Mozilla Readability (no navigation, footers, 备案号,
 * 友情链接), the title from og:title/<title>/<h1> without the site's name, the publish date from the page's meta
 * tags or a 「发布时间：」 line, the outlet from the site name or a 「来源：」 line. Falls back to the whole page
 * minus its furniture when readability finds nothing.
 */
export function extractHtmlArticle(html: string, options: HtmlOptions = {}): HtmlArticle {
  const words = options.words ?? htmlWords();
  const document = parseDocument(asDocument(html));
  const metas = metaContents(document);
  const allLines = pageLines(document.body ?? document.documentElement);
  const siteName = firstMeta(metas, words.siteNameMetaNames);
  const title = pageTitle(document, metas, words, siteName);
  const outlet = siteName ?? lineOutlet(allLines, words) ?? title?.site;
  const date = metaDate(metas, words) ?? lineDate(allLines, words);
  const warnings: IngestWarning[] = [];
  const content = (options.findContent ?? readabilityContent)(html);
  let text = content ? articleText(pageLines(content), words, title?.title) : "";
  if (!text) {
    warnings.push({ reason: "html-extraction-fallback", detail: "readability found no article text; used the page without its navigation and footer" });
    text = articleText(fallbackLines(document), words, title?.title);
  }
  const article: HtmlArticle = { text, warnings };
  if (title) article.title = title.title;
  if (date) article.date = date;
  if (outlet) article.outlet = outlet;
  const ceiling = copyrightYear(allLines, words);
  if (ceiling !== undefined) article.yearCeiling = ceiling;
  return article;
}

/** Old-style extraction (the page minus scripts, navigation, headers and footers), for callers that want only text. */
export function htmlToText(html: string, words: HtmlWords = htmlWords()): { text: string; title?: string } {
  const document = parseDocument(asDocument(html));
  const rawTitle = document.querySelector("title")?.textContent?.replace(/\s+/g, " ").trim();
  const text = articleText(fallbackLines(document), words, undefined);
  return rawTitle ? { text, title: rawTitle } : { text };
}

/** linkedom builds a document only from a whole page: wrap fragments. */
function asDocument(html: string): string {
  return /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
}

/** The page's main content as Mozilla Readability finds it (on a fresh parse: it rewrites the document). */
export function readabilityContent(html: string): DomNode | undefined {
  try {
    const document = parseDocument(asDocument(html));
    type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];
    const reader = new Readability<DomNode>(document as unknown as ReadabilityDocument, {
      charThreshold: READABILITY_MIN_CHARS,
      serializer: (node) => node as unknown as DomNode,
    });
    return reader.parse()?.content ?? undefined;
  } catch {
    return undefined;
  }
}

function fallbackLines(document: DomDocument): PageLine[] {
  const root = document.body ?? document.documentElement;
  for (const element of Array.from(root.querySelectorAll(FURNITURE))) element.remove();
  return pageLines(root);
}

/** Lines a reader would skip go; the title, printed again above the body, goes too. */
function articleText(lines: PageLine[], words: HtmlWords, title: string | undefined): string {
  return lines
    .filter((line) => line.fromTable || !(isBoilerplate(line.text, words) || isMetaLine(line.text, words) || line.text === title))
    .map((line) => line.text)
    .join("\n\n");
}

/** One <meta> tag as the page wrote it: which attribute named it (name, property, itemprop) and its content. */
interface MetaTag {
  attribute: string;
  name: string;
  content: string;
}

const META_NAME_ATTRIBUTES = ["name", "property", "itemprop"];

/** meta name/property/itemprop (lower-cased) → the tag, first one of each name. */
function metaContents(document: DomDocument): Map<string, MetaTag> {
  const metas = new Map<string, MetaTag>();
  for (const meta of Array.from(document.querySelectorAll("meta"))) {
    const attribute = META_NAME_ATTRIBUTES.find((candidate) => meta.getAttribute(candidate)?.trim());
    const name = attribute ? meta.getAttribute(attribute)!.trim() : undefined;
    const content = meta.getAttribute("content")?.trim();
    if (attribute && name && content && !metas.has(name.toLowerCase())) metas.set(name.toLowerCase(), { attribute, name, content });
  }
  return metas;
}

function firstMeta(metas: Map<string, MetaTag>, names: string[]): string | undefined {
  for (const name of names) {
    const content = metas.get(name)?.content;
    if (content) return content;
  }
  return undefined;
}

/** The first publish-date meta tag that holds a date; its evidence is the tag as written. */
function metaDate(metas: Map<string, MetaTag>, words: HtmlWords): DateClue | undefined {
  for (const name of words.publishDateMetaNames) {
    const tag = metas.get(name);
    const date = tag ? normalizeDate(tag.content) : null;
    if (tag && date) return { date, evidence: `<meta ${tag.attribute}="${tag.name}" content="${tag.content}">` };
  }
  return undefined;
}

function lineDate(lines: PageLine[], words: HtmlWords): DateClue | undefined {
  for (const { text } of lines) {
    for (const pattern of words.dateLine) {
      const match = pattern.exec(text);
      const date = match?.groups?.date ? normalizeDate(match.groups.date) : null;
      if (match && date) return { date, evidence: match[0] };
    }
  }
  return undefined;
}

/** The latest year a copyright line names (「Copyright © 2008-2026」 → 2026). */
function copyrightYear(lines: PageLine[], words: HtmlWords): number | undefined {
  let latest: number | undefined;
  for (const { text } of lines) {
    for (const pattern of words.copyrightYear) {
      const year = Number(pattern.exec(text)?.groups?.year);
      if (Number.isInteger(year) && (latest === undefined || year > latest)) latest = year;
    }
  }
  return latest;
}

function lineOutlet(lines: PageLine[], words: HtmlWords): string | undefined {
  for (const { text } of lines) {
    const outlet = outletOfLine(text, words);
    if (outlet) return outlet;
  }
  return undefined;
}

/** og:title, else <title>, else an <h1> outside the page's header/footer (a logo's h1 is the site's name); the site's name cut off. */
function pageTitle(document: DomDocument, metas: Map<string, MetaTag>, words: HtmlWords, siteName: string | undefined): { title: string; site?: string } | undefined {
  const headings = Array.from(document.querySelectorAll("h1")).filter((element: DomElement) => !element.closest(FURNITURE));
  const candidates = [firstMeta(metas, words.titleMetaNames), document.querySelector("title")?.textContent, ...headings.map((h1) => h1.textContent)];
  for (const candidate of candidates) {
    const clean = candidate?.replace(/\s+/g, " ").trim();
    if (!clean) continue;
    const stripped = stripSiteSuffix(clean, words, siteName);
    if (stripped.title.length >= words.titleMinChars && stripped.title !== siteName) return stripped;
  }
  return undefined;
}
