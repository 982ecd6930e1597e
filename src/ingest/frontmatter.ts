import { parse as parseYaml } from "yaml";
import { normalizeDate } from "./dates.js";
import type { IngestWarning } from "./errors.js";

/** Between zone names in one front-matter field (no zone name holds one of these outside brackets). */
const ZONE_SEPARATORS = "；;、，,|";

/** 「A；B」 → A, B; a list inside brackets (「浙江省经开区（宁波经开区、杭州经开区等）」) stays with its name. */
function splitOutsideBrackets(field: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of field) {
    if ("（(【[".includes(char)) depth++;
    if ("）)】]".includes(char)) depth = Math.max(0, depth - 1);
    if (depth === 0 && ZONE_SEPARATORS.includes(char)) {
      parts.push(current);
      current = "";
    } else current += char;
  }
  return [...parts, current];
}

/** Metadata given in a file's YAML header (.md, .txt: any text file). */
export interface FrontMatter {
  title?: string;
  date?: string;
  /** The outlet that published the article (front matter `source:`); never the article's identity. */
  source?: string;
  zones: string[];
}

export interface SplitFrontMatter {
  frontMatter: FrontMatter | undefined;
  body: string;
  /** Fields ignored and blocks dropped, in file order; never fatal to the file. */
  warnings: IngestWarning[];
}

/** A `---` line (after optional blank lines) opening the file, a block, and a `---`/`...` line closing it. */
const FENCE = /^\ufeff?(?:[ \t\u3000]*\r?\n)*---[ \t]*\r?\n((?:[\s\S]*?\r?\n)?)(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
/** Front matter opens with a field: a block whose first line is not `key:` is a ruled-off passage of text. */
const FIRST_FIELD = /^\s*[\p{L}\p{N}_-]+[ \t]*:/u;

type FieldReader = (value: unknown, into: FrontMatter) => string | undefined;

const text = (value: unknown): string | undefined => {
  if (typeof value === "string") return value.trim() || undefined;
  if (typeof value === "number") return String(value);
  return undefined;
};

/** Each known field writes itself into the front matter, or says why it was ignored. */
const FIELDS: Record<string, FieldReader> = {
  title(value, into) {
    const title = text(value);
    if (!title) return "not a text";
    into.title = title;
    return undefined;
  },
  date(value, into) {
    const raw = value instanceof Date ? value.toISOString().slice(0, 10) : text(value);
    const date = raw ? normalizeDate(raw) : null;
    if (!date) return `not a date (${JSON.stringify(raw ?? value)})`;
    into.date = date;
    return undefined;
  },
  source(value, into) {
    const source = text(value);
    if (!source) return "not a text";
    into.source = source;
    return undefined;
  },
  zone(value, into) {
    // 「zone: A；B」 in a roundup names several zones in one field, as a YAML list would.
    const zones = (Array.isArray(value) ? value : [value]).map(text).flatMap((zone) => (zone ? splitOutsideBrackets(zone) : [])).map((zone) => zone.trim()).filter((zone) => zone !== "");
    if (zones.length === 0) return "no zone name";
    into.zones.push(...zones);
    return undefined;
  },
};

/**
 * Separate a leading `---` YAML block from the text. Never throws: a block that is not YAML is dropped
 * with a warning (the text is read without it); a block that is not a mapping is left in the text; empty,
 * malformed and unknown fields are skipped with a warning each.
 */
export function splitFrontMatter(input: string): SplitFrontMatter {
  const match = FENCE.exec(input);
  if (!match || (match[1]!.trim() && !FIRST_FIELD.test(match[1]!))) return { frontMatter: undefined, body: input, warnings: [] };
  const body = input.slice(match[0].length);
  let parsed: unknown;
  try {
    parsed = parseYaml(match[1] ?? "");
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n")[0]! : String(error);
    return { frontMatter: undefined, body, warnings: [{ reason: "front-matter-dropped", detail: `not valid YAML: ${detail}` }] };
  }
  if (parsed === null || parsed === undefined) return { frontMatter: { zones: [] }, body, warnings: [] };
  if (typeof parsed !== "object" || Array.isArray(parsed)) {
    return { frontMatter: undefined, body: input, warnings: [{ reason: "front-matter-dropped", detail: "the --- block is not a list of fields; read as text" }] };
  }
  return { ...readFields(parsed as Record<string, unknown>), body };
}

function readFields(fields: Record<string, unknown>): { frontMatter: FrontMatter; warnings: IngestWarning[] } {
  const frontMatter: FrontMatter = { zones: [] };
  const warnings: IngestWarning[] = [];
  for (const [key, value] of Object.entries(fields)) {
    const reader = FIELDS[key.trim().toLowerCase()];
    if (!reader) {
      warnings.push({ reason: "front-matter-field-ignored", detail: `unknown field "${key}"` });
      continue;
    }
    const problem = value === null || value === "" ? "empty" : reader(value, frontMatter);
    if (problem) warnings.push({ reason: "front-matter-field-ignored", detail: `${key}: ${problem}` });
  }
  return { frontMatter, warnings };
}
