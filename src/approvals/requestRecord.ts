/**
 * The records of a new request: the request itself (who can approve, where the requester's card
 * is) and the one all-or-nothing write that stores it with the set's lock and the change's new
 * expiry (request.ts).
 */
import { PENDING_CHANGE_PREFIX, PendingChange } from '../domain/pendingChange';
import type { Versioned } from '../store/recordStore';
import { isStorageConflict } from '../store/storage';
import { referenceHere } from './delivery';
import type { ApprovalDeps } from './deps';
import type { LockState } from './lock';
import {
  APPROVAL_PREFIX,
  ApprovalLock,
  ApprovalRequest,
  LOCK_PREFIX,
  type CardCopy,
} from '../domain/approvalRecords';
import { writeAll } from './stores';

async function requesterCopy(deps: ApprovalDeps): Promise<CardCopy[]> {
  const seen = await deps.conversations.get(deps.conversation.id);
  if (!seen) return [];
  const reference = referenceHere(seen.reference);
  return [{ role: 'requester', reference, activityId: deps.replyToId, label: 'the requester' }];
}

/** The one write that makes the request: change (new expiry), request, set lock. */
export async function storeRequest(
  deps: ApprovalDeps,
  stored: Versioned<PendingChange>,
  waiting: PendingChange,
  request: ApprovalRequest,
  lock: LockState & { free: true },
): Promise<boolean> {
  const { setId, changeId, requestedAt: at } = request;
  try {
    await writeAll(deps.change.storage, [
      {
        prefix: PENDING_CHANGE_PREFIX,
        id: changeId,
        schema: PendingChange,
        value: waiting,
        eTag: stored.eTag,
      },
      {
        prefix: APPROVAL_PREFIX,
        id: changeId,
        schema: ApprovalRequest,
        value: request,
        eTag: undefined,
      },
      ...(setId
        ? [
            {
              prefix: LOCK_PREFIX,
              id: setId,
              schema: ApprovalLock,
              value: { setId, changeId, holder: request.requester, at },
              eTag: lock.eTag,
            },
          ]
        : []),
    ]);
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
