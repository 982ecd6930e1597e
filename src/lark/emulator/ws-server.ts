import type { IncomingMessage, Server } from 'node:http';
import { createRequire } from 'node:module';
import type { Duplex } from 'node:stream';
import { extraRoute, type RouteHandler } from './api-server.js';
import type { EmulatorContext } from './context.js';
import { stringField } from './http-util.js';
import { randomId } from './ids.js';
import type { WsClientConfig, WsPushOptions, WsPushResult } from './types.js';
import { decodeFrame, encodeFrame, headerValue, type Frame } from './ws-frames.js';

// `ws` ships without types and @types/ws is not installed; describe the few members used.
interface WsSocket {
  readyState: number;
  send(data: Uint8Array, callback?: (error?: Error) => void): void;
  on(event: 'message', listener: (data: Buffer) => void): WsSocket;
  on(event: 'close', listener: () => void): WsSocket;
  on(event: 'error', listener: (error: Error) => void): WsSocket;
  terminate(): void;
}
interface WsServer {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, done: (socket: WsSocket) => void): void;
  close(): void;
}
interface WsModule {
  WebSocketServer: new (options: { noServer: true }) => WsServer;
}
const { WebSocketServer } = createRequire(import.meta.url)('ws') as WsModule;

const WS_PATH = '/ws/v2';
const SERVICE_ID = 1;
const OPEN = 1;
const FRAME_CONTROL = 0;
const FRAME_DATA = 1;
// Codes the SDK's WSClient understands (its ErrorCode enum): 514 = auth failed (not retried).
const AUTH_FAILED = 514;

interface PendingAck {
  resolve: (result: WsPushResult) => void;
  timer: NodeJS.Timeout;
}

/** The long-connection side of Feishu: endpoint discovery + protobuf frames over WebSocket. */
export class WsGateway {
  private readonly wss = new WebSocketServer({ noServer: true });
  /** Sockets that have sent their first ping: the SDK only listens for frames after that. */
  private readonly sockets = new Set<WsSocket>();
  private readonly connecting = new Set<WsSocket>();
  /**
   * Half-open connections: the socket stays open but nothing comes back any more — no pongs, no
   * events, ACKs ignored — as after a NAT or load balancer silently dropped the flow.
   */
  private readonly halfOpen = new Set<WsSocket>();
  /** Pongs answered, for tests. */
  pongs = 0;
  private readonly pending = new Map<string, PendingAck>();
  private readonly clientConfig: WsClientConfig;
  private baseUrl = '';
  private seq = 0;

  constructor(private readonly ctx: EmulatorContext, config: Partial<WsClientConfig> = {}) {
    this.clientConfig = { PingInterval: 120, ReconnectCount: -1, ReconnectInterval: 1, ReconnectNonce: 0, ...config };
  }

  get clientCount(): number {
    return [...this.sockets].filter((socket) => socket.readyState === OPEN).length;
  }

  setBaseUrl(httpUrl: string): void {
    this.baseUrl = httpUrl.replace(/^http/, 'ws');
  }

  routes(): ReturnType<typeof extraRoute>[] {
    return [extraRoute('POST', '/callback/ws/endpoint', this.endpoint)];
  }

  /** POST /callback/ws/endpoint with {AppID, AppSecret} → the WS URL and client config. */
  private readonly endpoint: RouteHandler = (_ctx, req) => {
    if (stringField(req.json, 'AppID') !== this.ctx.appId || stringField(req.json, 'AppSecret') !== this.ctx.appSecret) {
      return { status: 200, body: { code: AUTH_FAILED, msg: 'auth failed: invalid AppID or AppSecret' } };
    }
    const URL = `${this.baseUrl}${WS_PATH}?device_id=${randomId('emu_dev_', 6)}&service_id=${SERVICE_ID}`;
    return { status: 200, body: { code: 0, msg: 'ok', data: { URL, ClientConfig: this.clientConfig } } };
  };

