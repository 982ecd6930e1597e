import type { EmulatorContext } from './context.js';
import { isRecord } from './http-util.js';
import { newEventId, newMessageId, randomId } from './ids.js';
import type { ChatType, StoredMessage } from './types.js';

export interface EventHeader {
  event_id: string;
  event_type: string;
  create_time: string;
  token: string;
  app_id: string;
  tenant_key: string;
}

/** Schema 2.0 envelope, exactly what Feishu POSTs (before encryption). */
export interface EventEnvelope<E = Record<string, unknown>> {
  schema: '2.0';
  header: EventHeader;
  event: E;
}

export interface UserIds {
  open_id: string;
  user_id: string;
  union_id: string;
}

export interface MessageMention {
  key: string;
  id: UserIds;
  name: string;
  tenant_key: string;
}

export interface ReceiveMessageEvent {
  sender: { sender_id: UserIds; sender_type: 'user' | 'app'; tenant_key: string };
  message: {
    message_id: string;
    root_id?: string;
    parent_id?: string;
    thread_id?: string;
    create_time: string;
    update_time: string;
    chat_id: string;
    chat_type: ChatType;
    message_type: string;
    content: string;
    mentions?: MessageMention[];
    user_agent: string;
  };
}

export interface MessageEventInput {
  chatType?: ChatType;
  /** Group default: oc_emu_group; p2p default: a chat per sender. */
  chatId?: string;
  /** Sender open_id. */
  senderId?: string;
  senderType?: 'user' | 'app';
  /** Prefix the text with @_user_1 and list the bot in `mentions`. */
  mentionBot?: boolean;
  /** Prefix the text with @_all (「@所有人」) and list it in `mentions`. */
  mentionAll?: boolean;
  /** Other people mentioned; their keys follow the bot's (@_user_2, …). Put the keys in the text yourself. */
  mentions?: Array<{ openId: string; name: string }>;
  threadId?: string;
  rootId?: string;
  parentId?: string;
  messageId?: string;
  createTime?: number;
}

export type PostElement = Record<string, unknown> & { tag: string };

export interface CardActionInput {
  chatId: string;
  messageId: string;
  operatorId?: string;
  value: Record<string, unknown>;
  tag?: string;
  name?: string;
  formValue?: Record<string, unknown>;
  inputValue?: string;
}

export const DEFAULT_USER = 'ou_emu_user_0001';
export const DEFAULT_GROUP = 'oc_emu_group_0001';

export function userIds(openId: string): UserIds {
  const suffix = openId.replace(/^ou_/, '');
  return { open_id: openId, user_id: `u_${suffix}`, union_id: `on_${suffix}` };
}

/** Builds Feishu-shaped events and records the messages they carry so replies can find them. */
export class EventFactory {
  constructor(
    private readonly ctx: EmulatorContext,
    private readonly verificationToken: string,
  ) {}

  envelope<E>(eventType: string, event: E): EventEnvelope<E> {
    return {
      schema: '2.0',
      header: {
        event_id: newEventId(),
        event_type: eventType,
        create_time: String(this.ctx.clock()),
        token: this.verificationToken,
        app_id: this.ctx.appId,
        tenant_key: this.ctx.tenantKey,
      },
      event,
    };
  }

  textMessage(input: MessageEventInput & { text: string }): EventEnvelope<ReceiveMessageEvent> {
    const atBot = input.mentionBot ? '@_user_1 ' : '';
    const text = `${input.mentionAll ? '@_all ' : ''}${atBot}${input.text}`;
    return this.message({ ...input, messageType: 'text', content: { text } });
  }

  postMessage(input: MessageEventInput & { title?: string; paragraphs: PostElement[][] }): EventEnvelope<ReceiveMessageEvent> {
    const paragraphs = input.mentionBot ? withBotAt(input.paragraphs, this.ctx.botName) : input.paragraphs;
    return this.message({ ...input, messageType: 'post', content: { title: input.title ?? '', content: paragraphs } });
  }

  imageMessage(input: MessageEventInput & { imageKey: string }): EventEnvelope<ReceiveMessageEvent> {
    return this.message({ ...input, messageType: 'image', content: { image_key: input.imageKey } });
  }

