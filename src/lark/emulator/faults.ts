import type { ApiResponse } from './http-util.js';
import { fail } from './http-util.js';
import type { FaultKind, FaultSpec } from './types.js';

interface PendingFault {
  spec: FaultSpec;
  remaining: number;
}

export interface TriggeredFault {
  kind: FaultKind;
  /** Answer to send instead of the real one; undefined means "answer normally after delayMs". */
  response?: ApiResponse;
  delayMs: number;
}

/** Faults queued by tests; each matching API call consumes one from the first matching entry. */
export class FaultInjector {
  private readonly pending: PendingFault[] = [];

  inject(spec: FaultSpec): void {
    this.pending.push({ spec, remaining: spec.times ?? 1 });
  }

  clear(): void {
    this.pending.length = 0;
  }

  /** Number of fault answers still queued. */
  get remaining(): number {
    return this.pending.reduce((sum, fault) => sum + fault.remaining, 0);
  }

  /**
   * Consumes the first fault matching this call. Calls outside the normal API surface
   * (token endpoint) only take faults that name them through `pathIncludes`.
   */
  take(method: string, path: string, onlyExplicit = false): TriggeredFault | undefined {
    const index = this.pending.findIndex(
      (fault) => (!onlyExplicit || fault.spec.pathIncludes !== undefined) && matches(fault.spec, method, path),
    );
    const fault = this.pending[index];
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.pending.splice(index, 1);
    return materialize(fault.spec);
  }
}

function matches(spec: FaultSpec, method: string, path: string): boolean {
  if (spec.method && spec.method.toUpperCase() !== method) return false;
  return spec.pathIncludes === undefined || path.includes(spec.pathIncludes);
}

function materialize(spec: FaultSpec): TriggeredFault {
  const delayMs = spec.delayMs ?? 0;
  switch (spec.kind) {
    case '429': {
      const reset = String(spec.resetSeconds ?? 1);
      const response = fail(99991400, 'request trigger frequency limit', 429);
      response.headers = { 'x-ogw-ratelimit-limit': '50', 'x-ogw-ratelimit-reset': reset };
      return { kind: spec.kind, response, delayMs };
    }
    case '500':
      return { kind: spec.kind, response: fail(1, 'emulated internal server error', 500), delayMs };
    case 'token-expired':
      return { kind: spec.kind, response: invalidTokenResponse(), delayMs };
    case 'slow':
      return { kind: spec.kind, delayMs };
  }
}

export function invalidTokenResponse(): ApiResponse {
  return fail(99991663, 'Invalid access token for authorization. Please make a request with token attached.');
}

/** Sliding one-second windows keyed by resource (5 QPS per message, 10 ops/s per card). */
export class RateWindow {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly clock: () => number,
    private readonly perSecond: number,
  ) {}

  /** Records a hit and tells whether it stays within the limit. */
  allow(key: string): boolean {
    const now = this.clock();
    const recent = (this.hits.get(key) ?? []).filter((at) => now - at < 1000);
    if (recent.length >= this.perSecond) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    return true;
  }
}
