import type { Answer, Turn } from "../brain/types.js";
import type { Engine } from "../engine/index.js";

/** How an event reached us. */
export type Transport = "http" | "ws" | "test";

/**
 * One event as every receiver hands it to `App.processEvent`: the SDK's flattened schema 2.0 data
 * (header fields and event fields at top level, as EventDispatcher passes them to handlers).
 */
export interface IncomingEvent {
  eventId: string;
  eventType: string;
  /** header.create_time (epoch ms), when present. */
  createTime?: number;
  data: Record<string, unknown>;
  transport: Transport;
  receivedAt: number;
}

/** What the transport answers with: `{}` for events, `{toast}` (or a card) for card callbacks. */
export type AckBody = Record<string, unknown>;

/** The part of the engine the bot uses (a test or the playground may pass a wrapper). */
export type BotEngine = Pick<Engine, "corpus" | "tools" | "defaultBrain"> & {
  ask(question: string, history?: Turn[], options?: { brain?: "offline" | "llm" | "auto"; onText?: (textSoFar: string) => void; chatId?: string }): Promise<Answer>;
};

/** Something the bot did, for logs, tests and the playground's activity pane. */
export type BotActivity =
  | { type: "received"; eventId: string; eventType: string; transport: Transport }
  | { type: "rejected"; reason: string; status: number; path: string }
  | { type: "dropped"; eventId: string; messageId?: string; reason: DropReason }
  | { type: "queued"; eventId: string; messageId: string; chatId: string; job: string }
  | { type: "answered"; messageId: string; replyId: string; durationMs: number; mode?: string }
  | { type: "failed"; messageId?: string; code: string; error: string }
  | { type: "card_action"; action: string; operatorId: string; messageId?: string }
  | { type: "recalled"; messageId: string; answered: boolean; recalledReplies: string[] }
  | { type: "menu"; eventKey: string; operatorId: string; command?: string }
  | { type: "connection"; state: "connected" | "reconnecting" | "reconnected" | "silent"; detail?: Record<string, unknown> }
  | { type: "retry"; operation: string; attempt: number; delayMs: number; code?: number; status?: number };

export type DropReason =
  | "duplicate" | "stale" | "self" | "not_mentioned" | "rate_limited" | "unsupported" | "too_long" | "empty"
  | "queue_full" | "draining" | "malformed" | "recalled" | "at_all";
