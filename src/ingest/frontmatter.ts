import { parse as parseYaml } from "yaml";
import { z } from "zod";

const FrontMatterSchema = z.object({
  title: z.string().min(1).optional(),
  date: z.union([z.string(), z.date(), z.number()]).optional(),
  source: z.string().min(1).optional(),
  zone: z.union([z.string().min(1), z.array(z.string().min(1))]).optional(),
});

/** Metadata given in a Markdown file's YAML header. */
export interface FrontMatter {
  title?: string;
  date?: string;
  source?: string;
  zones: string[];
}

export interface SplitFrontMatter {
  frontMatter: FrontMatter | undefined;
  body: string;
}

const FENCE = /^\ufeff?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** Separate a leading `---` YAML block from the text. Throws on malformed YAML/fields (caller maps it to a file error). */
export function splitFrontMatter(text: string): SplitFrontMatter {
  const match = FENCE.exec(text);
  if (!match) return { frontMatter: undefined, body: text };
  const parsed = FrontMatterSchema.parse(parseYaml(match[1] ?? "") ?? {});
  const date = parsed.date instanceof Date ? parsed.date.toISOString().slice(0, 10) : parsed.date?.toString();
  const zones = parsed.zone === undefined ? [] : [parsed.zone].flat();
  const frontMatter: FrontMatter = { zones };
  if (parsed.title) frontMatter.title = parsed.title;
  if (date) frontMatter.date = date;
  if (parsed.source) frontMatter.source = parsed.source;
  return { frontMatter, body: text.slice(match[0].length) };
}
