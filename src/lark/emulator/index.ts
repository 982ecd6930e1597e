// Feishu Open Platform emulator: a loopback HTTP (+WebSocket) server that speaks the
// subset of the Open API, event push and long connection the bot uses. Point the SDK
// at it with `new lark.Client({ appId, appSecret, domain: emulator.url })`.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApiListener } from './api-server.js';
import type { EmulatorContext } from './context.js';
import { WebhookDeliverer } from './delivery.js';
import { EventFactory, recordInboundMessage, type EventEnvelope, type MessageEventInput, type ReceiveMessageEvent } from './events.js';
import { newFileKey } from './ids.js';
import { FaultInjector, RateWindow } from './faults.js';
import { isRecord } from './http-util.js';
import { markRecalled } from './reaction-api.js';
import { EmulatorStore } from './store.js';
import { TokenStore } from './tokens.js';
import type {
  ApiCall, ChallengeResult, ChatInfo, DeliveryOptions, DeliveryResult, FaultSpec,
  FeishuEmulatorOptions, StoredCard, StoredImage, StoredMessage, StoredReaction, WsPushOptions, WsPushResult,
} from './types.js';
import { WsGateway } from './ws-server.js';

export type * from './types.js';
export type { EventEnvelope, MessageEventInput, ReceiveMessageEvent, CardActionInput, PostElement } from './events.js';
export { CARDKIT_CODES } from './cardkit-api.js';
export { EMOJI_TYPES } from './reaction-api.js';
export { decryptPayload, encryptPayload, signBody } from './crypto.js';
export { decodeFrame, encodeFrame, type Frame } from './ws-frames.js';

/** A built envelope, or any raw JSON object to send as-is. */
export type OutgoingEvent = EventEnvelope<unknown> | Record<string, unknown>;

const DEFAULT_SCHEDULE_MS = [15_000, 5 * 60_000, 3600_000, 6 * 3600_000];

