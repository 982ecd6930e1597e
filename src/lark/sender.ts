import { createHash } from "node:crypto";
import * as lark from "@larksuiteoapi/node-sdk";
import { larkBodyError, toLarkApiError, type LarkApiError } from "./errors.js";
import type { BotLogger } from "./logger.js";
import { sdkLogger } from "./logger.js";
import type { Card } from "./cards/index.js";
import { LeanHttp } from "./outbound/index.js";

/** How hard the sender tries: attempts per call (token refresh not counted) and backoff bounds. */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  /** No single wait is longer, whatever x-ogw-ratelimit-reset says. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 300, maxDelayMs: 10_000 };

/**
 * The SDK's token cache, ours so that it can be emptied: the SDK never refreshes a tenant token that
 * Feishu rejects with 99991663 (it keeps the cached one until its own expiry), and its default cache
 * is process-wide. One fetch at a time per key: the SDK fetches a token whenever the cache has none,
 * so a burst of 50 replies after start-up (or after the token expired) made 50 token requests; now the
 * first caller fetches and the others wait for its `set` (or `fetchWaitMs`, then fetch themselves).
 */
export class TokenCache implements lark.Cache {
  private readonly entries = new Map<string, { value: unknown; expireAt?: number }>();
  private readonly fetching = new Map<string, { waiting: Promise<unknown>; resolve: (value: unknown) => void; timer: NodeJS.Timeout }>();

  constructor(private readonly clock: () => number = Date.now, private readonly fetchWaitMs = 2000) {}

  async get(key: string | Symbol, options?: { namespace?: string }): Promise<unknown> {
    const name = cacheKey(key, options?.namespace);
    const entry = this.entries.get(name);
    if (entry && (entry.expireAt === undefined || entry.expireAt > this.clock())) return entry.value;
    if (entry) this.entries.delete(name);
    const inFlight = this.fetching.get(name);
    if (inFlight) return inFlight.waiting;
    let resolve!: (value: unknown) => void;
    const waiting = new Promise<unknown>((done) => { resolve = done; });
    const timer = setTimeout(() => this.release(name, undefined), this.fetchWaitMs);
    timer.unref();
    this.fetching.set(name, { waiting, resolve, timer });
    return undefined;
  }

  async set(key: string | Symbol, value: unknown, expireAt?: number, options?: { namespace?: string }): Promise<boolean> {
    const name = cacheKey(key, options?.namespace);
    this.entries.set(name, { value, expireAt });
    this.release(name, value);
    return true;
  }

  /** Forget every cached token; the next API call fetches a fresh one. */
  evict(): void {
    this.entries.clear();
  }

  /** A call failed (perhaps its token fetch): whoever waits for a token fetches it now instead. */
  abandonFetches(): void {
    for (const name of [...this.fetching.keys()]) this.release(name, undefined);
  }

  /** The fetch for `name` is over: its waiters get the value (undefined: they fetch themselves). */
  private release(name: string, value: unknown): void {
    const inFlight = this.fetching.get(name);
    if (!inFlight) return;
    this.fetching.delete(name);
    clearTimeout(inFlight.timer);
    inFlight.resolve(value);
  }
}

// eslint-disable-next-line @typescript-eslint/no-wrapper-object-types
function cacheKey(key: string | Symbol, namespace = ""): string {
  return `${namespace}\u0000${String(key)}`;
}

export interface LarkClientSettings {
  appId: string;
  appSecret: string;
  /** `feishu` (default), `lark`, or a base URL such as the emulator's (no trailing slash). */
  domain?: string;
  /** Per-request timeout of Open API calls (default 10 s); the SDK's own instance has none. */
  requestTimeoutMs?: number;
}

export function resolveDomain(domain: string | undefined): string | lark.Domain {
  if (domain === undefined || domain === "" || domain === "feishu") return lark.Domain.Feishu;
  if (domain === "lark") return lark.Domain.Lark;
  return domain.replace(/\/+$/, "");
}

/**
 * A Client wired to our token cache, our logger, and a request timeout. Its JSON calls go through
 * LeanHttp (keep-alive node:http, a fraction of axios's work on the thread that acks deliveries);
 * downloads, uploads and proxied set-ups through the SDK's axios. `http` replaces both (tests).
 */
export function createLarkClient(settings: LarkClientSettings, tokens: TokenCache, logger: BotLogger, http?: lark.HttpInstance): lark.Client {
  return new lark.Client({
    appId: settings.appId,
    appSecret: settings.appSecret,
    domain: resolveDomain(settings.domain),
    cache: tokens,
    httpInstance: withTimeout(http ?? new LeanHttp().instance, settings.requestTimeoutMs ?? 10_000),
    ...sdkLogger(logger),
  });
}

