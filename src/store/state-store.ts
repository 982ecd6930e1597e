import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/**
 * The bot's own state, in `<dataDir>/state.db`, apart from the corpus generations (a rebuild of the
 * index never touches it): which events and messages were already taken, the conversation turns per
 * chat/thread, feedback votes, and per-chat token usage (filled by the LLM brain later).
 *
 * Everything is synchronous (better-sqlite3) and cheap, so it can run on the ack path. WAL mode and
 * a busy timeout let two bot processes share one file: `claim()` is atomic across them.
 */
export interface StateStoreOptions {
  /** How long processed event/message ids are remembered. Feishu redelivers for ≈7.1 h; at least 12 h is kept. */
  dedupeRetentionMs?: number;
  /** Conversation turns older than this are pruned (default 7 days). */
  turnRetentionMs?: number;
  /** Turns kept per conversation (default 20). */
  turnsPerConversation?: number;
  clock?: () => number;
}

/** One question and answer of a conversation, as the bot keeps it. */
export interface StoredTurn {
  question: string;
  answer?: string;
  /** What the brain read of the question, kept as the brain gave it (the store does not look inside). */
  frame?: unknown;
  conversation: string;
  chatId: string;
  /** The user's message the turn answers. */
  messageId: string;
  /** The bot's answer message, when known. */
  replyId?: string;
  createdAt: number;
}

export type Vote = "up" | "down";

export interface FeedbackRecord {
  /** The user's question message the voted answer replied to. */
  questionMessageId: string;
  userId: string;
  vote: Vote;
  chatId: string;
  /** The card the button sat on. */
  cardMessageId: string;
  question: string;
  /** The answer text the vote is about ("" when the turn is unknown). */
  answer: string;
  createdAt: number;
  updatedAt: number;
}

export interface UsageRecord {
  day: string;
  chatId: string;
  model: string;
  promptTokens: number;
  completionTokens: number;
  calls: number;
}

