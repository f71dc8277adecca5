/**
 * Buttons of notification cards. `notify.mute`: no more notifications about this set in this
 * conversation. `notify.resend`: a person who sees that an uncertain delivery did not arrive asks
 * for it again (the bot never re-posts an uncertain one on its own: that could post it twice).
 * Show set and Reset flow reuse `command.run` and `flow.reset`.
 */
import { z } from 'zod';
import { AppError } from '../errors';
import { conversationKeyOf, createOutbox, createSubscriptionStore } from '../notifications';
import { advance } from '../notifications/outbox';
import { withMuted } from '../notifications/subscriptionStore';
import type { ActionContext } from '../bot/action';
import { cardAction } from '../bot/action';

function actorOf(ctx: ActionContext) {
  if (!ctx.user.aadObjectId) {
    throw new AppError(
      'forbidden',
      'Only people signed in with a work or school account (Microsoft Entra ID) can change notifications.',
    );
  }
  return { aadObjectId: ctx.user.aadObjectId, name: ctx.user.name };
}

export const notifyMuteAction = cardAction({
  verb: 'notify.mute',
  schema: z.object({ setId: z.string().min(1).max(200), setName: z.string().max(300).default('') }),
  async run(ctx, { setId, setName }) {
    const by = actorOf(ctx);
    const key = conversationKeyOf(ctx.conversation.id);
    const name = setName || setId;
    const updated = await createSubscriptionStore(ctx.services.storage).update(key, (current) =>
      current ? withMuted(current, { setId, setName: name }, by, new Date()) : undefined,
    );
    return {
      kind: 'message',
      text: updated
        ? `Muted: no more notifications about "${name}" here. "notify here for ${name}" turns them back on.`
        : 'This conversation does not receive notifications any more.',
    };
  },
});

export const notifyResendAction = cardAction({
  verb: 'notify.resend',
  schema: z.object({ deliveryId: z.string().regex(/^[0-9a-f]{16,64}$/) }),
  async run(ctx, { deliveryId }) {
    actorOf(ctx);
    const outbox = createOutbox(ctx.services.storage);
    const item = await outbox.get(deliveryId);
    // Only from the conversation it belongs to: nobody can trigger posts into another one.
    if (!item || item.value.conversationKey !== conversationKeyOf(ctx.conversation.id)) {
      throw new AppError('not_found', 'This notification is no longer known here.');
    }
    if (item.value.state !== 'uncertain') {
      return { kind: 'message', text: `Nothing to do: this notification is ${item.value.state}.` };
    }
    const now = new Date();
    const moved = await outbox.move(
      item,
      advance(item.value, 'pending', now, {
        nextAttemptAt: now.toISOString(),
        note: `send again, asked by ${ctx.user.name || 'someone'}`,
      }),
    );
    return {
      kind: 'message',
      text: moved
        ? 'OK: I will post it again in a moment.'
        : 'Someone else just handled this notification.',
    };
  },
});
