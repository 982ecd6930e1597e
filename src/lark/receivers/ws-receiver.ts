import * as lark from "@larksuiteoapi/node-sdk";
import type { App } from "../app.js";
import type { BotLogger } from "../logger.js";
import { sdkLogger, silentLogger } from "../logger.js";
import { resolveDomain } from "../sender.js";
import type { Receiver } from "./receiver.js";

export interface WsReceiverOptions {
  appId: string;
  appSecret: string;
  domain?: string;
  logger?: BotLogger;
  /** start() resolves once connected, or rejects after this long (default 15 s). */
  connectTimeoutMs?: number;
}

/**
 * Long-connection transport: the SDK's WSClient (no public URL, no inbound port; events arrive as
 * plaintext over an authenticated socket). The ack frame goes back when the dispatcher resolves, so the
 * same fast processEvent applies. Reconnects are the SDK's (autoReconnect).
 */
export class WsReceiver implements Receiver {
  private client?: lark.WSClient;
  private dispatcher?: lark.EventDispatcher;
  private readonly logger: BotLogger;

  constructor(private readonly options: WsReceiverOptions) {
    this.logger = options.logger ?? silentLogger;
  }

  init(app: App): void {
    this.dispatcher = app.dispatcher("ws");
  }

  get state(): string {
    return this.client?.getConnectionStatus().state ?? "idle";
  }

  async start(): Promise<void> {
    if (!this.dispatcher) throw new Error("WsReceiver.start() before init(app)");
    if (!/^cli_[0-9a-fA-F]{16}$/.test(this.options.appId)) {
      // WSClient would log and return silently, leaving the bot deaf.
      throw new Error(`the long connection needs a real app id (cli_ + 16 hex digits), got "${this.options.appId}"`);
    }
    const timeoutMs = this.options.connectTimeoutMs ?? 15_000;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`long connection not established within ${timeoutMs} ms`)), timeoutMs);
      this.client = new lark.WSClient({
        appId: this.options.appId,
        appSecret: this.options.appSecret,
        domain: resolveDomain(this.options.domain),
        autoReconnect: true,
        ...sdkLogger(this.logger),
        onReady: () => {
          clearTimeout(timer);
          this.logger.info("long connection established");
          resolve();
        },
        onError: (error) => {
          clearTimeout(timer);
          this.logger.error("long connection failed", { error: String(error) });
          reject(error);
        },
        onReconnecting: () => this.logger.warn("long connection lost; reconnecting"),
        onReconnected: () => this.logger.info("long connection re-established"),
      });
      void this.client.start({ eventDispatcher: this.dispatcher! });
    }).catch((error: unknown) => {
      this.client?.close({ force: true });
      throw error;
    });
  }

  async stop(): Promise<void> {
    this.client?.close({ force: true });
    this.client = undefined;
  }
}
