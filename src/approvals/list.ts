/**
 * The requests waiting for a decision, for `approvals` and for the list card's own buttons: open
 * ones (pending, or approved but not yet applied after a restart) that have not expired, oldest
 * first, with Approve only where the reader may approve (an approver, not their own request).
 * Someone who is not an approver sees only their own requests: the others are counted, no more.
 */
import { type ActionResult } from '../views/reply';
import { approvalListCard, type ApprovalListItem } from '../views/approvalListCard';
import { type AdaptiveCard } from '../domain/adaptiveCard';
import { viewOf, type ChangeViewStore } from '../changes/changeView';
import { titleOf } from '../domain/changeRows';
import { isExpired, type PendingChange, type Person } from '../domain/pendingChange';
import { placeChosenBy } from '../views/approvalCards';
import { isRequester } from './decisionSteps';
import type { ApproverDirectory } from './approvers';
import type { ApprovalDeps } from './deps';
import { CHANNEL_KEY, type ApprovalRequest } from '../domain/approvalRecords';
import type { ApprovalStores } from './stores';
import { formatTime } from '../domain/time';

export interface ListInput {
  stores: ApprovalStores;
  views: ChangeViewStore;
  directory: ApproverDirectory;
  person: Person;
  now: Date;
}

export async function openRequests(stores: ApprovalStores, now: Date) {
  const open: Array<{ change: PendingChange; request: ApprovalRequest }> = [];
  for (const { id, value: request } of await stores.requests.list()) {
    const change = (await stores.changes.get(id))?.value;
    if (!change || !['pending', 'approved'].includes(change.state) || isExpired(change, now))
      continue;
    open.push({ change, request });
  }
  return open.sort((a, b) => (a.request.requestedAt < b.request.requestedAt ? -1 : 1));
}

async function itemOf(
  input: ListInput,
  change: PendingChange,
  request: ApprovalRequest,
  approver: boolean,
): Promise<ApprovalListItem> {
  const own = isRequester(change, input.person.aadObjectId);
  const view = await viewOf(input.views, change.id);
  return {
    changeId: change.id,
    title: titleOf(change, view),
    who: `Asked by ${change.requester.name} at ${formatTime(request.requestedAt)} · expires ${formatTime(change.expiresAt)}`,
    reason: request.reason,
    status:
      change.state === 'approved'
        ? `Approved by ${change.approver?.name ?? 'an approver'}, not applied yet`
        : undefined,
    canDecide: approver && !own,
    canCancel: approver || own,
  };
}

export async function approvalListCardFor(input: ListInput): Promise<AdaptiveCard> {
  const { directory } = input;
  let notice: string | undefined;
  const approver = await directory.isApprover(input.person.aadObjectId).catch(() => {
    notice =
      'The approver group could not be read just now, so Approve is not offered; try again in a minute.';
    return false;
  });
  if (directory.noneConfigured)
    notice =
      'No approvers are configured (APPROVERS, APPROVER_GROUP_ID): nobody can approve these requests.';
  const open = await openRequests(input.stores, input.now);
  const channel = (await input.stores.channel.get(CHANNEL_KEY))?.value;
  const where = channel
    ? `Requests go to ${placeChosenBy(channel.name ?? 'the approvals channel', channel.setBy)}.`
    : 'New requests go to each approver in a 1:1 chat ("approvals here" in a channel posts them there).';
  // Details (the set, the diff, the reason) only for approvers and each request's requester.
  const shown = approver
    ? open
    : open.filter(({ change }) => isRequester(change, input.person.aadObjectId));
  const hidden = open.length - shown.length;
  const others = hidden
    ? ` Only approvers and the person who asked can see a request, so ${hidden === 1 ? '1 is' : `${hidden} are`} not shown.`
    : '';
  const summary = `${open.length} waiting for a decision. ${where} ${approver ? 'You can approve.' : 'You are not an approver.'}${others}`;
  const items = await Promise.all(
    shown.map(({ change, request }) => itemOf(input, change, request, approver)),
  );
  return approvalListCard({ summary, notice, items });
}

/** The list again, in place of the list card that was clicked. */
export async function listResult(deps: ApprovalDeps): Promise<ActionResult> {
  const card = await approvalListCardFor({
    stores: deps.stores,
    views: deps.change.views,
    directory: deps.approvals.directory,
    person: deps.change.person,
    now: deps.change.now(),
  });
  return { kind: 'card', card, forEveryone: true };
}
