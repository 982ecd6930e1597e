import type { FeishuEmulator, StoredMessage } from "../lark/emulator/index.js";

/** One chat message as the page renders it. */
export interface PageMessage {
  id: string;
  chatId: string;
  from: "user" | "bot";
  senderId: string;
  senderName: string;
  createTime: number;
  msgType: string;
  threadId?: string;
  rootId?: string;
  parentId?: string;
  /** User messages: the text with mentions shown as `@name`. */
  text?: string;
  /** Mentioned names, so the page can highlight them. */
  mentions?: string[];
  /** Bot messages: the card JSON (a CardKit entity's current card, with streamed text applied). */
  card?: unknown;
  /** Whether the card is still streaming (CardKit streaming_mode). */
  streaming?: boolean;
  /** Changes whenever the message or its card changes. */
  version: string;
}

export interface UserMessageInfo {
  text: string;
  mentions: string[];
  senderName: string;
}

/** Reads the emulator's state into page messages for the given chats, oldest first. */
export function pageMessages(emulator: FeishuEmulator, chatIds: ReadonlySet<string>, users: ReadonlyMap<string, UserMessageInfo>, botName: string): PageMessage[] {
  const all = [...emulator.inboundMessages, ...emulator.messages].filter((m) => chatIds.has(m.chat_id));
  const order = new Map(all.map((m, i) => [m.message_id, i]));
  all.sort((a, b) => a.create_time - b.create_time || (order.get(a.message_id)! - order.get(b.message_id)!));
  return all.map((m) => toPageMessage(emulator, m, users.get(m.message_id), botName));
}

function toPageMessage(emulator: FeishuEmulator, m: StoredMessage, user: UserMessageInfo | undefined, botName: string): PageMessage {
  const base = {
    id: m.message_id,
    chatId: m.chat_id,
    senderId: m.sender_open_id,
    createTime: m.create_time,
    msgType: m.msg_type,
    ...(m.thread_id ? { threadId: m.thread_id } : {}),
    ...(m.root_id ? { rootId: m.root_id } : {}),
    ...(m.parent_id ? { parentId: m.parent_id } : {}),
  };
  if (m.origin === "inbound") {
    const text = user?.text ?? textOf(m);
    return { ...base, from: "user", senderName: user?.senderName ?? m.sender_open_id, text, mentions: user?.mentions ?? [], version: `${m.update_time}:${m.thread_id ?? ""}` };
  }
  const entity = m.card_id ? emulator.cards.get(m.card_id) : undefined;
  const card = entity ? entity.card : m.body;
  const streaming = Boolean((card as { config?: { streaming_mode?: boolean } } | undefined)?.config?.streaming_mode);
  const version = `${m.update_time}:${m.thread_id ?? ""}:${m.revisions.length}:${entity ? `${entity.last_sequence}:${entity.contentUpdates.length}` : ""}:${streaming}`;
  return { ...base, from: "bot", senderName: botName, card, streaming, version };
}

function textOf(m: StoredMessage): string {
  const body = m.body as { text?: unknown } | undefined;
  return typeof body?.text === "string" ? body.text : m.content;
}
