import * as lark from "@larksuiteoapi/node-sdk";
import type { StateStore } from "../store/state-store.js";
import { apologyCard, markdownCard } from "./cards/index.js";
import { builtinCommands, commandList } from "./commands/builtin.js";
import { CommandRegistry, type BotCommand } from "./commands/registry.js";
import {
  createMessageContext, DEFAULT_TUNING, type BotServices, type BotTuning, type CommandContext, type MessageContext,
} from "./context.js";
import { AckGate } from "./ack-gate.js";
import { DeferredIntake } from "./deferred-intake.js";
import { asBotError, BotError, LarkApiError, RECALLED_CODE } from "./errors.js";
import { feedbackAction, readCardAction, toast, type CardActionHandler } from "./handlers/card-action.js";
import { receiveMenu } from "./handlers/menu.js";
import { answerQuestion, markAnswered } from "./handlers/question.js";
import { receiveRecall } from "./handlers/recall.js";
import { InFlightQuestions } from "./in-flight.js";
import { P2pChats } from "./p2p-chats.js";
import { type BotLogger, sdkLogger, silentLogger } from "./logger.js";
import { mentionsBot, readInboundMessage } from "./message.js";
import { compose, type Middleware } from "./middleware/compose.js";
import {
  dropDuplicates, dropRecalled, dropStale, ignoreAtAll, ignoreSelf, limitRate, onlyMentionedInGroups, parseCommand, readText, rejectTooLong, takeFiles,
} from "./middleware/intake.js";
import { ChatQueue } from "./queue.js";
import { RateLimiter } from "./rate-limit.js";
import { deriveUuid, type Sender } from "./sender.js";
import { showTyping } from "./typing.js";
import { fill, loadBotTexts, type BotTexts } from "./texts.js";
import type { AckBody, BotActivity, BotEngine, IncomingEvent, Transport } from "./types.js";

export interface AppOptions {
  engine: BotEngine;
  state: StateStore;
  sender: Sender;
  texts?: BotTexts;
  logger?: BotLogger;
  tuning?: Partial<BotTuning>;
  clock?: () => number;
  /** The bot's open_id; startBot reads it from /bot/v3/info. */
  botOpenId?: string;
  /** Shared with the Sender (startBot wires both); a fresh one otherwise. */
  ackGate?: AckGate;
  onActivity?: (activity: BotActivity) => void;
}

/** Event types the App handles; others are acked and ignored. */
export const HANDLED_EVENTS = [
  "im.message.receive_v1", "card.action.trigger", "im.chat.member.bot.added_v1", "im.message.recalled_v1", "application.bot.menu_v6",
] as const;

/** Something that reports on the bot's health (the long connection's state), shown on /healthz. */
export type HealthSource = () => Record<string, unknown> & { ok?: boolean };

/**
 * The bot: one `processEvent` that every receiver (webhook, long connection, tests) feeds. A message
 * passes the intake chain — dedupe → stale → self → @mention in groups → rate limit → text → length →
 * command — before the ack (webhook: right after it, see DeferredIntake); answering runs after it, in
 * the chat's queue, inside an error boundary that turns any failure into an apology card.
 */
export class App {
  readonly services: BotServices;
  readonly commands = new CommandRegistry();
  private readonly cardActions = new Map<string, CardActionHandler>();
  private readonly intake: (ctx: MessageContext) => Promise<void>;
  private readonly healthSources = new Map<string, HealthSource>();
  /** Webhook events acked before their intake ran (see DeferredIntake). */
  private readonly deferred: DeferredIntake;
  private isDraining = false;
  private lastEventAt: number | undefined;
  private eventsReceived = 0;

