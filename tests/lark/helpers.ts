import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as lark from '@larksuiteoapi/node-sdk';

/** WSClient only accepts ids shaped like real ones; unique ids also keep the SDK's process-wide token cache apart. */
export const newAppId = (): string => `cli_${randomBytes(8).toString('hex')}`;

const silent = { error: () => {}, warn: () => {}, info: () => {}, debug: () => {}, trace: () => {} };

export function sdkClient(appId: string, appSecret: string, domain: string): lark.Client {
  return new lark.Client({ appId, appSecret, domain, logger: silent, loggerLevel: lark.LoggerLevel.fatal });
}

export const quietLogging = { logger: silent, loggerLevel: lark.LoggerLevel.fatal };

export interface LocalServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function startServer(listener: RequestListener<typeof IncomingMessage, typeof ServerResponse>): Promise<LocalServer> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The response of an SDK call that failed with an HTTP error (axios throws on 4xx/5xx). */
export async function httpFailure(call: Promise<unknown>): Promise<{ status: number; headers: Record<string, string>; data: { code: number; msg: string } }> {
  try {
    await call;
  } catch (error) {
    const response = (error as { response?: { status: number; headers: Record<string, string>; data: { code: number; msg: string } } }).response;
    if (response) return response;
    throw error;
  }
  throw new Error('expected the call to fail');
}

export function card2(markdown: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schema: '2.0',
    config: { update_multi: true, ...extra },
    body: { elements: [{ tag: 'markdown', element_id: 'answer_md', content: markdown }] },
  };
}