function withTimeout(base: lark.HttpInstance, timeoutMs: number): lark.HttpInstance {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const t = (opts?: any): any => ({ ...opts, timeout: opts?.timeout ?? timeoutMs });
  return {
    request: (opts) => base.request(t(opts)),
    get: (url, opts) => base.get(url, t(opts)),
    delete: (url, opts) => base.delete(url, t(opts)),
    head: (url, opts) => base.head(url, t(opts)),
    options: (url, opts) => base.options(url, t(opts)),
    post: (url, data, opts) => base.post(url, data, t(opts)),
    put: (url, data, opts) => base.put(url, data, t(opts)),
    patch: (url, data, opts) => base.patch(url, data, t(opts)),
  };
}

/**
 * Idempotency key for one outbound message: the same inbound message and purpose always give the same
 * uuid, so a retried or re-run handler cannot post twice (Feishu keeps uuids for an hour). ≤ 50 chars.
 */
export function deriveUuid(sourceId: string, purpose: string): string {
  const digest = createHash("sha256").update(`${sourceId}\n${purpose}`).digest("hex").slice(0, 32);
  return `zb-${purpose.replace(/[^A-Za-z0-9]/g, "").slice(0, 12)}-${digest}`;
}

export interface SenderOptions {
  retry?: Partial<RetryPolicy>;
  logger: BotLogger;
  /** Called after every failed attempt (tests and the playground watch retries). */
  onRetry?: (info: { operation: string; attempt: number; delayMs: number; error: LarkApiError }) => void;
  /** Awaited before every attempt: outbound calls wait while acks are pending (AckGate). */
  beforeCall?: () => Promise<void>;
}

export interface SentMessage {
  messageId: string;
  threadId?: string;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Everything the bot sends goes through here: replies, cards, patches and CardKit streaming, each call
 * retried on rate limits (honouring `x-ogw-ratelimit-reset`), 230020 and 5xx/network failures with
 * capped exponential backoff, never on permission or format errors; a rejected token (99991663) empties
 * the token cache and is tried once more.
 */
export class Sender {
  private readonly retry: RetryPolicy;

  constructor(readonly client: lark.Client, private readonly tokens: TokenCache, private readonly options: SenderOptions) {
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
  }

  /** Replies to a user's message; `inThread` answers inside (or opens) the message's thread. */
  async reply(messageId: string, card: Card, opts: { uuid: string; inThread?: boolean }): Promise<SentMessage> {
    const result = await this.call("im.message.reply", () => this.client.im.message.reply({
      path: { message_id: messageId },
      data: { msg_type: "interactive", content: JSON.stringify(card), uuid: opts.uuid, ...(opts.inThread ? { reply_in_thread: true } : {}) },
    }));
    return { messageId: result.data?.message_id ?? "", threadId: result.data?.thread_id };
  }

  /** Sends a card into a chat (no message to reply to, e.g. a welcome after the bot was added). */
  async sendToChat(chatId: string, card: Card, opts: { uuid: string }): Promise<SentMessage> {
    const result = await this.call("im.message.create", () => this.client.im.message.create({
      params: { receive_id_type: "chat_id" },
      data: { receive_id: chatId, msg_type: "interactive", content: JSON.stringify(card), uuid: opts.uuid },
    }));
    return { messageId: result.data?.message_id ?? "", threadId: result.data?.thread_id };
  }

  /** Sends a card to a user's chat with the bot by open_id (bot menu clicks carry no chat). */
  async sendToUser(openId: string, card: Card, opts: { uuid: string }): Promise<SentMessage & { chatId?: string }> {
    const result = await this.call("im.message.create", () => this.client.im.message.create({
      params: { receive_id_type: "open_id" },
      data: { receive_id: openId, msg_type: "interactive", content: JSON.stringify(card), uuid: opts.uuid },
    }));
    return { messageId: result.data?.message_id ?? "", threadId: result.data?.thread_id, chatId: result.data?.chat_id };
  }

  /**
   * Adds an emoji reaction to a message (the typing indicator); resolves with its reaction_id. Cosmetic,
   * so it is tried twice at most: a rate-limited reaction is not worth delaying anything for.
   */
  async addReaction(messageId: string, emojiType: string): Promise<string> {
    const result = await this.call("im.messageReaction.create", () => this.client.im.messageReaction.create({
      path: { message_id: messageId },
      data: { reaction_type: { emoji_type: emojiType } },
    }), { maxAttempts: 2 });
    return result.data?.reaction_id ?? "";
  }

  async removeReaction(messageId: string, reactionId: string): Promise<void> {
    await this.call("im.messageReaction.delete", () => this.client.im.messageReaction.delete({
      path: { message_id: messageId, reaction_id: reactionId },
    }), { maxAttempts: 2 });
  }

