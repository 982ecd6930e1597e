import type { BotServices } from "../context.js";
import { recalledKey } from "../in-flight.js";
import type { IncomingEvent } from "../types.js";

/**
 * im.message.recalled_v1: the user withdrew a message. Remembered in state.db first (the message
 * event may still come — Feishu orders nothing across event types — and is then dropped by the
 * intake); a question still being answered is not answered (its job sees the mark before sending).
 * An answer already sent stays, as a reply to a recalled message, unless `recallAnswers` is on.
 */
export function receiveRecall(event: IncomingEvent, services: BotServices): void {
  const messageId = typeof event.data.message_id === "string" ? event.data.message_id : "";
  if (!messageId) return;
  const { state, inFlight, tuning, logger } = services;
  state.claim(recalledKey(messageId));
  const pending = inFlight.get(messageId);
  if (pending) pending.recalled = true;
  // While in flight, an unfinished streaming card is not an answer: the job withdraws it itself.
  const turnReply = pending ? undefined : state.turnForMessage(messageId)?.replyId;
  const answered = pending ? pending.answered : Boolean(turnReply);
  const replies = pending ? [...pending.replies] : [turnReply ?? ""].filter(Boolean);
  const toRecall = answered && tuning.recallAnswers ? replies : [];
  logger.info("question recalled", { messageId, inFlight: Boolean(pending), answered, recallingAnswer: toRecall.length > 0 });
  services.emit({ type: "recalled", messageId, answered, recalledReplies: toRecall });
  if (toRecall.length === 0) return;
  // After the ack, one by one: recalling is not urgent and must not delay the acknowledgement.
  setImmediate(() => void recallAll(services, messageId, toRecall));
}

async function recallAll(services: BotServices, messageId: string, replies: string[]): Promise<void> {
  for (const replyId of replies) {
    try {
      await services.sender.recallMessage(replyId);
    } catch (error) {
      services.logger.warn("could not recall the answer to a recalled question", { messageId, replyId, error: String(error) });
    }
  }
}
