/**
 * Sends one outbox item: re-checks the subscription (unsubscribed, inactive or muted since it was
 * recorded → skipped), claims the item with compare-and-set, sends it once, and applies the
 * outcome (outcomes.ts) with its side effects: pause the conversation, mark it gone, or record
 * a late answer that arrived after we stopped waiting.
 */
import { referenceForPosts } from './conversationKey';
import { eventsFor } from './fanout';
import { effectOf } from './outcomes';
import { advance, type StoredDelivery } from './outbox';
import type { Ticket } from './rateLimiter';
import type { Subscription } from '../domain/notificationRecords';
import type { SendOutcome } from './sender';
import type { WorkerDeps } from './workerDeps';

export interface SendResult {
  /** The conversation waits this many ms (429 or backoff) before its next item. */
  deferredFor?: number;
  /** The subscription as it is now, when the send changed it (gone → inactive). */
  subscription?: Subscription;
}

function skipReason(sub: Subscription | undefined, kept: number): string | undefined {
  if (!sub) return 'not sent: this conversation unsubscribed before it went out';
  if (!sub.active)
    return `not sent: notifications here are inactive (${sub.inactive?.reason ?? 'unknown'})`;
  if (!kept) return 'not sent: the set was muted or the filter changed before it went out';
  return undefined;
}

export async function sendItem(
  deps: WorkerDeps,
  item: StoredDelivery,
  sub: Subscription | undefined,
  now: () => Date,
  ticket: Ticket,
): Promise<SendResult> {
  const { outbox, logger } = deps;
  const events = sub ? eventsFor(sub, item.value.events) : [];
  const skip = skipReason(sub, events.length);
  if (skip || !sub) {
    ticket.cancel();
    await outbox.move(item, advance(item.value, 'skipped', now(), { note: skip }));
    return {};
  }
  const at = now();
  const claimed = await outbox.move(item, {
    ...item.value,
    state: 'sending',
    attempts: item.value.attempts + 1,
    claim: {
      by: deps.lease.holder,
      at: at.toISOString(),
      deadline: new Date(at.getTime() + deps.sendTimeoutMs).toISOString(),
    },
    updatedAt: at.toISOString(),
  });
  if (!claimed) {
    ticket.cancel();
    return {}; // someone else moved it first
  }
  const outcome = await deps.sender
    .send(referenceForPosts(sub.reference), deps.render(events))
    .finally(() => ticket.complete());
  const effect = effectOf(claimed.value, outcome, now());
  const moved = await outbox.move(claimed, effect.next);
  const log = {
    deliveryId: item.id,
    conversation: item.value.conversationKey,
    outcome: outcome.kind,
  };
  if (!moved) logger.warn('notification outcome not recorded: the item moved meanwhile', log);
  else if (effect.next.state === 'sent') logger.debug('notification sent', log);
  else if (effect.next.state === 'pending')
    logger.info('notification deferred', {
      ...log,
      nextAttemptAt: effect.next.nextAttemptAt,
      note: effect.next.note,
    });
  else if (effect.next.state === 'uncertain')
    logger.warn('notification delivery uncertain', { ...log, note: effect.next.note });
  else logger.warn('notification failed', { ...log, note: effect.next.note });

  const result: SendResult = {};
  if (effect.pauseUntil !== undefined) {
    deps.limiter.pause(item.value.conversationKey, effect.pauseUntil);
    result.deferredFor = Math.max(0, effect.pauseUntil - now().getTime());
  }
  if (effect.gone) {
    await deps.subscriptions.markInactive(item.value.conversationKey, 'gone', effect.gone, now());
    logger.warn('notifications inactive: conversation gone', log);
    result.subscription = await deps.subscriptions.get(item.value.conversationKey);
  }
  if (outcome.kind === 'unknown' && outcome.settled && moved)
    watchLateAnswer(deps, item.id, outcome.settled, now);
  return result;
}

/** A send we stopped waiting for may still succeed: then uncertain becomes sent (no guessing). */
function watchLateAnswer(
  deps: WorkerDeps,
  id: string,
  settled: Promise<SendOutcome>,
  now: () => Date,
): void {
  settled
    .then(async (late) => {
      if (late.kind !== 'sent') return;
      const current = await deps.outbox.get(id);
      if (current?.value.state !== 'uncertain') return;
      const next = advance(current.value, 'sent', now(), {
        sentAt: now().toISOString(),
        activityId: late.activityId,
        note: 'sent (the answer came after the timeout)',
      });
      if (await deps.outbox.move(current, next))
        deps.logger.info('notification sent late', { deliveryId: id });
    })
    .catch((err: unknown) =>
      deps.logger.error('late notification answer not recorded', { deliveryId: id, error: err }),
    );
}
