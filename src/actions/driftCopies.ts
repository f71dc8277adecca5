/**
 * Every posted copy of a drift card (one per subscribed conversation, found in the outbox with
 * the message id Teams gave it) updated to the same card, so whoever looks at any of them sees
 * who accepted. The clicked message itself is updated by the action's own result. Best effort: a
 * copy that cannot be updated (gone, throttled) keeps its old state and is logged.
 */
import type { ActionContext } from '../bot/action';
import type { AdaptiveCard } from '../domain/adaptiveCard';
import { conversationKeyOf, createOutbox, createSubscriptionStore } from '../notifications';
import { referenceForPosts } from '../notifications/conversationKey';

export async function updateDriftCopies(
  ctx: ActionContext,
  driftId: string,
  card: AdaptiveCard,
): Promise<number> {
  const { storage, logger, approvals } = ctx.services;
  const here = conversationKeyOf(ctx.conversation.id);
  const copies = (await createOutbox(storage).list()).filter(
    ({ value }) =>
      value.state === 'sent' &&
      value.activityId &&
      value.events.some((e) => e.drift?.id === driftId) &&
      !(value.conversationKey === here && value.activityId === ctx.replyToId),
  );
  const subscriptions = createSubscriptionStore(storage);
  let updated = 0;
  for (const { id, value } of copies) {
    const sub = await subscriptions.get(value.conversationKey);
    if (!sub?.active) continue;
    const outcome = await approvals.messenger
      .update(referenceForPosts(sub.reference), value.activityId!, card)
      .catch((err: unknown) => ({ kind: 'failed' as const, detail: String(err) }));
    if (outcome.kind === 'sent') updated++;
    else logger.warn('drift card copy not updated', { deliveryId: id, outcome: outcome.kind });
  }
  return updated;
}