  constructor(options: AppOptions) {
    const texts = options.texts ?? loadBotTexts();
    const tuning = mergeTuning(options.tuning);
    const clock = options.clock ?? Date.now;
    const logger = options.logger ?? silentLogger;
    const ackGate = options.ackGate ?? new AckGate();
    this.services = {
      engine: options.engine,
      state: options.state,
      sender: options.sender,
      texts,
      logger,
      tuning,
      clock,
      botOpenId: options.botOpenId,
      queue: new ChatQueue({
        ...tuning.queue,
        onError: (error) => logger.error("queued job escaped its error boundary", { error: String(error) }),
        beforeStart: () => ackGate.clear(),
      }),
      ackGate,
      limiter: new RateLimiter({ ...tuning.rateLimit, clock }),
      commands: this.commands,
      inFlight: new InFlightQuestions(),
      p2pChats: new P2pChats(),
      emit: (activity) => {
        try {
          options.onActivity?.(activity);
        } catch (error) {
          logger.warn("activity listener threw", { error: String(error) });
        }
      },
    };
    this.deferred = new DeferredIntake(ackGate, (event) => this.processEvent(event), (error, event) =>
      logger.error("processing an acknowledged event failed", { eventId: event.eventId, eventType: event.eventType, error: String(error) }));
    this.commands.register(...builtinCommands(texts));
    this.cardActions.set("feedback", feedbackAction);
    this.intake = compose<MessageContext>(
      dropDuplicates, dropRecalled, dropStale, ignoreSelf, ignoreAtAll, onlyMentionedInGroups, limitRate, takeFiles, readText, rejectTooLong, parseCommand, route,
    );
  }

  /** Adds slash commands (e.g. `/digest …` from the digest feature). */
  command(...commands: BotCommand[]): this {
    this.commands.register(...commands);
    return this;
  }

  /** Handles file messages (after the ack, in the chat's queue): the Feishu intake. */
  onFile(handler: (ctx: MessageContext) => Promise<void>): this {
    this.services.onFile = handler;
    return this;
  }

  /** Handles card buttons whose callback value has `{ action: name }`. */
  cardAction(name: string, handler: CardActionHandler): this {
    if (this.cardActions.has(name)) throw new Error(`card action "${name}" is already registered`);
    this.cardActions.set(name, handler);
    return this;
  }

  get draining(): boolean {
    return this.isDraining;
  }

  /**
   * The SDK EventDispatcher a receiver hands events to (WSClient requires one): it flattens the schema
   * 2.0 envelope and calls processEvent. It has no encrypt key: the webhook receiver has already
   * checked and decrypted the request, and the long connection carries plaintext.
   */
  dispatcher(transport: Transport): lark.EventDispatcher {
    const gate = this.services.ackGate;
    const ackFirst = transport === "http" && this.services.tuning.webhookAckFirst;
    const handle = (data: Record<string, unknown>): Promise<AckBody> => {
      const event = toIncomingEvent(data, transport, this.services.clock());
      if (ackFirst && event.eventType !== "card.action.trigger") {
        this.deferred.push(event);
        return Promise.resolve({});
      }
      // The webhook receiver holds the gate from the request's arrival to its response; the long
      // connection's ack frame goes out right after this resolves.
      if (transport !== "http") gate.enter();
      const ack = withinAckBudget(this.processEvent(event), this.services.tuning.ackTimeoutMs, () =>
        this.services.logger.warn("event processing exceeded the ack budget; acking anyway", { eventId: event.eventId, transport }));
      return transport === "http" ? ack : ack.finally(() => setImmediate(() => gate.leave()));
    };
    const handlers = Object.fromEntries(HANDLED_EVENTS.map((type) => [type, handle]));
    return new lark.EventDispatcher({ ...sdkLogger(this.services.logger) }).register<Record<string, (data: Record<string, unknown>) => Promise<AckBody>>>(handlers);
  }

  /** Everything cheap happens here, before the ack (webhook: after it); answering is queued. Resolves with the ack body. */
  async processEvent(event: IncomingEvent): Promise<AckBody> {
    this.lastEventAt = event.receivedAt;
    this.eventsReceived += 1;
    this.services.emit({ type: "received", eventId: event.eventId, eventType: event.eventType, transport: event.transport });
    switch (event.eventType) {
      case "im.message.receive_v1":
        await this.receiveMessage(event);
        return {};
      case "card.action.trigger":
        return this.receiveCardAction(event);
      case "im.chat.member.bot.added_v1":
        this.receiveBotAdded(event);
        return {};
      case "im.message.recalled_v1":
        receiveRecall(event, this.services);
        return {};
      case "application.bot.menu_v6":
        receiveMenu(event, this.services, runJob);
        return {};
      default:
        return {};
    }
  }

