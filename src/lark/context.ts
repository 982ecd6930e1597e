import type { StateStore } from "../store/state-store.js";
import type { Card } from "./cards/index.js";
import type { AckGate } from "./ack-gate.js";
import type { CommandRegistry } from "./commands/registry.js";
import { type InFlightQuestions, recalledKey } from "./in-flight.js";
import type { BotLogger } from "./logger.js";
import type { InboundMessage, ParsedCommand } from "./message.js";
import type { P2pChats } from "./p2p-chats.js";
import type { ChatQueue } from "./queue.js";
import type { RateLimiter } from "./rate-limit.js";
import { deriveUuid, type Sender, type SentMessage } from "./sender.js";
import type { StreamingReply } from "./streaming.js";
import type { BotTexts } from "./texts.js";
import type { TypingIndicator } from "./typing.js";
import type { BotActivity, BotEngine, DropReason, IncomingEvent } from "./types.js";

/** Knobs of the bot; every one has a default (see DEFAULT_TUNING). */
export interface BotTuning {
  /** Messages older than this (by their create_time) are not answered any more (default 30 min). */
  maxEventAgeMs: number;
  /** Longer questions get the 「问题太长了」 notice (default 2,000 characters). */
  maxQuestionChars: number;
  /** Earlier turns of the conversation passed to the engine (default 6). */
  historyTurns: number;
  rateLimit: { limit: number; windowMs: number };
  queue: { maxPerChat: number; maxTotal: number; concurrency: number };
  /** LLM answers: CardKit typewriter streaming, or whole-card patches (also the fallback). */
  streaming: "cardkit" | "patch";
  /** Least time between two streaming updates of one card (Feishu: 5 patches/s, 10 CardKit ops/s). */
  streamIntervalMs: number;
  /** The transport answers anyway after this long, even if processing the event has not finished. */
  ackTimeoutMs: number;
  /** A reaction on the question while it is answered (FEISHU_TYPING_INDICATOR, FEISHU_TYPING_EMOJI). */
  typing: { enabled: boolean; emoji: string };
  /** When a question is recalled after its answer went out, recall the answer too (FEISHU_RECALL_ANSWERS). */
  recallAnswers: boolean;
  /**
   * Webhook: acknowledge a delivery whose ack carries nothing once it is verified, and run its intake
   * chain after the acks of the burst are written (DeferredIntake). Default true; false runs the intake
   * before the ack, as the long connection does.
   */
  webhookAckFirst: boolean;
}

export const DEFAULT_TUNING: BotTuning = {
  maxEventAgeMs: 30 * 60_000,
  maxQuestionChars: 2000,
  historyTurns: 6,
  rateLimit: { limit: 6, windowMs: 60_000 },
  queue: { maxPerChat: 5, maxTotal: 200, concurrency: 4 },
  streaming: "cardkit",
  streamIntervalMs: 300,
  ackTimeoutMs: 2500,
  typing: { enabled: true, emoji: "Typing" },
  recallAnswers: false,
  webhookAckFirst: true,
};

/** What handlers reach through `ctx.services`: built once by the App. */
export interface BotServices {
  engine: BotEngine;
  state: StateStore;
  sender: Sender;
  texts: BotTexts;
  logger: BotLogger;
  tuning: BotTuning;
  clock: () => number;
  /** The bot's open_id (from /bot/v3/info), to tell @mentions of the bot from others. */
  botOpenId?: string;
  queue: ChatQueue;
  limiter: RateLimiter;
  commands: CommandRegistry;
  /** Events received and not yet acked: outbound work waits for them. */
  ackGate: AckGate;
  /** Questions acked and not yet answered, for recalls. */
  inFlight: InFlightQuestions;
  /** Each user's chat with the bot (for bot menu clicks, which name no chat). */
  p2pChats: P2pChats;
  /** Handles file messages (the Feishu intake); without one a file gets the 「只能读文字」 notice. */
  onFile?: (ctx: MessageContext) => Promise<void>;
  emit(activity: BotActivity): void;
}

