/**
 * The records of a new request: the request itself (who can approve, where the requester's card
 * is) and the ordered writes that store it with the set's lock and the change's new expiry
 * (request.ts).
 */
import { PENDING_CHANGE_PREFIX, PendingChange } from '../domain/pendingChange';
import type { Versioned } from '../store/recordStore';
import { isStorageConflict } from '../store/storage';
import { referenceHere } from './delivery';
import type { ApprovalDeps } from './deps';
import { REQUEST_WRITE_MS, type LockState } from './lock';
import {
  APPROVAL_PREFIX,
  ApprovalLock,
  ApprovalRequest,
  LOCK_PREFIX,
  type CardCopy,
} from '../domain/approvalRecords';
import { writeAll, type RecordWrite } from './stores';

async function requesterCopy(deps: ApprovalDeps): Promise<CardCopy[]> {
  const seen = await deps.conversations.get(deps.conversation.id);
  if (!seen) return [];
  const reference = referenceHere(seen.reference);
  return [{ role: 'requester', reference, activityId: deps.replyToId, label: 'the requester' }];
}

/**
 * The writes that make the request, in an order where every prefix is harmless, because storage
 * has no transaction across records (store/storage.ts):
 *   1. the set's lock (compare-and-set): a lock naming a change without a request holds the set
 *      only for a short while (lock.ts), so a crash here frees it by itself;
 *   2. the change's new expiry (compare-and-set): without a request it is only a preview that
 *      stays valid longer; the requester's next click completes the request;
 *   3. the request, create-only: the commit. A second click racing this one finds it and stops.
 * Step 3 is skipped when steps 1-2 took so long that another instance may see the lock as
 * abandoned (lock.ts `REQUEST_WRITE_MS`): the caller starts over with a fresh lock.
 */
export async function storeRequest(
  deps: ApprovalDeps,
  stored: Versioned<PendingChange>,
  waiting: PendingChange,
  request: ApprovalRequest,
  lock: LockState & { free: true },
): Promise<boolean> {
  const { setId, changeId, requestedAt: at } = request;
  const write = (w: RecordWrite) => writeAll(deps.change.storage, [w]);
  try {
    if (setId) {
      const value = { setId, changeId, holder: request.requester, at };
      await write({ prefix: LOCK_PREFIX, id: setId, schema: ApprovalLock, value, eTag: lock.eTag });
    }
    await write({
      prefix: PENDING_CHANGE_PREFIX,
      id: changeId,
      schema: PendingChange,
      value: waiting,
      eTag: stored.eTag,
    });
    if (deps.change.now().getTime() - Date.parse(at) > REQUEST_WRITE_MS) return false;
    await write({
      prefix: APPROVAL_PREFIX,
      id: changeId,
      schema: ApprovalRequest,
      value: request,
      eTag: undefined,
    });
    return true;
  } catch (err) {
    if (isStorageConflict(err)) return false; // someone else wrote one of them meanwhile
    throw err;
  }
}

/** The request record (not stored yet) and whom to post it to. */
export async function newRequest(
  deps: ApprovalDeps,
  change: PendingChange,
  setId: string | undefined,
  reason: string,
  now: Date,
) {
  const approvers = await deps.approvals.directory.list();
  const approverIds = approvers.ids.filter(
    (id) => id !== change.requester.aadObjectId.toLowerCase(),
  );
  const request = ApprovalRequest.parse({
    changeId: change.id,
    setId,
    requester: change.requester,
    reason,
    requestedAt: now.toISOString(),
    approverCount: approverIds.length,
    approversUnknown: !approvers.complete,
    copies: await requesterCopy(deps),
  });
  return { request, approverIds };
}
