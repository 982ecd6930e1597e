import type { ChatInfo, ChatType, StoredCard, StoredImage, StoredMessage, StoredReaction } from './types.js';

type Waiter = () => void;

/**
 * Everything the emulated tenant remembers: messages (bot-sent and inbound),
 * chats, CardKit entities and uploaded images. Tests read it directly.
 */
export class EmulatorStore {
  /** Every message in creation order, inbound user messages included. */
  readonly allMessages: StoredMessage[] = [];
  readonly byId = new Map<string, StoredMessage>();
  readonly chats = new Map<string, ChatInfo>();
  readonly cards = new Map<string, StoredCard>();
  readonly images = new Map<string, StoredImage>();
  /** Bytes behind the file_key of a user's file message (registered by the test that sends it). */
  readonly files = new Map<string, Buffer>();
  /** Every reaction ever added, removed ones included (with removed_at). */
  readonly reactions: StoredReaction[] = [];
  private readonly byUuid = new Map<string, StoredMessage>();
  private readonly waiters = new Set<Waiter>();

  addMessage(message: StoredMessage): void {
    this.allMessages.push(message);
    this.byId.set(message.message_id, message);
    if (message.uuid) this.byUuid.set(message.uuid, message);
    this.notify();
  }

  addReaction(reaction: StoredReaction): void {
    this.reactions.push(reaction);
    this.notify();
  }

  /** The earlier message sent with this uuid, if it is still inside the idempotency window. */
  findByUuid(uuid: string, now: number, windowMs: number): StoredMessage | undefined {
    const found = this.byUuid.get(uuid);
    return found && now - found.create_time < windowMs ? found : undefined;
  }

  /** Bot-sent messages (create + reply). */
  get outbound(): StoredMessage[] {
    return this.allMessages.filter((message) => message.origin !== 'inbound');
  }

  ensureChat(chatId: string, chatType: ChatType, ownerOpenId: string): ChatInfo {
    const existing = this.chats.get(chatId);
    if (existing) return existing;
    const chat: ChatInfo = {
      chat_id: chatId,
      name: chatType === 'p2p' ? '' : `Chat ${chatId.slice(-6)}`,
      chat_mode: chatType === 'p2p' ? 'p2p' : 'group',
      owner_id: ownerOpenId,
      user_manager_id_list: [],
      member_open_ids: [ownerOpenId],
      external: false,
    };
    this.chats.set(chatId, chat);
    return chat;
  }

  addChatMember(chatId: string, openId: string): void {
    const chat = this.chats.get(chatId);
    if (chat && !chat.member_open_ids.includes(openId)) chat.member_open_ids.push(openId);
  }

  /** Wakes waitForMessages callers; call after any mutation tests may wait for. */
  notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  /** Resolves once `check` returns a value, re-checking after every store change. */
  waitFor<T>(check: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
    return new Promise((resolve, reject) => {
      const finish = (): boolean => {
        const value = check();
        if (value === undefined) return false;
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve(value);
        return true;
      };
      const waiter: Waiter = () => void finish();
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${describe()}`));
      }, timeoutMs);
      this.waiters.add(waiter);
      finish();
    });
  }
}