export interface FeishuEmulator {
  /** Base URL without trailing slash, e.g. http://127.0.0.1:43123 — pass as the SDK `domain`. */
  readonly url: string;
  /** Bot-sent messages (create + reply), oldest first. */
  readonly messages: StoredMessage[];
  /** Inbound user messages known from built or delivered events. */
  readonly inboundMessages: StoredMessage[];
  /** Every HTTP request to the emulator, with status and business code. */
  readonly apiCalls: ApiCall[];
  readonly deliveries: DeliveryResult[];
  readonly cards: Map<string, StoredCard>;
  readonly images: Map<string, StoredImage>;
  readonly chats: Map<string, ChatInfo>;
  /** Every reaction added through the API, removed ones included (`removed_at` set). */
  readonly reactions: StoredReaction[];
  readonly botOpenId: string;
  readonly events: EventFactory;
  readonly faults: { inject(spec: FaultSpec): void; clear(): void; readonly remaining: number };
  /** Tokens handed out by the token endpoint, in order. */
  readonly issuedTokens: string[];
  /** Invalidate one token (or all): the next API call with it gets 99991663. */
  revokeToken(token?: string): void;
  message(messageId: string): StoredMessage | undefined;
  /**
   * A user sends a file: registers its bytes under a fresh file_key (served by
   * GET /open-apis/im/v1/messages/:message_id/resources/:file_key?type=file) and returns the
   * im.message.receive_v1 event (message_type "file") to deliver or push.
   */
  sendFile(input: MessageEventInput & { fileName: string; bytes: Uint8Array }): EventEnvelope<ReceiveMessageEvent>;
  /**
   * A user recalls their message: it is marked recalled (replies and reactions to it fail with 230011)
   * and the im.message.recalled_v1 event to deliver or push is returned.
   */
  recall(messageId: string): OutgoingEvent;
  /** Registers or adjusts a group chat (owner/admins/members) for chat APIs. */
  addChat(chat: Partial<ChatInfo> & { chat_id: string }): ChatInfo;
  configureWebhooks(urls: { webhookUrl?: string; cardWebhookUrl?: string }): void;
  /** Push an event to the webhook (card.action.* goes to cardWebhookUrl). Resolves after the last attempt. */
  deliver(event: OutgoingEvent, opts?: DeliveryOptions): Promise<DeliveryResult>;
  /** The same event delivered `copies` times concurrently (Feishu at-least-once delivery). */
  deliverDuplicates(event: OutgoingEvent, copies: number, opts?: DeliveryOptions): Promise<DeliveryResult[]>;
  /** URL verification challenge against the event webhook (or opts.url). */
  challenge(opts?: { url?: string; encrypt?: boolean }): Promise<ChallengeResult>;
  /** Waits until `count` bot-sent messages satisfy the predicate; resolves with them. */
  waitForMessages(predicate?: (message: StoredMessage) => boolean, count?: number, timeoutMs?: number): Promise<StoredMessage[]>;
  /** Generic wait on any emulator state; `check` returns a value when satisfied. */
  waitFor<T>(check: () => T | undefined, timeoutMs?: number, what?: string): Promise<T>;
  /** Long connection: push an event over the WebSocket to one connected WSClient. */
  pushEvent(event: OutgoingEvent, opts?: WsPushOptions): Promise<WsPushResult>;
  waitForWsClient(timeoutMs?: number): Promise<void>;
  readonly wsClientCount: number;
  /** Drop every WS connection (the SDK then reconnects). */
  dropWsClients(): void;
  /**
   * Half-open fault: every current WS connection stays open but goes silent (no pongs, no events,
   * ACKs ignored). Only the client's own liveness check can notice; new connections are healthy.
   * Returns how many connections were broken.
   */
  breakWsClients(): number;
  /** Half-open connections the client has not closed yet. */
  readonly halfOpenWsCount: number;
  /** Pongs the WS gateway has answered. */
  readonly wsPongs: number;
  close(): Promise<void>;
}

function buildContext(options: FeishuEmulatorOptions): EmulatorContext {
  const clock = options.clock ?? Date.now;
  return {
    appId: options.appId,
    appSecret: options.appSecret,
    tenantKey: options.tenantKey ?? 'emu_tenant_0001',
    botOpenId: options.botOpenId ?? 'ou_emu_bot_0001',
    botName: options.botName ?? 'zonebot',
    uuidWindowMs: options.uuidWindowMs ?? 3600_000,
    clock,
    store: new EmulatorStore(),
    tokens: new TokenStore(clock, options.tokenExpireSeconds ?? 7200),
    patchRate: new RateWindow(clock, 5),
    cardRate: new RateWindow(clock, 10),
  };
}

async function listen(server: Server, host: string, port: number): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return `http://${host}:${address.port}`;
}

function eventIdOf(event: unknown): string {
  const header = isRecord(event) && isRecord(event.header) ? event.header : {};
  return typeof header.event_id === 'string' ? header.event_id : '';
}

function isCardCallback(event: unknown): boolean {
  const header = isRecord(event) && isRecord(event.header) ? event.header : {};
  return typeof header.event_type === 'string' && header.event_type.startsWith('card.action');
}