  /** Stops taking new work: from now on the webhook answers 503, so Feishu redelivers later. */
  startDraining(): void {
    this.isDraining = true;
  }

  /** startDraining, then waits until the queued answers are sent (false if `timeoutMs` passes first). */
  async drain(timeoutMs = 10_000): Promise<boolean> {
    this.isDraining = true;
    const idle = await this.settled(timeoutMs);
    if (!idle) this.services.logger.warn("drain timed out with work still queued", { queued: this.services.queue.size, unprocessed: this.deferred.size });
    return idle;
  }

  /** Resolves true once every acknowledged event went through the intake chain (false after `timeoutMs`). */
  processed(timeoutMs = 10_000): Promise<boolean> {
    return this.deferred.idle(timeoutMs);
  }

  /** Resolves true once every acknowledged event went through the intake and the queue is empty (false after `timeoutMs`). */
  async settled(timeoutMs = 10_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    if (!(await this.processed(timeoutMs))) return false;
    return this.services.queue.idle(Math.max(0, deadline - Date.now()));
  }

  /** A receiver (the long connection) adds its state to /healthz; `ok: false` there makes the bot unhealthy. */
  addHealthSource(name: string, source: HealthSource): void {
    this.healthSources.set(name, source);
  }

  /** Last time any event arrived (epoch ms), for liveness checks. */
  get lastEventTime(): number | undefined {
    return this.lastEventAt;
  }

  health(): Record<string, unknown> & { ok: boolean } {
    const sources = Object.fromEntries([...this.healthSources].map(([name, source]) => [name, source()]));
    const sourcesOk = Object.values(sources).every((source) => source.ok !== false);
    return {
      ok: !this.isDraining && sourcesOk,
      draining: this.isDraining,
      queued: this.services.queue.size,
      unprocessed: this.deferred.size,
      activeChats: this.services.queue.activeChats,
      inFlight: this.services.inFlight.size,
      brain: this.services.engine.defaultBrain,
      eventsReceived: this.eventsReceived,
      lastEventAt: this.lastEventAt === undefined ? null : new Date(this.lastEventAt).toISOString(),
      ...sources,
    };
  }

  private async receiveMessage(event: IncomingEvent): Promise<void> {
    const message = readInboundMessage(event.data);
    if (!message) {
      this.services.emit({ type: "dropped", eventId: event.eventId, reason: "malformed" });
      return;
    }
    if (message.chatType === "p2p") this.services.p2pChats.remember(message.senderId, message.chatId);
    const ctx = createMessageContext(event, message, this.services, mentionsBot(message, this.services.botOpenId), runJob);
    await this.intake(ctx);
  }

  private async receiveCardAction(event: IncomingEvent): Promise<AckBody> {
    const ctx = readCardAction(event, this.services);
    this.services.emit({ type: "card_action", action: ctx.action, operatorId: ctx.operatorId, messageId: ctx.cardMessageId });
    const handler = this.cardActions.get(ctx.action);
    if (!handler) return toast("warning", this.services.texts.voteUnknown);
    try {
      return await handler(ctx);
    } catch (error) {
      this.services.logger.error("card action failed", { action: ctx.action, eventId: event.eventId, error: String(error) });
      return toast("error", fill(this.services.texts.apology, { code: asBotError(error).code }));
    }
  }

  /** Welcome card when the bot is added to a group (once per event). */
  private receiveBotAdded(event: IncomingEvent): void {
    const chatId = typeof event.data.chat_id === "string" ? event.data.chat_id : "";
    const { state, queue, sender, texts, logger } = this.services;
    if (!chatId || !event.eventId || !state.claim(`event:${event.eventId}`)) return;
    queue.push(chatId, async () => {
      try {
        await sender.sendToChat(chatId, markdownCard(texts, texts.welcome), { uuid: deriveUuid(event.eventId, "welcome") });
      } catch (error) {
        logger.warn("welcome message failed", { chatId, error: String(error) });
      }
    });
  }
}

/**
 * Last intake step: queue the command or the question; a full queue gets a best-effort 「稍后再试」.
 * A question (or a slow command) the bot will answer gets the typing indicator at once.
 */
