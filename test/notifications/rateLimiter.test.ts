import {
  CONVERSATION_WINDOWS,
  createRateLimiter,
  type RateWindow,
} from '../../src/notifications/rateLimiter';

/** A fake clock and a limiter on it (no margin unless asked, so the numbers read like the docs). */
function limiterAt(options: { appPerSecond?: number; marginMs?: number } = {}) {
  const clock = { t: 1_000_000 };
  const limiter = createRateLimiter({
    appPerSecond: options.appPerSecond ?? 50,
    marginMs: options.marginMs ?? 0,
    now: () => clock.t,
  });
  /** Sends to `key` as early as the limiter allows; returns each send's time. */
  const sendAsap = (key: string, count: number): number[] => {
    const times: number[] = [];
    while (times.length < count) {
      const r = limiter.tryAcquire(key);
      if (r.ok) times.push(clock.t);
      else clock.t += r.waitMs;
    }
    return times;
  };
  return { clock, limiter, sendAsap };
}

/** The most sends in any window of `ms` (a sliding check over the send times). */
function maxInWindow(times: number[], ms: number): number {
  let best = 0;
  for (let i = 0; i < times.length; i++) {
    const inside = times.filter((t) => t >= times[i]! && t < times[i]! + ms).length;
    best = Math.max(best, inside);
  }
  return best;
}

describe('rate limiter (fake clock)', () => {
  it('when one conversation gets a burst, then 7 go at once and the 8th waits for the 1 s window', () => {
    const { clock, limiter } = limiterAt();
    for (let i = 0; i < 7; i++) expect(limiter.tryAcquire('c')).toMatchObject({ ok: true });
    expect(limiter.tryAcquire('c')).toEqual({ ok: false, waitMs: 1000, scope: 'conversation' });
    clock.t += 999;
    expect(limiter.tryAcquire('c').ok).toBe(false);
    clock.t += 1;
    expect(limiter.tryAcquire('c')).toMatchObject({ ok: true });
  });

  it.each(CONVERSATION_WINDOWS.filter((w) => w.ms <= 30_000).map((w) => [w.limit, w.ms] as const))(
    'when a conversation is sent to as fast as allowed, then no %i-per-%i ms window is exceeded',
    (limit, ms) => {
      const { sendAsap } = limiterAt();
      const times = sendAsap('c', 130);
      expect(maxInWindow(times, ms)).toBeLessThanOrEqual(limit);
    },
  );

  it('when a conversation is sent to for over an hour, then it gets at most 1800 sends in any hour', () => {
    const { sendAsap } = limiterAt();
    const times = sendAsap('c', 1850);
    expect(maxInWindow(times, 3_600_000)).toBe(1800);
    // 60 per 30 s is the binding window until the hourly one bites: 1800 sends take 15 minutes.
    expect(times[1799]! - times[0]!).toBeGreaterThanOrEqual(14.5 * 60_000);
    expect(times[1800]! - times[0]!).toBeGreaterThanOrEqual(3_600_000);
  });

  it('when many conversations share the app, then the app gets at most 50 sends per second', () => {
    const { clock, limiter } = limiterAt();
    const sent: number[] = [];
    let refusedAsApp = 0;
    for (let round = 0; round < 300 * 3; round++) {
      const r = limiter.tryAcquire(`conv-${round % 300}`);
      if (r.ok) sent.push(clock.t);
      else {
        if (r.scope === 'app') refusedAsApp++;
        clock.t += r.waitMs;
      }
    }
    expect(maxInWindow(sent, 1000)).toBe(50);
    expect(refusedAsApp).toBeGreaterThan(0);
  });

  it('when a conversation is paused after a 429, then nothing goes there until then, others go on', () => {
    const { clock, limiter } = limiterAt();
    limiter.pause('c', clock.t + 5000);
    expect(limiter.tryAcquire('c')).toEqual({ ok: false, waitMs: 5000, scope: 'conversation' });
    expect(limiter.tryAcquire('other')).toMatchObject({ ok: true });
    clock.t += 5000;
    expect(limiter.tryAcquire('c')).toMatchObject({ ok: true });
  });

  it('when a margin is set, then every window is that much longer (Teams counts arrivals)', () => {
    const { limiter } = limiterAt({ marginMs: 50 });
    for (let i = 0; i < 7; i++) limiter.tryAcquire('c');
    expect(limiter.tryAcquire('c')).toMatchObject({ ok: false, waitMs: 1050 });
  });

  it('when a send is answered late, then it counts from its answer: the next slot moves with it', () => {
    const clock = { t: 0 };
    const oneWindow = [{ limit: 7, ms: 1000 }];
    const limiter = createRateLimiter({
      appPerSecond: 50,
      conversationWindows: oneWindow,
      marginMs: 0,
      now: () => clock.t,
    });
    const tickets = Array.from({ length: 7 }, () => limiter.tryAcquire('c'));
    clock.t += 300; // the first one was answered 300 ms after its slot was taken
    const first = tickets[0]!;
    if (first.ok) first.ticket.complete(clock.t);
    expect(limiter.tryAcquire('c')).toMatchObject({ ok: false, waitMs: 700 }); // the 2nd of the 7 leaves at 1000
    clock.t += 700; // the six answered at once have left the window; the first one has not
    for (let i = 0; i < 6; i++) expect(limiter.tryAcquire('c').ok).toBe(true);
    expect(limiter.tryAcquire('c')).toMatchObject({ ok: false, waitMs: 300 });
  });

  it('when a slot is given back, then another send may use it at once', () => {
    const { limiter } = limiterAt();
    const taken = Array.from({ length: 7 }, () => limiter.tryAcquire('c'));
    expect(limiter.tryAcquire('c').ok).toBe(false);
    const last = taken[6]!;
    if (last.ok) last.ticket.cancel();
    expect(limiter.tryAcquire('c').ok).toBe(true);
  });

  it('when custom windows are given, then they replace the Teams ones', () => {
    const clock = { t: 0 };
    const windows: RateWindow[] = [{ limit: 2, ms: 100 }];
    const limiter = createRateLimiter({
      appPerSecond: 50,
      conversationWindows: windows,
      marginMs: 0,
      now: () => clock.t,
    });
    expect(limiter.tryAcquire('c').ok).toBe(true);
    expect(limiter.tryAcquire('c').ok).toBe(true);
    expect(limiter.tryAcquire('c')).toMatchObject({ ok: false, waitMs: 100 });
  });
});
