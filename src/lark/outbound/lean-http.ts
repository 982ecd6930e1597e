import http from "node:http";
import https from "node:https";
import * as lark from "@larksuiteoapi/node-sdk";
import { OpenApiHttpError, toPlainRequest, type PlainRequest } from "./request.js";

export interface LeanHttpOptions {
  /** Runs what this client does not: streamed or binary responses, multipart bodies, redirects, proxies. */
  fallback?: lark.HttpInstance;
  /** Connections kept per host (default 50: a burst of replies goes out at once without opening more). */
  maxSockets?: number;
  /** Reads proxy settings (default process.env); with any set, every request goes through the fallback, which honours them. */
  env?: NodeJS.ProcessEnv;
}

type Options = lark.HttpRequestOptions<unknown> & { $return_headers?: boolean };

const PROXY_VARIABLES = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"];

/**
 * The SDK client's HTTP instance for Open API calls: JSON over node:http(s) with keep-alive agents.
 * Measured (npm run bench:bot): each reply and reaction through the SDK's axios cost the thread that
 * acknowledges deliveries ~0.7 ms (config merging, interceptors, follow-redirects, header handling) —
 * three calls per answered question, most of that thread's work in a burst. This does the same request
 * for a fraction of it and answers as the SDK's axios instance does: the parsed body (or `{ data, headers }`
 * with `$return_headers`), and on HTTP ≥ 400 an error with `response.status/headers/data` (what the
 * sender classifies); network failures and timeouts carry their `code`. Anything else goes to the fallback.
 */
export class LeanHttp {
  private readonly fallback: lark.HttpInstance;
  private readonly agents: { http: http.Agent; https: https.Agent };
  private readonly viaProxy: boolean;

  constructor(options: LeanHttpOptions = {}) {
    this.fallback = options.fallback ?? (lark.defaultHttpInstance as unknown as lark.HttpInstance);
    const maxSockets = options.maxSockets ?? 50;
    this.agents = { http: new http.Agent({ keepAlive: true, maxSockets }), https: new https.Agent({ keepAlive: true, maxSockets }) };
    const env = options.env ?? process.env;
    this.viaProxy = PROXY_VARIABLES.some((name) => Boolean(env[name]));
  }

  readonly instance: lark.HttpInstance = {
    request: (opts) => this.request(opts),
    get: (url, opts) => this.request({ ...opts, url, method: "GET" }),
    delete: (url, opts) => this.request({ ...opts, url, method: "DELETE" }),
    head: (url, opts) => this.request({ ...opts, url, method: "HEAD" }),
    options: (url, opts) => this.request({ ...opts, url, method: "OPTIONS" }),
    post: (url, data, opts) => this.request({ ...opts, url, data, method: "POST" }),
    put: (url, data, opts) => this.request({ ...opts, url, data, method: "PUT" }),
    patch: (url, data, opts) => this.request({ ...opts, url, data, method: "PATCH" }),
  };

  /** Closes idle kept-alive connections. */
  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  // biome-ignore lint/suspicious/noExplicitAny: the SDK's HttpInstance is generic over any response type
  private request<R = any>(opts: Options): Promise<R> {
    const plain = this.viaProxy ? undefined : toPlainRequest(opts);
    const url = typeof plain?.url === "string" ? parseUrl(plain.url) : undefined;
    if (!plain || !url) return this.fallback.request<R>(opts);
    return this.send(url, plain).then((response) => {
      if (response.status >= 300 && response.status < 400) return this.fallback.request<R>(opts);
      if (response.status >= 400) throw failure(`Request failed with status code ${response.status}`, response.status >= 500 ? "ERR_BAD_RESPONSE" : "ERR_BAD_REQUEST", response);
      return (opts.$return_headers ? { data: response.data, headers: response.headers } : response.data) as R;
    });
  }

  private send(url: URL, config: PlainRequest): Promise<LeanResponse> {
    const body = encodeBody(config.data);
    const headers: Record<string, string | number> = { Accept: "application/json, text/plain, */*", ...stringHeaders(config.headers) };
    if (body !== undefined) {
      if (!hasHeader(headers, "content-type")) headers["Content-Type"] = body.json ? "application/json" : "application/x-www-form-urlencoded";
      headers["Content-Length"] = Buffer.byteLength(body.text);
    }
    const secure = url.protocol === "https:";
    const transport = secure ? https : http;
    return new Promise((resolve, reject) => {
      const req = transport.request(url, { method: (config.method ?? "GET").toUpperCase(), headers, agent: secure ? this.agents.https : this.agents.http }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.once("error", (error) => reject(networkFailure(error)));
        res.once("end", () => {
          const text = (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString("utf8");
          resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? "", headers: { ...res.headers }, data: parseBody(text) });
        });
      });
      req.once("error", (error) => reject(networkFailure(error)));
      if (config.timeout && config.timeout > 0) {
        req.setTimeout(config.timeout, () => req.destroy(Object.assign(new Error(`timeout of ${config.timeout}ms exceeded`), { code: "ECONNABORTED" })));
      }
      req.end(body?.text);
    });
  }
}

interface LeanResponse {
  status: number;
  statusText: string;
  headers: Record<string, unknown>;
  data: unknown;
}

function parseUrl(text: string): URL | undefined {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url : undefined;
  } catch {
    return undefined;
  }
}

/** As axios sends data: strings as they are, anything else as JSON. */
function encodeBody(data: unknown): { text: string; json: boolean } | undefined {
  if (data === undefined || data === null) return undefined;
  if (typeof data === "string") return { text: data, json: false };
  return { text: JSON.stringify(data), json: true };
}

/** As axios reads a response: JSON when it parses, else the text. */
function parseBody(text: string): unknown {
  if (text === "") return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function stringHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) if (value !== undefined && value !== null && value !== false) out[name] = String(value);
  return out;
}

function hasHeader(headers: Record<string, unknown>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}

function failure(message: string, code: string, response: LeanResponse): OpenApiHttpError {
  return new OpenApiHttpError({ message, code, response });
}

function networkFailure(error: Error & { code?: unknown }): OpenApiHttpError {
  return new OpenApiHttpError({ message: error.message, code: typeof error.code === "string" ? error.code : undefined });
}
