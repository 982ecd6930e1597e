import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the server received, body parsed as JSON when possible. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  /** Server-side time from the request body's arrival to the response's end (set when it ends). */
  durationMs?: number;
}

/** One server-sent event; `delayMs` is waited before it is written. */
export interface SseEvent {
  data: string;
  delayMs?: number;
}

export interface RouteResponse {
  status?: number;
  /** Serialised as JSON unless it is already a string (ignored when `events` is set). */
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before sending anything. */
  delayMs?: number;
  /** Answer as text/event-stream with these events (each written as `data: …\n\n`). */
  events?: SseEvent[];
  /** Never answer (the connection stays open until the client gives up or the server closes). */
  hang?: boolean;
}

/** Handles one route; gets the recorded request. */
export type RouteHandler = (request: RecordedRequest) => RouteResponse | Promise<RouteResponse>;

// ---- scripted /v1/chat/completions ----------------------------------------------------------

export interface ScriptedToolCall {
  name: string;
  /** An object is JSON-encoded; a string is sent as is (so malformed JSON can be scripted). */
  arguments: string | Record<string, unknown>;
  id?: string;
}

/** A model reply: text and/or tool calls. Streamed as SSE when the request asks for `stream: true`. */
export interface ChatReply {
  text?: string;
  toolCalls?: ScriptedToolCall[];
  /** Usage reported (default: prompt = request characters / 4, completion = reply characters); false = none. */
  usage?: { prompt_tokens: number; completion_tokens: number } | false;
  finishReason?: string;
  /** Wait before the response starts. */
  delayMs?: number;
  /** Characters of content per SSE chunk (default 4). */
  chunkChars?: number;
  /** Pause between SSE chunks (default 0). */
  chunkDelayMs?: number;
}

/** An HTTP error response (429, 500, …) in OpenAI's error shape. */
export interface ChatError {
  status: number;
  message?: string;
  headers?: Record<string, string>;
  delayMs?: number;
}

/** Never answers: for deadline tests. */
export interface ChatHang {
  hang: true;
}

export type ChatStep = ChatReply | ChatError | ChatHang | ((request: RecordedRequest) => ChatStep | Promise<ChatStep>);

export interface ChatScript {
  /** Queue steps; each chat request consumes one, in order. */
  push(...steps: ChatStep[]): void;
  /** Steps not yet consumed. */
  readonly pending: number;
  /** The chat-completion requests received, in order. */
  readonly requests: RecordedRequest[];
  /** Drops queued steps and recorded chat requests. */
  reset(): void;
}

export interface OpenAIServerOptions {
  /** Vector length when a request does not ask for `dimensions` (default 64). */
  defaultDimension?: number;
  /** Extra or overriding routes keyed by "METHOD /path" (path without query string). */
  routes?: Record<string, RouteHandler>;
  /** Used when the chat queue is empty (default: HTTP 500 "chat script exhausted", so a test sees it). */
  whenExhausted?: ChatStep;
}

export interface OpenAIServer {
  /** Base URL including /v1, ready for `configuration.baseURL`. */
  url: string;
  /** Every request received, in arrival order. */
  requests: RecordedRequest[];
  /** The scripted chat model behind POST /v1/chat/completions. */
  chat: ChatScript;
  close(): Promise<void>;
}

/**
 * A scripted OpenAI-compatible server on 127.0.0.1 (port 0). POST /v1/embeddings returns a
 * deterministic bag-of-character-bigrams vector per input, so texts sharing words are closer.
 * POST /v1/chat/completions plays a queue of scripted steps (text, tool calls, SSE streaming with
 * usage, HTTP errors, delays, hangs, malformed tool-call JSON) and records each request.
 */