export async function startFeishuEmulator(options: FeishuEmulatorOptions): Promise<FeishuEmulator> {
  const ctx = buildContext(options);
  const faults = new FaultInjector();
  const apiCalls: ApiCall[] = [];
  const verificationToken = options.verificationToken ?? '';
  const webhooks = { event: options.webhookUrl, card: options.cardWebhookUrl };
  const deliverer = new WebhookDeliverer({
    encryptKey: options.encryptKey,
    verificationToken,
    scheduleMs: options.redeliverySchedulesMs ?? DEFAULT_SCHEDULE_MS,
    timeoutMs: options.deliveryTimeoutMs ?? 3000,
  });
  const ws = new WsGateway(ctx, options.wsClientConfig);
  const server = createServer(createApiListener({ ctx, faults, calls: apiCalls, extraRoutes: ws.routes() }));
  ws.attach(server);
  const url = await listen(server, options.host ?? '127.0.0.1', options.port ?? 0);
  ws.setBaseUrl(url);

  const targetOf = (event: unknown, opts: DeliveryOptions = {}): string => {
    const target = opts.url ?? (isCardCallback(event) ? (webhooks.card ?? webhooks.event) : webhooks.event);
    if (!target) throw new Error('no webhook URL configured: pass webhookUrl or call configureWebhooks()');
    return target;
  };
  const deliver = (event: unknown, opts?: DeliveryOptions): Promise<DeliveryResult> => {
    recordInboundMessage(ctx, event);
    return deliverer.deliver(event, eventIdOf(event), targetOf(event, opts), opts);
  };
  const events = new EventFactory(ctx, verificationToken);
  const waitFor = <T>(check: () => T | undefined, timeoutMs = 5000, what = 'condition'): Promise<T> =>
    ctx.store.waitFor(check, timeoutMs, () => what);

  return {
    url,
    get messages() { return ctx.store.outbound; },
    get inboundMessages() { return ctx.store.allMessages.filter((m) => m.origin === 'inbound'); },
    apiCalls,
    deliveries: deliverer.log,
    cards: ctx.store.cards,
    images: ctx.store.images,
    chats: ctx.store.chats,
    reactions: ctx.store.reactions,
    botOpenId: ctx.botOpenId,
    events,
    faults: {
      inject: (spec) => faults.inject(spec),
      clear: () => faults.clear(),
      get remaining() { return faults.remaining; },
    },
    issuedTokens: ctx.tokens.history,
    revokeToken: (token) => ctx.tokens.revoke(token),
    message: (messageId) => ctx.store.byId.get(messageId),
    sendFile: ({ bytes, ...input }) => {
      const fileKey = newFileKey();
      ctx.store.files.set(fileKey, Buffer.from(bytes));
      return events.fileMessage({ ...input, fileKey });
    },
    recall: (messageId) => {
      const stored = ctx.store.byId.get(messageId);
      if (stored) markRecalled(ctx, stored);
      return new EventFactory(ctx, verificationToken).messageRecalled({ messageId, chatId: stored?.chat_id });
    },
    addChat: (chat) => {
      const stored = ctx.store.ensureChat(chat.chat_id, chat.chat_mode === 'p2p' ? 'p2p' : 'group', chat.owner_id ?? 'ou_emu_owner');
      return Object.assign(stored, chat);
    },
    configureWebhooks: (urls) => {
      webhooks.event = urls.webhookUrl ?? webhooks.event;
      webhooks.card = urls.cardWebhookUrl ?? webhooks.card;
    },
    deliver,
    deliverDuplicates: (event, copies, opts) => Promise.all(Array.from({ length: copies }, () => deliver(event, opts))),
    challenge: (opts = {}) => deliverer.challenge(opts.url ?? targetOf({}, {}), opts),
    waitForMessages: (predicate = () => true, count = 1, timeoutMs = 5000) =>
      waitFor(() => {
        const found = ctx.store.outbound.filter(predicate);
        return found.length >= count ? found : undefined;
      }, timeoutMs, `${count} matching bot message(s)`),
    waitFor,
    pushEvent: (event, opts) => ws.push(event, opts),
    waitForWsClient: (timeoutMs = 5000) => ws.waitForClient(timeoutMs),
    get wsClientCount() { return ws.clientCount; },
    dropWsClients: () => ws.dropAll(),
    breakWsClients: () => ws.breakConnections(),
    get halfOpenWsCount() { return ws.halfOpenCount; },
    get wsPongs() { return ws.pongs; },
    close: async () => {
      deliverer.close();
      ws.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
