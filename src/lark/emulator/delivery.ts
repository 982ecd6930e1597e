import { randomBytes } from 'node:crypto';
import { encryptPayload, signBody } from './crypto.js';
import type { ChallengeResult, DeliveryAttempt, DeliveryOptions, DeliveryResult } from './types.js';

export interface DelivererSettings {
  encryptKey?: string;
  verificationToken: string;
  scheduleMs: number[];
  timeoutMs: number;
}

interface PreparedRequest {
  body: string;
  headers: Record<string, string>;
}

/** POSTs events to the bot's webhook the way Feishu's event push does. */
export class WebhookDeliverer {
  /** Every delivery (each with all its attempts), in the order they started. */
  readonly log: DeliveryResult[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly settings: DelivererSettings) {}

  async deliver(payload: unknown, eventId: string, url: string, opts: DeliveryOptions = {}): Promise<DeliveryResult> {
    const result: DeliveryResult = { eventId, url, delivered: false, attempts: [] };
    this.log.push(result);
    const retries = opts.redeliver === false ? [] : this.settings.scheduleMs;
    for (let attempt = 0; attempt <= retries.length && !this.closed; attempt += 1) {
      if (attempt > 0) await this.wait(retries[attempt - 1] ?? 0);
      if (this.closed) break;
      const outcome = await this.attempt(url, this.prepare(payload, opts), opts.timeoutMs);
      result.attempts.push(outcome.attempt);
      if (outcome.response) result.response = outcome.response;
      if (outcome.attempt.status === 200) {
        result.delivered = true;
        break;
      }
    }
    return result;
  }

  /** URL verification as done when a request URL is saved in the console (answer within 1 s). */
  async challenge(url: string, opts: Pick<DeliveryOptions, 'encrypt'> = {}): Promise<ChallengeResult> {
    const challenge = randomBytes(12).toString('hex');
    const payload = { challenge, token: this.settings.verificationToken, type: 'url_verification' };
    const outcome = await this.attempt(url, this.prepare(payload, opts), 1000);
    const json = outcome.response?.json;
    const echoed = typeof json === 'object' && json !== null && (json as Record<string, unknown>).challenge === challenge;
    return {
      ok: outcome.attempt.status === 200 && echoed,
      challenge,
      status: outcome.attempt.status,
      responseText: outcome.attempt.responseText,
      durationMs: outcome.attempt.durationMs,
    };
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  /** Encrypts (when configured) and signs; each attempt gets a fresh timestamp/nonce like Feishu. */
  private prepare(payload: unknown, opts: DeliveryOptions): PreparedRequest {
    const key = this.settings.encryptKey;
    const encrypt = opts.encrypt ?? key !== undefined;
    if (encrypt && !key) throw new Error('encrypt requested but the emulator has no encryptKey');
    const plain = JSON.stringify(payload);
    const body = encrypt && key ? JSON.stringify({ encrypt: encryptPayload(key, plain) }) : plain;
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    if (key !== undefined) {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const nonce = randomBytes(8).toString('hex');
      const signature = signBody(timestamp, nonce, key, body);
      headers['x-lark-request-timestamp'] = timestamp;
      headers['x-lark-request-nonce'] = nonce;
      headers['x-lark-signature'] = opts.badSignature ? signature.replace(/^./, (c) => (c === '0' ? '1' : '0')) : signature;
    }
    return { body, headers };
  }

  private async attempt(url: string, request: PreparedRequest, timeoutMs = this.settings.timeoutMs): Promise<{
    attempt: DeliveryAttempt;
    response?: DeliveryResult['response'];
  }> {
    const started = Date.now();
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await res.text();
      const attempt = { at: started, durationMs: Date.now() - started, status: res.status, responseText: text };
      return { attempt, response: { status: res.status, text, json: tryParse(text) } };
    } catch (error) {
      const message = error instanceof Error && error.name === 'TimeoutError' ? `timeout after ${timeoutMs} ms` : String(error);
      return { attempt: { at: started, durationMs: Date.now() - started, error: message } };
    }
  }
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
