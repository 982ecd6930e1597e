import { markdownCard } from "../cards/index.js";
import { inBotThread, type MessageContext } from "../context.js";
import { recalledKey } from "../in-flight.js";
import { mentionsAll, messageText, parseCommand as parse } from "../message.js";
import { fill } from "../texts.js";
import type { Middleware } from "./compose.js";

// The steps every message passes before the ack. All are cheap (one SQLite statement at most);
// anything slow is queued with ctx.enqueue and runs after the ack.

/** Drops a redelivered event or the same message under a new event id (kept ≥ 12 h in state.db). */
export const dropDuplicates: Middleware<MessageContext> = (ctx, next) => {
  const keys = [`message:${ctx.message.messageId}`, ...(ctx.event.eventId ? [`event:${ctx.event.eventId}`] : [])];
  if (!ctx.services.state.claim(...keys)) return ctx.drop("duplicate");
  return next();
};

/**
 * A message its sender already recalled is not answered: Feishu promises no order between event
 * types, so the recall can arrive first (and a redelivered message event after it).
 */
export const dropRecalled: Middleware<MessageContext> = (ctx, next) => {
  if (ctx.services.state.seen(recalledKey(ctx.message.messageId))) return ctx.drop("recalled");
  return next();
};

/** Messages older than maxEventAgeMs (a late redelivery after downtime) are not answered any more. */
export const dropStale: Middleware<MessageContext> = (ctx, next) => {
  const created = ctx.message.createTime ?? ctx.event.createTime;
  const { clock, tuning } = ctx.services;
  if (created !== undefined && clock() - created > tuning.maxEventAgeMs) return ctx.drop("stale");
  return next();
};

/** Never answer ourselves or other bots. */
export const ignoreSelf: Middleware<MessageContext> = (ctx, next) => {
  const { botOpenId } = ctx.services;
  if (ctx.message.senderType === "app" || (botOpenId && ctx.message.senderId === botOpenId)) return ctx.drop("self");
  return next();
};

/**
 * 「@所有人」 is an announcement to everyone, not a question to the bot — unless the bot is also
 * @-mentioned by name.
 */
export const ignoreAtAll: Middleware<MessageContext> = (ctx, next) => {
  if (ctx.message.chatType === "group" && mentionsAll(ctx.message) && !ctx.mentionedBot) return ctx.drop("at_all");
  return next();
};

/** In group chats the bot only answers when @-mentioned, or inside a thread it is part of. */
export const onlyMentionedInGroups: Middleware<MessageContext> = (ctx, next) => {
  if (ctx.message.chatType === "group" && !ctx.mentionedBot && !inBotThread(ctx.services, ctx.message)) return ctx.drop("not_mentioned");
  return next();
};

/** Per-user sliding window; the first refusal of a run gets a notice, later ones are dropped quietly. */
export const limitRate: Middleware<MessageContext> = (ctx, next) => {
  const decision = ctx.services.limiter.take(ctx.message.senderId || ctx.message.chatId);
  if (decision.allowed) return next();
  if (decision.firstRefusal) notify(ctx, fill(ctx.services.texts.rateLimited, { seconds: decision.retryAfterSeconds }));
  return ctx.drop("rate_limited");
};

/** A file message goes to the file handler (the Feishu intake), when the bot has one. */
export const takeFiles: Middleware<MessageContext> = (ctx, next) => {
  const onFile = ctx.services.onFile;
  if (ctx.message.messageType !== "file" || !onFile) return next();
  if (!ctx.enqueue("file", onFile)) ctx.drop("queue_full");
};

/** Text and post messages give the question; other types get the 「只能读文字」 notice. */
export const readText: Middleware<MessageContext> = (ctx, next) => {
  const text = messageText(ctx.message, ctx.services.botOpenId);
  const { texts } = ctx.services;
  if (text === undefined) {
    const type = texts.messageTypes[ctx.message.messageType] ?? texts.messageTypes.other ?? ctx.message.messageType;
    notify(ctx, fill(texts.unsupportedType, { type }));
    return ctx.drop("unsupported");
  }
  if (!text) {
    notify(ctx, texts.emptyQuestion);
    return ctx.drop("empty");
  }
  ctx.text = text;
  return next();
};

export const rejectTooLong: Middleware<MessageContext> = (ctx, next) => {
  const limit = ctx.services.tuning.maxQuestionChars;
  const length = [...ctx.text].length;
  if (length <= limit) return next();
  notify(ctx, fill(ctx.services.texts.tooLong, { length, limit }));
  return ctx.drop("too_long");
};

export const parseCommand: Middleware<MessageContext> = (ctx, next) => {
  ctx.command = parse(ctx.text);
  return next();
};

/** Sends a short notice card after the ack (queued like an answer, so it keeps the chat's order). */
function notify(ctx: MessageContext, text: string): void {
  ctx.enqueue("notice", (c) => c.reply(markdownCard(c.services.texts, text, { template: "grey" }), "notice").then(() => undefined));
}
