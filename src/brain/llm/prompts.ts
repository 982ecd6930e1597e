import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { PROJECT_ROOT } from "../../config/index.js";

/** The LLM brain's texts, kept as files in prompts/ (Chinese): system prompt, few-shot examples, retry note, notes. */
export interface LlmPrompts {
  /** Rules + examples: what the model gets as its system message. */
  system: string;
  /** The rules part alone: what an answer must never repeat. */
  rules: string;
  /** Retry note after a failed number check; `{numbers}` is filled in. */
  retry: string;
  notes: LlmNotes;
}

const NotesSchema = z.object({
  fallback: z.string(),
  fallbackUnverified: z.string(),
  fallbackRefused: z.string(),
  redacted: z.string(),
  injectedSource: z.string(),
  toolDataHeader: z.string(),
  questionHeader: z.string(),
  unavailable: z.string(),
});
export type LlmNotes = z.infer<typeof NotesSchema>;

let cached: LlmPrompts | undefined;

export function loadPrompts(dir = path.join(PROJECT_ROOT, "prompts")): LlmPrompts {
  if (cached && dir === path.join(PROJECT_ROOT, "prompts")) return cached;
  const read = (name: string) => readFileSync(path.join(dir, name), "utf8").trim();
  const rules = read("llm-system.md");
  const examples = read("llm-examples.md");
  const prompts: LlmPrompts = {
    system: `${rules}\n\n${examples}`,
    rules,
    retry: read("llm-retry.md"),
    notes: NotesSchema.parse(JSON.parse(read("llm-notes.json"))),
  };
  if (dir === path.join(PROJECT_ROOT, "prompts")) cached = prompts;
  return prompts;
}
