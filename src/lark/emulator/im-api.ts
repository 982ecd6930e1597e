import { checkContent, type ValidContent } from './content.js';
import type { EmulatorContext } from './context.js';
import { FOURTEEN_DAYS_MS } from './context.js';
import type { ApiRequest, ApiResponse } from './http-util.js';
import { fail, isRecord, ok, stringField } from './http-util.js';
import { newMessageId, newThreadId } from './ids.js';
import type { ChatType, StoredMessage } from './types.js';

/** The message object Feishu returns from create/reply/get. */
export function messageView(ctx: EmulatorContext, message: StoredMessage): Record<string, unknown> {
  return {
    message_id: message.message_id,
    root_id: message.root_id,
    parent_id: message.parent_id,
    thread_id: message.thread_id,
    msg_type: message.msg_type,
    create_time: String(message.create_time),
    update_time: String(message.update_time),
    deleted: message.deleted ?? false,
    updated: message.revisions.length > 0,
    chat_id: message.chat_id,
    sender: message.sender_type === 'app'
      ? { id: ctx.appId, id_type: 'app_id', sender_type: 'app', tenant_key: ctx.tenantKey }
      : { id: message.sender_open_id, id_type: 'open_id', sender_type: 'user', tenant_key: ctx.tenantKey },
    body: { content: message.content },
    mentions: [],
  };
}

interface SendInput {
  msgType: unknown;
  content: unknown;
  uuid?: string;
}

function readSendInput(body: unknown): SendInput {
  return {
    msgType: isRecord(body) ? body.msg_type : undefined,
    content: isRecord(body) ? body.content : undefined,
    uuid: stringField(body, 'uuid'),
  };
}

/** Shared checks of create and reply: uuid replay, content rules, referenced resources. */
function prepareSend(ctx: EmulatorContext, input: SendInput): ApiResponse | ValidContent {
  const checked = checkContent(input.msgType, input.content);
  if (!checked.ok) return fail(checked.code, checked.msg);
  const imageKey = input.msgType === 'image' ? stringField(checked.body, 'image_key') : undefined;
  if (imageKey !== undefined && !ctx.store.images.has(imageKey)) {
    return fail(230001, `image_key ${imageKey} was not uploaded by this app`);
  }
  const cardId = checked.card?.cardId;
  if (cardId !== undefined) {
    const card = ctx.store.cards.get(cardId);
    if (!card) return fail(230099, `Failed to create card content: card_id ${cardId} does not exist`);
    if (card.sent_message_id) return fail(230099, `Failed to create card content: card entity ${cardId} was already sent`);
  }
  return checked;
}

function isResponse(value: ApiResponse | ValidContent): value is ApiResponse {
  return 'status' in value;
}

function storeOutbound(ctx: EmulatorContext, fields: Partial<StoredMessage> & Pick<StoredMessage, 'chat_id' | 'chat_type' | 'origin'>, input: SendInput, checked: ValidContent): StoredMessage {
  const now = ctx.clock();
  const message: StoredMessage = {
    message_id: newMessageId(),
    msg_type: String(input.msgType),
    content: String(input.content),
    body: checked.body,
    uuid: input.uuid,
    create_time: now,
    update_time: now,
    sender_open_id: ctx.botOpenId,
    sender_type: 'app',
    card_id: checked.card?.cardId,
    shared_card: checked.card?.shared,
    revisions: [],
    ...fields,
  };
  if (message.card_id) {
    const card = ctx.store.cards.get(message.card_id);
    if (card) card.sent_message_id = message.message_id;
  }
  ctx.store.addMessage(message);
  return message;
}

/** Where a create lands: chat_id targets are chats; user ids get a stable p2p chat. */
function resolveTarget(ctx: EmulatorContext, receiveIdType: string, receiveId: string): { chatId: string; chatType: ChatType } {
  if (receiveIdType === 'chat_id') {
    const known = ctx.store.chats.get(receiveId);
    return { chatId: receiveId, chatType: known?.chat_mode === 'p2p' ? 'p2p' : 'group' };
  }
  const chatId = `oc_p2p_${receiveId.replace(/[^A-Za-z0-9_]/g, '_')}`;
  ctx.store.ensureChat(chatId, 'p2p', receiveId);
  return { chatId, chatType: 'p2p' };
}

const RECEIVE_ID_TYPES = new Set(['open_id', 'user_id', 'union_id', 'email', 'chat_id']);

export function createMessage(ctx: EmulatorContext, req: ApiRequest): ApiResponse {
  const receiveIdType = req.query.get('receive_id_type') ?? '';
  if (!RECEIVE_ID_TYPES.has(receiveIdType)) return fail(99992402, 'field validation failed: receive_id_type');
  const receiveId = stringField(req.json, 'receive_id');
  if (!receiveId) return fail(99992402, 'field validation failed: receive_id is required');
  const input = readSendInput(req.json);
  const replay = input.uuid ? ctx.store.findByUuid(input.uuid, ctx.clock(), ctx.uuidWindowMs) : undefined;
  if (replay) return ok(messageView(ctx, replay));
  const checked = prepareSend(ctx, input);
  if (isResponse(checked)) return checked;
  const { chatId, chatType } = resolveTarget(ctx, receiveIdType, receiveId);
  const message = storeOutbound(ctx, {
    chat_id: chatId, chat_type: chatType, origin: 'create', receive_id: receiveId, receive_id_type: receiveIdType,
  }, input, checked);
  return ok(messageView(ctx, message));
}

