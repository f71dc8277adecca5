/**
 * One change per flow set may wait for approval (like Atlantis' project
 * locks): a lock record per set, written just before the request (requestRecord.ts). The record
 * names the change holding it; it is held only while that change is open or being applied and
 * its request exists, so a decided, expired or cancelled request frees the set without anyone
 * deleting the record (no release step a crash could skip). A lock whose request is not written
 * yet holds the set for PENDING_LOCK_MS: the request is being made right now (storage has no
 * transaction across records, so lock and request land one after the other), or its maker
 * crashed, which that delay then repairs. Storage errors propagate: the lock fails closed.
 */
import { titleOf } from '../domain/changeRows';
import { viewOf, type ChangeViewStore } from '../changes/changeView';
import { isExpired, type PendingChange } from '../domain/pendingChange';
import { LOCK_PREFIX, type ApprovalRequest } from '../domain/approvalRecords';
import { StorageConflictError } from '../store/storage';
import type { ApprovalStores } from './stores';
import { formatTime } from '../domain/time';

/** How long a lock without its request holds the set (a request is being made, or it crashed). */
export const PENDING_LOCK_MS = 60_000;
/**
 * The maker of a request writes it only this soon after taking the lock (else it starts over):
 * with the storage client's own retries the write still lands well inside PENDING_LOCK_MS.
 */
export const REQUEST_WRITE_MS = 20_000;

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
  const making = now.getTime() - Date.parse(lock.value.at) < PENDING_LOCK_MS;
  // Another request for this set is being made this moment: try again (request.ts retries).
  if (holder && !request && making && holder.value.state === 'pending')
    throw new StorageConflictError(`${LOCK_PREFIX}/${setId}`);
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
