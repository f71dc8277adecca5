/**
 * Reject (approvers, with a reason) and Cancel (the requester or an approver): both close a request
 * with compare-and-set, audit it, and update every copy of its card to the final state. Show
 * sends the request's card to whoever asks, as a new message (e.g. from a blocked preview).
 */
import { recordChangeEvent } from '../history';
import { peerPreview } from '../changes/applyGate';
import { viewOf } from '../changes/changeView';
import type { ApprovalEvent } from '../domain/pendingChange';
import type { ApprovalDeps } from './deps';
import {
  audienceOf,
  auditExpiry,
  authoriseDecision,
  closedResult,
  currentRequest,
  maySee,
  ONLY_APPROVERS_AND_REQUESTER,
} from './decisionSteps';
import { listAgain } from './list';
import type { DecisionOutcome, ShowOutcome } from './outcome';
import { updateRecord } from './stores';

/** Where the button was: the request's own card, the `approvals` list, or a blocked preview. */
export type ClickedFrom =
  | { from: 'card' }
  | { from: 'list' }
  | { from: 'preview'; previewId: string };

async function close(deps: ApprovalDeps, changeId: string, event: ApprovalEvent, reason?: string) {
  const cd = deps.change;
  const loaded = await currentRequest(deps, changeId);
  const decided = await cd.changes.transition(changeId, event, cd.now());
  if (decided.outcome === 'refused' && !decided.change)
    return { kind: 'message', text: decided.error.userMessage } as const;
  const current = decided.change!;
  if (decided.outcome === 'refused') await auditExpiry(deps, current, loaded.view);
  if (decided.outcome === 'changed') {
    const at = cd.now();
    if (event.type === 'reject')
      await updateRecord(deps.stores.requests, changeId, (r) => ({
        ...r,
        rejection: { by: cd.person, reason: reason ?? '', at: at.toISOString() },
      }));
    const audited = event.type === 'reject' ? 'rejected' : 'cancelled';
    cd.logger.info(`approval request ${audited}`, { changeId, userOid: cd.person.aadObjectId });
    await recordChangeEvent(cd, current, loaded.view, audited, { actor: cd.person, at, reason });
  }
  return closedResult(deps, current, loaded);
}

export async function rejectRequest(
  deps: ApprovalDeps,
  changeId: string,
  reason: string,
  from?: 'list',
): Promise<DecisionOutcome> {
  const { change } = await currentRequest(deps, changeId);
  const refusal = await authoriseDecision(deps, change);
  if (refusal) return refusal;
  const result = await close(deps, changeId, { type: 'reject', by: deps.change.person }, reason);
  return from === 'list' && result.kind === 'request' ? listAgain(deps) : result;
}

export async function cancelRequest(
  deps: ApprovalDeps,
  changeId: string,
  clicked: ClickedFrom = { from: 'card' },
): Promise<DecisionOutcome> {
  const { person } = deps.change;
  // Not being an approver (or the group being unreadable) only means "not as an approver".
  const byApprover = await deps.approvals.directory
    .isApprover(person.aadObjectId)
    .catch(() => false);
  const result = await close(deps, changeId, { type: 'cancel', by: person, byApprover });
  if (result.kind === 'message' || clicked.from === 'card') return result;
  if (clicked.from === 'list') return listAgain(deps);
  // A preview that was blocked by this request: show it again, now free to request approval.
  const preview = await deps.change.changes.get(clicked.previewId);
  if (!preview || preview.state !== 'pending')
    return { kind: 'message', text: 'The waiting request was cancelled.' };
  const note = 'The waiting request was cancelled: you can request approval for this change now.';
  const view = await viewOf(deps.change.views, preview.id);
  return { kind: 'preview', change: preview, view, note, approval: peerPreview(deps.change) };
}

/** Show: the request's card, for its requester and approvers only (it names the set, the diff). */
export async function showRequest(deps: ApprovalDeps, changeId: string): Promise<ShowOutcome> {
  const { change, request, view } = await currentRequest(deps, changeId);
  if (!(await maySee(deps, change))) return { kind: 'message', text: ONLY_APPROVERS_AND_REQUESTER };
  return { kind: 'shown', change, view, request, audience: audienceOf(deps, change) };
}
