import { ANSWER_ELEMENT_ID, escapeMarkdown, pendingCard, type Card } from "./cards/index.js";
import { rememberReply, type MessageContext } from "./context.js";
import { LarkApiError } from "./errors.js";
import { deriveUuid } from "./sender.js";

/**
 * An answer card that is sent at once (「查询中…」) and filled in while the LLM writes: through CardKit
 * (typewriter text streaming into the answer element) or by patching the whole card. Updates are
 * throttled to one per `intervalMs`, only the latest text is sent, and a failed update is logged and
 * skipped — the final card replaces everything anyway.
 */
export interface StreamingReply {
  readonly mode: "cardkit" | "patch";
  readonly messageId: string;
  /** The full text so far (not a delta). */
  update(textSoFar: string): void;
  /** Replaces the card with the final answer (streaming ends). */
  finish(card: Card): Promise<void>;
  /** Replaces the card with an apology. */
  fail(card: Card): Promise<void>;
  /** Stops updating without touching the card (it is about to be recalled). */
  cancel(): Promise<void>;
}

export async function startStreamingReply(ctx: MessageContext): Promise<StreamingReply> {
  const { tuning, sender, texts, logger } = ctx.services;
  const uuid = deriveUuid(ctx.message.messageId, "answer");
  const inThread = Boolean(ctx.message.threadId);
  if (tuning.streaming === "cardkit") {
    try {
      const sent = await sender.replyWithCardEntity(ctx.message.messageId, pendingCard(texts, { streaming: true }), { uuid, inThread });
      rememberReply(ctx.services, ctx.message, sent);
      let sequence = 0;
      return throttled("cardkit", sent.messageId, tuning.streamIntervalMs, ctx, {
        push: (text) => sender.streamText(sent.cardId, ANSWER_ELEMENT_ID, escapeMarkdown(text), ++sequence),
        replace: (card) => sender.updateCardEntity(sent.cardId, { ...card, config: { ...card.config, streaming_mode: false } }, ++sequence),
      });
    } catch (error) {
      // No CardKit scope, or CardKit still failing after the sender's retries: patching a normal card
      // still shows progress.
      if (!(error instanceof LarkApiError)) throw error;
      logger.warn("CardKit streaming unavailable, falling back to card patches", { code: error.larkCode, msg: error.larkMsg });
    }
  }
  const sent = await ctx.reply(pendingCard(texts), "answer");
  return throttled("patch", sent.messageId, tuning.streamIntervalMs, ctx, {
    push: (text) => sender.patchCard(sent.messageId, withAnswerText(pendingCard(texts), escapeMarkdown(text))),
    replace: (card) => sender.patchCard(sent.messageId, card),
  });
}

function withAnswerText(card: Card, text: string): Card {
  return {
    ...card,
    body: { elements: card.body.elements.map((el) => (el.element_id === ANSWER_ELEMENT_ID ? { ...el, content: text } : el)) },
  };
}

interface StreamOps {
  push(text: string): Promise<void>;
  replace(card: Card): Promise<void>;
}

function throttled(mode: StreamingReply["mode"], messageId: string, intervalMs: number, ctx: MessageContext, ops: StreamOps): StreamingReply {
  let latest = "";
  let sent = "";
  let lastAt = 0;
  let inFlight: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const flush = (): void => {
    timer = undefined;
    if (closed || inFlight || latest === sent) return;
    const text = latest;
    lastAt = Date.now();
    inFlight = ops.push(text)
      .then(() => { sent = text; })
      .catch((error: unknown) => ctx.log.warn("streaming update failed", { mode, error: String(error) }))
      .finally(() => {
        inFlight = undefined;
        if (latest !== sent) schedule();
      });
  };
  const schedule = (): void => {
    if (closed || timer || inFlight) return;
    timer = setTimeout(flush, Math.max(0, lastAt + intervalMs - Date.now()));
  };
  const stop = async (): Promise<void> => {
    closed = true;
    if (timer) clearTimeout(timer);
    await inFlight;
  };
  const close = async (card: Card): Promise<void> => {
    await stop();
    await ops.replace(card);
  };
  return {
    mode,
    messageId,
    update(text) {
      latest = text;
      schedule();
    },
    finish: close,
    fail: close,
    cancel: stop,
  };
}
