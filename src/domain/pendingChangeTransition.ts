/**
 * The pending change's life cycle as one pure function. Policy (self approval, today): only the
 * requester, by Entra object id, may apply or cancel (authorise on the AAD
 * object id, never on a name or a conversation). Duplicate clicks and Teams' retried invokes
 * get `already` with the current change, never a second write.
 *
 *   pending ──apply──▶ applying ──succeeded──▶ applied
 *      │                  ├──────failed──────▶ failed
 *      │                  └──────stale───────▶ stale   (object changed since the preview)
 *      ├──cancel──▶ cancelled
 *      └──expire / apply after expiry──▶ expired
 *   (approved / rejected: reserved for peer approval; an approved change is applied by its approver)
 */
import { AppError } from '../errors';
import type { ChangeState, PendingChange, Person } from './pendingChangeSchema';

export type ChangeEvent =
  | { type: 'apply'; by: Person }
  | { type: 'cancel'; by: Person }
  | { type: 'expire' }
  | { type: 'stale' }
  | { type: 'succeeded'; requestId?: string }
  | { type: 'failed'; error: string; requestId?: string };

export type TransitionResult =
  /** Allowed: store `change` (compare-and-set). */
  | { outcome: 'changed'; change: PendingChange }
  /** Nothing to do (duplicate or late event): answer with the current `change`. */
  | { outcome: 'already'; change: PendingChange }
  /** Not allowed. When `change` is set, the record must still move to it (e.g. it expired). */
  | { outcome: 'refused'; error: AppError; change?: PendingChange };

const FINISHED_APPLY: ChangeState[] = ['applying', 'applied', 'failed'];
const OPEN: ChangeState[] = ['pending', 'approved'];

const WHY_CLOSED: Partial<Record<ChangeState, string>> = {
  cancelled: 'This change was cancelled.',
  expired: 'This preview expired. Preview the change again to apply it.',
  stale: 'The object changed after this preview. Preview the change again to see the new state.',
  rejected: 'This change was rejected.',
  applied: 'This change has already been applied.',
  applying: 'This change is being applied right now.',
  failed: 'This change was already tried and failed. Preview it again to retry.',
};

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

export const isExpired = (change: PendingChange, now: Date) =>
  now.getTime() >= Date.parse(change.expiresAt);

/** Who may apply: the requester while pending (self policy); the approver once approved. */
function mayApply(change: PendingChange, by: Person): string | undefined {
  if (change.state === 'approved')
    return change.approver?.aadObjectId === by.aadObjectId
      ? undefined
      : `Only ${change.approver?.name ?? 'the approver'}, who approved this change, can apply it.`;
  return change.requester.aadObjectId === by.aadObjectId
    ? undefined
    : `Only ${change.requester.name}, who asked for this change, can apply it.`;
}

function apply(change: PendingChange, by: Person, now: Date): TransitionResult {
  if (FINISHED_APPLY.includes(change.state)) return already(change);
  if (!OPEN.includes(change.state)) return refuse('conflict', WHY_CLOSED[change.state]!);
  const denied = mayApply(change, by);
  if (denied) return refuse('forbidden', denied);
  if (isExpired(change, now))
    return refuse('conflict', WHY_CLOSED.expired!, move(change, 'expired', now));
  return changed(move(change, 'applying', now, by));
}

function cancel(change: PendingChange, by: Person, now: Date): TransitionResult {
  if (change.state === 'cancelled') return already(change);
  if (!OPEN.includes(change.state))
    return refuse('conflict', `It can no longer be cancelled. ${WHY_CLOSED[change.state]}`);
  if (change.requester.aadObjectId !== by.aadObjectId)
    return refuse(
      'forbidden',
      `Only ${change.requester.name}, who asked for this change, can cancel it.`,
    );
  return changed(move(change, 'cancelled', now, by));
}

/** Moves `change` on `event` at `now`; never throws, never does I/O. */
export function transition(change: PendingChange, event: ChangeEvent, now: Date): TransitionResult {
  switch (event.type) {
    case 'apply':
      return apply(change, event.by, now);
    case 'cancel':
      return cancel(change, event.by, now);
    case 'expire':
      if (!OPEN.includes(change.state)) return already(change);
      if (!isExpired(change, now)) return refuse('conflict', 'This preview has not expired yet.');
      return changed(move(change, 'expired', now));
    case 'stale':
      if (change.state === 'stale') return already(change);
      if (change.state !== 'applying' && !OPEN.includes(change.state))
        return refuse('conflict', WHY_CLOSED[change.state]!);
      return changed(move(change, 'stale', now, undefined, { error: WHY_CLOSED.stale }));
    case 'succeeded':
    case 'failed': {
      const target = event.type === 'succeeded' ? 'applied' : 'failed';
      if (change.state === target) return already(change);
      if (change.state !== 'applying')
        return refuse(
          'conflict',
          `Only a change being applied can be ${target}; it is ${change.state}.`,
        );
      const result =
        event.type === 'succeeded'
          ? { requestId: event.requestId, appliedAt: now.toISOString() }
          : { requestId: event.requestId, error: event.error };
      return changed(move(change, target, now, undefined, result));
    }
  }
}
