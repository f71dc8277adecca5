/**
 * One change per flow set may wait for approval (like Atlantis' project
 * locks): a lock record per set, taken in the same all-or-nothing write that stores the request
 * (request.ts). The record names the change holding it; it is held only while that change is
 * open or being applied and its request exists, so a decided, expired or cancelled request frees
 * the set without anyone deleting the record (no release step a crash could skip). Storage
 * errors propagate: the lock fails closed.
 */
import { titleOf } from '../domain/changeRows';
import { viewOf, type ChangeViewStore } from '../changes/changeView';
import { isExpired, type PendingChange } from '../domain/pendingChange';
import type { ApprovalRequest } from '../domain/approvalRecords';
import type { ApprovalStores } from './stores';
import { formatTime } from '../domain/time';

/** `unknown`: the write may still land, so the set stays held until the sweep settles it. */
const HOLDING = ['pending', 'approved', 'applying', 'unknown'];

export type LockState =
  | { free: true; eTag?: string }
  | { free: false; holder: PendingChange; request: ApprovalRequest };

export async function lockOf(
  stores: ApprovalStores,
  setId: string,
  changeId: string,
  now: Date,
): Promise<LockState> {
  const lock = await stores.locks.get(setId);
  if (!lock || lock.value.changeId === changeId) return { free: true, eTag: lock?.eTag };
  const [holder, request] = await Promise.all([
    stores.changes.get(lock.value.changeId),
    stores.requests.get(lock.value.changeId),
  ]);
  const live =
    holder &&
    request &&
    HOLDING.includes(holder.value.state) &&
    !(holder.value.state === 'pending' && isExpired(holder.value, now));
  if (!live) return { free: true, eTag: lock.eTag };
  return { free: false, holder: holder.value, request: request.value };
}

/** "Northwind already has a change waiting for approval: …" */
export async function heldBy(
  views: ChangeViewStore,
  holder: PendingChange,
  request: ApprovalRequest,
) {
  const view = await viewOf(views, holder.id);
  return (
    `"${view.setName}" already has a change waiting for approval: ${titleOf(holder, view)}, asked by ` +
    `${request.requester.name} at ${formatTime(request.requestedAt, 'second')}. Only one change per flow set can ` +
    'wait for approval: wait for the decision, or cancel that request (its requester or an approver can).'
  );
}
