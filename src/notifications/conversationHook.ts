/**
 * Keeps subscriptions in step with what Teams tells the bot (docs/teams-notes.md#proactive-messages):
 * every inbound activity in a subscribed conversation refreshes its stored
 * reference (serviceUrl, tenant); uninstall, bot removed and team deleted make its subscriptions
 * inactive (for a team: every channel of it); install and team restored make them active again.
 *
 * It observes the conversation store (`observeConversations`): src/teams/conversations.ts
 * already records every inbound activity there, with `installed` flipped by those events.
 */
import type { Logger } from '../log';
import type { ConversationRecord, ConversationStore } from '../store/conversationStore';
import { conversationKeyOf, referenceForPosts } from './conversationKey';
import type { Subscription } from '../domain/notificationRecords';
import type { SubscriptionStore } from './subscriptionStore';

export type SeenConversation = Omit<ConversationRecord, 'updatedAt'>;

const sameTarget = (a: Subscription['reference'], b: Subscription['reference']) =>
  JSON.stringify([a.serviceUrl, a.channelId, a.conversation, a.bot]) ===
  JSON.stringify([b.serviceUrl, b.channelId, b.conversation, b.bot]);

/** Subscriptions this record speaks for: the conversation's own, or for a team every channel's. */
async function affected(
  subscriptions: SubscriptionStore,
  record: SeenConversation,
): Promise<string[]> {
  const key = conversationKeyOf(record.reference.conversation.id);
  // Install events in a team arrive on the team's General channel (its id is the team id).
  const teamEvent = record.teamId && conversationKeyOf(record.teamId) === key;
  if (!teamEvent) return [key];
  const all = await subscriptions.list();
  return all
    .filter((s) => s.teamId === record.teamId || s.conversationKey === key)
    .map((s) => s.conversationKey);
}

export async function onConversationSeen(
  subscriptions: SubscriptionStore,
  record: SeenConversation,
  before: ConversationRecord | undefined,
  now: Date = new Date(),
): Promise<void> {
  const at = now.toISOString();
  if (!record.installed) {
    for (const key of await affected(subscriptions, record)) {
      await subscriptions.markInactive(
        key,
        'uninstalled',
        'the bot was uninstalled or removed here, or the team was deleted',
        now,
      );
    }
    return;
  }
  const reinstalled = before?.installed === false;
  const keys = reinstalled
    ? await affected(subscriptions, record)
    : [conversationKeyOf(record.reference.conversation.id)];
  const fresh = referenceForPosts(record.reference);
  for (const key of keys) {
    await subscriptions.update(key, (sub) => {
      if (!sub) return undefined;
      const own = key === conversationKeyOf(record.reference.conversation.id);
      const refresh = own && !sameTarget(sub.reference, fresh);
      const revive = reinstalled && !sub.active && sub.inactive?.reason !== 'gone';
      if (!refresh && !revive) return undefined;
      return {
        ...sub,
        reference: refresh ? fresh : sub.reference,
        ...(revive ? { active: true, inactive: undefined } : {}),
        updatedAt: at,
      };
    });
  }
}

/**
 * The conversation store, with `onSeen` told about a record the first time this process sees
 * the conversation and whenever the record was written (it changed, or an install event).
 * Turns that change nothing are not reported: the store skipped them without a read.
 */
export function observeConversations(
  store: ConversationStore,
  onSeen: (record: SeenConversation, before: ConversationRecord | undefined) => Promise<void>,
  logger: Logger,
): ConversationStore {
  return {
    ...store,
    async remember(input) {
      const remembered = await store.remember(input);
      if (!remembered.written && !remembered.firstSeen) return remembered;
      // Never fail the user's turn because notification bookkeeping failed.
      await onSeen(remembered.record, remembered.before).catch((err: unknown) =>
        logger.error('could not update notification subscriptions', { error: err }),
      );
      return remembered;
    },
  };
}
