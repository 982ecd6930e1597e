import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the server received, body parsed as JSON when possible. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface RouteResponse {
  status?: number;
  /** Serialised as JSON unless it is already a string. */
  body: unknown;
  headers?: Record<string, string>;
}

/** Handles one route; gets the recorded request. Later helpers add e.g. "POST /v1/chat/completions". */
export type RouteHandler = (request: RecordedRequest) => RouteResponse | Promise<RouteResponse>;

export interface OpenAIServerOptions {
  /** Vector length when a request does not ask for `dimensions` (default 64). */
  defaultDimension?: number;
  /** Extra or overriding routes keyed by "METHOD /path" (path without query string). */
  routes?: Record<string, RouteHandler>;
}

export interface OpenAIServer {
  /** Base URL including /v1, ready for `configuration.baseURL`. */
  url: string;
  /** Every request received, in arrival order. */
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * A scripted OpenAI-compatible server on 127.0.0.1 (port 0). POST /v1/embeddings returns a
 * deterministic bag-of-character-bigrams vector per input, so texts sharing words are closer.
 */
export async function startOpenAIServer(options: OpenAIServerOptions = {}): Promise<OpenAIServer> {
  const requests: RecordedRequest[] = [];
  const routes: Record<string, RouteHandler> = {
    "POST /v1/embeddings": (request) => embeddingsRoute(request, options.defaultDimension ?? 64),
    ...options.routes,
  };
  const server = createServer((req, res) => {
    void handle(req, res, routes, requests);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  routes: Record<string, RouteHandler>,
  requests: RecordedRequest[],
): Promise<void> {
  const raw = await readBody(req);
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  const request: RecordedRequest = { method: req.method ?? "GET", path, headers: req.headers, body: parseJson(raw) };
  requests.push(request);
  const handler = routes[`${request.method} ${path}`];
  try {
    const response = handler ? await handler(request) : { status: 404, body: { error: { message: `no route ${request.method} ${path}` } } };
    const payload = typeof response.body === "string" ? response.body : JSON.stringify(response.body);
    res.writeHead(response.status ?? 200, { "content-type": "application/json", ...response.headers });
    res.end(payload);
  } catch (error) {
    res.writeHead(500, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { message: String(error) } }));
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on("data", (part: Buffer) => parts.push(part));
    req.on("end", () => resolve(Buffer.concat(parts).toString("utf8")));
    req.on("error", reject);
  });
}

function parseJson(raw: string): unknown {
  try {
    return raw ? JSON.parse(raw) : null;
  } catch {
    return raw;
  }
}

interface EmbeddingsBody {
  model?: unknown;
  input?: unknown;
  dimensions?: unknown;
  encoding_format?: unknown;
}

function embeddingsRoute(request: RecordedRequest, defaultDimension: number): RouteResponse {
  const body = (request.body ?? {}) as EmbeddingsBody;
  const inputs = Array.isArray(body.input) ? body.input.map(String) : [String(body.input ?? "")];
  const dimension = typeof body.dimensions === "number" ? body.dimensions : defaultDimension;
  const base64 = body.encoding_format === "base64";
  const data = inputs.map((text, index) => {
    const vector = fakeEmbedding(text, dimension);
    const embedding = base64 ? Buffer.from(vector.buffer).toString("base64") : Array.from(vector);
    return { object: "embedding", index, embedding };
  });
  const tokens = inputs.reduce((sum, text) => sum + text.length, 0);
  return { body: { object: "list", model: String(body.model ?? "fake"), data, usage: { prompt_tokens: tokens, total_tokens: tokens } } };
}

/** Deterministic unit vector: each character bigram (and single char) adds ±1 at a hashed slot. */
export function fakeEmbedding(text: string, dimension: number): Float32Array {
  const vector = new Float32Array(dimension);
  const chars = [...text.replace(/\s+/gu, "")];
  const grams = chars.map((char, i) => char + (chars[i + 1] ?? ""));
  for (const gram of [...chars, ...grams]) {
    const h = fnv(gram);
    vector[h % dimension] = (vector[h % dimension] ?? 0) + (h & 0x80000000 ? 1 : -1);
  }
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm) || 1;
  return vector.map((value) => value / norm);
}

function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
