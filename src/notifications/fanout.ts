/**
 * Which conversation gets which events, as a pure function: active subscriptions whose rule for
 * the event's set matches (the set's own rule if it has one, else the all-sets rule; see
 * ruleForSet), minus muted sets. A burst for one
 * conversation (more than DIGEST_AFTER events in one poll) becomes one digest card instead of a
 * card per flow: fewer posts is kinder to the channel and to Teams' per-thread limits. Sync-run
 * notices (`runEnded`) belong to no set: they go to every active conversation that hears runs
 * (`notify here only runs|readiness`, default both), one card per run, never in a digest.
 */
import { createHash } from 'node:crypto';
import {
  hearsReadiness,
  hearsRuns,
  ruleForSet,
  type Delivery,
  type NotificationEvent,
  type Subscription,
  type SubscriptionScope,
} from '../domain/notificationRecords';

export const DIGEST_AFTER = 3;

/** Status filters match the new status; removals and deletions always notify (there is no new status). */
function scopeMatches(scope: SubscriptionScope, event: NotificationEvent): boolean {
  if (scope.setId !== null && scope.setId !== event.setId) return false;
  if (!scope.statuses || event.kind === 'flowRemoved' || event.kind === 'setDeleted') return true;
  return scope.statuses.includes(event.to ?? '');
}

export function eventsFor(
  sub: Subscription,
  events: readonly NotificationEvent[],
): NotificationEvent[] {
  if (!sub.active) return [];
  const muted = new Set(sub.muted.map((m) => m.setId));
  return events.filter((e) => {
    if (e.kind === 'runEnded') return hearsRuns(sub.topics);
    if (!hearsReadiness(sub.topics)) return false;
    if (muted.has(e.setId)) return false;
    const rule = ruleForSet(sub.scopes, e.setId);
    return rule !== undefined && scopeMatches(rule, e);
  });
}

/** Deterministic, so recording the same events twice for a conversation is the same item. */
export function deliveryIdOf(conversationKey: string, eventIds: readonly string[]): string {
  return createHash('sha256')
    .update([conversationKey, ...eventIds].join('\n'))
    .digest('hex')
    .slice(0, 40);
}

export function planDeliveries(
  events: readonly NotificationEvent[],
  subscriptions: readonly Subscription[],
  now: Date,
): Delivery[] {
  const at = now.toISOString();
  const deliveries: Delivery[] = [];
  const item = (conversationKey: string, batch: NotificationEvent[]): Delivery => ({
    id: deliveryIdOf(
      conversationKey,
      batch.map((e) => e.id),
    ),
    conversationKey,
    events: batch,
    state: 'pending',
    seq: deliveries.length,
    attempts: 0,
    nextAttemptAt: at,
    createdAt: at,
    updatedAt: at,
  });
  for (const sub of subscriptions) {
    const mine = eventsFor(sub, events);
    const readiness = mine.filter((e) => e.kind !== 'runEnded');
    if (readiness.length > DIGEST_AFTER) deliveries.push(item(sub.conversationKey, readiness));
    else for (const e of readiness) deliveries.push(item(sub.conversationKey, [e]));
    for (const e of mine.filter((r) => r.kind === 'runEnded'))
      deliveries.push(item(sub.conversationKey, [e]));
  }
  return deliveries;
}
