import { answerCard, deriveUuid, markdownCard, mayManage as mayManageChat, toast, type BotCommand, type CardActionHandler, type CommandContext, type Permission } from "../lark/index.js";
import { fill } from "../lark/texts.js";
import { FOLLOWUP_ACTION, FOLLOWUP_FIELD } from "./card.js";
import { DEFAULT_SCHEDULE, formatLocal, formatTime, nextOccurrence, parseTime, parseWeekday, type DigestSchedule } from "./schedule.js";
import type { DigestService } from "./service.js";
import type { LedgerEntry } from "./store.js";

const SUBCOMMANDS: Record<string, "subscribe" | "unsubscribe" | "now" | "status" | "help"> = {
  subscribe: "subscribe", sub: "subscribe", 订阅: "subscribe",
  unsubscribe: "unsubscribe", unsub: "unsubscribe", stop: "unsubscribe", 退订: "unsubscribe", 取消: "unsubscribe", 取消订阅: "unsubscribe",
  now: "now", preview: "now", 预览: "now", 现在: "now",
  status: "status", 状态: "status",
  help: "help", 帮助: "help",
};

export interface ParsedSubscribe {
  schedule: DigestSchedule;
  zones: string[];
  error?: string;
}

/** `周一 09:07 青岛开发区 高新区` (any order; 「周三10:17」 glued is fine) → schedule and canonical zones. */
export function parseSubscribeArgs(args: string[], canonical: (name: string) => string | undefined, texts: DigestService["texts"]): ParsedSubscribe {
  const schedule: DigestSchedule = { ...DEFAULT_SCHEDULE };
  const zones: string[] = [];
  const tokens = args.flatMap((arg) => {
    const glued = /^((?:周|星期|礼拜).)(\d{1,2}[:：]\d{2})$/u.exec(arg);
    return glued ? [glued[1]!, glued[2]!] : arg.split(/[,，、]/u).filter(Boolean);
  });
  for (const token of tokens) {
    const weekday = parseWeekday(token);
    if (weekday !== undefined) {
      if (Number.isNaN(weekday)) return { schedule, zones, error: fill(texts.badWeekday, { value: token }) };
      schedule.weekday = weekday;
      continue;
    }
    const time = parseTime(token);
    if (time === null) return { schedule, zones, error: fill(texts.badTime, { value: token }) };
    if (time) {
      schedule.hour = time.hour;
      schedule.minute = time.minute;
      continue;
    }
    if (token === "全部" || token.toLowerCase() === "all") continue;
    const zone = canonical(token);
    if (!zone) return { schedule, zones, error: fill(texts.unknownZone, { zone: token }) };
    if (!zones.includes(zone)) zones.push(zone);
  }
  return { schedule, zones };
}

/** Group owner, group admins, or ZONEBOT_ADMINS; anyone in a one-to-one chat (the shared rule of src/lark). */
export function mayManage(ctx: CommandContext, admins: string[]): Promise<Permission> {
  return mayManageChat(ctx, admins, "anyone");
}

/** `/digest subscribe [周一 09:07] [功能区…] | unsubscribe | now | status`. */
export function digestCommand(service: DigestService): BotCommand {
  const { texts } = service;
  return {
    name: "digest",
    aliases: ["周报"],
    usage: texts.commandUsage,
    description: texts.commandDescription,
    run: async (ctx) => {
      const [first, ...rest] = ctx.command.args;
      const sub = first === undefined ? "help" : SUBCOMMANDS[first.toLowerCase()];
      const reply = (content: string, purpose: string, template?: string): Promise<unknown> =>
        ctx.reply(markdownCard(ctx.services.texts, content, { template }), purpose);
      switch (sub) {
        case "subscribe":
          return subscribe(ctx, service, rest, reply);
        case "unsubscribe": {
          const allowed = await mayManage(ctx, service.config.admins);
          if (!allowed.ok) return void (await reply(denied(service, allowed.reason), "digest-denied", "orange"));
          const removed = service.store.unsubscribe(ctx.message.chatId);
          await reply(removed ? texts.unsubscribed : texts.notSubscribed, "digest-unsubscribe");
          return;
        }
        case "status":
          await reply(statusText(service, ctx.message.chatId), "digest-status");
          return;
        case "now": {
          const subscription = service.store.subscription(ctx.message.chatId);
          const parsed = parseSubscribeArgs(rest, (name) => ctx.services.engine.corpus.gazetteer.known(name), texts);
          if (parsed.error) return void (await reply(parsed.error, "digest-error", "grey"));
          const zones = parsed.zones.length > 0 ? parsed.zones : subscription?.zones ?? [];
          const digest = await service.compose({ zones, chatId: ctx.message.chatId, full: true });
          await ctx.reply(digest.card, "digest-now");
          return;
        }
        case "help":
          await reply(texts.usage, "digest-help");
          return;
        default:
          await reply(`${fill(texts.unknownSub, { name: first ?? "" })}\n\n${texts.usage}`, "digest-help", "grey");
      }
    },
  };
}

