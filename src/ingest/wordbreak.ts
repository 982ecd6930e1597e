import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";

let jieba: Jieba | undefined;

/**
 * True when a dictionary word spans the seam between `left` and `right`
 * (「…往来穿」 + 「梭，…」 → 穿梭): the line break then sits inside a word, so it
 * cannot be a headline/paragraph boundary.
 */
export function seamSplitsWord(left: string, right: string): boolean {
  const head = left.slice(-3);
  const tail = right.slice(0, 3);
  if (!head || !tail) return false;
  jieba ??= Jieba.withDict(dict);
  let offset = 0;
  for (const token of jieba.cut(head + tail, false)) {
    const end = offset + token.length;
    if (offset < head.length && end > head.length) return true;
    offset = end;
  }
  return false;
}
