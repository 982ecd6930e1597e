// Reading order measured against the HTML a fixture was printed from: the share of expected paragraphs
// that come back whole and in order (longest common subsequence of paragraphs, whitespace ignored).

const normal = (text: string) => text.replace(/\s+/g, "");

export function orderScore(expected: string[], actual: string[]): { matched: number; total: number; ratio: number } {
  const a = expected.map(normal);
  const b = actual.map(normal);
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) row[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, row[j - 1]!);
    previous = row;
  }
  const matched = previous[b.length]!;
  return { matched, total: a.length, ratio: a.length === 0 ? 1 : matched / a.length };
}
