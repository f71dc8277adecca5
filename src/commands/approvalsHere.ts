/**
 * `approvals here`: approval requests are posted in this channel (or group chat) from now on, as
 * new posts (docs/teams-notes.md#proactive-messages), instead of to each approver in a 1:1 chat. The stored
 * reference is the one Teams gave for this conversation on this very turn
 * (an explicit target, with serviceUrl and tenant). Only someone with an Entra object id may change
 * it, and who did is recorded and shown by `approvals`.
 */
import { CHANNEL_KEY } from '../approvals/schemas';
import { approvalStores } from '../approvals/stores';
import { AppError } from '../errors';
import { referenceForPosts } from '../notifications';
import { command, noArgs } from './types';

export const approvalsHereCommand = command<undefined>({
  name: 'approvals here',
  aliases: ['approvals channel'],
  usage: 'approvals here',
  summary:
    'Post approval requests in this channel (as new posts) instead of in approvers’ 1:1 chats.',
  examples: ['approvals here'],
  parse: noArgs,
  async run(ctx) {
    if (!ctx.user.aadObjectId)
      throw new AppError(
        'forbidden',
        'Only people signed in with a work or school account can choose where approval requests go.',
      );
    if (ctx.conversation.type === 'personal')
      return [
        {
          text: 'Use "approvals here" in a team channel (or a group chat): that is where approvers will see the requests. In 1:1 chats each approver already gets them.',
        },
      ];
    const seen = await ctx.services.conversations.get(ctx.conversation.id);
    if (!seen)
      throw new AppError(
        'internal',
        'I could not store where this conversation is. Please try again.',
      );
    const name = seen.channelId && seen.channelId === seen.teamId ? 'General' : undefined;
    await approvalStores(ctx.services.storage).channel.put(CHANNEL_KEY, {
      reference: referenceForPosts(seen.reference),
      conversationType: seen.conversationType,
      name: name ?? (ctx.conversation.type === 'channel' ? 'this channel' : 'this group chat'),
      setBy: { aadObjectId: ctx.user.aadObjectId, name: ctx.user.name },
      at: new Date().toISOString(),
    });
    const where =
      ctx.conversation.type === 'channel' ? 'this channel, as new posts' : 'this group chat';
    return [
      {
        text: `Approval requests will be posted in ${where}. Approvers decide with the buttons on each request; "approvals" lists what is waiting.`,
      },
    ];
  },
});
