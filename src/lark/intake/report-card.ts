import type { IngestReport } from "../../corpus/index.js";
import type { Article, Fact } from "../../domain/types.js";
import { escapeMarkdown, markdownCard, type Card } from "../cards/index.js";
import { fill, type BotTexts } from "../texts.js";

const MAX_ARTICLE_LINES = 10;
const SAMPLE_FACTS = 3;
const MAX_SENTENCE_CHARS = 120;

/** What an ingest added: the articles of the new generation the previous one did not have, and their facts. */
export interface IntakeOutcome {
  report: IngestReport;
  added: Article[];
  facts: Fact[];
}

/** The result card: articles added (title, date, zones), facts found, rejected files with the reason, a few new facts with their sentences. */
export function intakeResultCard(texts: BotTexts, outcome: IntakeOutcome): Card {
  const { report, added, facts } = outcome;
  const sections: string[][] = [];
  if (added.length > 0) sections.push([texts.intakeArticlesTitle, ...articleLines(texts, added)]);
  const unchanged = report.unchanged.map((file) => fill(texts.intakeUnchangedLine, { file: escapeMarkdown(file) }));
  const rejected = report.errors.map((error) => fill(texts.intakeRejectedLine, { file: escapeMarkdown(error.file), message: escapeMarkdown(error.message) }));
  if (rejected.length > 0 || unchanged.length > 0) sections.push([texts.intakeRejectedTitle, ...rejected, ...unchanged]);
  const samples = sampleFacts(facts, added);
  if (samples.length > 0) sections.push([texts.intakeFactsTitle, ...samples.map(({ fact, sentence }) => fill(texts.intakeFactLine, {
    metric: escapeMarkdown(fact.subject && !fact.metric.includes(fact.subject) ? `${fact.subject}${fact.metric}` : fact.metric),
    raw: escapeMarkdown(fact.raw),
    sentence: escapeMarkdown(sentence),
  }))]);
  const title = added.length > 0 ? fill(texts.intakeTitle, { articles: added.length, facts: facts.length }) : texts.intakeNothingNew;
  const content = [`**${title}**`, ...sections.map((lines) => lines.join("\n"))].join("\n\n");
  return markdownCard(texts, content, { template: added.length > 0 ? "green" : "orange" });
}

function articleLines(texts: BotTexts, articles: Article[]): string[] {
  const lines = articles.slice(0, MAX_ARTICLE_LINES).map((article) => fill(texts.intakeArticleLine, {
    title: escapeMarkdown(article.title), date: article.date ?? texts.unknownDate, zones: article.zones.slice(0, 3).join("、") || "—",
  }));
  if (articles.length > MAX_ARTICLE_LINES) lines.push(fill(texts.intakeArticlesMore, { count: articles.length - MAX_ARTICLE_LINES }));
  return lines;
}

/** A few facts to show, from different articles first, each with the sentence it was said in. */
function sampleFacts(facts: Fact[], articles: Article[]): { fact: Fact; sentence: string }[] {
  const byId = new Map(articles.map((article) => [article.id, article]));
  const chosen: Fact[] = [];
  const seenArticles = new Set<string>();
  for (const fact of facts) {
    if (chosen.length < SAMPLE_FACTS && !seenArticles.has(fact.articleId)) {
      chosen.push(fact);
      seenArticles.add(fact.articleId);
    }
  }
  for (const fact of facts) if (chosen.length < SAMPLE_FACTS && !chosen.includes(fact)) chosen.push(fact);
  return chosen.map((fact) => ({ fact, sentence: sentenceOf(byId.get(fact.articleId)?.text, fact) }));
}

/** The sentence around a fact's clause (between sentence ends or line breaks), or the clause itself. */
export function sentenceOf(text: string | undefined, fact: Pick<Fact, "start" | "end" | "evidence">): string {
  if (!text || fact.start < 0 || fact.end > text.length) return clip(fact.evidence);
  const ends = /[。！？!?\n]/;
  let from = fact.start;
  while (from > 0 && !ends.test(text[from - 1]!)) from -= 1;
  let to = fact.end;
  while (to < text.length && !ends.test(text[to]!)) to += 1;
  if (to < text.length && text[to] !== "\n") to += 1;
  return clip(text.slice(from, to).trim());
}

function clip(sentence: string): string {
  return sentence.length > MAX_SENTENCE_CHARS ? `${sentence.slice(0, MAX_SENTENCE_CHARS)}…` : sentence;
}
