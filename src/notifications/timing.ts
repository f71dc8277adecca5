/**
 * Small scheduling helpers with no module state: a ticker (runs a task, then sleeps for the delay
 * the task returns, can be woken early, stops cleanly) and a mutual exclusion wrapper.
 */
import type { Logger } from '../log';

/** Calls run one at a time, in call order; each call gets its own run. */
export function serialised<T>(task: () => Promise<T>): () => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return () => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

export interface Ticker {
  start(firstDelayMs: number): void;
  /** Runs the task as soon as the current run (if any) is over; nothing before start(). */
  wake(): void;
  /** No new runs; resolves when the current one is over. */
  stop(): Promise<void>;
}

/** Longest sleep: setTimeout's limit is 2^31-1 ms; an hour is plenty between checks. */
const MAX_SLEEP_MS = 3_600_000;

export function createTicker(task: () => Promise<number>, logger: Logger, name: string): Ticker {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let wakeAgain = false;
  let started = false;
  let stopped = false;

  const schedule = (ms: number) => {
    if (stopped) return;
    clearTimeout(timer);
    const delay = Number.isFinite(ms) ? Math.min(Math.max(0, ms), MAX_SLEEP_MS) : MAX_SLEEP_MS;
    timer = setTimeout(tick, delay);
    timer.unref();
  };

  function tick(): void {
    if (stopped) return;
    if (running) {
      wakeAgain = true;
      return;
    }
    clearTimeout(timer);
    running = (async () => {
      let next = MAX_SLEEP_MS;
      try {
        next = await task();
      } catch (err) {
        logger.error(`notifications ${name} failed`, { error: err });
        next = 5_000;
      }
      running = undefined;
      if (wakeAgain) {
        wakeAgain = false;
        next = 0;
      }
      schedule(next);
    })();
  }

  return {
    start: (firstDelayMs) => {
      started = true;
      schedule(firstDelayMs);
    },
    wake: () => {
      if (started && !stopped) setImmediate(tick);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
