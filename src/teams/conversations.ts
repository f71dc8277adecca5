/**
 * Keeps the conversation reference of every conversation the bot is in, refreshed on every
 * inbound activity, and marks it uninstalled on uninstall / bot removed / team deleted
 * (docs/teams-notes.md#proactive-messages).
 */
import { ActivityTypes, TurnContext } from 'botbuilder';
import type { AppServices } from '../bot/command';

export function installChange(ctx: TurnContext): boolean | undefined {
  const a = ctx.activity;
  if (a.type === ActivityTypes.InstallationUpdate) {
    if (a.action === 'add' || a.action === 'add-upgrade') return true;
    if (a.action === 'remove' || a.action === 'remove-upgrade') return false;
  }
  if (a.type === ActivityTypes.ConversationUpdate) {
    const botId = a.recipient?.id;
    if (a.membersRemoved?.some((m) => m.id === botId)) return false;
    if (a.membersAdded?.some((m) => m.id === botId)) return true;
    const event = a.channelData?.eventType;
    if (event === 'teamDeleted') return false;
    if (event === 'teamRestored') return true;
  }
  return undefined;
}

/**
 * The reference as stored: without `activityId` (the id of the message just received). Every
 * message has a new one, so keeping it made the store write on every turn, and no reader uses it:
 * proactive posts and approval cards drop it (referenceForPosts, referenceHere).
 */
function storedReference(a: TurnContext['activity']) {
  const { activityId: _thisMessage, ...reference } = TurnContext.getConversationReference(a);
  return JSON.parse(JSON.stringify(reference));
}

export async function rememberConversation(ctx: TurnContext, services: AppServices): Promise<void> {
  const a = ctx.activity;
  if (!a.conversation?.id || !a.serviceUrl) return;
  try {
    // The store skips the write (and the read) when nothing changed since the last turn;
    // an install or uninstall event always writes.
    await services.conversations.remember({
      reference: storedReference(a),
      conversationType: a.conversation.conversationType ?? 'personal',
      teamId: a.channelData?.team?.id,
      channelId: a.channelData?.channel?.id,
      installed: installChange(ctx),
    });
  } catch (err) {
    // Never fail the user's turn because bookkeeping failed; but say so loudly in the log.
    services.logger.error('could not store conversation reference', {
      activityId: a.id,
      error: err,
    });
  }
}
