/**
 * The approver's side of a change's life cycle, as one pure function (the requester's side is
 * pendingChangeTransition.ts). Who is an approver is decided before (approvers.ts); here the
 * rules that depend on the record: nobody approves their own request, a decision is made once,
 * and an expired request can no longer be decided.
 *
 *   pending ──approve──▶ approved ──apply (by that approver)──▶ applying ──▶ applied | failed | stale
 *      ├──reject──▶ rejected
 *      ├──cancel (requester or an approver)──▶ cancelled      (also from approved)
 *      └──time is up──▶ expired
 */
import { AppError } from '../errors';
import type { RecordStore } from '../store/recordStore';
import { isStorageConflict } from '../store/storage';
import {
  isExpired,
  type ChangeState,
  type PendingChange,
  type Person,
  type TransitionResult,
} from '../domain/pendingChange';

export type ApprovalEvent =
  | { type: 'approve'; by: Person }
  | { type: 'reject'; by: Person }
  /** `byApprover`: the clicker is on the approver list (checked by the caller). */
  | { type: 'cancel'; by: Person; byApprover: boolean };

const OPEN: ChangeState[] = ['pending', 'approved'];

const CLOSED: Partial<Record<ChangeState, string>> = {
  approved: 'This request has already been approved.',
  rejected: 'This request has already been rejected.',
  applying: 'This change is being applied right now.',
  applied: 'This change has already been applied.',
  failed: 'This change was approved, but applying it failed.',
  stale: 'The flow set changed after this request, so it was not applied.',
  cancelled: 'This request was cancelled.',
  expired: 'This request expired before anyone decided.',
};

const moved = (
  change: PendingChange,
  state: ChangeState,
  now: Date,
  by?: Person,
): PendingChange => ({
  ...change,
  state,
  history: [...change.history, { state, at: now.toISOString(), ...(by ? { by } : {}) }],
});

const refused = (code: 'forbidden' | 'conflict', message: string, change?: PendingChange) =>
  ({ outcome: 'refused', error: new AppError(code, message), change }) as const;

/** Closes an open change whose time is up (the caller stores it) or says why it is closed. */
function closedOrExpired(change: PendingChange, now: Date): TransitionResult | undefined {
  if (!OPEN.includes(change.state)) return { outcome: 'already', change };
  if (isExpired(change, now))
    return refused('conflict', CLOSED.expired!, moved(change, 'expired', now));
  return undefined;
}

const own = (change: PendingChange, by: Person) =>
  change.requester.aadObjectId.toLowerCase() === by.aadObjectId.toLowerCase();

function approve(change: PendingChange, by: Person, now: Date): TransitionResult {
  if (own(change, by))
    return refused('forbidden', 'You asked for this change, so someone else has to approve it.');
  if (change.state !== 'pending') return { outcome: 'already', change };
  const closed = closedOrExpired(change, now);
  if (closed) return closed;
  return { outcome: 'changed', change: { ...moved(change, 'approved', now, by), approver: by } };
}

function reject(change: PendingChange, by: Person, now: Date): TransitionResult {
  if (own(change, by))
    return refused('forbidden', 'You asked for this change: cancel it instead of rejecting it.');
  if (change.state !== 'pending') return { outcome: 'already', change };
  return (
    closedOrExpired(change, now) ?? {
      outcome: 'changed',
      change: moved(change, 'rejected', now, by),
    }
  );
}

function cancel(
  change: PendingChange,
  by: Person,
  byApprover: boolean,
  now: Date,
): TransitionResult {
  if (!own(change, by) && !byApprover)
    return refused(
      'forbidden',
      `Only ${change.requester.name}, who asked for this change, or an approver can cancel it.`,
    );
  if (change.state === 'cancelled') return { outcome: 'already', change };
  if (!OPEN.includes(change.state))
    return refused(
      'conflict',
      `It can no longer be cancelled. ${CLOSED[change.state] ?? ''}`.trim(),
    );
  return { outcome: 'changed', change: moved(change, 'cancelled', now, by) };
}

/** Moves `change` on `event` at `now`; never throws, never does I/O. */
export function decide(change: PendingChange, event: ApprovalEvent, now: Date): TransitionResult {
  switch (event.type) {
    case 'approve':
      return approve(change, event.by, now);
    case 'reject':
      return reject(change, event.by, now);
    case 'cancel':
      return cancel(change, event.by, event.byApprover, now);
  }
}

export const whyClosed = (state: ChangeState): string => CLOSED[state] ?? '';

// Each retry follows someone else's successful write: a handful is plenty.
const MAX_ATTEMPTS = 8;

/**
 * Applies `event` with compare-and-set on the stored change, recomputing after a lost race, so
 * of any number of concurrent clicks exactly one decision is stored.
 * A refusal that still moves the record (it expired) is stored too.
 */
export async function decideStored(
  changes: RecordStore<PendingChange>,
  changeId: string,
  event: ApprovalEvent,
  now: Date,
): Promise<TransitionResult> {
  for (let attempt = 1; ; attempt++) {
    const stored = await changes.get(changeId);
    if (!stored) return refused('conflict', 'This request is no longer known.') as TransitionResult;
    const result = decide(stored.value, event, now);
    if (result.outcome === 'already' || !result.change) return result;
    try {
      await changes.replace(changeId, result.change, stored.eTag);
      return result;
    } catch (err) {
      if (!isStorageConflict(err) || attempt >= MAX_ATTEMPTS) throw err;
    }
  }
}
