import {
  RETRY_DEFAULTS,
  backoffDelay,
  isAmbiguous,
  parseRetryAfter,
  planRetry,
  type AttemptOutcome,
  type HttpMethod,
} from '../../src/graph/retry';

const NOW = Date.parse('2025-01-01T00:00:00Z');

describe('parseRetryAfter', () => {
  it.each([
    ['10', 10_000],
    ['2.128', 2_128],
    ['0', 0],
    [' 3 ', 3_000],
    ['0.0001', 1],
    ['Wed, 01 Jan 2025 00:00:05 GMT', 5_000],
    ['Tue, 31 Dec 2024 23:59:00 GMT', 0],
  ])('when the header is %j, then the wait is %d ms', (header, expected) => {
    expect(parseRetryAfter(header, NOW)).toBe(expected);
  });

  it.each([[null], [undefined], [''], ['soon'], ['-5'], ['1e3'], ['12abc']])(
    'when the header is %j, then there is no wait and backoff applies',
    (header) => {
      expect(parseRetryAfter(header, NOW)).toBeUndefined();
    },
  );
});

describe('backoffDelay', () => {
  const opts = { baseDelayMs: 400, maxDelayMs: 4_000 };

  it.each([
    [1, 200, 400],
    [2, 400, 800],
    [3, 800, 1_600],
    [4, 1_600, 3_200],
    [5, 2_000, 4_000],
    [12, 2_000, 4_000],
  ])('when retry %d, then the delay lies in [%d, %d]', (retry, low, high) => {
    expect(backoffDelay(retry, opts, () => 0)).toBe(low);
    expect(backoffDelay(retry, opts, () => 0.999999)).toBe(high);
    const sampled = backoffDelay(retry, opts);
    expect(sampled).toBeGreaterThanOrEqual(low);
    expect(sampled).toBeLessThanOrEqual(high);
  });
});

describe('isAmbiguous', () => {
  it.each<[AttemptOutcome, boolean]>([
    [{ kind: 'timeout' }, true],
    [{ kind: 'network' }, true],
    [{ kind: 'response', status: 429 }, false],
    [{ kind: 'response', status: 503, retryAfterMs: 1000 }, false],
    [{ kind: 'response', status: 503 }, true],
    [{ kind: 'response', status: 504, retryAfterMs: 1000 }, true],
    [{ kind: 'response', status: 500 }, true],
    [{ kind: 'response', status: 400 }, false],
  ])('when the outcome is %j, then ambiguous is %s', (outcome, expected) => {
    expect(isAmbiguous(outcome)).toBe(expected);
  });
});

describe('planRetry', () => {
  const options = { ...RETRY_DEFAULTS, deadlineMs: 10_000 };
  const plan = (method: HttpMethod, outcome: AttemptOutcome, attempt = 1, elapsedMs = 0) =>
    planRetry({ method, outcome, attempt, elapsedMs, options, random: () => 0 });

  it.each<[HttpMethod, AttemptOutcome, boolean]>([
    ['GET', { kind: 'response', status: 429 }, true],
    ['GET', { kind: 'response', status: 503 }, true],
    ['GET', { kind: 'response', status: 504 }, true],
    ['GET', { kind: 'timeout' }, true],
    ['GET', { kind: 'network' }, true],
    ['PATCH', { kind: 'timeout' }, true],
    ['DELETE', { kind: 'response', status: 504 }, true],
    ['GET', { kind: 'response', status: 500 }, false],
    ['GET', { kind: 'response', status: 404 }, false],
    ['PATCH', { kind: 'response', status: 400 }, false],
    ['POST', { kind: 'response', status: 429 }, true],
    ['POST', { kind: 'response', status: 503, retryAfterMs: 100 }, true],
    ['POST', { kind: 'response', status: 503 }, false],
    ['POST', { kind: 'response', status: 504 }, false],
    ['POST', { kind: 'response', status: 504, retryAfterMs: 100 }, false],
    ['POST', { kind: 'timeout' }, false],
    ['POST', { kind: 'network' }, false],
  ])('when %s ends with %j, then retry is %s', (method, outcome, expected) => {
    expect(plan(method, outcome).retry).toBe(expected);
  });

  it('when a POST gets no answer, then the reason says ambiguous', () => {
    expect(plan('POST', { kind: 'timeout' })).toEqual({ retry: false, reason: 'ambiguous' });
  });

  it('when Retry-After is given, then exactly that wait is planned', () => {
    expect(plan('GET', { kind: 'response', status: 429, retryAfterMs: 2_128 })).toEqual({
      retry: true,
      delayMs: 2_128,
    });
  });

  it('when there is no Retry-After, then the backoff step is planned', () => {
    expect(plan('GET', { kind: 'response', status: 503 }, 2)).toEqual({
      retry: true,
      delayMs: 400,
    });
  });

  it('when the last attempt failed, then there is no retry', () => {
    const outcome: AttemptOutcome = { kind: 'response', status: 429, retryAfterMs: 10 };
    expect(plan('GET', outcome, options.maxAttempts)).toEqual({ retry: false, reason: 'attempts' });
  });

  it('when the wait would pass the deadline, then there is no retry', () => {
    const outcome: AttemptOutcome = { kind: 'response', status: 429, retryAfterMs: 3_000 };
    expect(plan('GET', outcome, 1, 7_500)).toEqual({ retry: false, reason: 'deadline' });
    expect(plan('GET', outcome, 1, 6_000).retry).toBe(true);
  });
});