function denied(service: DigestService, reason?: string): string {
  return reason ? fill(service.texts.adminCheckFailed, { reason }) : service.texts.notAdmin;
}

async function subscribe(ctx: CommandContext, service: DigestService, args: string[], reply: (c: string, p: string, t?: string) => Promise<unknown>): Promise<void> {
  const { texts } = service;
  const parsed = parseSubscribeArgs(args, (name) => ctx.services.engine.corpus.gazetteer.known(name), texts);
  if (parsed.error) return void (await reply(parsed.error, "digest-error", "grey"));
  const allowed = await mayManage(ctx, service.config.admins);
  if (!allowed.ok) return void (await reply(denied(service, allowed.reason), "digest-denied", "orange"));
  const now = service.clock();
  const existed = service.store.subscribe({
    chatId: ctx.message.chatId, chatType: ctx.message.chatType, ...parsed.schedule, zones: parsed.zones, createdBy: ctx.message.senderId,
  }, now);
  const values = {
    weekday: texts.weekdays[parsed.schedule.weekday - 1]!, time: formatTime(parsed.schedule),
    zones: parsed.zones.length > 0 ? parsed.zones.join("、") : texts.scopeAll,
    next: formatLocal(nextOccurrence(parsed.schedule, now), parsed.schedule.timezone),
  };
  let text = fill(existed ? texts.resubscribed : texts.subscribed, values);
  if (parsed.schedule.minute % 30 === 0) text += `\n${fill(texts.onTheHour, { time: values.time })}`;
  await reply(text, "digest-subscribe", "green");
}

function statusLabel(entry: LedgerEntry, service: DigestService): string {
  const { texts } = service;
  const label = { sent: texts.statusSent, skipped: texts.statusSkipped, failed: texts.statusFailed, claimed: texts.statusClaimed }[entry.status];
  return fill(texts.statusLast, { time: formatLocal(entry.sentAt ?? entry.dueAt), status: label });
}

export function statusText(service: DigestService, chatId: string): string {
  const { texts } = service;
  const sub = service.store.subscription(chatId);
  if (!sub) return texts.notSubscribed;
  const last = service.store.history(chatId, 1)[0];
  return fill(texts.status, {
    weekday: texts.weekdays[sub.weekday - 1]!, time: formatTime(sub), zones: sub.zones.length > 0 ? sub.zones.join("、") : texts.scopeAll,
    last: last ? statusLabel(last, service) : texts.statusNever, next: formatLocal(nextOccurrence(sub, service.clock()), sub.timezone),
  });
}

/**
 * The digest card's follow-up form: the typed question is answered like any other (engine.ask, the
 * answer card) as a reply to the digest, after the ack; the click gets a 「正在查询」 toast at once.
 */
export function followupAction(service: DigestService): CardActionHandler {
  return (ctx) => {
    const action = (ctx.event.data.action ?? {}) as { form_value?: Record<string, unknown>; input_value?: unknown };
    const raw = action.form_value?.[FOLLOWUP_FIELD] ?? action.input_value ?? ctx.value[FOLLOWUP_FIELD];
    const question = typeof raw === "string" ? raw.trim().slice(0, 500) : "";
    if (!question) return toast("warning", service.texts.followupEmpty);
    const { services } = ctx;
    const eventKey = ctx.event.eventId || `${ctx.cardMessageId}:${ctx.operatorId}:${question}`;
    if (!services.state.claim(`digest-ask:${eventKey}`)) return toast("info", fill(service.texts.followupThinking, { question }));
    const queueKey = ctx.chatId || ctx.cardMessageId;
    services.queue.push(queueKey, async () => {
      try {
        const answer = await services.engine.ask(question, [], { chatId: ctx.chatId });
        const card = answerCard(answer, services.texts, { questionMessageId: ctx.cardMessageId });
        const uuid = deriveUuid(eventKey, "digestask");
        if (ctx.cardMessageId) await services.sender.reply(ctx.cardMessageId, card, { uuid });
        else await services.sender.sendToChat(ctx.chatId, card, { uuid });
      } catch (error) {
        services.logger.warn("digest follow-up failed", { chatId: ctx.chatId, error: String(error) });
      }
    });
    return toast("info", fill(service.texts.followupThinking, { question }));
  };
}

export function digestCardActions(service: DigestService): Record<string, CardActionHandler> {
  return { [FOLLOWUP_ACTION]: followupAction(service) };
}
