/**
 * The chat each user has with the bot, learnt from their messages (bounded, most recent kept): a bot
 * menu click carries only the user, and commands such as `/digest now` act on a chat.
 */
export class P2pChats {
  private readonly chats = new Map<string, string>();

  constructor(private readonly limit = 10_000) {}

  remember(openId: string, chatId: string): void {
    if (!openId || !chatId || this.chats.get(openId) === chatId) return;
    this.chats.delete(openId);
    this.chats.set(openId, chatId);
    if (this.chats.size > this.limit) this.chats.delete(this.chats.keys().next().value!);
  }

  get(openId: string): string | undefined {
    return this.chats.get(openId);
  }
}
