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

/**
 * The eval's rule: every gold number appears in the answer (not inside a longer number), at least
 * 60% of the keywords appear, and a citation names the gold source; an unanswerable question passes
 * when found is false.
 */
export function scoreEvalAnswer(question: EvalQuestion, answer: Answer): Verdict {
  const unverified = unverifiedNumbers(answer.answer, answer.citations, answer.derived, answer.frame.year ? [answer.frame.year] : []);
  if (question.type === "unanswerable") {
    return { pass: !answer.found, reasons: answer.found ? ["answered an unanswerable question"] : [], unverified };
  }
  const reasons: string[] = [];
  if (!answer.found) reasons.push("found=false");
  const missing = question.numbers.filter((n) => !containsWholeNumber(answer.answer, n));
  if (missing.length) reasons.push(`missing numbers ${missing.join(", ")}`);
  const hits = question.keywords.filter((k) => answer.answer.includes(k)).length;
  if (question.keywords.length && hits / question.keywords.length < 0.6) {
    reasons.push(`keywords ${hits}/${question.keywords.length}`);
  }
  if (question.source && !answer.citations.some((c) => c.source === question.source)) reasons.push(`no citation of ${question.source}`);
  return { pass: reasons.length === 0, reasons, unverified };
}
