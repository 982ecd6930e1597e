import type { MessageContext } from "../context.js";
import { LarkApiError } from "../errors.js";

export type Permission = { ok: true } | { ok: false; reason?: string };

/**
 * Who may add to the corpus: the /digest rule for groups (ZONEBOT_ADMINS, the group's owner or its
 * admins). In a one-to-one chat only ZONEBOT_ADMINS: the corpus is shared by everyone who asks, unlike
 * a chat's own digest subscription, so a DM alone is not enough.
 */
export async function mayIngest(ctx: MessageContext, admins: readonly string[]): Promise<Permission> {
  const { message, services } = ctx;
  if (message.senderId && admins.includes(message.senderId)) return { ok: true };
  if (message.chatType === "p2p") return { ok: false };
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
