import type { Answer } from "../../brain/types.js";
import type { Citation } from "../../domain/types.js";
import { citationNote } from "../../ingest/index.js";
import type { SourceRef } from "../../tools/schemas.js";
import { fill, type BotTexts } from "../texts.js";
import {
  ANSWER_ELEMENT_ID, CARD_LIMIT_BYTES, baseCard, cardBytes, escapeMarkdown, firstLine, markdown, truncate,
  type Card, type CardElement,
} from "./card.js";

/** The value a 👍/👎 button sends back in card.action.trigger. */
export interface FeedbackValue {
  action: "feedback";
  vote: "up" | "down";
  /** The user's question message the card answered. */
  q: string;
}

export interface AnswerCardOptions {
  /** The question's message id, carried by the feedback buttons. */
  questionMessageId: string;
  limitBytes?: number;
}

interface Budget {
  quoteChars: number;
  maxCitations: number;
  answerChars: number;
}

/**
 * The answer as a JSON 2.0 card: the answer markdown, a collapsed panel of citations (title, date,
 * quote), a footer naming the mode (facts / search / LLM) and 👍/👎 buttons. Under the 30 KB limit:
 * long quotes are cut first, then the number of citations shown, then the answer text itself.
 */
export function answerCard(answer: Answer, texts: BotTexts, options: AnswerCardOptions): Card {
  const limit = options.limitBytes ?? CARD_LIMIT_BYTES;
  const all = answer.citations.length;
  const budgets: Array<Partial<Budget>> = [
    {}, { quoteChars: 300 }, { quoteChars: 120 }, { quoteChars: 120, maxCitations: 5 },
    { quoteChars: 60, maxCitations: 3 }, { quoteChars: 60, maxCitations: 1 }, { maxCitations: 0 },
  ];
  let card: Card | undefined;
  for (const partial of budgets) {
    card = buildAnswerCard(answer, texts, options, { quoteChars: Infinity, maxCitations: all, answerChars: Infinity, ...partial });
    if (cardBytes(card) <= limit) return card;
  }
  let answerChars = answer.answer.length;
  while (card && cardBytes(card) > limit && answerChars > 0) {
    answerChars = Math.floor(answerChars / 2);
    card = buildAnswerCard(answer, texts, options, { quoteChars: 0, maxCitations: 0, answerChars });
  }
  return card!;
}

function buildAnswerCard(answer: Answer, texts: BotTexts, options: AnswerCardOptions, budget: Budget): Card {
  const text = answer.answer.length > budget.answerChars ? `${answer.answer.slice(0, budget.answerChars)}\n\n${texts.truncated}` : answer.answer;
  const elements: CardElement[] = [markdown(escapeMarkdown(text), { element_id: ANSWER_ELEMENT_ID })];
  if (answer.citations.length > 0) elements.push(citationsPanel(answer.citations, texts, budget));
  elements.push({ tag: "hr" }, footer(answer, texts, options.questionMessageId));
  return baseCard(texts, elements, { template: answer.found ? "blue" : "grey", summary: firstLine(answer.answer) });
}

/** A citation as brains build it, from the tools' SourceRef: it may say it was read by OCR, on which pages, from which link. */
type CitedSource = Citation & Pick<SourceRef, "ocr" | "pages" | "url">;

function citationsPanel(citations: CitedSource[], texts: BotTexts, budget: Budget): CardElement {
  const shown = citations.slice(0, budget.maxCitations);
  const lines = shown.map((citation, i) => {
    const head = fill(texts.citationLine, {
      index: i + 1, title: escapeMarkdown(citation.title), date: citation.date ?? texts.unknownDate,
    }) + citationNote(citation) + (citation.url ? `\n${linkMarkdown(citation.url)}` : "");
    const quote = budget.quoteChars > 0 ? `\n> ${escapeMarkdown(truncate(citation.quote, budget.quoteChars))}` : "";
    return markdown(`${head}${quote}`);
  });
  if (shown.length < citations.length) lines.push(markdown(fill(texts.citationsOmitted, { count: citations.length - shown.length })));
  return {
    tag: "collapsible_panel",
    element_id: "citations",
    expanded: false,
    header: { title: { tag: "markdown", content: `**${fill(texts.citationsTitle, { count: citations.length })}**` } },
    elements: lines,
  };
}

/** The link, shown as itself and clickable; brackets in it would end the markdown link early. */
function linkMarkdown(url: string): string {
  const href = url.replace(/\(/g, "%28").replace(/\)/g, "%29").replace(/\s/g, "%20");
  return `[${escapeMarkdown(url).replace(/[[\]]/g, (bracket) => `\\${bracket}`)}](${href})`;
}

function footer(answer: Answer, texts: BotTexts, questionMessageId: string): CardElement {
  const modes: Record<Answer["mode"], string> = { facts: texts.modeFacts, search: texts.modeSearch, none: texts.modeNone, llm: texts.modeLlm };
  const mode = modes[answer.mode];
  const brain = answer.brain === "llm" ? texts.brainLlm : texts.brainOffline;
  const button = (vote: "up" | "down", label: string): CardElement => ({
    tag: "button",
    element_id: `vote_${vote}`,
    text: { tag: "plain_text", content: label },
    type: "default",
    size: "small",
    behaviors: [{ type: "callback", value: { action: "feedback", vote, q: questionMessageId } satisfies FeedbackValue }],
  });
  return {
    tag: "column_set",
    columns: [
      { tag: "column", width: "weighted", weight: 1, vertical_align: "center",
        elements: [markdown(fill(texts.footer, { mode, brain }), { text_size: "notation" })] },
      { tag: "column", width: "auto", elements: [button("up", texts.voteUp)] },
      { tag: "column", width: "auto", elements: [button("down", texts.voteDown)] },
    ],
  };
}