  fileMessage(input: MessageEventInput & { fileKey: string; fileName: string }): EventEnvelope<ReceiveMessageEvent> {
    return this.message({ ...input, messageType: 'file', content: { file_key: input.fileKey, file_name: input.fileName } });
  }

  stickerMessage(input: MessageEventInput & { fileKey: string }): EventEnvelope<ReceiveMessageEvent> {
    return this.message({ ...input, messageType: 'sticker', content: { file_key: input.fileKey } });
  }

  /** Any message type with an explicit content object. */
  message(input: MessageEventInput & { messageType: string; content: Record<string, unknown> }): EventEnvelope<ReceiveMessageEvent> {
    const chatType = input.chatType ?? 'p2p';
    const senderId = input.senderId ?? DEFAULT_USER;
    const chatId = input.chatId ?? (chatType === 'p2p' ? `oc_p2p_${senderId}` : DEFAULT_GROUP);
    this.ctx.store.ensureChat(chatId, chatType, senderId);
    this.ctx.store.addChatMember(chatId, senderId);
    const createTime = String(input.createTime ?? this.ctx.clock());
    const message: ReceiveMessageEvent['message'] = {
      message_id: input.messageId ?? newMessageId(),
      ...this.threadFields(input),
      create_time: createTime,
      update_time: createTime,
      chat_id: chatId,
      chat_type: chatType,
      message_type: input.messageType,
      content: JSON.stringify(input.content),
      mentions: this.mentions(input),
      user_agent: 'Mozilla/5.0 (emulator) Lark/7.30.0',
    };
    const event: ReceiveMessageEvent = {
      sender: { sender_id: userIds(senderId), sender_type: input.senderType ?? 'user', tenant_key: this.ctx.tenantKey },
      message,
    };
    const envelope = this.envelope('im.message.receive_v1', event);
    recordInboundMessage(this.ctx, envelope);
    return envelope;
  }

  /** card.action.trigger callback (schema 2.0) for a button click on a sent card. */
  cardAction(input: CardActionInput): EventEnvelope {
    const operator = userIds(input.operatorId ?? DEFAULT_USER);
    return this.envelope('card.action.trigger', {
      operator: { ...operator, tenant_key: this.ctx.tenantKey },
      token: randomId('c-', 16),
      action: {
        value: input.value,
        tag: input.tag ?? 'button',
        ...(input.name === undefined ? {} : { name: input.name }),
        ...(input.formValue === undefined ? {} : { form_value: input.formValue }),
        ...(input.inputValue === undefined ? {} : { input_value: input.inputValue }),
        timezone: 'Asia/Shanghai',
      },
      host: 'im_message',
      context: { open_message_id: input.messageId, open_chat_id: input.chatId },
    });
  }

  /** im.message.recalled_v1: the sender (or a group owner/admin) withdrew a message. */
  messageRecalled(input: { messageId: string; chatId?: string; recallType?: string }): EventEnvelope {
    const stored = this.ctx.store.byId.get(input.messageId);
    return this.envelope('im.message.recalled_v1', {
      message_id: input.messageId,
      chat_id: input.chatId ?? stored?.chat_id ?? DEFAULT_GROUP,
      recall_time: String(this.ctx.clock()),
      recall_type: input.recallType ?? 'message_owner',
    });
  }

  /** application.bot.menu_v6: a user clicked an item of the bot's custom menu (in the bot's chat). */
  botMenu(input: { eventKey: string; operatorId?: string; operatorName?: string }): EventEnvelope {
    const operatorId = input.operatorId ?? DEFAULT_USER;
    return this.envelope('application.bot.menu_v6', {
      operator: { operator_name: input.operatorName ?? operatorId, operator_id: userIds(operatorId) },
      event_key: input.eventKey,
      timestamp: Math.floor(this.ctx.clock() / 1000),
    });
  }

  /** im.chat.member.bot.added_v1: the bot joined a group (registers the chat with operator as owner). */
  botAdded(input: { chatId?: string; operatorId?: string; chatName?: string; external?: boolean }): EventEnvelope {
    const chatId = input.chatId ?? DEFAULT_GROUP;
    const operatorId = input.operatorId ?? DEFAULT_USER;
    const chat = this.ctx.store.ensureChat(chatId, 'group', operatorId);
    if (input.chatName) chat.name = input.chatName;
    return this.envelope('im.chat.member.bot.added_v1', {
      chat_id: chatId,
      operator_id: userIds(operatorId),
      external: input.external ?? false,
      operator_tenant_key: this.ctx.tenantKey,
      name: chat.name,
      i18n_names: { zh_cn: chat.name, en_us: chat.name },
    });
  }

