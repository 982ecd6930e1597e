import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { Cron } from "croner";
import type { Config } from "../config/index.js";
import { deriveUuid, silentLogger, type BotLogger, type Card, type Sender, type SentMessage } from "../lark/index.js";
import { digestCard, digestText } from "./card.js";
import { buildDigestContent, readCorpus, type DigestContent, type DigestEngine } from "./content.js";
import { chatModelWriter, writeOverview, type Overview, type OverviewWriter } from "./overview.js";
import { DEFAULT_TIMEZONE, formatLocal, lastOccurrence, periodKey } from "./schedule.js";
import { DigestStore, type DigestSnapshot, type Subscription } from "./store.js";
import { loadDigestTexts, type DigestTexts } from "./texts.js";

/** What sending needs: the bot's Sender (uuid, retries, token refresh) or anything shaped like it. */
export type DigestSender = Pick<Sender, "sendToChat">;

export type DigestEvent =
  | { type: "claimed"; chatId: string; periodKey: string; owner: string }
  | { type: "sent"; chatId: string; periodKey: string; messageId: string; quiet: boolean; bytes: number }
  | { type: "failed"; chatId: string; periodKey: string; error: string }
  | { type: "skipped"; chatId: string; periodKey: string; dueAt: number; lateMs: number };

export interface DigestOptions {
  /** Default: the digest tables in `<dataDir>/state.db` (closed by close()). */
  store?: DigestStore;
  texts?: DigestTexts;
  /** Epoch ms; the scheduler's `tick()` uses it when no time is passed. */
  clock?: () => number;
  logger?: BotLogger;
  /** LLM overview writer. Default: the configured chat model when the engine has an LLM brain; null: always the template. */
  writer?: OverviewWriter | null;
  /** A run missed by less than this (downtime) is still sent; older ones are skipped and logged. Default 12 h. */
  graceMs?: number;
  /** A claim whose process died mid-send may be taken over after this long (default 10 min, well inside Feishu's 1 h uuid window). */
  leaseMs?: number;
  /** A failed send is tried again after this long (default 5 min), at most `maxAttempts` times in all (default 3). */
  retryAfterMs?: number;
  maxAttempts?: number;
  /** Who claims ledger rows (default host:pid:random). */
  owner?: string;
  onEvent?: (event: DigestEvent) => void;
}

export interface ComposeOptions {
  /** Canonical zones (empty or undefined: all). */
  zones?: string[];
  /** Whose last digest is the baseline for 「new since」 and 「nothing changed」. */
  chatId?: string;
  /** Without a baseline: articles ingested on/after this date are new. */
  since?: string;
  now?: number;
  /** Always the full card, even when nothing changed (previews). */
  full?: boolean;
}

export interface ComposedDigest {
  content: DigestContent;
  overview: Overview;
  card: Card;
  text: string;
  bytes: number;
}

export interface TickResult {
  chatId: string;
  periodKey: string;
  outcome: "sent" | "quiet" | "already" | "taken" | "skipped" | "failed" | "not-due";
  messageId?: string;
}

export const DEFAULT_GRACE_MS = 12 * 3600_000;

/**
 * The weekly digest: composes cards from the current corpus, keeps subscriptions and the ledger, and
 * runs the schedule. The bot gets `/digest` and the follow-up button through `digestCommands` /
 * `digestCardActions`; `startScheduler(bot.sender)` sends the weekly posts.
 */
export class DigestService {
  readonly store: DigestStore;
  readonly texts: DigestTexts;
  readonly clock: () => number;
  readonly logger: BotLogger;
  readonly owner: string;
  readonly graceMs: number;
  private readonly writer?: OverviewWriter;
  private readonly ownsStore: boolean;

  constructor(readonly engine: DigestEngine, readonly config: Config, readonly options: DigestOptions = {}) {
    this.ownsStore = !options.store;
    this.store = options.store ?? DigestStore.open(config.dataDir);
    this.texts = options.texts ?? loadDigestTexts();
    this.clock = options.clock ?? Date.now;
    this.logger = options.logger ?? silentLogger;
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
    this.graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
    this.writer = options.writer === null ? undefined : options.writer ?? (engine.llm && config.llm ? chatModelWriter(config.llm) : undefined);
  }

  /** Builds one digest: content from the newest corpus generation, the overview, the card and a text version. */
  async compose(options: ComposeOptions = {}): Promise<ComposedDigest> {
    const now = options.now ?? this.clock();
    const baseline = options.chatId ? this.store.lastSent(options.chatId)?.snapshot : undefined;
    const corpus = readCorpus(this.engine, this.config.dataDir);
    const content = buildDigestContent(corpus, { zones: options.zones, now, baseline, since: options.since });
    if (options.full) content.quiet = false;
    const contentText = digestText(content, undefined, this.texts);
    const overview = content.quiet
      ? { text: this.texts.quiet, by: "template" as const }
      : await writeOverview(content, this.texts, { writer: this.writer, contentText, timeoutMs: this.config.llm?.timeoutMs });
    if (overview.fallback) this.logger.warn("digest overview fell back to the template", { reason: overview.fallback, rejected: overview.rejected });
    const card = digestCard(content, overview, this.texts);
    return { content, overview, card, text: digestText(content, overview, this.texts), bytes: Buffer.byteLength(JSON.stringify(card), "utf8") };
  }

  /** The uuid of a scheduled digest: the same chat and period always give the same one. */
  uuidFor(chatId: string, key: string): string {
    return deriveUuid(`${chatId}:${key}`, "digest");
  }

