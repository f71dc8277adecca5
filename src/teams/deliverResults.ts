/**
 * Delivering what a turn produced: command replies (a preview card learns the id of the message
 * that holds it) and a card action's result (the invoke response, and the message itself updated
 * for everyone when the result says so).
 */
import type { TurnContext } from 'botbuilder';
import type { ActionResult } from '../bot/action';
import type { AppServices, Reply } from '../bot/command';
import { rememberPreviewPlacement } from '../changes/placement';
import { createPendingChangeStore } from '../changes/pendingChangeStore';
import { InvokeResponse, cardInvokeResponse, messageInvokeResponse } from './invokeResponse';
import { cardActivity, replyActivity } from './replies';

export type SendReplies = (ctx: TurnContext, replies: Reply[]) => Promise<void>;

/** Sends command replies; a preview card learns the id of the message that holds it. */
export function createReplySender(services: AppServices): SendReplies {
  const pendingChanges = createPendingChangeStore(services.storage);
  return async (ctx, replies) => {
    for (const reply of replies) {
      const sent = await ctx.sendActivity(replyActivity(reply));
      if ('card' in reply) {
        const placement = { conversationId: ctx.activity.conversation.id, activityId: sent?.id };
        await rememberPreviewPlacement(pendingChanges, reply.card, placement);
      }
    }
  };
}

export async function deliverActionResult(
  ctx: TurnContext,
  result: ActionResult,
  sendReplies: SendReplies,
): Promise<InvokeResponse> {
  // New messages (a preview opened from an alert, say) learn their message id like any reply.
  await sendReplies(ctx, result.also ?? []);
  if (result.kind === 'message') return messageInvokeResponse(result.text);
  if (result.forEveryone && ctx.activity.replyToId) {
    // The invoke response only changes the clicker's view; update the message itself.
    await ctx.updateActivity({ ...cardActivity(result.card), id: ctx.activity.replyToId });
  }
  return cardInvokeResponse(result.card);
}
