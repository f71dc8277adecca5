/**
 * The words a refused click is answered with when the change is already closed, per card the click
 * came from (the preview or the approval request). Used by the change lifecycle
 * (changeLifecycle.ts).
 */
import type { ChangeState } from './pendingChangeSchema';

/** Who reads a refusal: the requester on the preview card, or anyone on the approval request. */
export type Audience = 'requester' | 'approver';

/** Why a change is closed, in the words of the card the click came from. */
export const WHY_CLOSED: Record<Audience, Partial<Record<ChangeState, string>>> = {
  requester: {
    cancelled: 'This change was cancelled.',
    expired: 'This preview expired. Preview the change again to apply it.',
    stale: 'The object changed after this preview. Preview the change again to see the new state.',
    rejected: 'This change was rejected.',
    applied: 'This change has already been applied.',
    applying: 'This change is being applied right now.',
    unknown:
      'This change was sent, but Microsoft Graph did not confirm it; the bot is checking whether it was made.',
    failed: 'This change was already tried and failed. Preview it again to retry.',
  },
  approver: {
    approved: 'This request has already been approved.',
    rejected: 'This request has already been rejected.',
    applying: 'This change is being applied right now.',
    unknown:
      'This change was sent, but Microsoft Graph did not confirm it; the bot is checking whether it was made.',
    applied: 'This change has already been applied.',
    failed: 'This change was approved, but applying it failed.',
    stale: 'The flow set changed after this request, so it was not applied.',
    cancelled: 'This request was cancelled.',
    expired: 'This request expired before anyone decided.',
  },
};
