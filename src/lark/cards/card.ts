import { fill, type BotTexts } from "../texts.js";

/** A Feishu card JSON 2.0 document (what goes, stringified, into an interactive message's content). */
export interface Card {
  schema: "2.0";
  config: { update_multi: true; streaming_mode?: boolean; summary?: { content: string } };
  header?: { title: { tag: "plain_text"; content: string }; template?: string };
  body: { elements: CardElement[] };
}

export type CardElement = Record<string, unknown> & { tag: string };

/** Feishu rejects card content above 30 KB (230025); keep a margin for the request around it. */
export const CARD_LIMIT_BYTES = 30 * 1024 - 512;

/** Element that carries the answer text (CardKit streams into it). */
export const ANSWER_ELEMENT_ID = "answer_md";

export function cardBytes(card: Card): number {
  return Buffer.byteLength(JSON.stringify(card), "utf8");
}

/**
 * Card markdown treats `<…>` as tags (`<at id=all>` would @everyone); user-supplied or quoted text is
 * escaped so it shows as typed.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function markdown(content: string, extra: Record<string, unknown> = {}): CardElement {
  return { tag: "markdown", content, ...extra };
}

export function baseCard(texts: BotTexts, elements: CardElement[], options: { template?: string; summary?: string; streaming?: boolean } = {}): Card {
  return {
    schema: "2.0",
    config: {
      update_multi: true,
      ...(options.streaming ? { streaming_mode: true } : {}),
      ...(options.summary ? { summary: { content: truncate(options.summary, 60, "…") } } : {}),
    },
    header: { title: { tag: "plain_text", content: texts.cardTitle }, template: options.template ?? "blue" },
    body: { elements },
  };
}

/** A card with one markdown block (help, command output, notices), cut to fit the size limit. */
export function markdownCard(texts: BotTexts, content: string, options: { template?: string } = {}): Card {
  const build = (chars: number): Card =>
    baseCard(texts, [markdown(chars >= content.length ? content : `${content.slice(0, chars)}\n\n${texts.truncated}`)], {
      template: options.template, summary: firstLine(content),
    });
  return shrinkText(content.length, build);
}

/** The 「查询中…」 placeholder: a streaming-capable card whose answer element gets the text. */
export function pendingCard(texts: BotTexts, options: { streaming?: boolean } = {}): Card {
  return baseCard(texts, [markdown(texts.pending, { element_id: ANSWER_ELEMENT_ID })], {
    template: "blue", summary: texts.pending, streaming: options.streaming,
  });
}

export function apologyCard(texts: BotTexts, code: string): Card {
  return baseCard(texts, [markdown(fill(texts.apology, { code }), { element_id: ANSWER_ELEMENT_ID })], { template: "red" });
}

export function truncate(text: string, chars: number, marker = "…"): string {
  return text.length <= chars ? text : `${text.slice(0, Math.max(0, chars - marker.length))}${marker}`;
}

export function firstLine(text: string): string {
  return text.split("\n").find((line) => line.trim())?.replace(/\*\*/g, "").replace(/^[\s#>*-]+/, "").trim() ?? "";
}

/** Halves the visible text until the card fits (for cards whose only variable part is one text). */
export function shrinkText(length: number, build: (chars: number) => Card, limit = CARD_LIMIT_BYTES): Card {
  let chars = length;
  let card = build(chars);
  while (cardBytes(card) > limit && chars > 0) {
    chars = Math.floor(chars / 2);
    card = build(chars);
  }
  return card;
}
