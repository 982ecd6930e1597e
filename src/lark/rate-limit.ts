export interface RateLimitOptions {
  /** Questions allowed per user within the window (default 6). */
  limit?: number;
  windowMs?: number;
  clock?: () => number;
}

export interface RateDecision {
  allowed: boolean;
  /** True for the first refusal of a run, so the user is told once, not for every message. */
  firstRefusal: boolean;
  /** Seconds until the oldest counted message leaves the window. */
  retryAfterSeconds: number;
}

/** Sliding-window limit per user (open_id). In memory: limits are a courtesy, not an accounting. */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly refused = new Set<string>();
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly clock: () => number;
  private takes = 0;

  constructor(options: RateLimitOptions = {}) {
    this.limit = options.limit ?? 6;
    this.windowMs = options.windowMs ?? 60_000;
    this.clock = options.clock ?? Date.now;
  }

  take(key: string): RateDecision {
    const now = this.clock();
    if (++this.takes % 1000 === 0) this.sweep(now);
    const recent = (this.hits.get(key) ?? []).filter((at) => now - at < this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      const firstRefusal = !this.refused.has(key);
      this.refused.add(key);
      return { allowed: false, firstRefusal, retryAfterSeconds: Math.max(1, Math.ceil((recent[0]! + this.windowMs - now) / 1000)) };
    }
    recent.push(now);
    this.hits.set(key, recent);
    this.refused.delete(key);
    return { allowed: true, firstRefusal: false, retryAfterSeconds: 0 };
  }

  private sweep(now: number): void {
    for (const [key, hits] of this.hits) {
      if (hits.every((at) => now - at >= this.windowMs)) {
        this.hits.delete(key);
        this.refused.delete(key);
      }
    }
  }
}