  /**
   * One pass over the subscriptions at `now`: for each chat whose latest scheduled slot is due and not
   * yet in the ledger, claim the (chat, period) row atomically, compose and send with the period's
   * uuid, then mark it sent. Missed slots older than the grace window are recorded as skipped.
   */
  async runDue(sender: DigestSender, now: number = this.clock()): Promise<TickResult[]> {
    const results: TickResult[] = [];
    for (const sub of this.store.subscriptions()) {
      results.push(await this.runOne(sender, sub, now));
    }
    return results;
  }

  private async runOne(sender: DigestSender, sub: Subscription, now: number): Promise<TickResult> {
    const due = lastOccurrence(sub, now);
    const key = periodKey(due, sub.timezone);
    const base = { chatId: sub.chatId, periodKey: key };
    // A slot before the subscription (or its last change) is not owed.
    if (due < sub.updatedAt) return { ...base, outcome: "not-due" };
    const entry = this.store.entry(sub.chatId, key);
    if (entry && (entry.status === "sent" || entry.status === "skipped")) return { ...base, outcome: "already", messageId: entry.messageId };
    const lateMs = now - due;
    if (lateMs > this.graceMs) {
      if (!entry && this.store.markSkipped({ ...base, dueAt: due, owner: this.owner, now, reason: `missed by ${Math.round(lateMs / 60_000)} min` })) {
        this.logger.warn("digest run missed beyond the grace window; skipped", { chatId: sub.chatId, periodKey: key, due: formatLocal(due, sub.timezone), lateMs });
        this.options.onEvent?.({ type: "skipped", ...base, dueAt: due, lateMs });
        return { ...base, outcome: "skipped" };
      }
      return { ...base, outcome: entry ? "failed" : "already" };
    }
    const uuid = this.uuidFor(sub.chatId, key);
    const claimed = this.store.claim({
      ...base, dueAt: due, owner: this.owner, uuid, now,
      leaseMs: this.options.leaseMs ?? 10 * 60_000, retryAfterMs: this.options.retryAfterMs ?? 5 * 60_000, maxAttempts: this.options.maxAttempts ?? 3,
    });
    if (!claimed) return { ...base, outcome: "taken" };
    this.options.onEvent?.({ type: "claimed", ...base, owner: this.owner });
    try {
      const digest = await this.compose({ zones: sub.zones, chatId: sub.chatId, now });
      const sent = await sender.sendToChat(sub.chatId, digest.card, { uuid });
      this.store.markSent(sub.chatId, key, this.owner, { messageId: sent.messageId, sentAt: now, snapshot: digest.content.snapshot });
      this.logger.info("digest sent", { chatId: sub.chatId, periodKey: key, messageId: sent.messageId, quiet: digest.content.quiet, bytes: digest.bytes });
      this.options.onEvent?.({ type: "sent", ...base, messageId: sent.messageId, quiet: digest.content.quiet, bytes: digest.bytes });
      return { ...base, outcome: digest.content.quiet ? "quiet" : "sent", messageId: sent.messageId };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.store.markFailed(sub.chatId, key, this.owner, message);
      this.logger.error("digest send failed", { chatId: sub.chatId, periodKey: key, error: message });
      this.options.onEvent?.({ type: "failed", ...base, error: message });
      return { ...base, outcome: "failed" };
    }
  }

  /** Sends a digest now, outside the schedule (CLI --send, tests); not recorded in the ledger. */
  async sendNow(sender: DigestSender, chatId: string, options: Omit<ComposeOptions, "chatId"> & { uuid?: string } = {}): Promise<SentMessage & { digest: ComposedDigest }> {
    const digest = await this.compose({ ...options, chatId, full: true });
    const uuid = options.uuid ?? deriveUuid(`${chatId}:manual:${Math.floor((options.now ?? this.clock()) / 60_000)}`, "digestnow");
    const sent = await sender.sendToChat(chatId, digest.card, { uuid });
    return { ...sent, digest };
  }

  /** Starts the in-process scheduler on the bot's sender (a tick now to catch up, then every minute). */
  startScheduler(sender: DigestSender, options: { cron?: boolean } = {}): DigestScheduler {
    const scheduler = new DigestScheduler(this, sender);
    if (options.cron ?? true) scheduler.start();
    return scheduler;
  }

  close(): void {
    if (this.ownsStore) this.store.close();
  }
}

/**
 * Croner fires `tick()` every minute at second 0 (Asia/Shanghai; the per-chat weekday and time are
 * checked against the ledger inside), and once at start to catch up after downtime. Tests call
 * `tick(now)` directly with the time they want.
 */
export class DigestScheduler {
  private cron?: Cron;
  private inflight?: Promise<TickResult[]>;

  constructor(private readonly service: DigestService, private readonly sender: DigestSender) {}

  start(): void {
    if (this.cron) return;
    this.cron = new Cron("0 * * * * *", { timezone: DEFAULT_TIMEZONE, protect: true, catch: (error) => {
      this.service.logger.error("digest tick failed", { error: String(error) });
    } }, async () => {
      await this.tick();
    });
    void this.tick().catch((error: unknown) => this.service.logger.error("digest catch-up tick failed", { error: String(error) }));
  }

  /** One pass at `now` (default: the service clock). Overlapping calls share the pass in flight. */
  tick(now?: number): Promise<TickResult[]> {
    if (this.inflight) return this.inflight;
    this.inflight = this.service.runDue(this.sender, now ?? this.service.clock()).finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  /** When croner will fire next (for logs). */
  nextRun(): Date | null {
    return this.cron?.nextRun() ?? null;
  }

  async stop(): Promise<void> {
    this.cron?.stop();
    this.cron = undefined;
    await this.inflight?.catch(() => undefined);
  }
}

export type { DigestSnapshot };
