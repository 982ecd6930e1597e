/**
 * Acknowledgements first: while events are being received and not yet acked, outbound work (replies,
 * reactions, starting the next answer) waits, so a burst of deliveries is acked before the event loop
 * goes back to sending answers. Measured (npm run bench:bot): with 50 deliveries at once, the bot's own
 * work per ack is well under a millisecond, yet acks waited tens of ms behind replies being built and
 * written on the same thread. A waiter never waits longer than `maxWaitMs`, so a steady stream of
 * events cannot starve the answers.
 */
export class AckGate {
  private pending = 0;
  private waiters: Array<() => void> = [];

  constructor(private readonly maxWaitMs = 25) {}

  /** An event arrived; call `leave()` once its ack is written (or the request failed). */
  enter(): void {
    this.pending += 1;
  }

  leave(): void {
    this.pending = Math.max(0, this.pending - 1);
    if (this.pending === 0 && this.waiters.length > 0) {
      const waiters = this.waiters;
      this.waiters = [];
      for (const wake of waiters) wake();
    }
  }

  /** Acks not yet written. */
  get busy(): number {
    return this.pending;
  }

  /** Resolves when no ack is pending, or after `maxWaitMs` at most. */
  clear(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => {
      let done = false;
      const wake = (): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(wake, this.maxWaitMs);
      this.waiters.push(wake);
    });
  }
}
