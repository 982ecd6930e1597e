import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { PROJECT_ROOT } from "../config/index.js";

// What ingest says to people (why a link or a file was not read), from prompts/ingest-texts.json.

const TextsSchema = z.record(z.string(), z.string().min(1));
let texts: Record<string, string> | undefined;

/** The text under `key` with its `{name}` placeholders filled (an unknown name stays visible). */
export function ingestText(key: string, values: Record<string, string | number> = {}): string {
  texts ??= TextsSchema.parse(JSON.parse(readFileSync(path.join(PROJECT_ROOT, "prompts", "ingest-texts.json"), "utf8")));
  const template = texts[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
