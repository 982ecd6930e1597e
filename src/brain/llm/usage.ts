/** Token usage per chat, as the model reported it (stream_options.include_usage). */
export interface UsageRecord {
  chatId: string;
  promptTokens: number;
  completionTokens: number;
}

export interface UsageTotals {
  promptTokens: number;
  completionTokens: number;
  answers: number;
}

/** In-memory totals per chat since start-up; the bot persists records through `onUsage` if it wants. */
export class UsageLedger {
  private readonly totals = new Map<string, UsageTotals>();

  add(record: UsageRecord): void {
    const totals = this.totals.get(record.chatId) ?? { promptTokens: 0, completionTokens: 0, answers: 0 };
    totals.promptTokens += record.promptTokens;
    totals.completionTokens += record.completionTokens;
    totals.answers += 1;
    this.totals.set(record.chatId, totals);
  }

  get(chatId: string): UsageTotals | undefined {
    const totals = this.totals.get(chatId);
    return totals && { ...totals };
  }

  all(): Map<string, UsageTotals> {
    return new Map([...this.totals].map(([chatId, totals]) => [chatId, { ...totals }]));
  }
}
