/** Characters that never take a space next to each other in Chinese typesetting. */
const TIGHT = String.raw`\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’—…·《》〈〉`;

const SPACE_RUN = /[ \t\u00a0\u3000]+/gu;
// A stray space from column OCR between Chinese characters/punctuation, or between them and digits.
const TIGHT_SPACE = new RegExp(
  String.raw`(?<=[${TIGHT}])\s+(?=[${TIGHT}0-9,.;:!?%)\]])|(?<=[0-9,;:!?(\[])\s+(?=[${TIGHT}])`,
  "gu",
);

/** Collapse whitespace runs and drop spaces inside Chinese text; keeps spaces around Latin words. */
export function normalizeBodySpaces(text: string): string {
  return text.replace(SPACE_RUN, " ").replace(TIGHT_SPACE, "").trim();
}

/** Headlines use spaces as phrase separators (「总体思路 推动工作」): only collapse them. */
export function normalizeHeadlineSpaces(text: string): string {
  return text.replace(SPACE_RUN, " ").trim();
}

/** Join two physical lines of one paragraph: no space, except between two Latin words. */
export function joinWrappedLines(left: string, right: string): string {
  const latinSeam = /[A-Za-z]$/.test(left) && /^[A-Za-z]/.test(right);
  return latinSeam ? `${left} ${right}` : left + right;
}
