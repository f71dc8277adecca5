/**
 * A pending change's whole life cycle as one pure function: the requester's events (apply,
 * cancel, and what applying reports) and the approver's (approve, reject, cancel from the
 * approval request), with one list of open states and one owner check. Authorise on the Entra
 * object id, never on a name or a conversation, and compare ids case-insensitively (Teams and
 * Graph do not agree on the letter case of a GUID). Duplicate clicks and Teams' retried invokes
 * get `already` with the current change, never a second write. The store applies it with
 * compare-and-set (changes/pendingChangeStore.ts).
 *
 *   pending ──apply (requester, self policy)──▶ applying ──succeeded──▶ applied
 *      │                                           ├──────failed──────▶ failed
 *      │                                           ├──────stale───────▶ stale   (object changed)
 *      │                                           └──────unknown─────▶ unknown ──succeeded / failed──▶ applied / failed
 *      │                      (sent, no answer: the sweep reads Graph for evidence, approvals/sweep.ts;
 *      │                       nothing is ever sent again)
 *      ├──approve (not the requester)──▶ approved ──apply (by that approver)──▶ applying …
 *      ├──reject (not the requester)──▶ rejected
 *      ├──cancel (requester, or an approver from the request)──▶ cancelled   (also from approved)
 *      └──expire / any event after the time is up──▶ expired
 */
import { AppError } from '../errors';
import type { ChangeState, PendingChange, Person } from './pendingChangeSchema';
import { WHY_CLOSED, type Audience } from './changeWording';
import { isExpired, isRequester, samePerson } from './changeOwner';

export type ChangeEvent =
  | { type: 'apply'; by: Person }
  /**
   * `byApprover` is set only by the approval request's Cancel button: whether the clicker is on
   * the approver list (decided by the caller). Its refusals use the approval request's wording.
   */
  | { type: 'cancel'; by: Person; byApprover?: boolean }
  | { type: 'approve'; by: Person }
  | { type: 'reject'; by: Person }
  | { type: 'expire' }
  | { type: 'stale' }
  | { type: 'succeeded'; requestId?: string }
  | { type: 'failed'; error: string; requestId?: string }
  /** The write was sent but no answer came back (AppError.outcomeUnknown). */
  | { type: 'unknown'; error: string; requestId?: string };

/** The events of the approval request card. */
export type ApprovalEvent =
  | Extract<ChangeEvent, { type: 'approve' | 'reject' }>
  | { type: 'cancel'; by: Person; byApprover: boolean };

export type TransitionResult =
  /** Allowed: store `change` (compare-and-set). */
  | { outcome: 'changed'; change: PendingChange }
  /** Nothing to do (duplicate or late event): answer with the current `change`. */
  | { outcome: 'already'; change: PendingChange }
  /** Not allowed. When `change` is set, the record must still move to it (e.g. it expired). */
  | { outcome: 'refused'; error: AppError; change?: PendingChange };

/** States in which a change can still be decided, applied or cancelled. */
export const OPEN: readonly ChangeState[] = ['pending', 'approved'];
const FINISHED_APPLY: readonly ChangeState[] = ['applying', 'unknown', 'applied', 'failed'];
/** States the settle events (succeeded, failed) move from: a claimed write, or one not heard back. */
const SETTLING: readonly ChangeState[] = ['applying', 'unknown'];

const move = (
  change: PendingChange,
  state: ChangeState,
  now: Date,
  by?: Person,
  result: PendingChange['result'] = change.result,
): PendingChange => ({
  ...change,
  state,
  result,
  history: [...change.history, { state, at: now.toISOString(), ...(by ? { by } : {}) }],
});

const refuse = (code: 'forbidden' | 'conflict', message: string, change?: PendingChange) =>
  ({ outcome: 'refused', error: new AppError(code, message), change }) as const;
const changed = (change: PendingChange) => ({ outcome: 'changed', change }) as const;
const already = (change: PendingChange) => ({ outcome: 'already', change }) as const;

/** Refuses an open change whose time is up, moving it to expired; undefined when in time. */
const expiredNow = (change: PendingChange, now: Date, audience: Audience) =>
  isExpired(change, now)
    ? refuse('conflict', WHY_CLOSED[audience].expired!, move(change, 'expired', now))
    : undefined;

/** Who may apply: the requester while pending (self policy); the approver once approved. */
function mayApply(change: PendingChange, by: Person): string | undefined {
  if (change.state === 'approved')
    return samePerson(change.approver, by)
      ? undefined
      : `Only ${change.approver?.name ?? 'the approver'}, who approved this change, can apply it.`;
  return isRequester(change, by)
    ? undefined
    : `Only ${change.requester.name}, who asked for this change, can apply it.`;
}

