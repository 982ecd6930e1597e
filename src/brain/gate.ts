import { fill } from "./compose.js";
import { unverifiedNumbers } from "./guard.js";
import type { Answer } from "./types.js";

/**
 * The last gate of every answer, offline and LLM alike: a number that no quote shown with the answer
 * contains is never sent. Such an answer becomes a decline that still shows its sources.
 */
export function gateAnswer(answer: Answer): Answer {
  if (!answer.found) return answer;
  const years = answer.frame.years.length ? answer.frame.years : answer.frame.year !== undefined ? [answer.frame.year] : [];
  const unverified = unverifiedNumbers(answer.answer, answer.citations, answer.derived, years);
  if (unverified.length === 0) return answer;
  return { ...answer, found: false, mode: "none", facts: [], answer: fill("declineUnverified", { numbers: unverified.join("、") }) };
}
