/**
 * Under peer policy (src/approvals) the requester's own Apply is not an approval: a click on an
 * Apply button (an older card, or the policy changed since the preview) is refused (the preview
 * is redrawn to ask for approval instead), and a change that already waits for approval says
 * so. Only `pending` changes are gated; an approved change is claimed by its approver
 * (domain/changeLifecycle.ts).
 */
import type { PendingChange } from '../domain/pendingChange';
import { viewOf, type ChangeView } from './changeView';
import type { ChangeDeps } from './deps';
import { isRequester } from '../domain/pendingChange';

export const NOBODY_CAN_APPROVE =
  'No approvers are configured (APPROVERS, APPROVER_GROUP_ID), so nobody can approve this change: a request would wait until it expires.';

export type GateOutcome =
  /** An approval request is open for it: its approver applies it. */
  | { kind: 'awaitingApproval' }
  /** Peer policy and the requester clicked Apply: the preview again, asking for approval. */
  | {
      kind: 'needsApproval';
      change: PendingChange;
      view: ChangeView;
      approval: { notice?: string };
    };

/** Why this Apply may not claim the change under peer policy; undefined when it may go on. */
export async function gateForPeerPolicy(
  deps: ChangeDeps,
  changeId: string,
): Promise<GateOutcome | undefined> {
  const change = await deps.changes.get(changeId);
  if (!change || change.state !== 'pending') return undefined;
  if (await deps.awaitingApproval(changeId)) return { kind: 'awaitingApproval' };
  if (deps.policyOf(change.kind) !== 'peer') return undefined;
  if (!isRequester(change, deps.person)) return undefined; // refused below
  const view = await viewOf(deps.views, changeId);
  return { kind: 'needsApproval', change, view, approval: peerPreview(deps) };
}

/** What a peer preview says beyond its button (nobody can approve, when that is already known). */
export const peerPreview = (deps: ChangeDeps) => ({
  notice: deps.nobodyCanApprove ? NOBODY_CAN_APPROVE : undefined,
});