export function replyMessage(ctx: EmulatorContext, req: ApiRequest): ApiResponse {
  const parent = ctx.store.byId.get(req.params[0] ?? '');
  if (!parent || parent.deleted) return fail(230011, 'The message being replied to does not exist or was withdrawn');
  const input = readSendInput(req.json);
  const replay = input.uuid ? ctx.store.findByUuid(input.uuid, ctx.clock(), ctx.uuidWindowMs) : undefined;
  if (replay) return ok(messageView(ctx, replay));
  const checked = prepareSend(ctx, input);
  if (isResponse(checked)) return checked;
  const threadId = threadFor(ctx, parent, isRecord(req.json) && req.json.reply_in_thread === true);
  const message = storeOutbound(ctx, {
    chat_id: parent.chat_id,
    chat_type: parent.chat_type,
    origin: 'reply',
    parent_id: parent.message_id,
    root_id: parent.root_id ?? parent.message_id,
    thread_id: threadId,
  }, input, checked);
  return ok(messageView(ctx, message));
}

/** Replies inside a thread stay there; reply_in_thread opens one on the root message. */
function threadFor(ctx: EmulatorContext, parent: StoredMessage, inThread: boolean): string | undefined {
  if (parent.thread_id) return parent.thread_id;
  if (!inThread) return undefined;
  const threadId = newThreadId();
  parent.thread_id = threadId;
  const root = parent.root_id ? ctx.store.byId.get(parent.root_id) : undefined;
  if (root && !root.thread_id) root.thread_id = threadId;
  return threadId;
}

/** Shared preconditions of PATCH and PUT on a sent message. */
function editableMessage(ctx: EmulatorContext, messageId: string): StoredMessage | ApiResponse {
  const message = ctx.store.byId.get(messageId);
  if (!message) return fail(230001, `message ${messageId} does not exist`);
  if (message.origin === 'inbound') return fail(230017, 'The bot is not the sender of this message');
  if (message.deleted) return fail(230011, 'The message was recalled');
  if (ctx.clock() - message.create_time > FOURTEEN_DAYS_MS) {
    return fail(230031, 'Messages older than 14 days cannot be modified');
  }
  return message;
}

export function patchMessage(ctx: EmulatorContext, req: ApiRequest): ApiResponse {
  const found = editableMessage(ctx, req.params[0] ?? '');
  if ('status' in found) return found;
  if (found.msg_type !== 'interactive') return fail(230001, 'Only interactive (card) messages can be patched');
  if (!ctx.patchRate.allow(found.message_id)) {
    return fail(230020, 'This operation triggers the frequency limit (5 QPS per message)');
  }
  const content = isRecord(req.json) ? req.json.content : undefined;
  const checked = checkContent('interactive', content);
  if (!checked.ok) return fail(checked.code, checked.msg);
  if (!found.shared_card || !checked.card?.shared) {
    return fail(230001, 'Card update requires config.update_multi=true in both the sent and the new card');
  }
  applyRevision(ctx, found, 'patch', String(content), checked.body);
  return ok({});
}

/** PUT /im/v1/messages/:id — edits a text or post message. */
export function updateMessage(ctx: EmulatorContext, req: ApiRequest): ApiResponse {
  const found = editableMessage(ctx, req.params[0] ?? '');
  if ('status' in found) return found;
  const msgType = isRecord(req.json) ? req.json.msg_type : undefined;
  if (msgType !== 'text' && msgType !== 'post') return fail(230001, 'Only text and post messages can be updated');
  if (found.msg_type !== 'text' && found.msg_type !== 'post') return fail(230001, 'The original message is not text or post');
  const content = isRecord(req.json) ? req.json.content : undefined;
  const checked = checkContent(msgType, content);
  if (!checked.ok) return fail(checked.code, checked.msg);
  found.msg_type = msgType;
  applyRevision(ctx, found, 'update', String(content), checked.body);
  return ok(messageView(ctx, found));
}

function applyRevision(ctx: EmulatorContext, message: StoredMessage, via: 'patch' | 'update', content: string, body: unknown): void {
  const now = ctx.clock();
  message.revisions.push({ at: now, via, content });
  message.content = content;
  message.body = body;
  message.update_time = now;
  ctx.store.notify();
}

export function getMessage(ctx: EmulatorContext, req: ApiRequest): ApiResponse {
  const message = ctx.store.byId.get(req.params[0] ?? '');
  if (!message) return fail(230001, 'message does not exist');
  return ok({ items: [messageView(ctx, message)] });
}
