/**
 * When to try a Graph request again, as pure functions (no clock, no I/O) so the rules are
 * testable on their own. Sources: docs/graph-notes.md#throttling (throttling: honour `Retry-After`, keep honouring
 * it on repeated 429s, otherwise exponential backoff; 503/504 may carry it too).
 *
 * The rule for a request that is not idempotent (POST: create, reset):
 *  - it is retried only when Graph *answered and refused* it: 429 (throttled — the request was not
 *    processed), or 503 *with* `Retry-After` (the service says it is unavailable and when to come
 *    back);
 *  - it is never retried after an *ambiguous* failure, where Graph may have done the work and we
 *    just did not hear back: a timeout, a dropped connection, 504 (a gateway gave up waiting for the
 *    backend), 500/502, or a bare 503 (possibly from a proxy after the backend started). A second
 *    POST there could create a duplicate flow set or reset a flow twice.
 * GET, PATCH and DELETE are idempotent and are retried on 429/503/504, timeouts and connection
 * errors. Attempts are bounded and the whole request has a deadline: a Teams invoke must be
 * answered within about 15 s, so waiting longer helps nobody.
 */
import type { HttpMethod, RetryOptions } from './types';

export type { HttpMethod };

/** Defaults for a chat bot: three retries, all inside 12 s (token + card rendering need the rest of Teams' ~15 s). */
export const RETRY_DEFAULTS: Required<RetryOptions> = {
  maxAttempts: 4,
  baseDelayMs: 400,
  maxDelayMs: 4_000,
  deadlineMs: 12_000,
};
/** Per-attempt timeout: lets one slow answer fail over to a retry before the deadline. */
export const DEFAULT_TIMEOUT_MS = 8_000;

/** What one attempt ended with. */
export type AttemptOutcome =
  | { kind: 'response'; status: number; retryAfterMs?: number }
  | { kind: 'timeout' }
  | { kind: 'network' };

export type RetryPlan =
  | { retry: true; delayMs: number }
  | { retry: false; reason: 'not_retryable' | 'ambiguous' | 'attempts' | 'deadline' };

const RETRYABLE_STATUSES = new Set([429, 503, 504]);

/**
 * `Retry-After` in milliseconds: delta-seconds (Graph sends integers like `10`; older docs show a
 * fractional `2.128`) or an HTTP-date (RFC 9110 §10.2.3). Anything else → undefined (use backoff).
 */
export function parseRetryAfter(
  value: string | null | undefined,
  nowMs: number,
): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date) || !/[a-z]/i.test(text)) return undefined;
  return Math.max(0, date - nowMs);
}

/**
 * Capped exponential backoff with "equal jitter": half the step is fixed (so retries never bunch
 * at zero), half is random (so many clients do not retry in lockstep). `retryNumber` is 1 for the
 * first retry.
 */
export function backoffDelay(
  retryNumber: number,
  options: Pick<Required<RetryOptions>, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number = Math.random,
): number {
  const step = Math.min(
    options.maxDelayMs,
    options.baseDelayMs * 2 ** Math.max(0, retryNumber - 1),
  );
  return Math.round(step / 2 + random() * (step / 2));
}

export function isIdempotent(method: HttpMethod): boolean {
  return method !== 'POST';
}

/** True when the request may have been carried out although we saw no success. */
export function isAmbiguous(outcome: AttemptOutcome): boolean {
  if (outcome.kind !== 'response') return true;
  if (outcome.status === 429) return false;
  if (outcome.status === 503) return outcome.retryAfterMs === undefined;
  return outcome.status >= 500;
}

function mayRetry(method: HttpMethod, outcome: AttemptOutcome): boolean {
  if (outcome.kind !== 'response') return isIdempotent(method);
  if (!RETRYABLE_STATUSES.has(outcome.status)) return false;
  return isIdempotent(method) || !isAmbiguous(outcome);
}

/** The least time worth giving one more attempt before the deadline. */
const MIN_ATTEMPT_MS = 100;

/** Decides whether attempt number `attempt` (1-based) that failed with `outcome` is tried again. */
export function planRetry(args: {
  method: HttpMethod;
  outcome: AttemptOutcome;
  attempt: number;
  elapsedMs: number;
  options: Required<RetryOptions>;
  random?: () => number;
}): RetryPlan {
  const { method, outcome, attempt, elapsedMs, options } = args;
  if (!mayRetry(method, outcome)) {
    const transient = outcome.kind !== 'response' || RETRYABLE_STATUSES.has(outcome.status);
    return { retry: false, reason: transient ? 'ambiguous' : 'not_retryable' };
  }
  if (attempt >= options.maxAttempts) return { retry: false, reason: 'attempts' };
  const retryAfter = outcome.kind === 'response' ? outcome.retryAfterMs : undefined;
  const delayMs = retryAfter ?? backoffDelay(attempt, options, args.random);
  // Waiting past the deadline is pointless, and a shorter wait than Retry-After is not allowed.
  // An attempt left with only a few milliseconds would end as our own timeout and hide the
  // answer Graph kept giving (a 503 would surface as "no answer"): stop instead.
  if (elapsedMs + delayMs + MIN_ATTEMPT_MS >= options.deadlineMs)
    return { retry: false, reason: 'deadline' };
  return { retry: true, delayMs };
}
