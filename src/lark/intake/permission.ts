import type { MessageContext } from "../context.js";
import { mayManage, type OneToOneRule, type Permission } from "../permission.js";

export type { Permission };

/**
 * Who may add to the corpus: the /digest rule (ZONEBOT_ADMINS; a group's owner and admins; in a
 * one-to-one chat, by `oneToOne` — anyone by default, as for /digest, or only ZONEBOT_ADMINS when
 * ZONEBOT_INTAKE_DM=admins, since the corpus is shared by everyone who asks).
 */
export function mayIngest(ctx: MessageContext, admins: readonly string[], oneToOne: OneToOneRule = "anyone"): Promise<Permission> {
  return mayManage(ctx, admins, oneToOne);
}
