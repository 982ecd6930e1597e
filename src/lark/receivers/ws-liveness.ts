import type { BotLogger } from "../logger.js";
import type { BotActivity } from "../types.js";

export interface WsLivenessOptions {
  /** Alert when neither an event nor a pong arrived for this long (default 5 min). */
  silenceAlertMs: number;
  /** How often silence is checked (default a quarter of silenceAlertMs, at most 30 s). */
  checkEveryMs?: number;
  logger: BotLogger;
  clock: () => number;
  /** Last event of any kind the App received (it counts events; pongs are counted here). */
  lastEventAt: () => number | undefined;
  emit?: (activity: BotActivity) => void;
}

/**
 * What is known about the long connection's health: when it was (re)established, the last pong and
 * the last event, how often it was lost. The SDK's own watchdog (`wsConfig.pingTimeout`) terminates a
 * socket whose pong is late and reconnects; this keeps the counts for /healthz and raises the alarm in
 * the log when the connection has been silent for too long anyway (reconnects failing, or a gateway
 * that keeps answering pings but delivers nothing).
 */
export class WsLiveness {
  private connectedAt: number | undefined;
  private lostAt: number | undefined;
  private lastPongAt: number | undefined;
  private reconnects = 0;
  private lastReconnectAt: number | undefined;
  private alerting = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: WsLivenessOptions) {}

  start(): void {
    const every = this.options.checkEveryMs ?? Math.min(30_000, Math.max(50, Math.floor(this.options.silenceAlertMs / 4)));
    this.timer = setInterval(() => this.check(), every);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  connected(): void {
    this.connectedAt = this.options.clock();
    this.options.logger.info("long connection established");
    this.options.emit?.({ type: "connection", state: "connected" });
  }

  pong(): void {
    this.lastPongAt = this.options.clock();
  }

  /** The SDK lost the socket (closed, or terminated by its pong watchdog) and reconnects. */
  reconnecting(): void {
    const now = this.options.clock();
    this.lostAt ??= now;
    this.reconnects += 1;
    const fields = { reconnects: this.reconnects, ...this.ages(now) };
    this.options.logger.warn("long connection lost; reconnecting", fields);
    this.options.emit?.({ type: "connection", state: "reconnecting", detail: fields });
  }

  reconnected(): void {
    const now = this.options.clock();
    const downMs = this.lostAt === undefined ? undefined : now - this.lostAt;
    this.lostAt = undefined;
    this.connectedAt = now;
    this.lastReconnectAt = now;
    this.options.logger.info("long connection re-established", { reconnects: this.reconnects, downMs });
    this.options.emit?.({ type: "connection", state: "reconnected", detail: { reconnects: this.reconnects, downMs } });
  }

  /** Milliseconds since the last sign of life: an event, a pong, or the connection itself. */
  silentForMs(now = this.options.clock()): number | undefined {
    const signs = [this.options.lastEventAt(), this.lastPongAt, this.connectedAt].filter((at): at is number => at !== undefined);
    return signs.length === 0 ? undefined : now - Math.max(...signs);
  }

  /** Logs the alert once per silent spell, and that it is over when life returns. */
  check(now = this.options.clock()): void {
    const silent = this.silentForMs(now);
    if (silent === undefined) return;
    if (silent >= this.options.silenceAlertMs && !this.alerting) {
      this.alerting = true;
      const fields = { silentForMs: silent, alertAfterMs: this.options.silenceAlertMs, reconnects: this.reconnects, ...this.ages(now) };
      this.options.logger.error("ALERT long connection silent: no event or pong for too long; the bot may not be receiving", fields);
      this.options.emit?.({ type: "connection", state: "silent", detail: fields });
    } else if (silent < this.options.silenceAlertMs && this.alerting) {
      this.alerting = false;
      this.options.logger.info("long connection heard from again", { silentForMs: silent });
    }
  }

  get alert(): boolean {
    return this.alerting;
  }

  snapshot(now = this.options.clock()): Record<string, unknown> {
    const iso = (at: number | undefined): string | null => (at === undefined ? null : new Date(at).toISOString());
    return {
      connectedSince: iso(this.connectedAt),
      lastPongAt: iso(this.lastPongAt),
      lastEventAt: iso(this.options.lastEventAt()),
      silentForMs: this.silentForMs(now) ?? null,
      reconnects: this.reconnects,
      lastReconnectAt: iso(this.lastReconnectAt),
      alert: this.alerting,
    };
  }

  private ages(now: number): Record<string, number | undefined> {
    const age = (at: number | undefined): number | undefined => (at === undefined ? undefined : now - at);
    return { lastPongAgoMs: age(this.lastPongAt), lastEventAgoMs: age(this.options.lastEventAt()) };
  }
}