function apply(change: PendingChange, by: Person, now: Date): TransitionResult {
  if (FINISHED_APPLY.includes(change.state)) return already(change);
  if (!OPEN.includes(change.state)) return refuse('conflict', WHY_CLOSED.requester[change.state]!);
  const denied = mayApply(change, by);
  if (denied) return refuse('forbidden', denied);
  return expiredNow(change, now, 'requester') ?? changed(move(change, 'applying', now, by));
}

function approve(change: PendingChange, by: Person, now: Date): TransitionResult {
  if (isRequester(change, by))
    return refuse('forbidden', 'You asked for this change, so someone else has to approve it.');
  if (change.state !== 'pending') return already(change);
  return (
    expiredNow(change, now, 'approver') ??
    changed({ ...move(change, 'approved', now, by), approver: by })
  );
}

function reject(change: PendingChange, by: Person, now: Date): TransitionResult {
  if (isRequester(change, by))
    return refuse('forbidden', 'You asked for this change: cancel it instead of rejecting it.');
  if (change.state !== 'pending') return already(change);
  return expiredNow(change, now, 'approver') ?? changed(move(change, 'rejected', now, by));
}

function cancel(
  change: PendingChange,
  by: Person,
  byApprover: boolean | undefined,
  now: Date,
): TransitionResult {
  const audience: Audience = byApprover === undefined ? 'requester' : 'approver';
  if (!isRequester(change, by) && !byApprover)
    return refuse(
      'forbidden',
      audience === 'approver'
        ? `Only ${change.requester.name}, who asked for this change, or an approver can cancel it.`
        : `Only ${change.requester.name}, who asked for this change, can cancel it.`,
    );
  if (change.state === 'cancelled') return already(change);
  if (!OPEN.includes(change.state))
    return refuse(
      'conflict',
      `It can no longer be cancelled. ${WHY_CLOSED[audience][change.state] ?? ''}`.trim(),
    );
  return changed(move(change, 'cancelled', now, by));
}

function expire(change: PendingChange, now: Date): TransitionResult {
  if (!OPEN.includes(change.state)) return already(change);
  if (!isExpired(change, now)) return refuse('conflict', 'This preview has not expired yet.');
  return changed(move(change, 'expired', now));
}

function markStale(change: PendingChange, now: Date): TransitionResult {
  if (change.state === 'stale') return already(change);
  if (change.state !== 'applying' && !OPEN.includes(change.state))
    return refuse('conflict', WHY_CLOSED.requester[change.state]!);
  return changed(move(change, 'stale', now, undefined, { error: WHY_CLOSED.requester.stale }));
}

function markUnknown(
  change: PendingChange,
  event: Extract<ChangeEvent, { type: 'unknown' }>,
  now: Date,
): TransitionResult {
  if (change.state === 'unknown') return already(change);
  if (change.state !== 'applying')
    return refuse(
      'conflict',
      `Only a change being applied can have an unknown outcome; it is ${change.state}.`,
    );
  return changed(
    move(change, 'unknown', now, undefined, {
      requestId: event.requestId,
      error: event.error,
    }),
  );
}

/** A claimed (or unknown) write settles as applied or failed. */
function settle(
  change: PendingChange,
  event: Extract<ChangeEvent, { type: 'succeeded' | 'failed' }>,
  now: Date,
): TransitionResult {
  const target = event.type === 'succeeded' ? 'applied' : 'failed';
  if (change.state === target) return already(change);
  if (!SETTLING.includes(change.state))
    return refuse(
      'conflict',
      `Only a change being applied can be ${target}; it is ${change.state}.`,
    );
  const requestId = event.requestId ?? change.result.requestId;
  const result =
    event.type === 'succeeded'
      ? { requestId, appliedAt: now.toISOString() }
      : { requestId, error: event.error };
  return changed(move(change, target, now, undefined, result));
}

/** Moves `change` on `event` at `now`; never throws, never does I/O. */
export function transition(change: PendingChange, event: ChangeEvent, now: Date): TransitionResult {
  switch (event.type) {
    case 'apply':
      return apply(change, event.by, now);
    case 'cancel':
      return cancel(change, event.by, event.byApprover, now);
    case 'approve':
      return approve(change, event.by, now);
    case 'reject':
      return reject(change, event.by, now);
    case 'expire':
      return expire(change, now);
    case 'stale':
      return markStale(change, now);
    case 'unknown':
      return markUnknown(change, event, now);
    case 'succeeded':
    case 'failed':
      return settle(change, event, now);
  }
}
