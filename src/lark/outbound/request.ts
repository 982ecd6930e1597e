import type * as lark from "@larksuiteoapi/node-sdk";

/** An Open API request in plain data: url (query included), method, headers, JSON-like body, timeout. */
export type PlainRequest = Record<string, unknown> & { url?: string; method?: string; timeout?: number; data?: unknown; headers?: Record<string, unknown> };

/** What toLarkApiError reads of a failed request (as of an AxiosError). */
export interface HttpFailure {
  message: string;
  code?: string;
  name?: string;
  response?: { status?: number; statusText?: string; data?: unknown; headers?: Record<string, unknown> };
}

/**
 * The request as plain data, or undefined when it is not a plain JSON call and must go to axios:
 * streamed or binary responses (file downloads), bodies that are not JSON-like data (multipart uploads),
 * options that are functions, params without the SDK's serializer. The SDK's `paramsSerializer` is
 * applied here, so the query string is exactly what the SDK would send.
 */
export function toPlainRequest(options: lark.HttpRequestOptions<unknown>): PlainRequest | undefined {
  if (options.responseType !== undefined && options.responseType !== "json") return undefined;
  if (!isPlainData(options.data) || !isPlainData(options.headers)) return undefined;
  const { paramsSerializer, params, ...rest } = options as lark.HttpRequestOptions<unknown> & Record<string, unknown>;
  for (const value of Object.values(rest)) if (typeof value === "function") return undefined;
  const request: PlainRequest = { ...rest };
  const hasParams = params !== undefined && params !== null && Object.keys(params).length > 0;
  if (!hasParams) return request;
  if (typeof paramsSerializer !== "function") return undefined;
  const query = paramsSerializer(params);
  if (query) request.url = appendQuery(request.url ?? "", query);
  return request;
}

/** As axios appends a serialised query: after any existing one, before no fragment. */
export function appendQuery(url: string, query: string): string {
  const hash = url.indexOf("#");
  const base = hash >= 0 ? url.slice(0, hash) : url;
  return `${base}${base.includes("?") ? "&" : "?"}${query}`;
}

/** Strings, numbers, booleans, null, and arrays and plain objects of them. */
export function isPlainData(value: unknown, depth = 0): boolean {
  if (value === undefined || value === null) return true;
  const type = typeof value;
  if (type === "string" || type === "number" || type === "boolean") return true;
  if (type !== "object" || depth > 32) return false;
  if (Array.isArray(value)) return value.every((item) => isPlainData(item, depth + 1));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(value as Record<string, unknown>).every((item) => isPlainData(item, depth + 1));
}

/** A failed Open API request, shaped as the AxiosError the SDK's own instance would throw. */
export class OpenApiHttpError extends Error {
  readonly code?: string;
  readonly response?: HttpFailure["response"];

  constructor(failure: HttpFailure) {
    super(failure.message);
    this.name = "OpenApiHttpError";
    this.code = failure.code;
    this.response = failure.response;
  }
}
