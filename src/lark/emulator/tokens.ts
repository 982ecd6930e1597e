import { newToken } from './ids.js';

interface IssuedToken {
  token: string;
  expiresAt: number;
}

/**
 * Tenant access tokens as Feishu hands them out: the same token is returned
 * until less than 30 minutes of validity remain, then a fresh one (the old one
 * stays valid until it expires).
 */
export class TokenStore {
  private readonly issued = new Map<string, IssuedToken>();
  private current: IssuedToken | undefined;
  /** Every token the endpoint has handed out, in order. */
  readonly history: string[] = [];

  constructor(
    private readonly clock: () => number,
    private readonly lifetimeSeconds: number,
  ) {}

  issue(): { token: string; expireSeconds: number } {
    const now = this.clock();
    const current = this.current;
    if (current && this.issued.has(current.token) && current.expiresAt - now > 30 * 60_000) {
      return { token: current.token, expireSeconds: Math.floor((current.expiresAt - now) / 1000) };
    }
    const fresh = { token: newToken(), expiresAt: now + this.lifetimeSeconds * 1000 };
    this.issued.set(fresh.token, fresh);
    this.current = fresh;
    this.history.push(fresh.token);
    return { token: fresh.token, expireSeconds: this.lifetimeSeconds };
  }

  isValid(token: string): boolean {
    const found = this.issued.get(token);
    return found !== undefined && found.expiresAt > this.clock();
  }

  /** Revoke one token, or every token when none is given. */
  revoke(token?: string): void {
    if (token === undefined) this.issued.clear();
    else this.issued.delete(token);
  }
}
