import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type * as lark from "@larksuiteoapi/node-sdk";
import type { App } from "../app.js";
import { ReceiverAuthenticityError } from "../errors.js";
import type { BotLogger } from "../logger.js";
import { silentLogger } from "../logger.js";
import { checkSignature, checkToken, decryptBody, type WebhookSecurity } from "../security.js";
import type { Receiver } from "./receiver.js";

export interface HttpReceiverOptions extends WebhookSecurity {
  /** Default 0.0.0.0 (Feishu must reach it); the playground and tests use 127.0.0.1. */
  host?: string;
  /** Default 3000; 0 picks a free port (see `url` after start). */
  port?: number;
  paths?: { event?: string; card?: string; health?: string };
  /** Larger bodies are refused with 413 (default 1 MB; Feishu events are a few KB). */
  maxBodyBytes?: number;
  logger?: BotLogger;
  clock?: () => number;
}

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/**
 * Webhook transport on node:http: `POST /webhook/event`, `POST /webhook/card` (card.action.trigger),
 * `GET /healthz`. Every POST is checked here, on the raw bytes, before anything else runs:
 * signature + timestamp (with an encrypt key) and the verification token → 401 without side effects;
 * then decryption, the URL-verification challenge, and the App through the SDK dispatcher. Any other
 * path gets 404 at once (the SDK adaptor would leave it hanging); while draining, 503 so that Feishu
 * redelivers later.
 */
export class HttpReceiver implements Receiver {
  private app?: App;
  private dispatcher?: lark.EventDispatcher;
  private server?: Server;
  private readonly paths: { event: string; card: string; health: string };
  private readonly logger: BotLogger;
  private readonly clock: () => number;
  private baseUrl = "";

  constructor(private readonly options: HttpReceiverOptions = {}) {
    this.paths = { event: "/webhook/event", card: "/webhook/card", health: "/healthz", ...options.paths };
    this.logger = options.logger ?? silentLogger;
    this.clock = options.clock ?? Date.now;
  }

  /** `http://host:port` once started. */
  get url(): string {
    return this.baseUrl;
  }

  get eventUrl(): string {
    return `${this.baseUrl}${this.paths.event}`;
  }

  get cardUrl(): string {
    return `${this.baseUrl}${this.paths.card}`;
  }

  init(app: App): void {
    this.app = app;
    this.dispatcher = app.dispatcher("http");
    if (!this.options.encryptKey && !this.options.verificationToken) {
      this.logger.warn("webhook requests are not authenticated: set FEISHU_ENCRYPT_KEY (recommended) or FEISHU_VERIFICATION_TOKEN");
    }
  }

  async start(): Promise<void> {
    if (!this.app) throw new Error("HttpReceiver.start() before init(app)");
    const server = createServer((req, res) => void this.handle(req, res));
    server.keepAliveTimeout = 5000;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.options.port ?? 3000, this.options.host ?? "0.0.0.0", () => resolve());
    });
    this.server = server;
    const { port } = server.address() as AddressInfo;
    const host = this.options.host && this.options.host !== "0.0.0.0" ? this.options.host : "127.0.0.1";
    this.baseUrl = `http://${host}:${port}`;
    this.logger.info("webhook receiver listening", { url: this.baseUrl, event: this.paths.event, card: this.paths.card });
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  }

  /** The request listener, for mounting under another node:http server. */
  readonly handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = pathOf(req.url);
    try {
      if (req.method === "GET" && path === this.paths.health) {
        const health = this.app!.health();
        return send(res, health.ok ? 200 : 503, health);
      }
      if (req.method !== "POST" || (path !== this.paths.event && path !== this.paths.card)) {
        req.resume();
        return send(res, 404, { msg: "not found" });
      }
      if (this.app!.draining) {
        req.resume();
        return send(res, 503, { msg: "draining" });
      }
      // Outbound work waits until this ack is written (see AckGate).
      const gate = this.app!.services.ackGate;
      gate.enter();
      res.once("close", () => gate.leave());
      send(res, 200, await this.webhook(req));
    } catch (error) {
      const status = error instanceof ReceiverAuthenticityError ? 401 : error instanceof HttpError ? error.status : 500;
      const reason = error instanceof ReceiverAuthenticityError ? error.reason : error instanceof Error ? error.message : String(error);
      if (status === 401) this.app?.services.emit({ type: "rejected", reason, status, path });
      if (status >= 500) this.logger.error("webhook request failed", { status, path, error: reason });
      else this.logger.warn("webhook request refused", { status, path, reason });
      if (!res.headersSent) send(res, status, { msg: status === 500 ? "internal error" : reason });
    }
  };

  private async webhook(req: IncomingMessage): Promise<unknown> {
    const raw = await readBody(req, this.options.maxBodyBytes ?? 1024 * 1024);
    const signature = checkSignature(req.headers, raw, this.options, this.clock());
    if (!signature.ok && signature.reason !== "missing signature headers") throw new ReceiverAuthenticityError(signature.reason);
    let body = parseObject(raw.toString("utf8"));
    const encrypted = typeof body.encrypt === "string";
    if (typeof body.encrypt === "string") {
      if (!this.options.encryptKey) throw new HttpError(400, "encrypted body but no encrypt key configured");
      try {
        body = parseObject(decryptBody(this.options.encryptKey, body.encrypt));
      } catch (error) {
        throw error instanceof HttpError ? error : new HttpError(400, "body does not decrypt with the configured encrypt key");
      }
    }
    const isChallenge = body.type === "url_verification";
    // An unsigned request passes only as a challenge that decrypted with our key (the console's URL check).
    if (!signature.ok && !(isChallenge && encrypted)) throw new ReceiverAuthenticityError(signature.reason);
    const token = checkToken(body, this.options);
    if (!token.ok) throw new ReceiverAuthenticityError(token.reason);
    if (isChallenge) return { challenge: body.challenge };
    const ack: unknown = await this.dispatcher!.invoke(body, { needCheck: false });
    return typeof ack === "object" && ack !== null ? ack : {};
  }
}

/** The request's path without its query (a URL object per delivery cost more than the rest of the routing). */
function pathOf(url = "/"): string {
  const query = url.indexOf("?");
  return query < 0 ? url : url.slice(0, query);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body ?? {});
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/** Collects the body with plain stream events (an async iterator per request costs more on the ack path). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.once("end", () => (size > limit ? reject(new HttpError(413, "request body too large")) : resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks))));
    req.once("error", reject);
  });
}

function parseObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, "body is not JSON");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new HttpError(400, "body is not a JSON object");
  return value as Record<string, unknown>;
}
