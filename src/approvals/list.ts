/**
 * The requests waiting for a decision, for `approvals` and for the list card's own buttons: open
 * ones (pending, or approved but not yet applied after a restart) that have not expired, oldest
 * first, with Approve only where the reader may approve (an approver, not their own request).
 * Someone who is not an approver sees only their own requests: the others are counted, no more.
 */
import { viewOf, type ChangeViewStore } from '../changes/changeView';
import { isExpired, type PendingChange, type Person } from '../domain/pendingChange';
import { isRequester } from './decisionSteps';
import type { ApproverDirectory } from './approvers';
import type { ApprovalDeps } from './deps';
import { CHANNEL_KEY, type ApprovalRequest } from '../domain/approvalRecords';
import type { ApprovalList, ApprovalListEntry, ListAgain } from './outcome';
import type { ApprovalStores } from './stores';

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

async function entryOf(
  input: ListInput,
  change: PendingChange,
  request: ApprovalRequest,
  approver: boolean,
): Promise<ApprovalListEntry> {
  const own = isRequester(change, input.person.aadObjectId);
  return {
    change,
    view: await viewOf(input.views, change.id),
    request,
    canDecide: approver && !own,
    canCancel: approver || own,
  };
}

export async function approvalListFor(input: ListInput): Promise<ApprovalList> {
  const { directory } = input;
  let unknown = false;
  const approver = await directory.isApprover(input.person.aadObjectId).catch(() => {
    unknown = true;
    return false;
  });
  const open = await openRequests(input.stores, input.now);
  const channel = (await input.stores.channel.get(CHANNEL_KEY))?.value;
  // Details (the set, the diff, the reason) only for approvers and each request's requester.
  const shown = approver
    ? open
    : open.filter(({ change }) => isRequester(change, input.person.aadObjectId));
  const entries = await Promise.all(
    shown.map(({ change, request }) => entryOf(input, change, request, approver)),
  );
  return {
    open: open.length,
    hidden: open.length - shown.length,
    approver: unknown ? 'unknown' : approver,
    noneConfigured: directory.noneConfigured,
    channel: channel && { name: channel.name, setBy: channel.setBy },
    entries,
  };
}

/** The list again, in place of the list card that was clicked. */
export async function listAgain(deps: ApprovalDeps): Promise<ListAgain> {
  const list = await approvalListFor({
    stores: deps.stores,
    views: deps.change.views,
    directory: deps.approvals.directory,
    person: deps.change.person,
    now: deps.change.now(),
  });
  return { kind: 'list', list };
}