const route: Middleware<MessageContext> = (ctx) => {
  const command = ctx.command;
  const accepted = command
    ? ctx.enqueue(`command:${command.name}`, (c) => runCommand(c as CommandContext))
    : ctx.enqueue("question", answerQuestion);
  if (accepted) {
    ctx.services.inFlight.track(ctx.message.messageId);
    const slow = command ? ctx.services.commands.find(command.name)?.showsTyping === true : true;
    if (slow) ctx.typing = showTyping(ctx);
    return;
  }
  ctx.drop("queue_full");
  void ctx.reply(markdownCard(ctx.services.texts, ctx.services.texts.busy, { template: "grey" }), "busy")
    .catch((error: unknown) => ctx.log.warn("busy notice failed", { error: String(error) }));
};

async function runCommand(ctx: CommandContext): Promise<void> {
  const command = ctx.services.commands.find(ctx.command.name);
  if (command) return command.run(ctx);
  const { texts } = ctx.services;
  const text = `${fill(texts.unknownCommand, { name: ctx.command.name })}\n\n${commandList(ctx.services)}`;
  await ctx.reply(markdownCard(texts, text, { template: "grey" }), "command");
}

/**
 * The error boundary around queued work: log with the code, apologise in the chat. Afterwards the
 * typing indicator goes and the question leaves the in-flight list.
 */
async function runJob(ctx: MessageContext, job: string, run: (ctx: MessageContext) => Promise<void>): Promise<void> {
  try {
    await guarded(ctx, job, run);
  } finally {
    await ctx.typing?.stop();
    if (job !== "notice") ctx.services.inFlight.done(ctx.message.messageId);
  }
}

async function guarded(ctx: MessageContext, job: string, run: (ctx: MessageContext) => Promise<void>): Promise<void> {
  try {
    if (job !== "notice" && ctx.isRecalled()) return ctx.drop("recalled");
    await run(ctx);
    if (job !== "notice") markAnswered(ctx);
  } catch (raw) {
    if (isRecalledTarget(raw) || ctx.isRecalled()) {
      // The user withdrew the question while it was answered: nothing to apologise for, nowhere to reply.
      ctx.log.info("question recalled while it was answered", { job });
      return ctx.drop("recalled");
    }
    const error = raw instanceof BotError ? raw : new BotError("answer_failed", raw instanceof Error ? raw.message : String(raw), { cause: raw });
    const code = `${error.code}·${ctx.event.eventId.slice(0, 8)}`;
    ctx.log.error("handling a message failed", { job, code: error.code, error: error.message });
    ctx.services.emit({ type: "failed", messageId: ctx.message.messageId, code: error.code, error: error.message });
    if (job === "notice") return;
    const card = apologyCard(ctx.services.texts, code);
    try {
      if (ctx.streaming) await ctx.streaming.fail(card);
      else await ctx.reply(card, "apology");
    } catch (apologyError) {
      ctx.log.error("apology failed too", { error: String(apologyError) });
    }
  }
}

/** Feishu's answer to a reply whose parent message was recalled. */
function isRecalledTarget(error: unknown): boolean {
  return error instanceof LarkApiError && error.larkCode === RECALLED_CODE;
}

/** The work's ack, or `{}` once `ms` have passed (the work goes on): Feishu wants an answer within 3 s. */
function withinAckBudget(work: Promise<AckBody>, ms: number, onLate: () => void): Promise<AckBody> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<AckBody>((resolve) => {
    timer = setTimeout(() => {
      onLate();
      resolve({});
    }, ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

function toIncomingEvent(data: Record<string, unknown>, transport: Transport, now: number): IncomingEvent {
  const created = Number(data.create_time);
  return {
    eventId: typeof data.event_id === "string" ? data.event_id : "",
    eventType: typeof data.event_type === "string" ? data.event_type : "",
    createTime: Number.isFinite(created) && created > 0 ? created : undefined,
    data,
    transport,
    receivedAt: now,
  };
}

export function mergeTuning(partial: Partial<BotTuning> = {}): BotTuning {
  return {
    ...DEFAULT_TUNING,
    ...partial,
    rateLimit: { ...DEFAULT_TUNING.rateLimit, ...partial.rateLimit },
    typing: { ...DEFAULT_TUNING.typing, ...partial.typing },
    queue: { ...DEFAULT_TUNING.queue, ...partial.queue },
  };
}