  /** Recalls (withdraws) a message the bot sent. */
  async recallMessage(messageId: string): Promise<void> {
    await this.call("im.message.delete", () => this.client.im.message.delete({ path: { message_id: messageId } }));
  }

  /** Replaces a sent card (both must be JSON 2.0 or carry update_multi); Feishu allows 5 per second per message. */
  async patchCard(messageId: string, card: Card): Promise<void> {
    await this.call("im.message.patch", () => this.client.im.message.patch({
      path: { message_id: messageId },
      data: { content: JSON.stringify(card) },
    }));
  }

  /** Replies with a CardKit entity: creates it, then sends the reference. */
  async replyWithCardEntity(messageId: string, card: Card, opts: { uuid: string; inThread?: boolean }): Promise<SentMessage & { cardId: string }> {
    const created = await this.call("cardkit.card.create", () => this.client.cardkit.v1.card.create({
      data: { type: "card_json", data: JSON.stringify(card) },
    }));
    const cardId = created.data?.card_id ?? "";
    const entity = { type: "card", data: { card_id: cardId } };
    const result = await this.call("im.message.reply", () => this.client.im.message.reply({
      path: { message_id: messageId },
      data: { msg_type: "interactive", content: JSON.stringify(entity), uuid: opts.uuid, ...(opts.inThread ? { reply_in_thread: true } : {}) },
    }));
    return { cardId, messageId: result.data?.message_id ?? "", threadId: result.data?.thread_id };
  }

  /** Streams the full text so far into a markdown element of a streaming card entity. */
  async streamText(cardId: string, elementId: string, content: string, sequence: number): Promise<void> {
    await this.call("cardkit.element.content", () => this.client.cardkit.v1.cardElement.content({
      path: { card_id: cardId, element_id: elementId },
      data: { content, sequence, uuid: `c_${cardId}_${sequence}` },
    }));
  }

  /** Replaces a card entity as a whole (the final answer ends streaming this way). */
  async updateCardEntity(cardId: string, card: Card, sequence: number): Promise<void> {
    await this.call("cardkit.card.update", () => this.client.cardkit.v1.card.update({
      path: { card_id: cardId },
      data: { card: { type: "card_json", data: JSON.stringify(card) }, sequence, uuid: `u_${cardId}_${sequence}` },
    }));
  }

  /** The bot's own open_id (to recognise @mentions of it) and name. */
  async botInfo(policy: { maxAttempts?: number } = {}): Promise<{ openId: string; name: string }> {
    const result = await this.call("bot.info", () => this.client.request<{ code?: number; msg?: string; bot?: { open_id?: string; app_name?: string } }>({
      method: "GET", url: "/open-apis/bot/v3/info",
    }), policy);
    return { openId: result.bot?.open_id ?? "", name: result.bot?.app_name ?? "" };
  }

  /** Runs one Open API call under the retry policy. */
  async call<T extends { code?: number; msg?: string }>(operation: string, run: () => Promise<T>, policy: { maxAttempts?: number } = {}): Promise<T> {
    const maxAttempts = policy.maxAttempts ?? this.retry.maxAttempts;
    let refreshedToken = false;
    for (let attempt = 1; ; attempt += 1) {
      let error: LarkApiError;
      try {
        await this.options.beforeCall?.();
        const result = await run();
        if (typeof result?.code === "number" && result.code !== 0) throw larkBodyError(operation, result);
        return result;
      } catch (raw) {
        this.tokens.abandonFetches();
        error = toLarkApiError(operation, raw);
      }
      if (error.retryClass === "token" && !refreshedToken) {
        refreshedToken = true;
        this.tokens.evict();
        this.options.logger.warn("tenant token rejected; fetching a new one", { operation, code: error.larkCode });
        attempt -= 1;
        continue;
      }
      if (!error.retryable || error.retryClass === "token" || attempt >= maxAttempts) {
        this.options.logger.warn("feishu call failed", {
          operation, attempt, status: error.status, code: error.larkCode, msg: error.larkMsg, retryClass: error.retryClass,
        });
        throw error;
      }
      const delayMs = this.delayFor(error, attempt);
      this.options.onRetry?.({ operation, attempt, delayMs, error });
      this.options.logger.info("feishu call will be retried", { operation, attempt, delayMs, status: error.status, code: error.larkCode });
      await sleep(delayMs);
    }
  }

  private delayFor(error: LarkApiError, attempt: number): number {
    if (error.retryClass === "rate_limit" && error.resetSeconds !== undefined) {
      return Math.min(this.retry.maxDelayMs, Math.max(0, error.resetSeconds * 1000) + Math.floor(Math.random() * 50));
    }
    const exponential = this.retry.baseDelayMs * 2 ** (attempt - 1);
    return Math.min(this.retry.maxDelayMs, Math.floor(exponential / 2 + Math.random() * (exponential / 2)));
  }
}
