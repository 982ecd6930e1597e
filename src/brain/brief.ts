import type { Corpus } from "../corpus/index.js";
import type { Citation } from "../domain/types.js";
import type { SourceRef } from "../tools/index.js";
import { hasNumber, kindsSaid } from "./scoring.js";
import type { Sentence, SentenceBank } from "./sentences.js";
import { weight } from "./weights.js";

/** How many sentences a brief shows. */
const BRIEF_SENTENCES = 4;
const MIN_CHARS = 14;
const LONG_CHARS = 160;
/** Articles read for one brief, newest first: enough for a zone's year, bounded on a 10k archive. */
const MAX_ARTICLES = 40;
/** Two sentences sharing this much of their characters say the same thing: only one is shown. */
const SAME_SENTENCE_OVERLAP = 0.6;

export interface BriefRequest {
  zone: string;
  year?: number;
  kind?: "target" | "actual";
  topic: string[];
}

export interface BriefLine {
  sentence: Sentence;
  citation: Citation;
}

/**
 * The 3–5 most informative sentences about one zone (and year): sentences that speak about the zone,
 * with figures, the asked topic's words and the asked kind's cue words scoring higher, quoted verbatim.
 */
export function writeBrief(request: BriefRequest, corpus: Corpus, bank: SentenceBank, source: (articleId: string) => SourceRef): BriefLine[] {
  const { gazetteer } = corpus;
  const w = (name: string) => weight("brief", name);
  const about = (zones: string[]) => zones.some((zone) => gazetteer.isWithin(zone, request.zone));
  const articles = [...corpus.articles.values()]
    .filter((article) => about(article.zones))
    .sort((a, b) => (b.date ?? "").localeCompare(a.date ?? ""))
    .slice(0, MAX_ARTICLES);
  const scored: { sentence: Sentence; score: number }[] = [];
  // Rare topic words say more than common ones (氢能 over 产业, 发展).
  const rarity = new Map(request.topic.map((term) => [term, Math.log(1 + bank.size / (1 + bank.documentFrequency(term)))]));
  const topicWeight = [...rarity.values()].reduce((a, b) => a + b, 0);
  for (const article of articles) {
    // A piece about the zone (its home zone) says more of it than a roundup that names it once.
    const aboutArticle = article.zones[0] !== undefined && gazetteer.isWithin(article.zones[0], request.zone) ? w("aboutArticle") : 0;
    const sentences = bank.ofArticle(article.id);
    for (const sentence of sentences) {
      if (sentence.text.length < MIN_CHARS || !about(sentence.zones)) continue;
      if (request.year !== undefined && !sentence.years.includes(request.year)) continue;
      let score = aboutArticle;
      if (hasNumber(sentence.text)) score += w("figure");
      if (gazetteer.mentions(sentence.text).some((mention) => gazetteer.isWithin(mention.zone, request.zone))) score += w("namesZone");
      if (topicWeight > 0) score += w("topic") * (request.topic.filter((term) => sentence.lower.includes(term)).reduce((sum, term) => sum + rarity.get(term)!, 0) / topicWeight);
      if (request.kind && kindsSaid(sentence.text).has(request.kind)) score += w("kindCue");
      // The lead sums a piece up.
      if (sentence.paragraph === sentences[0]?.paragraph) score += w("lead");
      if (sentence.text.length > LONG_CHARS) score -= w("tooLong");
      scored.push({ sentence, score });
    }
  }
  const picked: Sentence[] = [];
  for (const { sentence } of scored.sort((a, b) => b.score - a.score || a.sentence.index - b.sentence.index)) {
    if (picked.length >= BRIEF_SENTENCES) break;
    if (picked.some((other) => overlap(other.text, sentence.text) >= SAME_SENTENCE_OVERLAP)) continue;
    picked.push(sentence);
  }
  return picked
    .sort((a, b) => a.articleId.localeCompare(b.articleId) || a.index - b.index)
    .map((sentence) => ({ sentence, citation: { ...source(sentence.articleId), quote: sentence.text } }));
}

/** Share of the shorter text's character bigrams found in the longer one. */
function overlap(a: string, b: string): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 2) return 0;
  let shared = 0;
  for (let i = 0; i + 2 <= short.length; i++) if (long.includes(short.slice(i, i + 2))) shared++;
  return shared / (short.length - 1);
}
