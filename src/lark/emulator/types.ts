// Shared shapes of the Feishu Open Platform emulator. Field names follow the
// wire format (snake_case) wherever the value is something Feishu itself sends.

export interface FeishuEmulatorOptions {
  appId: string;
  appSecret: string;
  /** Enables AES encryption + X-Lark-Signature on webhook deliveries. */
  encryptKey?: string;
  /** Put into header.token of every event and the URL-verification challenge. */
  verificationToken?: string;
  botOpenId?: string;
  botName?: string;
  tenantKey?: string;
  /** Where im.* and other events are POSTed. Can be set later with configureWebhooks. */
  webhookUrl?: string;
  /** Where card.action.trigger callbacks are POSTed (falls back to webhookUrl). */
  cardWebhookUrl?: string;
  /** Delays before each redelivery after a failed attempt. Feishu: 15 s, 5 min, 1 h, 6 h. */
  redeliverySchedulesMs?: number[];
  /** A delivery attempt that has no answer within this time counts as failed (Feishu: 3 s). */
  deliveryTimeoutMs?: number;
  /** Lifetime reported by the token endpoint, seconds (Feishu: 7200). */
  tokenExpireSeconds?: number;
  /** Window in which a repeated `uuid` returns the first message (Feishu: 1 h). */
  uuidWindowMs?: number;
  /** Injectable clock (epoch ms) so tests can move time (token expiry, uuid window, 14-day rule). */
  clock?: () => number;
  /** Values the WS endpoint hands the SDK's WSClient (seconds, like Feishu's ClientConfig). */
  wsClientConfig?: Partial<WsClientConfig>;
  host?: string;
  port?: number;
}

export interface WsClientConfig {
  PingInterval: number;
  ReconnectCount: number;
  ReconnectInterval: number;
  ReconnectNonce: number;
}

export type ChatType = 'p2p' | 'group';
export type MessageOrigin = 'create' | 'reply' | 'inbound';

export interface MessageRevision {
  at: number;
  via: 'patch' | 'update';
  content: string;
}

export interface StoredMessage {
  message_id: string;
  chat_id: string;
  chat_type: ChatType;
  msg_type: string;
  /** The `content` JSON string exactly as received. */
  content: string;
  /** `content` parsed (kept current after patch/update). */
  body: unknown;
  root_id?: string;
  parent_id?: string;
  thread_id?: string;
  uuid?: string;
  create_time: number;
  update_time: number;
  origin: MessageOrigin;
  /** open_id of the user (inbound) or the bot's open_id (outbound). */
  sender_open_id: string;
  sender_type: 'user' | 'app';
  receive_id?: string;
  receive_id_type?: string;
  /** Set when the message is a CardKit entity reference. */
  card_id?: string;
  /** For interactive content: whether the card may be patched (update_multi). */
  shared_card?: boolean;
  revisions: MessageRevision[];
  /** Recalled (by its sender, or by the bot through DELETE /im/v1/messages/:id). */
  deleted?: boolean;
  deleted_at?: number;
}

export interface StoredReaction {
  reaction_id: string;
  message_id: string;
  emoji_type: string;
  operator_id: string;
  operator_type: 'app' | 'user';
  created_at: number;
  /** Set once the reaction was deleted (kept so tests can see it was there). */
  removed_at?: number;
}

export interface CardContentUpdate {
  at: number;
  element_id: string;
  content: string;
  sequence: number;
}

export interface StoredCard {
  card_id: string;
  /** Current card JSON (2.0), with streamed element text applied. */
  card: Record<string, unknown>;
  last_sequence: number;
  sent_message_id?: string;
  create_time: number;
  contentUpdates: CardContentUpdate[];
  settingsUpdates: unknown[];
  seenUuids: Set<string>;
}

export interface StoredImage {
  image_key: string;
  image_type: string;
  bytes: Buffer;
  create_time: number;
}

export interface ChatInfo {
  chat_id: string;
  name: string;
  chat_mode: 'group' | 'p2p' | 'topic';
  owner_id: string;
  user_manager_id_list: string[];
  member_open_ids: string[];
  external: boolean;
}

export interface ApiCall {
  at: number;
  method: string;
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body, multipart field summary, or undefined. */
  body: unknown;
  token?: string;
  status: number;
  /** `code` of the JSON answer, when there is one. */
  code?: number;
  fault?: FaultKind;
}

export type FaultKind = '429' | '500' | 'slow' | 'token-expired';

export interface FaultSpec {
  kind: FaultKind;
  /** How many matching calls are affected (default 1). */
  times?: number;
  /** For 'slow': delay before answering normally. */
  delayMs?: number;
  /** For '429': value of x-ogw-ratelimit-reset (seconds, default 1). */
  resetSeconds?: number;
  /** Only calls whose method matches (e.g. 'PATCH'). */
  method?: string;
  /** Only calls whose path contains this text (e.g. '/im/v1/messages'). */
  pathIncludes?: string;
}

export interface DeliveryAttempt {
  at: number;
  durationMs: number;
  status?: number;
  responseText?: string;
  error?: string;
}

export interface DeliveryResult {
  eventId: string;
  url: string;
  delivered: boolean;
  attempts: DeliveryAttempt[];
  /** Last HTTP answer, JSON-parsed when possible (card callbacks answer with toast/card). */
  response?: { status: number; text: string; json?: unknown };
}

export interface DeliveryOptions {
  /** Override the target URL. */
  url?: string;
  /** Default: encrypt when the emulator has an encryptKey. */
  encrypt?: boolean;
  /** Send a signature that does not match (the SDK must then ignore the event). */
  badSignature?: boolean;
  /** Default true: retry on non-200 / timeout following redeliverySchedulesMs. */
  redeliver?: boolean;
  timeoutMs?: number;
}

export interface ChallengeResult {
  ok: boolean;
  challenge: string;
  status?: number;
  responseText?: string;
  durationMs: number;
}

export interface WsPushOptions {
  /** Split the payload into this many frames (tests the SDK's fragment merge). */
  fragments?: number;
  ackTimeoutMs?: number;
  /**
   * The frame's `type` header: `event` (default) or `card` — Feishu may deliver card callbacks as
   * `card` frames, which the SDK's WSClient drops unless the bot handles them.
   */
  frameType?: 'event' | 'card';
  /** When no healthy connection is up, wait this long for one (Feishu holds the event meanwhile). */
  waitForClientMs?: number;
}

export interface WsPushResult {
  /** `code` from the client's ACK frame (200 ok, 500 handler threw). */
  code: number;
  /** Handler return value (base64 JSON in the ACK), decoded. */
  data?: unknown;
}
