/**
 * Questions between their ack and their answer, by message id: what a recall (im.message.recalled_v1)
 * has to reach. The persistent side — a recall seen before the message, or by another instance — is
 * the `recalled:<message_id>` key in state.db; this is the in-process side, which also remembers the
 * replies already sent for the question.
 */
export interface InFlightQuestion {
  recalled: boolean;
  /** Messages the bot has sent for this question so far (the answer, a streaming card). */
  replies: string[];
  /** The final answer (or the command's reply) is out: from now on a recall leaves it, or recalls it. */
  answered: boolean;
}

export class InFlightQuestions {
  private readonly entries = new Map<string, InFlightQuestion>();

  track(messageId: string): InFlightQuestion {
    const entry = this.entries.get(messageId) ?? { recalled: false, replies: [], answered: false };
    this.entries.set(messageId, entry);
    return entry;
  }

  get(messageId: string): InFlightQuestion | undefined {
    return this.entries.get(messageId);
  }

  done(messageId: string): void {
    this.entries.delete(messageId);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The state.db key that marks a message as recalled (kept as long as dedupe keys). */
export const recalledKey = (messageId: string): string => `recalled:${messageId}`;
