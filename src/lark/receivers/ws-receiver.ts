import * as lark from "@larksuiteoapi/node-sdk";
import type { App } from "../app.js";
import type { BotLogger } from "../logger.js";
import { silentLogger } from "../logger.js";
import { resolveDomain } from "../sender.js";
import type { Receiver } from "./receiver.js";
import { acceptCardFrames } from "./ws-card-frames.js";
import { WsLiveness } from "./ws-liveness.js";

export interface WsReceiverOptions {
  appId: string;
  appSecret: string;
  domain?: string;
  logger?: BotLogger;
  /** start() resolves once connected, or rejects after this long (default 15 s). */
  connectTimeoutMs?: number;
  /**
   * A pong (or any frame) must arrive this long after each ping, else the socket is presumed half-open
   * and replaced (the SDK's `wsConfig.pingTimeout`, which is off unless set). Default 30 s; 0 turns it off.
   * Must be shorter than the ping interval Feishu hands out (120 s): the SDK restarts it at every ping.
   */
  pingTimeoutMs?: number;
  /** Log an alert when no event and no pong arrived for this long (default 5 min). */
  silenceAlertMs?: number;
  clock?: () => number;
}

export const DEFAULT_PING_TIMEOUT_MS = 30_000;
export const DEFAULT_SILENCE_ALERT_MS = 5 * 60_000;

/**
 * Long-connection transport: the SDK's WSClient (no public URL, no inbound port; events arrive as
 * plaintext over an authenticated socket). The ack frame goes back when the dispatcher resolves, so the
 * same fast processEvent applies. Reconnects are the SDK's (autoReconnect); a half-open socket is
 * caught by the SDK's pong watchdog, which this turns on. Liveness (state, pongs, events, reconnects)
 * is on /healthz under `connection`.
 */
export class WsReceiver implements Receiver {
  private client?: lark.WSClient;
  private dispatcher?: lark.EventDispatcher;
  private liveness?: WsLiveness;
  private readonly logger: BotLogger;

  constructor(private readonly options: WsReceiverOptions) {
    this.logger = options.logger ?? silentLogger;
  }

  init(app: App): void {
    this.dispatcher = app.dispatcher("ws");
    const liveness = new WsLiveness({
      silenceAlertMs: this.options.silenceAlertMs ?? DEFAULT_SILENCE_ALERT_MS,
      logger: this.logger,
      clock: this.options.clock ?? Date.now,
      lastEventAt: () => app.lastEventTime,
      emit: (activity) => app.services.emit(activity),
    });
    this.liveness = liveness;
    app.addHealthSource("connection", () => this.health());
  }

  get state(): string {
    return this.client?.getConnectionStatus().state ?? "idle";
  }

  /** Connection state for /healthz: unhealthy unless connected (or reconnecting) and not silent for too long. */
  health(): Record<string, unknown> & { ok: boolean } {
    const status = this.client?.getConnectionStatus();
    const state = status?.state ?? "idle";
    const alert = this.liveness?.alert ?? false;
    return {
      ok: state === "connected" && !alert,
      transport: "ws",
      state,
      reconnectAttempts: status?.reconnectAttempts ?? 0,
      ...this.liveness?.snapshot(),
    };
  }

  async start(): Promise<void> {
    if (!this.dispatcher || !this.liveness) throw new Error("WsReceiver.start() before init(app)");
    if (!/^cli_[0-9a-fA-F]{16}$/.test(this.options.appId)) {
      // WSClient would log and return silently, leaving the bot deaf.
      throw new Error(`the long connection needs a real app id (cli_ + 16 hex digits), got "${this.options.appId}"`);
    }
    const liveness = this.liveness;
    const timeoutMs = this.options.connectTimeoutMs ?? 15_000;
    const pingTimeoutMs = this.options.pingTimeoutMs ?? DEFAULT_PING_TIMEOUT_MS;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`long connection not established within ${timeoutMs} ms`)), timeoutMs);
      this.client = new lark.WSClient({
        appId: this.options.appId,
        appSecret: this.options.appSecret,
        domain: resolveDomain(this.options.domain),
        autoReconnect: true,
        ...wsSdkLogger(this.logger, liveness),
        // Seconds in the SDK; fractions work (tests use a few hundred ms).
        ...(pingTimeoutMs > 0 ? { wsConfig: { pingTimeout: pingTimeoutMs / 1000 } } : {}),
        onReady: () => {
          clearTimeout(timer);
          liveness.connected();
          resolve();
        },
        onError: (error) => {
          clearTimeout(timer);
          this.logger.error("long connection failed", { error: String(error) });
          reject(error);
        },
        onReconnecting: () => liveness.reconnecting(),
        onReconnected: () => liveness.reconnected(),
      });
      acceptCardFrames(this.client, (message) => this.logger.warn(message));
      void this.client.start({ eventDispatcher: this.dispatcher! });
    }).catch((error: unknown) => {
      this.client?.close({ force: true });
      throw error;
    });
    liveness.start();
  }

  async stop(): Promise<void> {
    this.liveness?.stop();
    this.client?.close({ force: true });
    this.client = undefined;
  }
}

/**
 * The WSClient's logger: its pongs are only visible as a trace line ("receive pong"), so the level is
 * trace and that line is counted; the pong watchdog's firing is worth a warning; the rest goes to
 * debug, as for the other SDK objects.
 */
function wsSdkLogger(logger: BotLogger, liveness: WsLiveness): { logger: lark.Logger; loggerLevel: lark.LoggerLevel } {
  // The SDK's LoggerProxy hands over its arguments as one array.
  const text = (parts: unknown[]): string => parts.flat().map((part) => (typeof part === "string" ? part : String(part))).join(" ");
  return {
    loggerLevel: lark.LoggerLevel.trace,
    logger: {
      error: (...msg: unknown[]) => logger.debug(`sdk: ${text(msg)}`),
      warn: (...msg: unknown[]) => {
        const line = text(msg);
        if (line.includes("no pong")) logger.warn("long connection: pong overdue, replacing the socket", { sdk: line });
        else logger.debug(`sdk: ${line}`);
      },
      info: (...msg: unknown[]) => logger.debug(`sdk: ${text(msg)}`),
      debug: () => {},
      trace: (...msg: unknown[]) => {
        if (msg.flat().some((part) => part === "receive pong")) liveness.pong();
      },
    },
  };
}
