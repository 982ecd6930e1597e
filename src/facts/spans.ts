/** Paragraph, sentence and clause spans of cleaned article text (offsets into the whole text). */

export interface Span {
  start: number;
  end: number;
}

// An ASCII comma between digits is a thousands separator (1,130), not a clause break.
const CLAUSE_BREAK = /[，；;。！？!?\n]|,(?![0-9]{3}(?![0-9]))/g;
const SENTENCE_BREAK = /[。！？!?\n]/g;

function splitSpans(text: string, breaks: RegExp, from = 0, to = text.length): Span[] {
  const spans: Span[] = [];
  let start = from;
  const re = new RegExp(breaks.source, "g");
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    spans.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  spans.push({ start, end: to });
  return spans.map(trimSpan(text)).filter((s) => s.end > s.start);
}

function trimSpan(text: string): (span: Span) => Span {
  return ({ start, end }) => {
    while (start < end && /\s/.test(text[start] ?? "")) start++;
    while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
    return { start, end };
  };
}

export function paragraphSpans(text: string): Span[] {
  return splitSpans(text, /\n/g);
}

export function sentenceSpans(text: string, within: Span): Span[] {
  return splitSpans(text, SENTENCE_BREAK, within.start, within.end);
}

export function clauseSpans(text: string, within: Span): Span[] {
  return splitSpans(text, CLAUSE_BREAK, within.start, within.end);
}

/** The span containing offset `at`, or undefined. */
export function spanAt(spans: Span[], at: number): Span | undefined {
  return spans.find((s) => s.start <= at && at < s.end);
}
