/**
 * Posting a new request where approvers see it: into the approvals channel (`approvals here`) as a
 * new post, or else into the 1:1 chat of each approver the bot has a chat with (an explicit
 * target, the full stored reference). Who could not be reached is recorded and
 * shown to the requester. A post is sent once: after a 5xx or a timeout it may have landed, and
 * posting again could show the request twice; only a 429 is retried.
 */
import { type AdaptiveCard } from '../domain/adaptiveCard';
import type { PendingChange } from '../domain/pendingChange';
import type { Logger } from '../log';
import type { SendOutcome } from '../notifications';
import { referenceForPosts } from '../notifications';
import type { ConversationStore, StoredConversationReference } from '../store/conversationStore';
import type { CardMessenger } from './access';
import type { Audience, Posting } from './outcome';
import { CHANNEL_KEY, type ApprovalRequest, type CardCopy } from '../domain/approvalRecords';
import { updateRecord, type ApprovalStores } from './stores';

export interface DeliveryDeps {
  stores: ApprovalStores;
  messenger: CardMessenger;
  conversations: ConversationStore;
  logger: Logger;
  /** Everyone who may approve now (without the requester). */
  approverIds: string[];
  /** `posting`: the channel copy being posted (its label and who chose the channel). */
  render(audience: Audience, posting?: Posting): AdaptiveCard;
}

const MAX_THROTTLE_WAIT_MS = 3_000;

/** A stored reference for updating a message in that very conversation (or thread). */
export function referenceHere(reference: StoredConversationReference): StoredConversationReference {
  const {
    user: _speaker,
    activityId: _last,
    ...rest
  } = reference as StoredConversationReference & {
    activityId?: string;
  };
  return rest;
}

async function sendOnce(
  deps: DeliveryDeps,
  reference: StoredConversationReference,
  card: AdaptiveCard,
): Promise<SendOutcome> {
  const first = await deps.messenger.send(reference, card);
  if (first.kind !== 'throttled') return first;
  const wait = Math.min(first.retryAfterMs ?? 1_000, MAX_THROTTLE_WAIT_MS);
  await new Promise((resolve) => setTimeout(resolve, wait));
  return deps.messenger.send(reference, card);
}

/** The 1:1 chat the bot has with this person, if any (the latest one that is installed). */
async function personalChatOf(conversations: ConversationStore, aadObjectId: string) {
  const oid = aadObjectId.toLowerCase();
  const chats = (await conversations.list()).filter(
    (c) =>
      c.installed &&
      c.conversationType === 'personal' &&
      c.reference.user?.aadObjectId?.toLowerCase() === oid,
  );
  return chats.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))[0];
}

type Posted = { copy?: CardCopy; unreached?: string };

async function postToChannel(deps: DeliveryDeps): Promise<Posted | undefined> {
  const channel = (await deps.stores.channel.get(CHANNEL_KEY))?.value;
  if (!channel) return undefined;
  const label = channel.name ?? 'the approvals channel';
  const card = deps.render('channel', { label, chosenBy: channel.setBy });
  const outcome = await sendOnce(deps, channel.reference, card);
  if (outcome.kind === 'sent')
    return {
      copy: {
        role: 'channel',
        reference: channel.reference,
        activityId: outcome.activityId,
        label,
        chosenBy: channel.setBy,
      },
    };
  deps.logger.warn('approval request not posted to the channel', { outcome: outcome.kind });
  return { unreached: label };
}

async function postToApprover(deps: DeliveryDeps, oid: string): Promise<Posted> {
  const chat = await personalChatOf(deps.conversations, oid);
  const name = chat?.reference.user?.name ?? oid;
  if (!chat) return { unreached: name };
  const reference = referenceForPosts(chat.reference);
  const outcome = await sendOnce(deps, reference, deps.render('approver'));
  if (outcome.kind !== 'sent') {
    deps.logger.warn('approval request not sent to an approver', {
      approverOid: oid,
      outcome: outcome.kind,
    });
    return { unreached: name };
  }
  return {
    copy: { role: 'approver', reference, activityId: outcome.activityId, label: `${name} (chat)` },
  };
}

/** Posts the request and records where; the channel when there is one, else every approver. */
export async function deliverRequest(
  deps: DeliveryDeps,
  change: PendingChange,
): Promise<ApprovalRequest | undefined> {
  const channel = await postToChannel(deps);
  const results: Posted[] = channel?.copy
    ? [channel]
    : [
        ...(channel ? [channel] : []),
        ...(await Promise.all(deps.approverIds.map((oid) => postToApprover(deps, oid)))),
      ];
  const copies = results.flatMap((r) => (r.copy ? [r.copy] : []));
  const unreached = results.flatMap((r) => (r.unreached ? [r.unreached] : []));
  deps.logger.info('approval request posted', {
    changeId: change.id,
    copies: copies.length,
    unreached: unreached.length,
  });
  return updateRecord(deps.stores.requests, change.id, (request) => ({
    ...request,
    copies: [...request.copies, ...copies],
    unreached,
    delivery: 'done',
    cardsShow: request.cardsShow ?? 'pending',
  }));
}
