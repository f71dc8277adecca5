/**
 * Under peer policy (src/approvals) the requester's own Apply is not an approval: a click on an
 * Apply button (an older card, or the policy changed since the preview) is refused with the
 * preview redrawn to ask for approval instead, and a change that already waits for approval says
 * so. Only `pending` changes are gated; an approved change is claimed by its approver
 * (pendingChangeTransition.ts).
 */
import { type ActionResult } from '../views/reply';
import { previewCardFor } from '../views/changeCards';
import { viewOf } from './changeView';
import { policyOfChange, type ChangeDeps } from './deps';

export const NOBODY_CAN_APPROVE =
  'No approvers are configured (APPROVERS, APPROVER_GROUP_ID), so nobody can approve this change: a request would wait until it expires.';

export async function gateForPeerPolicy(
  deps: ChangeDeps,
  changeId: string,
): Promise<ActionResult | undefined> {
  const change = await deps.changes.get(changeId);
  if (!change || change.state !== 'pending') return undefined;
  if (await deps.awaitingApproval(changeId))
    return {
      kind: 'message',
      text: 'This change is waiting for approval: an approver applies it when they approve it.',
    };
  if (policyOfChange(deps, change.kind) !== 'peer') return undefined;
  if (change.requester.aadObjectId !== deps.person.aadObjectId) return undefined; // refused below
  const note = 'This kind of change needs approval by another admin: request it below.';
  const card = previewCardFor(change, await viewOf(deps.views, changeId), note, peerPreview(deps));
  return { kind: 'card', card };
}

/** What a peer preview says beyond its button (nobody can approve, when that is already known). */
export const peerPreview = (deps: ChangeDeps) => ({
  notice: deps.nobodyCanApprove ? NOBODY_CAN_APPROVE : undefined,
});
