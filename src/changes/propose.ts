/**
 * Propose: store a pending change (the exact body, the version it was computed from, who asked,
 * when it expires, where its card is) with its view, and say what was proposed (ProposeOutcome:
 * the preview card is drawn above, views/changeCards.ts proposalCard). Nothing
 * is written to Graph here. An edit that changes nothing gets no pending change at all. Under
 * self policy the preview is the request (audited `requested`); under peer policy its button asks
 * for approval (src/approvals).
 */
import { recordChangeEvent } from '../history'; // Audit
import { newPendingChange, withPreviewCard } from '../domain/pendingChange';
import { peerPreview } from './applyGate';
import type { ChangeDeps } from './deps';
import { rowsOf } from '../domain/changeRows';
import type { Proposal } from './proposals';
import type { ProposeOutcome } from '../domain/changeResult';

export type { ProposeOutcome };

export async function proposeChange(
  deps: ChangeDeps,
  proposal: Proposal,
  note?: string,
): Promise<ProposeOutcome> {
  const draft = newPendingChange({
    ...proposal,
    requester: deps.person,
    now: deps.now(),
    ttlMs: deps.ttlMs,
  });
  const isEdit = draft.kind === 'updateFlowSet' || draft.kind === 'updateFlow';
  if (isEdit && rowsOf(draft, proposal.view).length === 0) {
    return { kind: 'unchanged', change: draft, view: proposal.view };
  }
  // The view first: a change is never stored without what its cards need.
  await deps.views.put(draft.id, proposal.view);
  const change = await deps.changes.create(
    withPreviewCard(draft, { conversationId: deps.conversationId, activityId: deps.replyToId }),
  );
  deps.logger.info('change proposed', {
    changeId: change.id,
    kind: change.kind,
    target: change.target,
    userOid: deps.person.aadObjectId,
  });
  if (deps.policyOf(change.kind) === 'peer')
    // Audited `requested` when approval is requested, with its reason (src/approvals/request.ts).
    return { kind: 'proposed', change, view: proposal.view, note, approval: peerPreview(deps) };
  // Audit: what was asked, with the exact body (passwords masked by the log itself).
  await recordChangeEvent(deps, change, proposal.view, 'requested', {
    actor: deps.person,
    at: deps.now(),
  });
  return { kind: 'proposed', change, view: proposal.view, note };
}
