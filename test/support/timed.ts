/** Milliseconds `fn` takes: the best of five runs, so a busy machine or a cold JIT weighs less. */
export function timed(fn: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}
