/**
 * Which conversation gets which events, as a pure function: active subscriptions whose rule for
 * the event's set matches (the set's own rule if it has one, else the all-sets rule; see
 * ruleForSet), minus muted sets. A burst for one
 * conversation (more than DIGEST_AFTER events in one poll) becomes one digest card instead of a
 * card per flow: fewer posts is kinder to the channel and to Teams' per-thread limits. Sync-run
 * notices (`runEnded`) belong to no set (setId ''): the all-sets rule decides (topic `runs`), no
 * set mutes them, and each is a card of its own, never in a digest.
 */
import { createHash } from 'node:crypto';
import { withoutDriftDuplicates } from './drift';
import {
  ruleForSet,
  type Delivery,
  type NotificationEvent,
  type Subscription,
  type SubscriptionScope,
  type Topic,
} from '../domain/notificationRecords';

export const DIGEST_AFTER = 3;

/** Which topic (`notify here … only {topic}`) an event belongs to. */
export const topicOf = (event: NotificationEvent): Topic =>
  event.kind === 'drift' ? 'drift' : event.kind === 'runEnded' ? 'runs' : 'readiness';

/**
 * Topics first (absent = all); status filters match the new status of readiness events only;
 * removals and deletions always notify (there is no new status).
 */
function scopeMatches(scope: SubscriptionScope, event: NotificationEvent): boolean {
  if (scope.setId !== null && scope.setId !== event.setId) return false;
  if (scope.topics && !scope.topics.includes(topicOf(event))) return false;
  if (!scope.statuses || event.kind === 'flowRemoved' || event.kind === 'setDeleted') return true;
  if (event.kind === 'drift' || event.kind === 'runEnded') return true;
  return scope.statuses.includes(event.to ?? '');
}

export function eventsFor(
  sub: Subscription,
  events: readonly NotificationEvent[],
): NotificationEvent[] {
  if (!sub.active) return [];
  const muted = new Set(sub.muted.map((m) => m.setId));
  return events.filter((e) => {
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
    const all = withoutDriftDuplicates(eventsFor(sub, events));
    // Drift and run notices are never part of a digest: each has its own card and buttons.
    const alone = (e: NotificationEvent) => e.kind === 'drift' || e.kind === 'runEnded';
    const mine = all.filter((e) => !alone(e));
    if (mine.length > DIGEST_AFTER) deliveries.push(item(sub.conversationKey, mine));
    else for (const e of mine) deliveries.push(item(sub.conversationKey, [e]));
    for (const e of all) if (alone(e)) deliveries.push(item(sub.conversationKey, [e]));
  }
  return deliveries;
}
