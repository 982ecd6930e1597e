/**
 * Acknowledgements first: while events are being received and not yet acked, outbound work (replies,
 * reactions, starting the next answer) waits, and when it may go, it goes one piece per turn of the
 * event loop — so incoming deliveries are read and acked between two sends instead of queueing behind a
 * burst of them. Measured (npm run bench:bot): with 50 deliveries at once the bot's own work per ack is
 * well under a millisecond, yet acks waited tens of ms behind replies being built and written on the same
 * thread. A waiter never waits longer than `maxWaitMs` (then it joins the one-per-turn release), so a
 * steady stream of events cannot starve the answers.
 */
export class AckGate {
  private pending = 0;
  /** Waiting for the acks to be written. */
  private waiting: Array<() => void> = [];
  /** Allowed to go, released one per event-loop turn. */
  private releasing: Array<() => void> = [];
  private stepping = false;
  private quiet?: NodeJS.Timeout;

  /**
   * `quietMs`: after the last pending ack, wait this long for the next delivery of the burst before
   * letting work go (0: at once). Deliveries of a burst reach the thread one by one, often a fraction of
   * a millisecond apart, so without it the work held back slipped in between two of them.
   */
  constructor(private readonly maxWaitMs = 25, private readonly quietMs = 0) {}

  /** An event arrived; call `leave()` once its ack is written (or the request failed). */
  enter(): void {
    this.pending += 1;
    if (this.quiet) {
      clearTimeout(this.quiet);
      this.quiet = undefined;
    }
  }

  leave(): void {
    this.pending = Math.max(0, this.pending - 1);
    if (this.pending > 0) return;
    if (this.quietMs <= 0) {
      this.open();
      return;
    }
    if (this.quiet) clearTimeout(this.quiet);
    this.quiet = setTimeout(() => {
      this.quiet = undefined;
      if (this.pending === 0) this.open();
    }, this.quietMs);
  }

  /** No ack pending (and the burst is over): everything waiting may go. */
  private open(): void {
    if (this.waiting.length === 0) return;
    const waiting = this.waiting;
    this.waiting = [];
    for (const wake of waiting) this.release(wake);
  }

  /** Acks not yet written. */
  get busy(): number {
    return this.pending;
  }

  /** Resolves when no ack is pending (or after `maxWaitMs`), at most one caller per event-loop turn. */
  clear(): Promise<void> {
    if (this.pending === 0 && this.releasing.length === 0 && !this.quiet) return Promise.resolve();
    return new Promise((resolve) => {
      let done = false;
      const wake = (): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiting = this.waiting.filter((w) => w !== wake);
        this.release(wake);
      }, this.maxWaitMs);
      if (this.pending === 0 && !this.quiet) this.release(wake);
      else this.waiting.push(wake);
    });
  }

  private release(wake: () => void): void {
    this.releasing.push(wake);
    if (this.stepping) return;
    this.stepping = true;
    setImmediate(this.step);
  }

  /** One waiter per turn: the poll phase (incoming requests) runs between two of them. */
  private readonly step = (): void => {
    this.releasing.shift()?.();
    if (this.releasing.length > 0) setImmediate(this.step);
    else this.stepping = false;
  };
}