  private threadFields(input: MessageEventInput): Pick<ReceiveMessageEvent['message'], 'root_id' | 'parent_id' | 'thread_id'> {
    const rootId = input.rootId ?? (input.threadId ? this.rootOfThread(input.threadId) : undefined);
    const parentId = input.parentId ?? rootId;
    return {
      ...(rootId === undefined ? {} : { root_id: rootId }),
      ...(parentId === undefined ? {} : { parent_id: parentId }),
      ...(input.threadId === undefined ? {} : { thread_id: input.threadId }),
    };
  }

  private rootOfThread(threadId: string): string | undefined {
    const first = this.ctx.store.allMessages.find((message) => message.thread_id === threadId);
    return first ? (first.root_id ?? first.message_id) : undefined;
  }

  private mentions(input: MessageEventInput): MessageMention[] | undefined {
    const people = [
      ...(input.mentionBot ? [{ openId: this.ctx.botOpenId, name: this.ctx.botName }] : []),
      ...(input.mentions ?? []),
    ];
    const all: MessageMention[] = input.mentionAll
      ? [{ key: '@_all', id: { open_id: '', user_id: '', union_id: '' }, name: '所有人', tenant_key: this.ctx.tenantKey }]
      : [];
    if (people.length === 0 && all.length === 0) return undefined;
    return [...all, ...people.map((person, index) => ({
      key: `@_user_${index + 1}`,
      id: userIds(person.openId),
      name: person.name,
      tenant_key: this.ctx.tenantKey,
    }))];
  }
}

function withBotAt(paragraphs: PostElement[][], botName: string): PostElement[][] {
  const at: PostElement = { tag: 'at', user_id: '@_user_1', user_name: botName };
  const [first = [], ...rest] = paragraphs;
  return [[at, ...first], ...rest];
}

/** Stores the user message an im.message.receive_v1 event carries (idempotent by message_id). */
export function recordInboundMessage(ctx: EmulatorContext, envelope: unknown): void {
  if (!isRecord(envelope) || !isRecord(envelope.header) || envelope.header.event_type !== 'im.message.receive_v1') return;
  const event = isRecord(envelope.event) ? envelope.event : {};
  const message = isRecord(event.message) ? event.message : undefined;
  if (!message || typeof message.message_id !== 'string' || ctx.store.byId.has(message.message_id)) return;
  const sender = isRecord(event.sender) ? event.sender : {};
  const stored = toStored(ctx, message, senderOpenId(event));
  if (sender.sender_type === 'app') stored.sender_type = 'app';
  ctx.store.addMessage(stored);
}

function senderOpenId(event: Record<string, unknown>): string {
  const sender = isRecord(event.sender) ? event.sender : {};
  const ids = isRecord(sender.sender_id) ? sender.sender_id : {};
  return typeof ids.open_id === 'string' ? ids.open_id : DEFAULT_USER;
}

function toStored(ctx: EmulatorContext, message: Record<string, unknown>, sender: string): StoredMessage {
  const text = (key: string): string | undefined => (typeof message[key] === 'string' ? (message[key] as string) : undefined);
  const content = text('content') ?? '{}';
  const created = Number(text('create_time') ?? ctx.clock());
  let body: unknown;
  try {
    body = JSON.parse(content);
  } catch {
    body = undefined;
  }
  return {
    message_id: String(message.message_id),
    chat_id: text('chat_id') ?? DEFAULT_GROUP,
    chat_type: text('chat_type') === 'group' ? 'group' : 'p2p',
    msg_type: text('message_type') ?? 'text',
    content,
    body,
    root_id: text('root_id'),
    parent_id: text('parent_id'),
    thread_id: text('thread_id'),
    create_time: created,
    update_time: created,
    origin: 'inbound',
    sender_open_id: sender,
    sender_type: 'user',
    revisions: [],
  };
}
