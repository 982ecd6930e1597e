/**
 * Errors of the bot, each named for where it failed (grammY style), with a string code the logs carry
 * and the apology card shows.
 */
export type BotErrorCode =
  | "lark_api_error"          // Feishu answered with a business error code
  | "lark_network_error"      // no answer at all (timeout, connection refused)
  | "receiver_authenticity"   // webhook signature / token / timestamp check failed
  | "answer_failed"           // the engine threw while answering
  | "unknown";

export class BotError extends Error {
  constructor(readonly code: BotErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "BotError";
  }
}

/** Which failures are worth another attempt. */
export type RetryClass = "rate_limit" | "server" | "network" | "token" | "fatal";

/** Feishu said no: HTTP status, business `code`/`msg`, and what the sender should do about it. */
export class LarkApiError extends BotError {
  constructor(
    readonly operation: string,
    readonly status: number | undefined,
    readonly larkCode: number | undefined,
    readonly larkMsg: string,
    readonly retryClass: RetryClass,
    /** Seconds from `x-ogw-ratelimit-reset`, when Feishu sent it. */
    readonly resetSeconds?: number,
    options?: { cause?: unknown },
  ) {
    super(
      retryClass === "network" ? "lark_network_error" : "lark_api_error",
      `${operation} failed: ${status ?? "no response"}${larkCode !== undefined ? ` code ${larkCode}` : ""} ${larkMsg}`.trim(),
      options,
    );
    this.name = "LarkApiError";
  }

  get retryable(): boolean {
    return this.retryClass !== "fatal";
  }
}

/** Request rejected before any side effect: bad signature, wrong token, stale timestamp. */
export class ReceiverAuthenticityError extends BotError {
  constructor(readonly reason: string) {
    super("receiver_authenticity", `webhook request rejected: ${reason}`);
    this.name = "ReceiverAuthenticityError";
  }
}

/** The message replied to (or reacted to) was recalled or does not exist. */
export const RECALLED_CODE = 230011;

/** Gateway rate limit, per-chat/user message limit. */
export const RATE_LIMIT_CODES = new Set([99991400, 230020]);
/** Tenant token invalid or expired: drop the cached token and try once more. */
export const TOKEN_CODES = new Set([99991661, 99991663, 99991664, 99991668]);

interface AxiosLikeError {
  response?: { status?: number; data?: unknown; headers?: Record<string, unknown> };
  code?: string;
  message?: string;
}

/** Turns whatever the SDK threw (an AxiosError with a `{code,msg}` body, mostly) into a LarkApiError. */
export function toLarkApiError(operation: string, error: unknown): LarkApiError {
  if (error instanceof LarkApiError) return error;
  const e = (typeof error === "object" && error !== null ? error : {}) as AxiosLikeError;
  const response = e.response;
  if (!response) {
    return new LarkApiError(operation, undefined, undefined, e.message ?? String(error), "network", undefined, { cause: error });
  }
  const body = (typeof response.data === "object" && response.data !== null ? response.data : {}) as { code?: unknown; msg?: unknown };
  const code = typeof body.code === "number" ? body.code : undefined;
  const msg = typeof body.msg === "string" ? body.msg : "";
  const resetHeader = response.headers?.["x-ogw-ratelimit-reset"];
  const reset = resetHeader === undefined ? undefined : Number(resetHeader);
  return new LarkApiError(operation, response.status, code, msg, classify(response.status, code), Number.isFinite(reset) ? reset : undefined, { cause: error });
}

/** A `{code, msg}` answer that came back with HTTP 200 but a non-zero code. */
export function larkBodyError(operation: string, body: { code?: number; msg?: string }): LarkApiError {
  return new LarkApiError(operation, 200, body.code, body.msg ?? "", classify(200, body.code));
}

export function classify(status: number | undefined, code: number | undefined): RetryClass {
  if (code !== undefined && TOKEN_CODES.has(code)) return "token";
  if (status === 429 || (code !== undefined && RATE_LIMIT_CODES.has(code))) return "rate_limit";
  if (status !== undefined && status >= 500) return "server";
  return "fatal";
}

export function asBotError(error: unknown): BotError {
  if (error instanceof BotError) return error;
  return new BotError("unknown", error instanceof Error ? error.message : String(error), { cause: error });
}
