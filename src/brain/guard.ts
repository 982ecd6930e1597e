import type { Citation } from "../domain/types.js";

const NUMBER = /\d+(?:\.\d+)?/g;

/**
 * Numbers in an answer that no cited quote contains (as a whole number, not inside a longer one).
 * Years written as 「2022年」 are context, not claims, when a quote carries the same year or the
 * answer's scope names it; numbers the brain computed are passed in `derived`.
 */
export function unverifiedNumbers(answer: string, citations: Citation[], derived: string[] = [], years: number[] = []): string[] {
  const quotes = citations.map((c) => c.quote);
  const problems: string[] = [];
  for (const match of claimsOf(answer, quotes).matchAll(NUMBER)) {
    const value = match[0];
    const after = match.input.slice(match.index + value.length, match.index + value.length + 1);
    if (after === "年" && (years.includes(Number(value)) || /^(19|20)\d{2}$/.test(value))) continue;
    if (derived.includes(value)) continue;
    if (quotes.some((quote) => containsWholeNumber(quote, value))) continue;
    problems.push(value);
  }
  return [...new Set(problems)];
}

/** The answer without what merely points at sources: verbatim quotes, 《titles》 and publication dates. */
function claimsOf(answer: string, quotes: string[]): string {
  let text = answer;
  for (const quote of quotes) if (quote) text = text.split(`“${quote}”`).join(" ");
  return text.replace(/《[^》]*》/g, " ").replace(/\d{4}-\d{2}-\d{2}/g, " ");
}

export function containsWholeNumber(text: string, value: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(value, from);
    if (at < 0) return false;
    const before = text[at - 1] ?? "";
    const after = text[at + value.length] ?? "";
    const glued = /[\d.]/.test(before) || /\d/.test(after) || (after === "." && /\d/.test(text[at + value.length + 1] ?? ""));
    if (!glued) return true;
    from = at + 1;
  }
}
