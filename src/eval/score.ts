import { readFileSync } from "node:fs";
import { z } from "zod";
import type { Answer } from "../brain/index.js";
import { containsWholeNumber, unverifiedNumbers } from "../brain/index.js";

const EvalQuestionSchema = z.object({
  id: z.string(),
  question: z.string(),
  type: z.string(),
  numbers: z.array(z.string()).default([]),
  keywords: z.array(z.string()).default([]),
  source: z.string().default(""),
  /** The dev set's name for the article that holds the answer. */
  file: z.string().optional(),
});

export type EvalQuestion = z.infer<typeof EvalQuestionSchema>;

/** A JSONL question set: one question object per non-empty line. */
export function readEvalQuestions(file: string): EvalQuestion[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => EvalQuestionSchema.parse(JSON.parse(line)));
}

export interface Verdict {
  pass: boolean;
  reasons: string[];
  /** Numbers in the answer that no citation contains (must stay empty). */
  unverified: string[];
}

/** Like the shared scorer: width and spaces folded, full-width commas as ASCII. */
const norm = (text: string) => text.normalize("NFKC").replace(/\s+/g, "").replace(/，/g, ",");

/** Right, declined or answered wrong: a wrong figure costs a user more than a decline. */
export type Outcome = "right" | "declined" | "wrong";

/**
 * The eval's rule (the same as ../shared/eval/score.mjs): every gold number appears in the answer (not
 * inside a longer number), at least 60% of the keywords appear, and a citation names the gold source
 * file; an unanswerable question passes when found is false.
 */
export function scoreEvalAnswer(question: EvalQuestion, answer: Answer): Verdict & { outcome: Outcome } {
  const unverified = unverifiedNumbers(answer.answer, answer.citations, answer.derived, answer.frame.year ? [answer.frame.year] : []);
  if (question.type === "unanswerable") {
    return { pass: !answer.found, outcome: answer.found ? "wrong" : "right", reasons: answer.found ? ["answered an unanswerable question"] : [], unverified };
  }
  const reasons: string[] = [];
  if (!answer.found) reasons.push("found=false");
  const text = norm(answer.answer);
  const missing = question.numbers.filter((n) => !containsWholeNumber(text, norm(n)));
  if (missing.length) reasons.push(`missing numbers ${missing.join(", ")}`);
  const hits = question.keywords.filter((k) => text.includes(norm(k))).length;
  if (question.keywords.length && hits / question.keywords.length < 0.6) {
    reasons.push(`keywords ${hits}/${question.keywords.length}`);
  }
  const wanted = question.source || question.file;
  const sourceNames = answer.citations.map((c) => c.source.split("/").at(-1) ?? c.source);
  if (wanted && !sourceNames.some((name) => name === wanted || name.startsWith(wanted.replace(/\.txt$/, "")))) reasons.push(`no citation of ${wanted}`);
  const outcome: Outcome = reasons.length === 0 ? "right" : !answer.found ? "declined" : "wrong";
  return { pass: reasons.length === 0, outcome, reasons, unverified };
}
