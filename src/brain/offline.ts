import type { Corpus } from "../corpus/index.js";
import type { Citation } from "../domain/types.js";
import type { FactResult, Toolbox } from "../tools/index.js";
import { dateLabel, fill, kindLabel, quantityText, scopeLabel } from "./compose.js";
import { loadLexicon, type Lexicon } from "./lexicon.js";
import { hasNumber, hasTimeExpression, scoreSentence, termMatch, type ScoringContext, type SentenceScore } from "./scoring.js";
import { SentenceBank, type Sentence } from "./sentences.js";
import { readQuestion } from "./understand.js";
import type { Answer, QuestionFrame, Turn } from "./types.js";

/** Minimum weighted share of a question's terms a sentence must cover to count as the answer. */
const FOUND_COVERAGE = 0.6;
const CANDIDATE_CHUNKS = 20;
/** A follow-up's topic was confirmed by the earlier turn, so its match may be looser. */
const FOLLOW_UP_RELIEF = 0.85;
/** How far down the ranking to look for a sentence of the right kind. */
const ACCEPTABLE_WINDOW = 8;

interface Evidence {
  score: SentenceScore;
  /** The sentence, preceded by the one before it when that one carried part of the match. */
  sentences: Sentence[];
}

/**
 * The deterministic brain: reads the question, gathers candidate sentences through the search tool,
 * picks the best-supported one, pulls the matching facts and writes a templated, cited answer.
 */
export class OfflineBrain {
  private readonly bank: SentenceBank;
  private readonly lexicon: Lexicon = loadLexicon();
  private readonly referenceYear: number;
  private readonly scoring: ScoringContext;

  constructor(private readonly tools: Toolbox, private readonly corpus: Corpus, synonyms: (term: string) => string[] = () => []) {
    this.bank = new SentenceBank(corpus.articles.values(), corpus.gazetteer);
    const years = [...corpus.articles.values()].map((a) => Number(a.date?.slice(0, 4))).filter((y) => Number.isFinite(y) && y > 0);
    this.referenceYear = years.length ? Math.max(...years) : new Date().getFullYear();
    this.scoring = { bank: this.bank, gazetteer: corpus.gazetteer, lexicon: this.lexicon, synonyms };
  }

  read(question: string, history: Turn[] = []): QuestionFrame {
    return readQuestion(question, { gazetteer: this.corpus.gazetteer, lexicon: this.lexicon, referenceYear: this.referenceYear, history });
  }

  async answer(question: string, history: Turn[] = []): Promise<Answer> {
    const frame = this.read(question, history);
    if (frame.question === "") return this.decline(frame, fill("declineEmpty", {}));
    if (frame.terms.length === 0 && frame.items.length === 0) return this.decline(frame, fill("declineUnclear", {}));
    if (frame.type === "compare" && (frame.items.length >= 2 || frame.groupZones.length >= 2)) return this.compare(frame);
    if (frame.type === "sum" && frame.items.length >= 2) return this.sum(frame);
    return this.single(frame);
  }

  // ---- single-evidence questions (numeric, list, when, describe…) ----

  private async single(frame: QuestionFrame): Promise<Answer> {
    const ranked = await this.rank(frame, frame.terms, frame.zones);
    // The best sentence that holds the kind of thing asked (a number, a time), not merely the best match.
    const best = ranked.slice(0, ACCEPTABLE_WINDOW).find((candidate) => this.acceptable(frame, candidate));
    if (!best) return this.declineWithNearMiss(frame, ranked);
    const evidence = this.evidenceOf(best);
    const aggregate = this.aggregateMismatch(frame, evidence);
    if (aggregate) return aggregate;
    const facts = this.wantsNumber(frame) ? this.pickFacts(frame, evidence) : [];
    const zone = frame.zones[0] ?? best.sentence.zones[0];
    const year = frame.year ?? best.sentence.years[0];
    const citation = this.cite(evidence);
    const head = scopeLabel(zone, year);
    const text = facts.length > 0
      ? `${fill("numeric", { head: head ? `${head}：` : "", statements: facts.map((f) => statement(f)).join("；") })}\n${quoteLine(citation)}`
      : fill("passage", { head: head ? `${head}：` : "", title: citation.title, date: dateLabel(citation.date), quote: citation.quote });
    return this.found(frame, text, [citation], facts, facts.length > 0 ? "facts" : "search");
  }

  private acceptable(frame: QuestionFrame, best: SentenceScore): boolean {
    const needed = frame.followUp ? FOUND_COVERAGE * FOLLOW_UP_RELIEF : FOUND_COVERAGE;
    if (best.coverage < needed || !best.zoneOk || !best.yearOk || !best.eventsOk) return false;
    const text = this.evidenceOf(best).sentences.map((s) => s.text).join("");
    if (this.wantsNumber(frame) && !hasNumber(text)) return false;
    if (frame.type === "when" && !hasTimeExpression(text)) return false;
    return true;
  }

