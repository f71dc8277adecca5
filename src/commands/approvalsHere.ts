/**
 * `approvals here`: approval requests are posted in this channel (or group chat) from now on, as
 * new posts (docs/teams-notes.md#proactive-messages), instead of to each approver in a 1:1 chat. The stored
 * reference is the one Teams gave for this conversation on this very turn
 * (an explicit target, with serviceUrl and tenant). Only an approver (APPROVERS or the approver
 * group, by Entra object id) may change it: the requests carry the full change, so whoever chooses
 * where they go chooses who reads them. Who chose is recorded (object id and the name at the time)
 * and shown by `approvals` and on the request cards.
 */
import { placeChosenBy } from '../views/approvalCards';
import { SELF_POLICY_TEXT } from '../views/approvalListCard';
import { CHANNEL_KEY, type ApprovalChannel } from '../domain/approvalRecords';
import { approvalStores } from '../approvals/stores';
import { AppError } from '../errors';
import { referenceForPosts } from '../notifications';
import { command, noArgs, type CommandContext } from '../bot/command';

/** Records from before names were stored say where only from inside the conversation. */
const OLD_LABELS = new Set(['this channel', 'this group chat']);

/** Where requests go now, for a refusal said in some other conversation. */
function currentPlace(channel: ApprovalChannel | undefined): string {
  if (!channel) return 'each approver in a 1:1 chat';
  const place =
    channel.name && !OLD_LABELS.has(channel.name)
      ? channel.name
      : channel.conversationType === 'channel'
        ? 'the approvals channel'
        : 'the approvals group chat';
  return placeChosenBy(place, channel.setBy);
}

/**
 * The conversation's real name as people see it elsewhere (the requester's 1:1 card says "Sent
 * to: SDS Approvals in Contoso District IT", never "this channel"; issue 12 item 5).
 */
export function placeLabel(
  conversation: CommandContext['conversation'],
  isGeneral: boolean,
): string {
  if (conversation.type === 'channel') {
    const channel = isGeneral ? 'General' : conversation.name;
    if (!channel) return 'the approvals channel';
    return conversation.teamName ? `${channel} in ${conversation.teamName}` : channel;
  }
  return conversation.name ? `the group chat "${conversation.name}"` : 'the approvals group chat';
}

/** Throws unless the sender is an approver; the group being unreadable is an error, never a yes. */
async function mustBeApprover(ctx: CommandContext, aadObjectId: string): Promise<void> {
  const { directory } = ctx.services.approvals;
  if (!directory.noneConfigured && (await directory.isApprover(aadObjectId))) return;
  const channel = (await approvalStores(ctx.services.storage).channel.get(CHANNEL_KEY))?.value;
  const still = `Requests still go to ${currentPlace(channel)}.`;
  throw new AppError(
    'forbidden',
    directory.noneConfigured
      ? `No approvers are configured (APPROVERS, APPROVER_GROUP_ID), so nobody can choose where approval requests go. ${still}`
      : `Only approvers can choose where approval requests go, and you are not one of them (APPROVERS or the approver group). ${still}`,
  );
}

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
    // Under the self policy nothing is ever posted: say so instead of accepting a channel.
    if (Object.values(ctx.services.config.approvals.policy).every((p) => p === 'self'))
      return [{ text: SELF_POLICY_TEXT }];
    await mustBeApprover(ctx, ctx.user.aadObjectId);
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
    const isGeneral = !!seen.channelId && seen.channelId === seen.teamId;
    await approvalStores(ctx.services.storage).channel.put(CHANNEL_KEY, {
      reference: referenceForPosts(seen.reference),
      conversationType: seen.conversationType,
      name: placeLabel(ctx.conversation, isGeneral),
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
