import type { EmulatorContext } from './context.js';
import type { ApiRequest, ApiResponse } from './http-util.js';
import { fail, isRecord, ok } from './http-util.js';
import { randomId } from './ids.js';
import type { StoredMessage, StoredReaction } from './types.js';

// Message reactions (im/v1/messages/:message_id/reactions): what a bot uses as a "typing" indicator.
// Feishu checks emoji_type against its own table; these are the ones the emulator knows.
export const EMOJI_TYPES = new Set([
  'Typing', 'OnIt', 'OK', 'THUMBSUP', 'THUMBSDOWN', 'DONE', 'Get', 'EYES', 'THINKING', 'SMILE', 'HEART', 'CLAP',
  'MUSCLE', 'JIAYI', 'FINGERHEART', 'APPLAUSE', 'LGTM', 'PRAY', 'FIRE', 'PARTY', 'SaluteFace', 'StatusReading',
]);

const RECALLED = 230011;
const INVALID_REACTION = 231001;
const REACTION_NOT_FOUND = 231005;

function reactionView(reaction: StoredReaction): Record<string, unknown> {
  return {
    reaction_id: reaction.reaction_id,
    operator: { operator_id: reaction.operator_id, operator_type: reaction.operator_type },
    action_time: String(reaction.created_at),
    reaction_type: { emoji_type: reaction.emoji_type },
  };
}

function reactable(ctx: EmulatorContext, messageId: string): StoredMessage | ApiResponse {
  const message = ctx.store.byId.get(messageId);
  if (!message) return fail(230001, `message ${messageId} does not exist`);
  if (message.deleted) return fail(RECALLED, 'The message was recalled');
  return message;
}

/** POST /open-apis/im/v1/messages/:message_id/reactions {reaction_type: {emoji_type}} */
export function addReaction(ctx: EmulatorContext, req: ApiRequest): ApiResponse {
  const found = reactable(ctx, req.params[0] ?? '');
  if ('status' in found) return found;
  const type = isRecord(req.json) && isRecord(req.json.reaction_type) ? req.json.reaction_type.emoji_type : undefined;
  if (typeof type !== 'string' || !EMOJI_TYPES.has(type)) return fail(INVALID_REACTION, `reaction type is invalid: ${String(type)}`);
  const reaction: StoredReaction = {
    reaction_id: randomId('ZCaCIjUBVVWSrm5L-3ZTw', 8),
    message_id: found.message_id,
    emoji_type: type,
    operator_id: ctx.appId,
    operator_type: 'app',
    created_at: ctx.clock(),
  };
  ctx.store.addReaction(reaction);
  return ok(reactionView(reaction));
}

/** DELETE /open-apis/im/v1/messages/:message_id/reactions/:reaction_id — only the bot's own. */
export function deleteReaction(ctx: EmulatorContext, req: ApiRequest): ApiResponse {
  const found = reactable(ctx, req.params[0] ?? '');
  if ('status' in found) return found;
  const reaction = ctx.store.reactions.find((r) => r.reaction_id === req.params[1] && r.message_id === found.message_id && r.removed_at === undefined);
  if (!reaction) return fail(REACTION_NOT_FOUND, 'reaction not found');
  reaction.removed_at = ctx.clock();
  ctx.store.notify();
  return ok(reactionView(reaction));
}

/** GET /open-apis/im/v1/messages/:message_id/reactions — the reactions currently on the message. */
export function listReactions(ctx: EmulatorContext, req: ApiRequest): ApiResponse {
  const found = reactable(ctx, req.params[0] ?? '');
  if ('status' in found) return found;
  const items = ctx.store.reactions.filter((r) => r.message_id === found.message_id && r.removed_at === undefined).map(reactionView);
  return ok({ items, has_more: false, page_token: '' });
}

/** DELETE /open-apis/im/v1/messages/:message_id — a bot recalls a message it sent. */
export function recallMessage(ctx: EmulatorContext, req: ApiRequest): ApiResponse {
  const message = ctx.store.byId.get(req.params[0] ?? '');
  if (!message) return fail(230001, 'message does not exist');
  if (message.origin === 'inbound') return fail(230026, 'No permission to recall this message');
  if (message.deleted) return fail(RECALLED, 'The message was recalled');
  markRecalled(ctx, message);
  return ok({});
}

export function markRecalled(ctx: EmulatorContext, message: StoredMessage): void {
  message.deleted = true;
  message.deleted_at = ctx.clock();
  ctx.store.notify();
}
