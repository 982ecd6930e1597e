/**
 * `(ctx, next)` middleware, as in grammY/Bolt: each step does one thing and calls `next()` to pass the
 * context on, or returns without calling it to stop the chain.
 */
export type Middleware<C> = (ctx: C, next: () => Promise<void>) => Promise<void> | void;

/** Joins middleware into one; calling `next()` twice in a step is a bug and throws. */
export function compose<C>(...steps: Array<Middleware<C>>): (ctx: C) => Promise<void> {
  return (ctx) => {
    let last = -1;
    const run = async (index: number): Promise<void> => {
      if (index <= last) throw new Error("next() called more than once in one middleware");
      last = index;
      const step = steps[index];
      if (step) await step(ctx, () => run(index + 1));
    };
    return run(0);
  };
}