export async function startOpenAIServer(options: OpenAIServerOptions = {}): Promise<OpenAIServer> {
  const requests: RecordedRequest[] = [];
  const queue: ChatStep[] = [];
  const chatRequests: RecordedRequest[] = [];
  let callCounter = 0;
  const chat: ChatScript = {
    push: (...steps) => void queue.push(...steps),
    get pending() {
      return queue.length;
    },
    requests: chatRequests,
    reset() {
      queue.length = 0;
      chatRequests.length = 0;
    },
  };
  const routes: Record<string, RouteHandler> = {
    "POST /v1/embeddings": (request) => embeddingsRoute(request, options.defaultDimension ?? 64),
    "POST /v1/chat/completions": async (request) => {
      chatRequests.push(request);
      let step: ChatStep = queue.shift() ?? options.whenExhausted ?? { status: 500, message: "chat script exhausted" };
      while (typeof step === "function") step = await step(request);
      return chatRoute(request, step, () => `call_${++callCounter}`);
    },
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
    chat,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  routes: Record<string, RouteHandler>,
  requests: RecordedRequest[],
): Promise<void> {
  const raw = await readBody(req);
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  const arrived = performance.now();
  const request: RecordedRequest = { method: req.method ?? "GET", path, headers: req.headers, body: parseJson(raw) };
  requests.push(request);
  res.on("finish", () => {
    request.durationMs = performance.now() - arrived;
  });
  const handler = routes[`${request.method} ${path}`];
  let gone = false;
  res.on("close", () => {
    gone = true;
  });
  try {
    const response = handler ? await handler(request) : { status: 404, body: { error: { message: `no route ${request.method} ${path}` } } };
    if (response.hang) return;
    if (response.delayMs) await sleep(response.delayMs);
    if (gone) return;
    if (response.events) {
      res.writeHead(response.status ?? 200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive", ...response.headers });
      for (const event of response.events) {
        if (event.delayMs) await sleep(event.delayMs);
        if (gone) return;
        res.write(`data: ${event.data}\n\n`);
      }
      res.end();
      return;
    }
    const payload = typeof response.body === "string" ? response.body : JSON.stringify(response.body);
    res.writeHead(response.status ?? 200, { "content-type": "application/json", ...response.headers });
    res.end(payload);
  } catch (error) {
    if (gone) return;
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

// ---- chat completions -------------------------------------------------------------------------

interface ChatBody {
  model?: unknown;
  stream?: unknown;
  stream_options?: { include_usage?: unknown };
}

function chatRoute(request: RecordedRequest, step: Exclude<ChatStep, Function>, nextId: () => string): RouteResponse {
  if ("hang" in step) return { hang: true };
  if ("status" in step) {
    const type = step.status === 429 ? "rate_limit_exceeded" : step.status >= 500 ? "server_error" : "invalid_request_error";
    return { status: step.status, delayMs: step.delayMs, headers: step.headers, body: { error: { message: step.message ?? `scripted ${step.status}`, type, code: type } } };
  }
  const body = (request.body ?? {}) as ChatBody;
  const model = String(body.model ?? "scripted");
  const text = step.text ?? "";
  const calls = (step.toolCalls ?? []).map((call) => ({
    id: call.id ?? nextId(),
    type: "function" as const,
    function: { name: call.name, arguments: typeof call.arguments === "string" ? call.arguments : JSON.stringify(call.arguments) },
  }));
  const finish = step.finishReason ?? (calls.length ? "tool_calls" : "stop");
  const usage = step.usage === false ? undefined : (step.usage ?? {
    prompt_tokens: Math.ceil(JSON.stringify(request.body ?? "").length / 4),
    completion_tokens: text.length + calls.reduce((n, c) => n + c.function.arguments.length, 0),
  });
  const usageBody = usage ? { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } : undefined;
  const id = `chatcmpl-${Date.now().toString(36)}`;
  const created = Math.floor(Date.now() / 1000);
  if (body.stream !== true) {
    return {
      delayMs: step.delayMs,
      body: {
        id, object: "chat.completion", created, model,
        choices: [{ index: 0, message: { role: "assistant", content: calls.length && !text ? null : text, ...(calls.length ? { tool_calls: calls } : {}) }, finish_reason: finish }],
        ...(usageBody ? { usage: usageBody } : {}),
      },
    };
  }
  const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) =>
    JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices: [{ index: 0, delta, finish_reason: finishReason }] });
  const pause = step.chunkDelayMs ?? 0;
  const size = Math.max(1, step.chunkChars ?? 4);
  const events: SseEvent[] = [{ data: chunk({ role: "assistant", content: "" }) }];
  const chars = [...text];
  for (let i = 0; i < chars.length; i += size) events.push({ data: chunk({ content: chars.slice(i, i + size).join("") }), delayMs: pause });
  calls.forEach((call, index) => {
    events.push({ data: chunk({ tool_calls: [{ index, id: call.id, type: "function", function: { name: call.function.name, arguments: "" } }] }), delayMs: pause });
    const args = call.function.arguments;
    const half = Math.ceil(args.length / 2);
    for (const piece of [args.slice(0, half), args.slice(half)]) {
      if (piece) events.push({ data: chunk({ tool_calls: [{ index, function: { arguments: piece } }] }), delayMs: pause });
    }
  });
  events.push({ data: chunk({}, finish) });
  if (usageBody && body.stream_options?.include_usage === true) {
    events.push({ data: JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices: [], usage: usageBody }) });
  }
  events.push({ data: "[DONE]" });
  return { delayMs: step.delayMs, events };
}

// ---- embeddings -----------------------------------------------------------------------------

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