  private wantsNumber(frame: QuestionFrame): boolean {
    return frame.type === "numeric" || frame.type === "sum" || frame.type === "compare";
  }

  /** 「福建万达光电项目的总投资」 when the source only gives the total of 「A、B、C等4个项目」. */
  private aggregateMismatch(frame: QuestionFrame, evidence: Evidence): Answer | undefined {
    if (frame.aggregate || frame.type !== "numeric") return undefined;
    const text = evidence.sentences.map((s) => s.text).join("");
    for (const match of text.matchAll(/([^，。；：]*?)等(\d+|[一二三四五六七八九十两]+)(个|家|项|批)([^，。；]{0,8})/g)) {
      const items = match[1]!.replace(/^.*的/, "").split(/、|和|及/).map((s) => s.trim()).filter((s) => s.length >= 2);
      if (items.length < 2) continue;
      const named = uniqueBest(items, (item) => frame.terms.filter((t) => !/项目|企业|公司/.test(t) && item.includes(t)).length);
      if (!named) continue;
      if (!frame.solo && frame.unitFamily !== "money") continue;
      const citation = this.cite(evidence);
      return this.decline(frame, fill("declineAggregate", {
        entity: named, metric: frame.terms.find((t) => !named.includes(t) && !/项目/.test(t)) ?? "数字",
        group: `${match[2]}${match[3]}${match[4]!.replace(/[于在].*$/, "")}`, quote: citation.quote, title: citation.title, date: dateLabel(citation.date),
      }), [citation]);
    }
    return undefined;
  }

  // ---- comparisons ----

  private async compare(frame: QuestionFrame): Promise<Answer> {
    const entities = frame.items.length >= 2 ? frame.items : frame.groupZones;
    const metricTerms = frame.terms.filter((term) => !entities.some((entity) => entity.includes(term)));
    const rows: { entity: string; fact: FactResult; evidence: Evidence }[] = [];
    for (const entity of entities) {
      const row = await this.entityFigure(frame, entity, metricTerms, frame.items.length === 0);
      if (row) rows.push(row);
    }
    if (rows.length < 2) return this.decline(frame, fill("declineGeneric", { scope: scopeLabel(undefined, frame.year), topic: frame.terms.join("、") }));
    // Only figures in the same unit can be ranked; the largest such set is, the rest are listed.
    const ranked = largestGroup(rows, (row) => row.fact.unit);
    const others = rows.filter((row) => !ranked.includes(row));
    const citations = rows.map((row) => this.cite(row.evidence));
    const facts = rows.map((r) => r.fact);
    const rowText = (list: typeof rows) =>
      list.map((row) => fill("compareRow", { entity: row.entity, metric: "", kind: kindLabel(row.fact.kind), quantity: quantityText(row.fact) })).join("，");
    const sources = citations.map(quoteLine).join("\n");
    if (ranked.length < 2) return this.found(frame, `${fill("compareUnclear", { rows: rowText(rows) })}\n${sources}`, citations, facts, "facts");
    const fewer = /[更最](少|小|低)/.test(frame.question);
    const sorted = [...ranked].sort((a, b) => (fewer ? a.fact.value - b.fact.value : b.fact.value - a.fact.value));
    const comparative = /[更最](大|小|高|低)/.exec(frame.question)?.[0] ?? (fewer ? "更少" : "更多");
    let text = fill("compareWinner", { winner: sorted[0]!.entity, comparative, rows: rowText(sorted) });
    if (others.length) text += fill("compareOthers", { rows: rowText(others) });
    return this.found(frame, `${text}\n${sources}`, citations, facts, "facts");
  }

  /** The figure one side of a comparison gives for the metric: its best sentence, then its best fact. */
  private async entityFigure(frame: QuestionFrame, entity: string, metricTerms: string[], entityIsZone: boolean) {
    const entityZones = entityIsZone ? [entity] : this.corpus.gazetteer.mentions(entity, { includeWeak: true }).map((m) => m.zone);
    const entityTerms = frame.terms.filter((term) => entity.includes(term));
    const terms = [...new Set([...entityTerms, ...metricTerms])];
    const ranked = await this.rank({ ...frame, zones: entityZones }, terms, entityZones, entity);
    for (const candidate of ranked.slice(0, 5)) {
      if (!candidate.zoneOk || !candidate.yearOk) continue;
      // The sentence must be about this entity; the metric may be carried by the unit (面积 → 平方米).
      const about = entityTerms.length === 0 || scoreSentence(frame, candidate.sentence, this.scoring, entityTerms).coverage >= FOUND_COVERAGE;
      if (!about || candidate.coverage < 0.35) continue;
      const evidence = this.evidenceOf(candidate);
      const fact = this.pickFacts({ ...frame, terms: metricTerms.length ? metricTerms : terms }, evidence, 1, true)
        .find((f) => !frame.kind || kindAgrees(frame.kind, f.kind));
      if (fact) return { entity: entityIsZone ? entity : cleanEntity(entity), fact, evidence };
    }
    return undefined;
  }

