/**
 * One limiter shared by every notification send, with sliding windows (a log of send times, not
 * fixed buckets, so a burst across a bucket edge cannot double the rate). Limits from msteams-docs
 * rate-limit.md (docs/teams-notes.md#rate-limits): per bot per conversation 7 per 1 s, 8 per 2 s, 60 per
 * 30 s, 1800 per hour; per app per tenant 50 per second. A 429 pauses the conversation until its
 * Retry-After.
 *
 * Teams counts a request when it *arrives*, which we cannot see. So a send is counted from when
 * its slot is taken and, once the answer is back, re-stamped with that time (`Ticket.complete`):
 * the answer comes after the arrival, and the next send leaves after its slot, so the spacing of
 * arrivals is at least the spacing of our stamps, whatever the network or our event loop did.
 */
export interface RateWindow {
  limit: number;
  ms: number;
}

export const CONVERSATION_WINDOWS: readonly RateWindow[] = [
  { limit: 7, ms: 1_000 },
  { limit: 8, ms: 2_000 },
  { limit: 60, ms: 30_000 },
  { limit: 1800, ms: 3_600_000 },
];

/** One taken slot. */
export interface Ticket {
  /** The send is answered (or given up on) at `atMs`: count it from then on. */
  complete(atMs?: number): void;
  /** The send did not happen: give the slot back. */
  cancel(): void;
}

export type Acquired =
  | { ok: true; ticket: Ticket }
  | { ok: false; waitMs: number; scope: 'app' | 'conversation' };

export interface RateLimiter {
  /** Takes a slot when every window allows a send now; otherwise says how long to wait. */
  tryAcquire(conversationKey: string): Acquired;
  /** After a 429: nothing goes to this conversation before `untilMs`. */
  pause(conversationKey: string, untilMs: number): void;
}

export interface RateLimiterOptions {
  appPerSecond: number;
  conversationWindows?: readonly RateWindow[];
  marginMs?: number;
  now?: () => number;
}

/** Index of the first entry > t in an ascending array. */
function firstAfter(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Removes one entry equal to `t` and, unless `to` is undefined, inserts `to` in order. */
function move(times: number[], t: number, to: number | undefined): void {
  const at = firstAfter(times, t) - 1;
  if (at >= 0 && times[at] === t) times.splice(at, 1);
  if (to !== undefined) times.splice(firstAfter(times, to), 0, to);
}

/** 0 if one more send fits in every window at `now`, else ms until it does. */
export function waitFor(
  times: readonly number[],
  windows: readonly RateWindow[],
  now: number,
  marginMs: number,
): number {
  let wait = 0;
  for (const { limit, ms } of windows) {
    const span = ms + marginMs;
    const inWindow = times.length - firstAfter(times, now - span);
    if (inWindow >= limit) {
      // The send that must leave the window first is the limit-th most recent one.
      wait = Math.max(wait, times[times.length - limit]! + span - now);
    }
  }
  return wait;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const now = options.now ?? Date.now;
  // Timer and clock granularity only: completion stamps already cover network and queuing delays.
  const marginMs = options.marginMs ?? 20;
  const convWindows = options.conversationWindows ?? CONVERSATION_WINDOWS;
  const appWindows = [{ limit: options.appPerSecond, ms: 1_000 }];
  const longest = Math.max(...convWindows.map((w) => w.ms)) + marginMs;
  const app: number[] = [];
  const perConversation = new Map<string, number[]>();
  const pausedUntil = new Map<string, number>();
  let lastSweep = now();

  const prune = (times: number[], keepMs: number, t: number) => {
    const cut = firstAfter(times, t - keepMs);
    if (cut > 0) times.splice(0, cut);
  };

  /** Forgets conversations with nothing left in any window, so memory stays bounded. */
  const sweep = (t: number) => {
    if (t - lastSweep < 60_000) return;
    lastSweep = t;
    for (const [key, times] of perConversation) {
      prune(times, longest, t);
      if (!times.length) perConversation.delete(key);
    }
    for (const [key, until] of pausedUntil) if (until <= t) pausedUntil.delete(key);
  };

  return {
    tryAcquire(key) {
      const t = now();
      sweep(t);
      const paused = (pausedUntil.get(key) ?? 0) - t;
      if (paused > 0) return { ok: false, waitMs: paused, scope: 'conversation' };
      prune(app, 1_000 + marginMs, t);
      const appWait = waitFor(app, appWindows, t, marginMs);
      if (appWait > 0) return { ok: false, waitMs: appWait, scope: 'app' };
      const times = perConversation.get(key) ?? [];
      const convWait = waitFor(times, convWindows, t, marginMs);
      if (convWait > 0) return { ok: false, waitMs: convWait, scope: 'conversation' };
      app.push(t);
      times.push(t);
      perConversation.set(key, times);
      let done = false;
      const finish = (to: number | undefined) => {
        if (done) return;
        done = true;
        move(app, t, to);
        move(perConversation.get(key) ?? times, t, to);
      };
      return {
        ok: true,
        ticket: {
          complete: (atMs = now()) => finish(Math.max(t, atMs)),
          cancel: () => finish(undefined),
        },
      };
    },
    pause(key, untilMs) {
      pausedUntil.set(key, Math.max(untilMs, pausedUntil.get(key) ?? 0));
    },
  };
}
