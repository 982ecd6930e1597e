import type { App } from "../app.js";

/**
 * A transport that turns Feishu's deliveries into `app.processEvent` calls and sends the ack
 * (Bolt's Receiver): HttpReceiver (webhooks), WsReceiver (long connection), or a test's fake.
 */
export interface Receiver {
  init(app: App): void;
  start(): Promise<void>;
  /** Stops taking events; in-flight requests are answered. */
  stop(): Promise<void>;
}