  attach(server: Server): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (!(req.url ?? '').startsWith(WS_PATH)) {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.adopt(ws));
    });
  }

  // The SDK attaches its frame listener only after the handshake promise settles; it pings
  // right on 'open', so the first ping is the earliest moment a pushed frame is not lost.
  private adopt(socket: WsSocket): void {
    this.connecting.add(socket);
    socket.on('message', (data) => this.onFrame(socket, data));
    const forget = (): void => {
      this.connecting.delete(socket);
      this.sockets.delete(socket);
      this.halfOpen.delete(socket);
      this.ctx.store.notify();
    };
    socket.on('close', forget);
    socket.on('error', forget);
  }

  private markReady(socket: WsSocket): void {
    if (!this.connecting.delete(socket)) return;
    this.sockets.add(socket);
    this.ctx.store.notify();
  }

  private onFrame(socket: WsSocket, data: Buffer): void {
    if (this.halfOpen.has(socket)) return;
    let frame: Frame;
    try {
      frame = decodeFrame(data);
    } catch {
      return;
    }
    if (frame.method === FRAME_CONTROL && headerValue(frame, 'type') === 'ping') {
      this.pong(socket, frame);
      setImmediate(() => this.markReady(socket));
    }
    if (frame.method === FRAME_DATA) this.settleAck(frame);
  }

  private pong(socket: WsSocket, ping: Frame): void {
    const payload = new TextEncoder().encode(JSON.stringify(this.clientConfig));
    socket.send(encodeFrame({ ...ping, headers: [{ key: 'type', value: 'pong' }], payload }));
    this.pongs += 1;
    this.ctx.store.notify();
  }

  /** Turns every current connection half-open (see `halfOpen`); later connections are healthy. */
  breakConnections(): number {
    const broken = [...this.sockets, ...this.connecting];
    for (const socket of broken) {
      this.halfOpen.add(socket);
      this.sockets.delete(socket);
      this.connecting.delete(socket);
    }
    return broken.length;
  }

  /** Half-open sockets the client has not closed yet. */
  get halfOpenCount(): number {
    return [...this.halfOpen].filter((socket) => socket.readyState === OPEN).length;
  }

  /** The SDK echoes the last fragment back with payload {code, data?: base64(JSON)}. */
  private settleAck(frame: Frame): void {
    const messageId = headerValue(frame, 'message_id') ?? '';
    const pending = this.pending.get(messageId);
    if (!pending || !frame.payload) return;
    this.pending.delete(messageId);
    clearTimeout(pending.timer);
    const ack = JSON.parse(new TextDecoder().decode(frame.payload)) as { code: number; data?: string };
    const data = ack.data === undefined ? undefined : JSON.parse(Buffer.from(ack.data, 'base64').toString('utf8')) as unknown;
    pending.resolve({ code: ack.code, data });
  }

  async push(event: unknown, opts: WsPushOptions = {}): Promise<WsPushResult> {
    if (opts.waitForClientMs && this.clientCount === 0) await this.waitForClient(opts.waitForClientMs);
    const open = [...this.sockets].filter((socket) => socket.readyState === OPEN);
    // Feishu's cluster mode hands each event to one random connection.
    const target = open[Math.floor(Math.random() * open.length)];
    if (!target) throw new Error('no WSClient connected to the emulator');
    const messageId = randomId('emu_msg_', 8);
    const frames = this.dataFrames(messageId, Buffer.from(JSON.stringify(event)), opts.fragments ?? 1, opts.frameType ?? 'event');
    const timeoutMs = opts.ackTimeoutMs ?? 5000;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(messageId);
        reject(new Error(`no ACK for WS event ${messageId} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(messageId, { resolve, timer });
      for (const frame of frames) target.send(encodeFrame(frame));
    });
  }

  private dataFrames(messageId: string, payload: Buffer, fragments: number, type: 'event' | 'card'): Frame[] {
    const count = Math.max(1, Math.min(fragments, payload.length));
    const size = Math.ceil(payload.length / count);
    const traceId = randomId('trace_', 8);
    return Array.from({ length: count }, (_, seq) => ({
      SeqID: ++this.seq,
      LogID: this.seq,
      service: SERVICE_ID,
      method: FRAME_DATA,
      headers: [
        { key: 'type', value: type },
        { key: 'message_id', value: messageId },
        { key: 'sum', value: String(count) },
        { key: 'seq', value: String(seq) },
        { key: 'trace_id', value: traceId },
      ],
      payload: payload.subarray(seq * size, (seq + 1) * size),
    }));
  }

  waitForClient(timeoutMs: number): Promise<void> {
    return this.ctx.store.waitFor(() => (this.clientCount > 0 ? true : undefined), timeoutMs, () => 'a WSClient connection')
      .then(() => undefined);
  }

  dropAll(): void {
    for (const socket of [...this.sockets, ...this.connecting, ...this.halfOpen]) socket.terminate();
    this.sockets.clear();
    this.connecting.clear();
    this.halfOpen.clear();
  }

  close(): void {
    for (const pending of this.pending.values()) clearTimeout(pending.timer);
    this.pending.clear();
    this.dropAll();
    this.wss.close();
  }
}