export const MIN_DEDUPE_RETENTION_MS = 12 * 3600_000;
const DEFAULT_DEDUPE_RETENTION_MS = 24 * 3600_000;
const DEFAULT_TURN_RETENTION_MS = 7 * 24 * 3600_000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS processed (key TEXT PRIMARY KEY, seen_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS processed_seen ON processed(seen_at);
CREATE TABLE IF NOT EXISTS turns (
  id INTEGER PRIMARY KEY AUTOINCREMENT, conversation TEXT NOT NULL, chat_id TEXT NOT NULL, message_id TEXT NOT NULL,
  question TEXT NOT NULL, answer TEXT, frame TEXT, created_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS turns_conversation ON turns(conversation, id);
CREATE INDEX IF NOT EXISTS turns_message ON turns(message_id);
CREATE TABLE IF NOT EXISTS feedback (
  question_message_id TEXT NOT NULL, user_id TEXT NOT NULL, vote TEXT NOT NULL, chat_id TEXT NOT NULL,
  card_message_id TEXT NOT NULL, question TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
  PRIMARY KEY (question_message_id, user_id));
CREATE TABLE IF NOT EXISTS bot_threads (key TEXT PRIMARY KEY, chat_id TEXT NOT NULL, created_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS bot_threads_created ON bot_threads(created_at);
CREATE TABLE IF NOT EXISTS token_usage (
  day TEXT NOT NULL, chat_id TEXT NOT NULL, model TEXT NOT NULL, prompt_tokens INTEGER NOT NULL DEFAULT 0,
  completion_tokens INTEGER NOT NULL DEFAULT 0, calls INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (day, chat_id, model));
`;

interface TurnRow {
  conversation: string; chat_id: string; message_id: string; reply_id: string | null; question: string; answer: string | null; frame: string | null;
  created_at: number;
}

export class StateStore {
  readonly file: string;
  private readonly clock: () => number;
  private readonly dedupeRetentionMs: number;
  private readonly turnRetentionMs: number;
  private readonly turnsPerConversation: number;
  private readonly claimTx: (keys: string[], now: number) => boolean;
  /** Prepared once: seen() runs before every ack (preparing it per call was about a fifth of the intake chain in a profile). */
  private readonly exists: Database.Statement;

  private constructor(private readonly db: Database.Database, file: string, options: StateStoreOptions) {
    this.file = file;
    this.clock = options.clock ?? Date.now;
    this.dedupeRetentionMs = Math.max(options.dedupeRetentionMs ?? DEFAULT_DEDUPE_RETENTION_MS, MIN_DEDUPE_RETENTION_MS);
    this.turnRetentionMs = options.turnRetentionMs ?? DEFAULT_TURN_RETENTION_MS;
    this.turnsPerConversation = options.turnsPerConversation ?? 20;
    const exists = db.prepare("SELECT 1 FROM processed WHERE key = ? AND seen_at > ?");
    this.exists = exists;
    const insert = db.prepare("INSERT OR REPLACE INTO processed (key, seen_at) VALUES (?, ?)");
    this.claimTx = db.transaction((keys: string[], now: number) => {
      const horizon = now - this.dedupeRetentionMs;
      if (keys.some((key) => exists.get(key, horizon) !== undefined)) return false;
      for (const key of keys) insert.run(key, now);
      return true;
    });
  }

  /** Opens (creating if needed) `<dataDir>/state.db`; pass `":memory:"` as file for a throwaway store. */
  static open(dataDir: string, options: StateStoreOptions = {}): StateStore {
    mkdirSync(dataDir, { recursive: true });
    return StateStore.openFile(path.join(dataDir, "state.db"), options);
  }

  static openFile(file: string, options: StateStoreOptions = {}): StateStore {
    const db = new Database(file);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("busy_timeout = 2000");
    db.exec(SCHEMA);
    migrate(db);
    const store = new StateStore(db, file, options);
    store.prune();
    return store;
  }

  /**
   * Takes every key at once, or none: false when any of them was seen within the retention window
   * (a duplicate delivery, or the same message under a new event id). Atomic across processes.
   */
  claim(...keys: string[]): boolean {
    return this.claimTx(keys, this.clock());
  }

  /** Whether a key was claimed within the retention window. */
  seen(key: string): boolean {
    return this.exists.get(key, this.clock() - this.dedupeRetentionMs) !== undefined;
  }

  addTurn(turn: { conversation: string; chatId: string; messageId: string; replyId?: string; question: string; answer?: string; frame?: unknown }): void {
    this.db
      .prepare("INSERT INTO turns (conversation, chat_id, message_id, reply_id, question, answer, frame, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      .run(turn.conversation, turn.chatId, turn.messageId, turn.replyId ?? null, turn.question, turn.answer ?? null, turn.frame ? JSON.stringify(turn.frame) : null, this.clock());
    this.db
      .prepare("DELETE FROM turns WHERE conversation = ? AND id NOT IN (SELECT id FROM turns WHERE conversation = ? ORDER BY id DESC LIMIT ?)")
      .run(turn.conversation, turn.conversation, this.turnsPerConversation);
  }

  /** The last `limit` turns of a conversation, oldest first: what `engine.ask` takes as history. */
  recentTurns(conversation: string, limit = 6): StoredTurn[] {
    const rows = this.db
      .prepare("SELECT * FROM turns WHERE conversation = ? AND created_at > ? ORDER BY id DESC LIMIT ?")
      .all(conversation, this.clock() - this.turnRetentionMs, limit) as TurnRow[];
    return rows.reverse().map(toTurn);
  }

  turnForMessage(messageId: string): StoredTurn | undefined {
    const row = this.db.prepare("SELECT * FROM turns WHERE message_id = ? ORDER BY id DESC LIMIT 1").get(messageId) as TurnRow | undefined;
    return row ? toTurn(row) : undefined;
  }

  /** The turn whose question or whose answer is this message (a thread opened on either continues it). */
  turnAt(messageId: string): StoredTurn | undefined {
    const row = this.db.prepare("SELECT * FROM turns WHERE message_id = ? OR reply_id = ? ORDER BY id DESC LIMIT 1").get(messageId, messageId) as TurnRow | undefined;
    return row ? toTurn(row) : undefined;
  }

  /**
   * Remembers that the bot takes part in a thread: `thread:<thread_id>` when it replied inside one,
   * `root:<message_id>` for its own group messages (a thread opened on them includes the bot).
   * Kept as long as conversation turns.
   */
  markBotThread(chatId: string, ...keys: string[]): void {
    const insert = this.db.prepare("INSERT OR REPLACE INTO bot_threads (key, chat_id, created_at) VALUES (?, ?, ?)");
    const now = this.clock();
    for (const key of keys) insert.run(key, chatId, now);
  }

  /** Whether any of the keys was marked with markBotThread (within the turn retention). */
  isBotThread(...keys: string[]): boolean {
    if (keys.length === 0) return false;
    const horizon = this.clock() - this.turnRetentionMs;
    const found = this.db.prepare(`SELECT 1 FROM bot_threads WHERE key IN (${keys.map(() => "?").join(", ")}) AND created_at > ? LIMIT 1`)
      .get(...keys, horizon);
    return found !== undefined;
  }

  /** One vote per user and answer; voting again replaces the earlier vote. */
  recordVote(vote: Omit<FeedbackRecord, "createdAt" | "updatedAt" | "answer"> & { answer?: string }): void {
    const now = this.clock();
    this.db
      .prepare(`INSERT INTO feedback (question_message_id, user_id, vote, chat_id, card_message_id, question, answer, created_at, updated_at)
        VALUES (@questionMessageId, @userId, @vote, @chatId, @cardMessageId, @question, @answer, @now, @now)
        ON CONFLICT (question_message_id, user_id) DO UPDATE SET vote = excluded.vote, card_message_id = excluded.card_message_id,
        answer = CASE WHEN excluded.answer = '' THEN feedback.answer ELSE excluded.answer END, updated_at = excluded.updated_at`)
      .run({ ...vote, answer: vote.answer ?? "", now });
  }

  votes(questionMessageId?: string): FeedbackRecord[] {
    const sql = `SELECT question_message_id AS questionMessageId, user_id AS userId, vote, chat_id AS chatId,
      card_message_id AS cardMessageId, question, answer, created_at AS createdAt, updated_at AS updatedAt FROM feedback`;
    return (questionMessageId === undefined
      ? this.db.prepare(`${sql} ORDER BY created_at`).all()
      : this.db.prepare(`${sql} WHERE question_message_id = ? ORDER BY created_at`).all(questionMessageId)) as FeedbackRecord[];
  }

  /** Adds one model call's token counts to the chat's daily total (for the LLM brain). */
  recordUsage(usage: { chatId: string; model?: string; promptTokens: number; completionTokens: number }): void {
    const day = new Date(this.clock()).toISOString().slice(0, 10);
    this.db
      .prepare(`INSERT INTO token_usage VALUES (?, ?, ?, ?, ?, 1)
        ON CONFLICT (day, chat_id, model) DO UPDATE SET prompt_tokens = prompt_tokens + excluded.prompt_tokens,
        completion_tokens = completion_tokens + excluded.completion_tokens, calls = calls + 1`)
      .run(day, usage.chatId, usage.model ?? "", usage.promptTokens, usage.completionTokens);
  }

  usage(filter: { day?: string; chatId?: string } = {}): UsageRecord[] {
    return this.db
      .prepare(`SELECT day, chat_id AS chatId, model, prompt_tokens AS promptTokens, completion_tokens AS completionTokens, calls
        FROM token_usage WHERE (@day IS NULL OR day = @day) AND (@chatId IS NULL OR chat_id = @chatId) ORDER BY day, chat_id, model`)
      .all({ day: filter.day ?? null, chatId: filter.chatId ?? null }) as UsageRecord[];
  }

  /** Forgets processed ids and turns past their retention. Returns the number of rows removed. */
  prune(): number {
    const now = this.clock();
    const processed = this.db.prepare("DELETE FROM processed WHERE seen_at <= ?").run(now - this.dedupeRetentionMs).changes;
    const turns = this.db.prepare("DELETE FROM turns WHERE created_at <= ?").run(now - this.turnRetentionMs).changes;
    const threads = this.db.prepare("DELETE FROM bot_threads WHERE created_at <= ?").run(now - this.turnRetentionMs).changes;
    return processed + turns + threads;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** Columns added after the first release (state.db files already on disk get them here). */
function migrate(db: Database.Database): void {
  const columns = (db.prepare("PRAGMA table_info(feedback)").all() as Array<{ name: string }>).map((c) => c.name);
  if (!columns.includes("answer")) db.exec("ALTER TABLE feedback ADD COLUMN answer TEXT NOT NULL DEFAULT ''");
  const turnColumns = (db.prepare("PRAGMA table_info(turns)").all() as Array<{ name: string }>).map((c) => c.name);
  if (!turnColumns.includes("reply_id")) db.exec("ALTER TABLE turns ADD COLUMN reply_id TEXT");
  db.exec("CREATE INDEX IF NOT EXISTS turns_reply ON turns(reply_id)");
}

function toTurn(row: TurnRow): StoredTurn {
  return {
    conversation: row.conversation,
    chatId: row.chat_id,
    messageId: row.message_id,
    ...(row.reply_id ? { replyId: row.reply_id } : {}),
    question: row.question,
    answer: row.answer ?? undefined,
    frame: row.frame ? (JSON.parse(row.frame) as unknown) : undefined,
    createdAt: row.created_at,
  };
}