  // ---- sums ----

  private async sum(frame: QuestionFrame): Promise<Answer> {
    const terms = [...new Set([...frame.items, ...frame.terms.filter((t) => !frame.items.some((item) => item.includes(t)))])];
    const ranked = await this.rank(frame, terms, frame.zones);
    const best = ranked[0];
    if (!best || best.coverage < FOUND_COVERAGE * 0.8 || !best.zoneOk || !best.yearOk) return this.declineWithNearMiss(frame, ranked);
    const evidence = this.evidenceOf(best);
    const facts = this.factsIn(evidence);
    const parts: FactResult[] = [];
    for (const item of frame.items) {
      const match = facts
        .filter((fact) => !parts.includes(fact))
        .map((fact) => ({ fact, score: termMatch(item, fact.evidence, this.scoring.synonyms) }))
        .sort((a, b) => b.score - a.score)[0];
      if (!match || match.score < 0.3) return this.single(frame);
      parts.push(match.fact);
    }
    const unit = parts[0]!.unit;
    if (!parts.every((p) => p.unit === unit)) return this.single(frame);
    const total = parts.reduce((acc, p) => acc + p.value, 0);
    const totalText = `${formatNumber(total)}${unitOfRaw(parts[0]!)}`;
    const citation = this.cite(evidence);
    const head = scopeLabel(frame.zones[0] ?? best.sentence.zones[0], frame.year ?? best.sentence.years[0]);
    const text = `${fill("sum", { head: head ? `${head}：` : "", parts: parts.map((p) => `${p.metric || ""}${quantityText(p)}`).join(" + "), total: totalText })}\n${quoteLine(citation)}`;
    const answer = this.found(frame, text, [citation], parts, "facts");
    answer.derived.push(formatNumber(total));
    return answer;
  }

  // ---- evidence gathering ----

  /** Candidate sentences from the hybrid search, scored against the frame, best first. */
  private async rank(frame: QuestionFrame, terms: string[], zones: string[], extraQuery = ""): Promise<SentenceScore[]> {
    const query = [extraQuery, ...zones, ...terms, frame.year ? `${frame.year}年` : ""].filter(Boolean).join(" ") || frame.question;
    const searches = [this.tools.searchArticles({ query, k: CANDIDATE_CHUNKS })];
    for (const zone of zones.slice(0, 3)) searches.push(this.tools.searchArticles({ query, zone, k: CANDIDATE_CHUNKS }));
    const passages = (await Promise.all(searches)).flat();
    const seen = new Set<number>();
    const scored: SentenceScore[] = [];
    for (const passage of passages) {
      for (const sentence of this.bank.overlapping(passage.articleId, passage.start, passage.end)) {
        if (seen.has(sentence.index)) continue;
        seen.add(sentence.index);
        scored.push(scoreSentence({ ...frame, zones }, sentence, this.scoring, terms));
      }
    }
    return scored.sort((a, b) => b.score - a.score || a.sentence.index - b.sentence.index);
  }

  private evidenceOf(score: SentenceScore): Evidence {
    const previous = score.usesPrevious ? this.bank.previous(score.sentence) : undefined;
    return { score, sentences: previous ? [previous, score.sentence] : [score.sentence] };
  }

  private factsIn(evidence: Evidence): FactResult[] {
    const first = evidence.sentences[0]!;
    const last = evidence.sentences[evidence.sentences.length - 1]!;
    return this.corpus.store
      .facts({ articleIds: [first.articleId] })
      .filter((fact) => fact.start >= first.start && fact.end <= last.end)
      .map((fact) => this.tools.toResult(fact));
  }

  /** Facts of the evidence that answer each numeric sub-question, in question order. */
  private pickFacts(frame: QuestionFrame, evidence: Evidence, limit = 4, wholeQuestion = false): FactResult[] {
    const facts = this.factsIn(evidence).filter((fact) => !frame.unitFamily || wholeQuestion === false || this.lexicon.unitFamily.get(fact.unit) === frame.unitFamily || !this.hasFamily(evidence, frame.unitFamily));
    if (facts.length === 0) return [];
    const asks = wholeQuestion ? [] : subQuestions(frame.question).map((part) => this.read(part).terms).filter((terms) => terms.length > 0);
    const chosen: FactResult[] = [];
    for (const terms of asks.length ? asks : [frame.terms]) {
      const best = facts
        .filter((fact) => !chosen.includes(fact))
        .map((fact) => ({ fact, score: this.factScore(frame, fact, terms) }))
        .sort((a, b) => b.score - a.score)[0];
      if (best && best.score > 0) chosen.push(best.fact);
      if (chosen.length >= limit) break;
    }
    return chosen.sort((a, b) => a.start - b.start);
  }

