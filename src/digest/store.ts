import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { DEFAULT_TIMEZONE, type DigestSchedule } from "./schedule.js";

/**
 * Digest subscriptions and the send ledger, in their own tables of `<dataDir>/state.db` through a
 * separate connection (WAL + busy timeout, like the bot's StateStore), so several bot processes share
 * them. The ledger has one row per (chat, period): whoever inserts it first sends that digest.
 */
export interface Subscription extends DigestSchedule {
  chatId: string;
  chatType: "p2p" | "group";
  /** Canonical zone names; empty = all zones. */
  zones: string[];
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}

export type LedgerStatus = "claimed" | "sent" | "failed" | "skipped";

export interface LedgerEntry {
  chatId: string;
  periodKey: string;
  status: LedgerStatus;
  /** The scheduled instant this row is for (epoch ms). */
  dueAt: number;
  claimedBy: string;
  claimedAt: number;
  attempts: number;
  sentAt?: number;
  messageId?: string;
  uuid: string;
  /** What the digest showed (article ids and a fingerprint), for the next one's 「since last digest」. */
  snapshot?: DigestSnapshot;
  error?: string;
}

export interface DigestSnapshot {
  /** `articleId@contentHash` of every article in the corpus at send time. */
  articles: string[];
  /** Hash of the targets, progress and deadlines shown: equal means nothing changed. */
  fingerprint: string;
  /** ISO time the corpus was read. */
  at: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS digest_subscriptions (
  chat_id TEXT PRIMARY KEY, chat_type TEXT NOT NULL, weekday INTEGER NOT NULL, hour INTEGER NOT NULL, minute INTEGER NOT NULL,
  timezone TEXT NOT NULL, zones TEXT NOT NULL, created_by TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS digest_ledger (
  chat_id TEXT NOT NULL, period_key TEXT NOT NULL, status TEXT NOT NULL, due_at INTEGER NOT NULL, claimed_by TEXT NOT NULL,
  claimed_at INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 1, sent_at INTEGER, message_id TEXT, uuid TEXT NOT NULL,
  snapshot TEXT, error TEXT, PRIMARY KEY (chat_id, period_key));
CREATE INDEX IF NOT EXISTS digest_ledger_sent ON digest_ledger(chat_id, status, sent_at);
`;

interface SubscriptionRow {
  chat_id: string; chat_type: string; weekday: number; hour: number; minute: number; timezone: string; zones: string;
  created_by: string; created_at: number; updated_at: number;
}
interface LedgerRow {
  chat_id: string; period_key: string; status: string; due_at: number; claimed_by: string; claimed_at: number; attempts: number;
  sent_at: number | null; message_id: string | null; uuid: string; snapshot: string | null; error: string | null;
}

export interface ClaimRequest {
  chatId: string;
  periodKey: string;
  dueAt: number;
  owner: string;
  uuid: string;
  now: number;
  /** A `claimed` row older than this was left by a process that died mid-send: it may be taken over. */
  leaseMs: number;
  /** A `failed` row may be tried again after this long, up to `maxAttempts` in all. */
  retryAfterMs: number;
  maxAttempts: number;
}

export class DigestStore {
  readonly file: string;

  private constructor(private readonly db: Database.Database, file: string) {
    this.file = file;
  }

  /** Opens (creating if needed) the digest tables in `<dataDir>/state.db`. */
  static open(dataDir: string): DigestStore {
    mkdirSync(dataDir, { recursive: true });
    return DigestStore.openFile(path.join(dataDir, "state.db"));
  }

  /** Any SQLite file; `":memory:"` for a throwaway store. */
  static openFile(file: string): DigestStore {
    const db = new Database(file);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("busy_timeout = 5000");
    db.exec(SCHEMA);
    return new DigestStore(db, file);
  }

  // ---- subscriptions ----

  /** Creates or replaces the chat's subscription; true when it already existed. */
  subscribe(sub: Omit<Subscription, "createdAt" | "updatedAt">, now: number): boolean {
    const existed = this.subscription(sub.chatId) !== undefined;
    this.db.prepare(`INSERT INTO digest_subscriptions VALUES (@chatId, @chatType, @weekday, @hour, @minute, @timezone, @zones, @createdBy, @now, @now)
      ON CONFLICT (chat_id) DO UPDATE SET chat_type = excluded.chat_type, weekday = excluded.weekday, hour = excluded.hour,
      minute = excluded.minute, timezone = excluded.timezone, zones = excluded.zones, created_by = excluded.created_by, updated_at = excluded.updated_at`)
      .run({ ...sub, zones: JSON.stringify(sub.zones), now });
    return existed;
  }

  /** True when there was a subscription to remove. */
  unsubscribe(chatId: string): boolean {
    return this.db.prepare("DELETE FROM digest_subscriptions WHERE chat_id = ?").run(chatId).changes > 0;
  }

  subscription(chatId: string): Subscription | undefined {
    const row = this.db.prepare("SELECT * FROM digest_subscriptions WHERE chat_id = ?").get(chatId) as SubscriptionRow | undefined;
    return row ? toSubscription(row) : undefined;
  }

  subscriptions(): Subscription[] {
    return (this.db.prepare("SELECT * FROM digest_subscriptions ORDER BY chat_id").all() as SubscriptionRow[]).map(toSubscription);
  }

  // ---- ledger ----

  /**
   * Takes the (chat, period) digest for `owner`: true exactly once across processes. A fresh row is
   * inserted (INSERT … ON CONFLICT DO NOTHING); an existing row is only taken over when its claimer
   * died mid-send (lease expired) or its send failed and may be retried. Both are one statement, so
   * two processes can never both win.
   */
  claim(request: ClaimRequest): boolean {
    const inserted = this.db.prepare(`INSERT INTO digest_ledger (chat_id, period_key, status, due_at, claimed_by, claimed_at, attempts, uuid)
      VALUES (@chatId, @periodKey, 'claimed', @dueAt, @owner, @now, 1, @uuid) ON CONFLICT (chat_id, period_key) DO NOTHING`).run(request).changes;
    if (inserted === 1) return true;
    const taken = this.db.prepare(`UPDATE digest_ledger SET status = 'claimed', claimed_by = @owner, claimed_at = @now, attempts = attempts + 1, error = NULL
      WHERE chat_id = @chatId AND period_key = @periodKey AND attempts < @maxAttempts AND (
        (status = 'claimed' AND claimed_at <= @now - @leaseMs) OR (status = 'failed' AND claimed_at <= @now - @retryAfterMs))`).run(request).changes;
    return taken === 1;
  }

  /** Marks a claimed row sent (only if `owner` still holds it). */
  markSent(chatId: string, periodKey: string, owner: string, result: { messageId: string; sentAt: number; snapshot: DigestSnapshot }): boolean {
    return this.db.prepare(`UPDATE digest_ledger SET status = 'sent', sent_at = @sentAt, message_id = @messageId, snapshot = @snapshot, error = NULL
      WHERE chat_id = @chatId AND period_key = @periodKey AND claimed_by = @owner AND status = 'claimed'`)
      .run({ chatId, periodKey, owner, messageId: result.messageId, sentAt: result.sentAt, snapshot: JSON.stringify(result.snapshot) }).changes === 1;
  }

  markFailed(chatId: string, periodKey: string, owner: string, error: string): void {
    this.db.prepare(`UPDATE digest_ledger SET status = 'failed', error = @error
      WHERE chat_id = @chatId AND period_key = @periodKey AND claimed_by = @owner AND status = 'claimed'`)
      .run({ chatId, periodKey, owner, error: error.slice(0, 500) });
  }

  /** Records a run missed beyond the grace window (once: false if the period already has a row). */
  markSkipped(entry: { chatId: string; periodKey: string; dueAt: number; owner: string; now: number; reason: string }): boolean {
    return this.db.prepare(`INSERT INTO digest_ledger (chat_id, period_key, status, due_at, claimed_by, claimed_at, attempts, uuid, error)
      VALUES (@chatId, @periodKey, 'skipped', @dueAt, @owner, @now, 0, '', @reason) ON CONFLICT (chat_id, period_key) DO NOTHING`)
      .run(entry).changes === 1;
  }

  entry(chatId: string, periodKey: string): LedgerEntry | undefined {
    const row = this.db.prepare("SELECT * FROM digest_ledger WHERE chat_id = ? AND period_key = ?").get(chatId, periodKey) as LedgerRow | undefined;
    return row ? toEntry(row) : undefined;
  }

  /** The chat's most recent ledger rows, newest first. */
  history(chatId: string, limit = 10): LedgerEntry[] {
    return (this.db.prepare("SELECT * FROM digest_ledger WHERE chat_id = ? ORDER BY due_at DESC LIMIT ?").all(chatId, limit) as LedgerRow[]).map(toEntry);
  }

  /** The last digest actually sent to the chat (its snapshot is the baseline for the next one). */
  lastSent(chatId: string): LedgerEntry | undefined {
    const row = this.db.prepare("SELECT * FROM digest_ledger WHERE chat_id = ? AND status = 'sent' ORDER BY sent_at DESC LIMIT 1").get(chatId) as LedgerRow | undefined;
    return row ? toEntry(row) : undefined;
  }

  /** Previews (/digest now, the CLI) move the baseline too: stored under a period key of their own. */
  recordPreview(entry: { chatId: string; key: string; owner: string; now: number; messageId: string; snapshot: DigestSnapshot }): void {
    this.db.prepare(`INSERT OR REPLACE INTO digest_ledger (chat_id, period_key, status, due_at, claimed_by, claimed_at, attempts, sent_at, message_id, uuid, snapshot)
      VALUES (@chatId, @key, 'sent', @now, @owner, @now, 1, @now, @messageId, '', @snapshot)`)
      .run({ ...entry, snapshot: JSON.stringify(entry.snapshot) });
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    chatId: row.chat_id, chatType: row.chat_type === "p2p" ? "p2p" : "group", weekday: row.weekday, hour: row.hour, minute: row.minute,
    timezone: row.timezone || DEFAULT_TIMEZONE, zones: JSON.parse(row.zones) as string[], createdBy: row.created_by,
    createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

function toEntry(row: LedgerRow): LedgerEntry {
  return {
    chatId: row.chat_id, periodKey: row.period_key, status: row.status as LedgerStatus, dueAt: row.due_at, claimedBy: row.claimed_by,
    claimedAt: row.claimed_at, attempts: row.attempts, sentAt: row.sent_at ?? undefined, messageId: row.message_id ?? undefined,
    uuid: row.uuid, snapshot: row.snapshot ? (JSON.parse(row.snapshot) as DigestSnapshot) : undefined, error: row.error ?? undefined,
  };
}
