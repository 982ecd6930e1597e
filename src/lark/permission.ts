import type { MessageContext } from "./context.js";
import { LarkApiError } from "./errors.js";

export type Permission = { ok: true } | { ok: false; reason?: string };

/** Who may act in a one-to-one chat: anyone there (it is their own chat) or only ZONEBOT_ADMINS. */
export type OneToOneRule = "anyone" | "admins";

/**
 * The one rule for commands that change what a chat or the bot does (/digest, adding to the corpus):
 * ZONEBOT_ADMINS anywhere; in a group its owner and admins (read through im.chat.get); in a one-to-one
 * chat, by `oneToOne`. A failed lookup refuses, with the reason to show.
 */
export async function mayManage(ctx: MessageContext, admins: readonly string[], oneToOne: OneToOneRule = "anyone"): Promise<Permission> {
  const { message, services } = ctx;
  if (message.senderId && admins.includes(message.senderId)) return { ok: true };
  if (message.chatType === "p2p") return oneToOne === "anyone" ? { ok: true } : { ok: false };
  try {
    const sender = services.sender;
    const result = await sender.call("im.chat.get", () => sender.client.im.chat.get({
      path: { chat_id: message.chatId }, params: { user_id_type: "open_id" },
    }));
    const chat = result.data;
    const isManager = chat?.owner_id === message.senderId || (chat?.user_manager_id_list ?? []).includes(message.senderId);
    return isManager ? { ok: true } : { ok: false };
  } catch (error) {
    const reason = error instanceof LarkApiError ? String(error.larkCode ?? error.status ?? "network") : "unknown";
    ctx.log.warn("could not read the chat's owner and admins", { chatId: message.chatId, error: String(error) });
    return { ok: false, reason };
  }
}
