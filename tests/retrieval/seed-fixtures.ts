import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import type { Article } from "../../src/domain/types.js";
import type { Gazetteer } from "../../src/domain/gazetteer.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Stand-in for src/ingest: one Article per seed file. Column-broken lines are joined;
 * an indented line (full-width or ASCII spaces) starts a new paragraph.
 */
export function seedArticles(gazetteer: Gazetteer): Article[] {
  const dir = join(ROOT, "seeds");
  return readdirSync(dir)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((source) => articleFromText(source, readFileSync(join(dir, source), "utf8"), gazetteer));
}

export function articleFromText(source: string, raw: string, gazetteer: Gazetteer, date: string | null = null): Article {
  const text = joinColumnLines(raw);
  return {
    id: `${source}#0`,
    source,
    part: 0,
    title: text.slice(0, 20),
    date,
    dateEvidence: null,
    zones: zonesByFrequency(text, gazetteer),
    text,
    contentHash: "test",
  };
}

function joinColumnLines(raw: string): string {
  const paragraphs: string[] = [];
  let current = "";
  for (const line of raw.split(/\r?\n/u)) {
    if (/^[\s\u3000]{2,}\S/u.test(line) && current) {
      paragraphs.push(current);
      current = "";
    }
    current += line.trim().replace(/\u3000/gu, "");
  }
  if (current) paragraphs.push(current);
  return paragraphs.join("\n");
}

function zonesByFrequency(text: string, gazetteer: Gazetteer): string[] {
  const counts = new Map<string, number>();
  for (const mention of gazetteer.mentions(text, { includeWeak: false })) counts.set(mention.zone, (counts.get(mention.zone) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([zone]) => zone);
}

export interface EvalQuestion {
  id: string;
  question: string;
  type: string;
  zone: string | null;
  year: number | null;
  source: string;
  evidence: string;
}

export function evalQuestions(): EvalQuestion[] {
  return readFileSync(join(ROOT, "tests/eval/seed_questions.public.jsonl"), "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as EvalQuestion);
}

/**
 * [start, end) of `evidence` in `text`, ignoring the paragraph breaks the line joiner put in
 * (gold evidence was written against the unbroken text); null when absent.
 */
export function locateEvidence(text: string, evidence: string): [number, number] | null {
  const positions: number[] = [];
  let squashed = "";
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\n") continue;
    positions.push(i);
    squashed += text[i];
  }
  const at = squashed.indexOf(evidence);
  if (at < 0 || evidence.length === 0) return null;
  return [positions[at]!, positions[at + evidence.length - 1]! + 1];
}
