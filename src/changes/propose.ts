/**
 * Propose: store a pending change (the exact body, the version it was computed from, who asked,
 * when it expires, where its card is) with its view, and answer with the preview card. Nothing
 * is written to Graph here. An edit that changes nothing gets no pending change at all. Under
 * self policy the preview is the request (audited `requested`); under peer policy its button asks
 * for approval (src/approvals).
 */
import { changeResultCard } from '../views/changeResultCard';
import { showCommandFor } from '../views/flowSetListCard';
import { recordChangeEvent } from '../history'; // Audit
import { type AdaptiveCard } from '../domain/adaptiveCard';
import { newPendingChange, withPreviewCard } from '../domain/pendingChange';
import { previewCardFor } from '../views/changeCards';
import { peerPreview } from './applyGate';
import { policyOfChange, type ChangeDeps } from './deps';
import { rowsOf, titleOf } from '../domain/changeRows';
import type { Proposal } from './proposals';

export async function proposeChange(
  deps: ChangeDeps,
  proposal: Proposal,
  note?: string,
): Promise<AdaptiveCard> {
  const draft = newPendingChange({
    ...proposal,
    requester: deps.person,
    now: deps.now(),
    ttlMs: deps.ttlMs,
  });
  const isEdit = draft.kind === 'updateFlowSet' || draft.kind === 'updateFlow';
  if (isEdit && rowsOf(draft, proposal.view).length === 0) {
    return changeResultCard({
      tone: 'default',
      status: 'Nothing to change',
      title: titleOf(draft, proposal.view),
      message: 'The values are the ones stored now, so there is nothing to apply.',
      buttons: [{ title: 'Show flow set', command: showCommandFor(draft.target.setId) }],
    });
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
  if (policyOfChange(deps, change.kind) === 'peer')
    // Audited `requested` when approval is requested, with its reason (src/approvals/request.ts).
    return previewCardFor(change, proposal.view, note, peerPreview(deps));
  // Audit: what was asked, with the exact body (passwords masked by the log itself).
  await recordChangeEvent(deps, change, proposal.view, 'requested', {
    actor: deps.person,
    at: deps.now(),
  });
  return previewCardFor(change, proposal.view, note);
}
