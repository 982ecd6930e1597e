import type { BotServices } from "../context.js";
import type { AckBody, IncomingEvent } from "../types.js";

/** A button click (card.action.trigger) as handlers see it. */
export interface CardActionContext {
  readonly event: IncomingEvent;
  readonly services: BotServices;
  /** `action` field of the button's callback value: which handler runs. */
  readonly action: string;
  readonly value: Record<string, unknown>;
  readonly operatorId: string;
  /** The message the card was sent in, and its chat. */
  readonly cardMessageId: string;
  readonly chatId: string;
}

/** Answers within Feishu's 3 s with `{toast}` (and/or a new card); runs on the ack path, so keep it quick. */
export type CardActionHandler = (ctx: CardActionContext) => AckBody | Promise<AckBody>;

export function toast(type: "success" | "info" | "warning" | "error", content: string): AckBody {
  return { toast: { type, content } };
}

const rec = (value: unknown): Record<string, unknown> => (typeof value === "object" && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : {});

export function readCardAction(event: IncomingEvent, services: BotServices): CardActionContext {
  const data = event.data;
  const action = rec(data.action);
  let value = action.value;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      value = {};
    }
  }
  const values = rec(value);
  const context = rec(data.context);
  return {
    event,
    services,
    action: typeof values.action === "string" ? values.action : "",
    value: values,
    operatorId: String(rec(data.operator).open_id ?? ""),
    cardMessageId: String(context.open_message_id ?? ""),
    chatId: String(context.open_chat_id ?? ""),
  };
}

/** 👍/👎 on an answer card: one vote per user and answer (a second click changes it), then a toast. */
export const feedbackAction: CardActionHandler = (ctx) => {
  const { state, texts } = ctx.services;
  const vote = ctx.value.vote;
  const questionMessageId = typeof ctx.value.q === "string" ? ctx.value.q : "";
  if ((vote !== "up" && vote !== "down") || !questionMessageId || !ctx.operatorId) return toast("warning", texts.voteUnknown);
  const turn = state.turnForMessage(questionMessageId);
  state.recordVote({
    questionMessageId,
    userId: ctx.operatorId,
    vote,
    chatId: ctx.chatId,
    cardMessageId: ctx.cardMessageId,
    question: turn?.question ?? "",
    answer: turn?.answer ?? "",
  });
  return toast("success", vote === "up" ? texts.voteThanksUp : texts.voteThanksDown);
};
