import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

/**
 * Webhook request checks, done by our code on the raw bytes before anything is parsed or stored
 * (the SDK hashes a re-serialised body, never checks the verification token, and answers 200 to a bad
 * signature). A request failing any check is answered 401 and has no other effect.
 */
export interface WebhookSecurity {
  /** Encrypt Key from the console: enables signature checks and decryption. */
  encryptKey?: string;
  /** Verification Token from the console: compared with the token in the body. */
  verificationToken?: string;
  /**
   * Largest accepted distance between X-Lark-Request-Timestamp and our clock. 5 minutes, as Slack
   * uses: Feishu stamps every (re)delivery afresh, so only a captured-and-replayed request is older.
   */
  maxSkewSeconds?: number;
}

export const DEFAULT_MAX_SKEW_SECONDS = 300;

export type CheckResult = { ok: true } | { ok: false; reason: string };

/** X-Lark-Signature = hex SHA-256 of timestamp + nonce + encryptKey + raw body (not an HMAC). */
export function expectedSignature(timestamp: string, nonce: string, encryptKey: string, rawBody: Buffer | string): string {
  return createHash("sha256").update(timestamp + nonce + encryptKey).update(rawBody).digest("hex");
}

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** Signature and freshness, when an encrypt key is configured (Feishu signs only then). */
export function checkSignature(headers: IncomingHttpHeaders, rawBody: Buffer, security: WebhookSecurity, nowMs: number): CheckResult {
  const key = security.encryptKey;
  if (!key) return { ok: true };
  const timestamp = header(headers, "x-lark-request-timestamp");
  const nonce = header(headers, "x-lark-request-nonce");
  const signature = header(headers, "x-lark-signature");
  if (!timestamp || !nonce || !signature) return { ok: false, reason: "missing signature headers" };
  const expected = Buffer.from(expectedSignature(timestamp, nonce, key, rawBody), "utf8");
  const given = Buffer.from(signature.toLowerCase(), "utf8");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "signature mismatch" };
  const seconds = Number(timestamp);
  const skew = security.maxSkewSeconds ?? DEFAULT_MAX_SKEW_SECONDS;
  if (!Number.isFinite(seconds) || Math.abs(nowMs / 1000 - seconds) > skew) return { ok: false, reason: "stale timestamp" };
  return { ok: true };
}

/** AES-256-CBC, key = SHA-256(encryptKey), IV = the first 16 bytes of the base64-decoded text. */
export function decryptBody(encryptKey: string, encrypted: string): string {
  const raw = Buffer.from(encrypted, "base64");
  const decipher = createDecipheriv("aes-256-cbc", aesKey(encryptKey), raw.subarray(0, 16));
  return Buffer.concat([decipher.update(raw.subarray(16)), decipher.final()]).toString("utf8");
}

/** The inverse of decryptBody (a random IV in front), as Feishu encrypts: for the bot's own warm-up requests. */
export function encryptBody(encryptKey: string, plaintext: string): string {
  const iv = randomBytes(16);
  const cipher = createCipheriv("aes-256-cbc", aesKey(encryptKey), iv);
  return Buffer.concat([iv, cipher.update(plaintext, "utf8"), cipher.final()]).toString("base64");
}

/** The AES key of the last encrypt key seen (one app per receiver): hashed once, not per delivery. */
let lastKey: { encryptKey: string; key: Buffer } | undefined;
function aesKey(encryptKey: string): Buffer {
  if (lastKey?.encryptKey !== encryptKey) lastKey = { encryptKey, key: createHash("sha256").update(encryptKey).digest() };
  return lastKey.key;
}

/** The verification token a (decrypted) body carries: header.token (schema 2.0) or token (challenge, 1.0). */
export function bodyToken(body: Record<string, unknown>): string | undefined {
  const head = body.header;
  if (typeof head === "object" && head !== null && typeof (head as Record<string, unknown>).token === "string") {
    return (head as Record<string, string>).token;
  }
  return typeof body.token === "string" ? body.token : undefined;
}

export function checkToken(body: Record<string, unknown>, security: WebhookSecurity): CheckResult {
  if (!security.verificationToken) return { ok: true };
  const token = bodyToken(body);
  if (token === undefined) return { ok: false, reason: "missing verification token" };
  const a = Buffer.from(token);
  const b = Buffer.from(security.verificationToken);
  return a.length === b.length && timingSafeEqual(a, b) ? { ok: true } : { ok: false, reason: "verification token mismatch" };
}