  private hasFamily(evidence: Evidence, family: string): boolean {
    return this.factsIn(evidence).some((fact) => this.lexicon.unitFamily.get(fact.unit) === family);
  }

  private factScore(frame: QuestionFrame, fact: FactResult, terms: string[]): number {
    const context = `${fact.subject}${fact.metric}${fact.evidence}`;
    let score = terms.reduce((acc, term) => acc + termMatch(term, context, this.scoring.synonyms), 0) / Math.max(1, terms.length);
    const family = this.lexicon.unitFamily.get(fact.unit);
    if (frame.unitFamily && family === frame.unitFamily) score += 0.3;
    if (frame.unitFamily && family && family !== frame.unitFamily) score -= 0.3;
    if (frame.kind && (fact.kind === frame.kind || (frame.kind === "target" && fact.kind === "plan"))) score += 0.1;
    return score;
  }

  private cite(evidence: Evidence): Citation {
    const source = this.tools.sourceOf(evidence.score.sentence.articleId);
    return { ...source, quote: evidence.sentences.map((s) => s.text).join("") };
  }

  // ---- outcomes ----

  private found(frame: QuestionFrame, text: string, citations: Citation[], facts: FactResult[], mode: Answer["mode"]): Answer {
    return { question: frame.question, answer: text, found: true, citations, facts, brain: "offline", mode, frame, derived: [] };
  }

  private decline(frame: QuestionFrame, text: string, citations: Citation[] = []): Answer {
    return { question: frame.question, answer: text, found: false, citations, facts: [], brain: "offline", mode: "none", frame, derived: [] };
  }

  /** Says nothing was found; when the content matched but zone or year did not, shows the nearest. */
  private declineWithNearMiss(frame: QuestionFrame, ranked: SentenceScore[]): Answer {
    const scope = scopeLabel(frame.zones[0], frame.year);
    const topic = frame.terms.slice(0, 4).join("、");
    const near = ranked.find((r) => r.coverage >= FOUND_COVERAGE && r.eventsOk && (!r.zoneOk || !r.yearOk));
    if (!near) return this.decline(frame, fill("declineGeneric", { scope, topic }));
    const citation = this.cite(this.evidenceOf(near));
    return this.decline(frame, fill("declineNearMiss", {
      scope, topic, nearScope: scopeLabel(near.sentence.zones[0], near.sentence.years[0]) || "其他报道",
      quote: citation.quote, title: citation.title, date: dateLabel(citation.date),
    }), [citation]);
  }
}

function statement(fact: FactResult): string {
  return fill("statement", { metric: fact.metric, kind: kindLabel(fact.kind), quantity: quantityText(fact) });
}

function quoteLine(citation: Citation): string {
  return fill("quote", { quote: citation.quote, title: citation.title, date: dateLabel(citation.date) });
}

/** 「…多少个？其中多少个竣工交付？」 → the parts that each ask for a number. */
function subQuestions(question: string): string[] {
  const parts = question.split(/[？?，,；;]|、(?=[^、]*(?:多少|几))/).map((p) => p.trim()).filter(Boolean);
  const asking = parts.filter((part) => /多少|几|多大|多高|比例|第几/.test(part));
  return asking.length > 1 ? asking : [];
}

function kindAgrees(asked: "target" | "actual", kind: string): boolean {
  return asked === "target" ? kind === "target" || kind === "plan" : kind === "actual";
}

function largestGroup<T>(items: T[], key: (item: T) => string): T[] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.values()].sort((a, b) => b.length - a.length)[0] ?? [];
}

/** The item that scores highest, when no other item ties it. */
function uniqueBest(items: string[], score: (item: string) => number): string | undefined {
  const scored = items.map((item) => ({ item, score: score(item) })).sort((a, b) => b.score - a.score);
  const [first, second] = scored;
  return first && first.score > 0 && (!second || second.score < first.score) ? first.item : undefined;
}

function cleanEntity(entity: string): string {
  return entity.replace(/^[，,\s]+|[，,\s]+$/g, "");
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
}

function unitOfRaw(fact: FactResult): string {
  return fact.raw.replace(/^[\d.,]+/, "").replace(/^[余多]/, "");
}
