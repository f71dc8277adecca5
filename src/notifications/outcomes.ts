/**
 * What a send outcome does to an outbox item, as a pure function (the worker applies it).
 *  - sent → sent.
 *  - 429 → pending again after Retry-After, or exponential backoff with jitter when there is none
 *    (rate-limit.md sample: 2–20 s ±20%); the conversation pauses too, so later items wait.
 *  - refused before it left (connection refused, 401, 412) → pending again with backoff.
 *  - 403/404 → failed, and the subscription goes inactive: no retries.
 *  - 5xx, timeout, dropped connection → uncertain. The connector POST is not idempotent and Teams
 *    cannot be asked "did my post land", so it is NOT sent again on its own:
 *    `notify list` shows it as "delivery uncertain" with a "Send again" button, and a person who
 *    can see the channel decides. At most once automatically; never a duplicate nobody asked for.
 *  - anything else refused for good → failed.
 */
import { backoffDelay } from '../graph/retry';
import { advance } from './outbox';
import type { Delivery } from '../domain/notificationRecords';
import type { SendOutcome } from './sender';

export const MAX_ATTEMPTS = 10;
const RETRY_BACKOFF = { baseDelayMs: 2_000, maxDelayMs: 60_000 };

export interface OutcomeEffect {
  next: Delivery;
  /** Nothing more goes to this conversation before this time (ms since epoch). */
  pauseUntil?: number;
  /** The conversation is gone: mark its subscription inactive with this detail. */
  gone?: string;
}

function retryLater(
  item: Delivery,
  now: Date,
  delayMs: number,
  note: string,
  pause: boolean,
): OutcomeEffect {
  if (item.attempts >= MAX_ATTEMPTS) {
    return {
      next: advance(item, 'failed', now, {
        note: `gave up after ${item.attempts} attempts; last: ${note}`,
      }),
    };
  }
  const until = now.getTime() + delayMs;
  return {
    next: advance(item, 'pending', now, { nextAttemptAt: new Date(until).toISOString(), note }),
    pauseUntil: pause ? until : undefined,
  };
}

export function effectOf(
  item: Delivery,
  outcome: SendOutcome,
  now: Date,
  random: () => number = Math.random,
): OutcomeEffect {
  const retryNumber = Math.max(1, item.attempts);
  switch (outcome.kind) {
    case 'sent':
      return {
        next: advance(item, 'sent', now, {
          sentAt: now.toISOString(),
          activityId: outcome.activityId,
          note: undefined,
        }),
      };
    case 'throttled': {
      const delay = outcome.retryAfterMs ?? backoffDelay(retryNumber, RETRY_BACKOFF, random);
      return retryLater(
        item,
        now,
        delay,
        `throttled (429), retry in ${Math.ceil(delay / 1000)} s`,
        true,
      );
    }
    case 'notSent': {
      const delay = backoffDelay(retryNumber, RETRY_BACKOFF, random);
      return retryLater(item, now, delay, `not sent (${outcome.detail})`, true);
    }
    case 'gone':
      return {
        next: advance(item, 'failed', now, { note: `conversation gone (${outcome.status})` }),
        gone: goneDetail(outcome.status, outcome.detail),
      };
    case 'unknown':
      return {
        next: advance(item, 'uncertain', now, {
          note: `delivery uncertain: ${outcome.detail}`,
        }),
      };
    case 'rejected':
      return { next: advance(item, 'failed', now, { note: `refused: ${outcome.detail}` }) };
  }
}

function goneDetail(status: number, detail: string): string {
  const why =
    status === 403
      ? 'Teams answered 403: the bot is no longer in this conversation (removed, uninstalled or blocked)'
      : `Teams answered ${status}: the conversation no longer exists`;
  return `${why}. ${detail}`.slice(0, 400);
}
