import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { App } from "../app.js";

export interface HealthServer {
  /** `http://host:port/healthz` */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * `GET /healthz` on its own port for the long-connection mode, which has no webhook server (in webhook
 * mode the HttpReceiver serves it): 200 with the App's health (queue, last event, the connection's
 * state, pongs and reconnects) when healthy, 503 with the same body when not — draining, disconnected,
 * or silent for too long. Everything else is 404.
 */
export async function startHealthServer(app: App, options: { host?: string; port?: number } = {}): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    req.resume();
    const path = new URL(req.url ?? "/", "http://health").pathname;
    if (req.method !== "GET" || path !== "/healthz") return send(res, 404, { msg: "not found" });
    const health = app.health();
    send(res, health.ok ? 200 : 503, health);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 3000, options.host ?? "0.0.0.0", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== "0.0.0.0" ? options.host : "127.0.0.1";
  return {
    url: `http://${host}:${port}/healthz`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    }),
  };
}

export function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body ?? {});
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
