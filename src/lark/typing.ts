import type { MessageContext } from "./context.js";

/**
 * The typing indicator: an emoji reaction on the user's message while the bot works on it, so the
 * user can see it was received (Feishu has no typing API; a reaction is the visible substitute).
 * Added right after the ack, removed when the answer is sent or has failed. Cosmetic: every failure is
 * logged and swallowed, and nothing waits for the reaction except its own removal.
 */
export interface TypingIndicator {
  /** Removes the reaction (waits for it to be added first); safe to call more than once. */
  stop(): Promise<void>;
}

const NONE: TypingIndicator = { stop: async () => {} };

export function showTyping(ctx: MessageContext): TypingIndicator {
  const { tuning, sender } = ctx.services;
  if (!tuning.typing.enabled) return NONE;
  const messageId = ctx.message.messageId;
  // Started on a later turn of the event loop: the ack is written before the request is built.
  const added = new Promise<string>((resolve) => {
    setImmediate(() => {
      sender.addReaction(messageId, tuning.typing.emoji).then(resolve, (error: unknown) => {
        ctx.log.warn("typing indicator could not be added", { emoji: tuning.typing.emoji, error: String(error) });
        resolve("");
      });
    });
  });
  let stopping: Promise<void> | undefined;
  return {
    stop: () => {
      stopping ??= added.then(async (reactionId) => {
        if (!reactionId || ctx.isRecalled()) return;
        try {
          await sender.removeReaction(messageId, reactionId);
        } catch (error) {
          ctx.log.warn("typing indicator could not be removed", { error: String(error) });
        }
      });
      return stopping;
    },
  };
}
