/** Character-bigram helpers: robust matching for Chinese, where word segmentation disagrees. */
export function charBigrams(text: string): string[] {
  const chars = [...text.replace(/[\s，。、；：？！“”‘’（）《》【】,.;:?!()"'\-—…·]/g, "")];
  if (chars.length === 1) return chars;
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i]! + chars[i + 1]!);
  return grams;
}

/** Dice coefficient of the two texts' bigram sets (0..1). */
export function bigramDice(a: string, b: string): number {
  const setA = new Set(charBigrams(a));
  const setB = new Set(charBigrams(b));
  if (setA.size === 0 || setB.size === 0) return 0;
  let shared = 0;
  for (const gram of setA) if (setB.has(gram)) shared++;
  return (2 * shared) / (setA.size + setB.size);
}

/** Share of `needle`'s bigrams found in `haystack` (0..1): how much of a term a text covers. */
export function bigramCoverage(needle: string, haystack: string): number {
  const grams = [...new Set(charBigrams(needle))];
  if (grams.length === 0) return 0;
  return grams.filter((gram) => haystack.includes(gram)).length / grams.length;
}
