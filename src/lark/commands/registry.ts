import type { CommandContext } from "../context.js";

/**
 * A slash command: `/name args…`. Built-ins are /help, /sources and /facts; other features add theirs
 * (the digest issue registers `/digest …`) with `app.command(...)` or `startBot({ commands })`.
 */
export interface BotCommand {
  name: string;
  aliases?: string[];
  /** How to call it, shown by /help, e.g. `/facts 功能区 [年份]`. */
  usage: string;
  description: string;
  /** Not listed by /help. */
  hidden?: boolean;
  /**
   * Takes long enough that the user should see it was received (e.g. `/digest now`): the typing
   * indicator is shown while it runs. Commands that answer at once leave it off.
   */
  showsTyping?: boolean;
  /**
   * Runs after the ack, in the chat's queue; a throw becomes the apology card. Reply with
   * `ctx.reply(card, purpose)`: the purpose makes the idempotency uuid, so use a distinct one per reply.
   */
  run(ctx: CommandContext): Promise<void>;
}

export class CommandRegistry {
  private readonly byName = new Map<string, BotCommand>();
  private readonly ordered: BotCommand[] = [];

  register(...commands: BotCommand[]): this {
    for (const command of commands) {
      for (const name of [command.name, ...(command.aliases ?? [])]) {
        const key = name.toLowerCase();
        if (this.byName.has(key)) throw new Error(`command /${key} is already registered`);
        this.byName.set(key, command);
      }
      this.ordered.push(command);
    }
    return this;
  }

  find(name: string): BotCommand | undefined {
    return this.byName.get(name.toLowerCase());
  }

  list(): BotCommand[] {
    return this.ordered.filter((command) => !command.hidden);
  }
}
