import type { IncomingMessage, ServerResponse } from 'node:http';

export interface ApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  rawBody: Buffer;
  /** JSON body when the request carried JSON, otherwise undefined. */
  json: unknown;
  /** Regex captures from the matched route. */
  params: string[];
}

export interface ApiResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Bytes to send as they are (a resource download) instead of the JSON body. */
  raw?: Buffer;
}

export const MAX_BODY_BYTES = 20 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

export function parseJsonBody(req: IncomingMessage, raw: Buffer): unknown {
  const type = req.headers['content-type'] ?? '';
  if (raw.length === 0 || !type.includes('json')) return undefined;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}

export function sendJson(res: ServerResponse, answer: ApiResponse): void {
  if (answer.raw) {
    res.writeHead(answer.status, { 'content-type': 'application/octet-stream', 'content-length': answer.raw.length, ...answer.headers });
    res.end(answer.raw);
    return;
  }
  const text = JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...answer.headers,
  });
  res.end(text);
}

export function ok(data: unknown = {}): ApiResponse {
  return { status: 200, body: { code: 0, msg: 'success', data } };
}

/** Feishu answers business failures with HTTP 400 and a `{code,msg}` body. */
export function fail(code: number, msg: string, status = 400): ApiResponse {
  return { status, body: { code, msg } };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringField(value: unknown, key: string): string | undefined {
  if (!isRecord(value)) return undefined;
  const field = value[key];
  return typeof field === 'string' ? field : undefined;
}

export function numberField(value: unknown, key: string): number | undefined {
  if (!isRecord(value)) return undefined;
  const field = value[key];
  return typeof field === 'number' ? field : undefined;
}

export function bearerToken(headers: IncomingMessage['headers']): string | undefined {
  const auth = headers.authorization;
  if (!auth?.startsWith('Bearer ')) return undefined;
  return auth.slice('Bearer '.length).trim() || undefined;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
