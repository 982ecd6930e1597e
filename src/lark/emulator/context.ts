import type { RateWindow } from './faults.js';
import type { EmulatorStore } from './store.js';
import type { TokenStore } from './tokens.js';

/** Resolved settings and shared state every route handler works with. */
export interface EmulatorContext {
  appId: string;
  appSecret: string;
  tenantKey: string;
  botOpenId: string;
  botName: string;
  uuidWindowMs: number;
  clock: () => number;
  store: EmulatorStore;
  tokens: TokenStore;
  /** 5 PATCH calls per second per message (code 230020 beyond). */
  patchRate: RateWindow;
  /** 10 CardKit operations per second per card entity. */
  cardRate: RateWindow;
}

export const FOURTEEN_DAYS_MS = 14 * 24 * 3600_000;