/** One user message on its way through the intake chain and, after the ack, its handler. */
export interface MessageContext {
  readonly event: IncomingEvent;
  readonly message: InboundMessage;
  readonly services: BotServices;
  readonly log: BotLogger;
  readonly mentionedBot: boolean;
  /** Conversation whose turns are the follow-up history: the thread, else the chat. */
  readonly conversationKey: string;
  /** The question text (set by the readText step). */
  text: string;
  /** Set by the parseCommand step for `/name args`. */
  command?: ParsedCommand;
  /** An answer card being streamed; a failure turns it into the apology instead of sending a new card. */
  streaming?: StreamingReply;
  /** The reaction shown while the question is answered (removed after the answer or the apology). */
  typing?: TypingIndicator;
  /** Whether the user recalled the message (then nothing more is sent for it). */
  isRecalled(): boolean;
  /** Replies to the user's message (in its thread when it has one); `purpose` makes the uuid. */
  reply(card: Card, purpose: string): Promise<SentMessage>;
  drop(reason: DropReason): void;
  /** Queues work for after the ack, in this chat's order; false when the queue is full. */
  enqueue(job: string, run: (ctx: MessageContext) => Promise<void>): boolean;
}

export type CommandContext = MessageContext & { command: ParsedCommand };

/**
 * After the bot replied in a group: it is now part of the reply's thread (if any), and of any thread
 * someone opens on its message — later messages there are answered without an @mention.
 */
export function rememberReply(services: BotServices, message: InboundMessage, sent: SentMessage): void {
  if (message.chatType !== "group") return;
  const keys = [...(sent.messageId ? [`root:${sent.messageId}`] : []), ...(sent.threadId ? [`thread:${sent.threadId}`] : [])];
  try {
    if (keys.length > 0) services.state.markBotThread(message.chatId, ...keys);
  } catch (error) {
    services.logger.warn("could not remember the bot's thread", { error: String(error) });
  }
}

/** Whether a group message sits in a thread the bot is part of (it replied there, or the thread is on its message). */
export function inBotThread(services: BotServices, message: InboundMessage): boolean {
  if (message.chatType !== "group" || !message.threadId) return false;
  return services.state.isBotThread(`thread:${message.threadId}`, ...(message.rootId ? [`root:${message.rootId}`] : []));
}

export function conversationKeyOf(message: InboundMessage): string {
  return message.threadId ? `${message.chatId}#${message.threadId}` : message.chatId;
}

/** Builds the context of one message; `runJob` wraps queued work in the error boundary. */
export function createMessageContext(
  event: IncomingEvent,
  message: InboundMessage,
  services: BotServices,
  mentionedBot: boolean,
  runJob: (ctx: MessageContext, job: string, run: (ctx: MessageContext) => Promise<void>) => Promise<void>,
  /** How replies go out when there is no message to reply to (a bot menu click: to the user by open_id). */
  replyVia?: (card: Card, uuid: string) => Promise<SentMessage>,
): MessageContext {
  const log = {
    debug: (msg: string, fields = {}) => services.logger.debug(msg, { eventId: event.eventId, messageId: message.messageId, ...fields }),
    info: (msg: string, fields = {}) => services.logger.info(msg, { eventId: event.eventId, messageId: message.messageId, ...fields }),
    warn: (msg: string, fields = {}) => services.logger.warn(msg, { eventId: event.eventId, messageId: message.messageId, ...fields }),
    error: (msg: string, fields = {}) => services.logger.error(msg, { eventId: event.eventId, messageId: message.messageId, ...fields }),
  };
  const ctx: MessageContext = {
    event,
    message,
    services,
    log,
    mentionedBot,
    conversationKey: conversationKeyOf(message),
    text: "",
    reply: async (card, purpose) => {
      const uuid = deriveUuid(message.messageId, purpose);
      if (replyVia) return replyVia(card, uuid);
      const sent = await services.sender.reply(message.messageId, card, { uuid, inThread: Boolean(message.threadId) });
      services.inFlight.get(message.messageId)?.replies.push(sent.messageId);
      rememberReply(services, message, sent);
      return sent;
    },
    isRecalled: () => services.inFlight.get(message.messageId)?.recalled === true || services.state.seen(recalledKey(message.messageId)),
    drop: (reason) => {
      log.debug("message dropped", { reason });
      services.emit({ type: "dropped", eventId: event.eventId, messageId: message.messageId, reason });
    },
    enqueue: (job, run) => {
      const accepted = services.queue.push(message.chatId, () => runJob(ctx, job, run));
      if (accepted) services.emit({ type: "queued", eventId: event.eventId, messageId: message.messageId, chatId: message.chatId, job });
      return accepted;
    },
  };
  return ctx;
}
