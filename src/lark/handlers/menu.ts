import { markdownCard } from "../cards/index.js";
import { commandList } from "../commands/builtin.js";
import { type CommandContext, createMessageContext, type MessageContext } from "../context.js";
import type { InboundMessage } from "../message.js";
import { fill } from "../texts.js";
import type { IncomingEvent } from "../types.js";
import type { BotServices } from "../context.js";

type RunJob = (ctx: MessageContext, job: string, run: (ctx: MessageContext) => Promise<void>) => Promise<void>;

const rec = (value: unknown): Record<string, unknown> => (typeof value === "object" && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : {});

/**
 * application.bot.menu_v6: a click on the bot's custom menu runs a command, as if the user had typed
 * it in the chat with the bot. The menu item's event key names the command: `help`, `sources`,
 * `digest_now` (a command named like the key, else the part before the first `_` with the rest as
 * arguments: `/digest now`). The event carries no chat and no message, so replies go to the user by
 * open_id; the chat is the user's chat with the bot when a message there has been seen.
 */
export function receiveMenu(event: IncomingEvent, services: BotServices, runJob: RunJob): void {
  const operatorId = String(rec(rec(event.data.operator).operator_id).open_id ?? "");
  const eventKey = typeof event.data.event_key === "string" ? event.data.event_key.trim() : "";
  if (!operatorId || !eventKey || !event.eventId || !services.state.claim(`event:${event.eventId}`)) return;
  const command = commandFromKey(eventKey, (name) => services.commands.find(name) !== undefined);
  services.emit({ type: "menu", eventKey, operatorId, command: command ? `/${command.name} ${command.argText}`.trim() : undefined });
  const message: InboundMessage = {
    // The event id stands in for the message id: replies' uuids derive from it, so a redelivered
    // click cannot post twice.
    messageId: `menu_${event.eventId}`,
    chatId: services.p2pChats.get(operatorId) ?? "",
    chatType: "p2p",
    messageType: "text",
    content: "{}",
    senderId: operatorId,
    senderType: "user",
    mentions: [],
  };
  const ctx = createMessageContext(event, message, services, true, runJob, async (card, uuid) => {
    const sent = await services.sender.sendToUser(operatorId, card, { uuid });
    if (sent.chatId) services.p2pChats.remember(operatorId, sent.chatId);
    return sent;
  });
  ctx.text = command ? `/${command.name} ${command.argText}`.trim() : eventKey;
  ctx.command = command;
  const queueKey = message.chatId || `user:${operatorId}`;
  const accepted = services.queue.push(queueKey, () => runJob(ctx, `menu:${eventKey}`, (c) => runMenuCommand(c, eventKey)));
  if (!accepted) ctx.drop("queue_full");
}

async function runMenuCommand(ctx: MessageContext, eventKey: string): Promise<void> {
  const { commands, texts } = ctx.services;
  const command = ctx.command ? commands.find(ctx.command.name) : undefined;
  if (!command) {
    const text = `${fill(texts.unknownCommand, { name: eventKey })}\n\n${commandList(ctx.services)}`;
    await ctx.reply(markdownCard(texts, text, { template: "grey" }), "menu");
    return;
  }
  await command.run(ctx as CommandContext);
}

/** `digest_now` → /digest now; `help` → /help; a command whose own name is the key wins. */
export function commandFromKey(eventKey: string, known: (name: string) => boolean): { name: string; args: string[]; argText: string } | undefined {
  const key = eventKey.replace(/^[/／]/, "").toLowerCase();
  if (!key) return undefined;
  if (known(key)) return { name: key, args: [], argText: "" };
  const [name = "", ...args] = key.split(/[_\s]+/).filter(Boolean);
  if (!known(name)) return undefined;
  return { name, args, argText: args.join(" ") };
}
