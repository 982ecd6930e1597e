import { longestFirst, synonymsData } from "./data.js";

interface SynonymTable {
  /** Every member phrase, longest first. */
  members: string[];
  canonicalOf: Map<string, string>;
}

let table: SynonymTable | undefined;

function synonymTable(): SynonymTable {
  if (table) return table;
  const canonicalOf = new Map<string, string>();
  for (const group of synonymsData().groups) {
    const canonical = group[0] ?? "";
    for (const member of group) if (!canonicalOf.has(member)) canonicalOf.set(member, canonical);
  }
  table = { members: longestFirst(canonicalOf.keys()), canonicalOf };
  return table;
}

/** Drops punctuation, quotes and spaces that vary between phrasings of one metric. */
function normalizeText(s: string): string {
  return s.replace(/[\s“”"'‘’「」《》〈〉（）()【】\[\]、，,。·]/g, "").toUpperCase();
}

/**
 * Canonical key of a metric phrase: each known synonym inside it (longest first, left to right) is
 * rewritten to its group's canonical form, so 外贸进出口总额增长 and 进出口总额增长 share a key.
 */
export function canonicalMetric(metric: string): string {
  const { members, canonicalOf } = synonymTable();
  const text = normalizeText(metric);
  let out = "";
  let i = 0;
  while (i < text.length) {
    const member = members.find((m) => text.startsWith(normalizeText(m), i));
    if (member) {
      out += canonicalOf.get(member) ?? member;
      i += normalizeText(member).length;
    } else {
      out += text[i];
      i += 1;
    }
  }
  return out;
}

/** All phrasings of the metrics named inside `metric` (the metric itself included), for query expansion. */
export function metricSynonyms(metric: string): string[] {
  const { members, canonicalOf } = synonymTable();
  const found = new Set<string>([metric]);
  for (const member of members) {
    if (!metric.includes(member)) continue;
    const canonical = canonicalOf.get(member);
    for (const [other, otherCanonical] of canonicalOf) if (otherCanonical === canonical) found.add(other);
  }
  return [...found];
}
