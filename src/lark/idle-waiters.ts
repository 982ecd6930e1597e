/**
 * Callers waiting for a queue to run empty. The queue calls `notify()` when it does; `wait()` resolves true
 * then, or false once `timeoutMs` passes first. Shared by the job queue and the deferred intake.
 */
export class IdleWaiters {
  private readonly waiters = new Set<() => void>();

  wait(isIdle: boolean, timeoutMs = Infinity): Promise<boolean> {
    if (isIdle) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (result: boolean): void => {
        this.waiters.delete(waiter);
        if (timer) clearTimeout(timer);
        resolve(result);
      };
      const waiter = (): void => done(true);
      const timer = Number.isFinite(timeoutMs) ? setTimeout(() => done(false), timeoutMs) : undefined;
      this.waiters.add(waiter);
    });
  }

  notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
