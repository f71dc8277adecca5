/**
 * Where a notification goes. A channel message arrives with conversation id
 * `19:…@thread.tacv2;messageid=…` (the thread); posting to the bare channel id starts a new post
 * in that channel, posting to the thread id would reply in the thread (docs/teams-notes.md#proactive-messages).
 * So a channel subscription is keyed, and sent to, by the channel id without `;messageid=`.
 */
import type { StoredConversationReference } from '../store/conversationStore';

export function conversationKeyOf(conversationId: string): string {
  const cut = conversationId.indexOf(';messageid=');
  return cut === -1 ? conversationId : conversationId.slice(0, cut);
}

/**
 * The stored reference pointed at the channel (or chat) itself rather than at one thread, without
 * the person who last spoke there (a proactive post is from the bot to the conversation).
 */
export function referenceForPosts(
  reference: StoredConversationReference,
): StoredConversationReference {
  const {
    activityId: _thread,
    user: _lastSpeaker,
    ...rest
  } = reference as StoredConversationReference & { activityId?: string };
  return {
    ...rest,
    conversation: { ...rest.conversation, id: conversationKeyOf(rest.conversation.id) },
  };
}

/** Storage keys must not depend on characters like `:` `;` `@`. */
export const storageIdOf = (conversationKey: string): string => encodeURIComponent(conversationKey);
