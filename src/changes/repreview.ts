/**
 * Preview again (issue 12 item 9): after a stale refusal (or an expired or failed change), the
 * requester's intended change — same kind, target and body — is proposed again through the
 * normal propose path, so the new preview diffs what they meant against what Graph has now and
 * their edits are kept. The change itself stays as it ended; the new preview is a new change.
 * A user flow's initial passwords are dropped once a change closes (forgetPasswords.ts): then
 * the outcome says passwords are needed, with what the form needs to be opened pre-filled with
 * the intended values (the caller draws it; passwords are never echoed).
 */
import type { UserFlowInput } from '../domain/flowInputs';
import type { FlowSet, KnownProvisioningFlow, RoleGroup } from '../domain/flowSchemas';
import { FLOW_KIND_NAMES } from '../domain/fieldLabels';
import { isRequester, type ChangeState, type PendingChange } from '../domain/pendingChange';
import { AppError } from '../errors';
import { viewOf, type ChangeView } from './changeView';
import type { ChangeDeps } from './deps';
import { freshPreview, type FreshPreview } from './expire';
import { forgetPasswords } from './forgetPasswords';
import { knownFlow, unlessGone } from './freshness';
import { alreadyHasFlow, flowOfKind, roleGroupsFor } from './targets';

export type RepreviewOutcome =
  /** The clicker may not preview it again, or it is not closed (`message` says why). */
  | { kind: 'refused'; message: string }
  /** The same change proposed again (a new preview), or why it cannot be (`gone`). */
  | { kind: 'fresh'; fresh: FreshPreview }
  /**
   * A user flow change whose passwords were dropped: the form of `set` (and `flow`, for an
   * edit) to open with `body`'s values, asking only for the passwords.
   */
  | {
      kind: 'needsPasswords';
      change: PendingChange;
      set: FlowSet;
      flow?: KnownProvisioningFlow;
      roleGroups: RoleGroup[];
      body: UserFlowInput;
    };

/** The states a change can be previewed again from: it ended without being applied. */
const REPREVIEWABLE: readonly ChangeState[] = ['stale', 'expired', 'failed'];

const WHY_NOT: Partial<Record<ChangeState, string>> = {
  pending: 'This preview is still open: Apply or Cancel it.',
  approved: 'This change is approved and waiting to be applied.',
  applying: 'This change is being applied right now.',
  applied: 'This change has already been applied.',
  unknown:
    'This change was sent, but Microsoft Graph did not confirm it; the bot is checking whether it was made.',
  cancelled: 'This change was cancelled.',
  rejected: 'This change was rejected.',
};

const NOTES: Partial<Record<ChangeState, string>> = {
  stale:
    'The object changed after your first preview, so nothing was applied. This is the same change previewed again against what is stored now: check it and Apply again.',
  expired:
    'The first preview expired and nothing was applied. This is the same change previewed again against what is stored now: check it and Apply again.',
  failed:
    'The first attempt failed. This is the same change previewed again against what is stored now: check it and Apply again.',
};

/** A user flow body whose role-group configurations lost their passwords when the change closed. */
function passwordsDropped(change: PendingChange): UserFlowInput | undefined {
  if (change.kind !== 'createFlow' && change.kind !== 'updateFlow') return undefined;
  const body = change.body;
  if (body.kind !== 'user') return undefined;
  const configurations = body.creationOptions?.configurations ?? [];
  return configurations.some((c) => !c.defaultPassword) ? body : undefined;
}

/** The set (and flow) the password form edits, read now; a string says why there is none. */
async function formTarget(
  deps: ChangeDeps,
  change: PendingChange & { kind: 'createFlow' | 'updateFlow' },
  view: ChangeView,
): Promise<{ set: FlowSet; flow?: KnownProvisioningFlow } | string> {
  const set = await unlessGone(deps.graph.getFlowSet(change.target.setId));
  if (!set) return `Flow set "${view.setName}" no longer exists.`;
  const flows = (await deps.graph.listFlows(set.id)).data;
  if (change.kind === 'createFlow') {
    const existing = flowOfKind(flows, 'user');
    return existing ? alreadyHasFlow(set, existing, 'user') : { set };
  }
  const flow = knownFlow(flows.find((f) => f.id === change.target.flowId));
  if (!flow) return `The ${FLOW_KIND_NAMES.user} flow of "${set.displayName}" no longer exists.`;
  return { set, flow };
}

export async function repreviewChange(
  deps: ChangeDeps,
  changeId: string,
): Promise<RepreviewOutcome> {
  const change = await deps.changes.get(changeId);
  if (!change) throw new AppError('not_found', 'This change is no longer known. Preview it again.');
  if (!isRequester(change, deps.person))
    return {
      kind: 'refused',
      message: `Only ${change.requester.name}, who asked for this change, can preview it again.`,
    };
  if (!REPREVIEWABLE.includes(change.state))
    return {
      kind: 'refused',
      message: WHY_NOT[change.state] ?? 'This change cannot be previewed again.',
    };
  const view = await viewOf(deps.views, changeId);
  const body = passwordsDropped(change);
  if (body && (change.kind === 'createFlow' || change.kind === 'updateFlow')) {
    const target = await formTarget(deps, change, view);
    if (typeof target === 'string')
      return { kind: 'fresh', fresh: { kind: 'gone', change, view, reason: target } };
    const roleGroups = await roleGroupsFor(deps.graph, 'user');
    return { kind: 'needsPasswords', change, ...target, roleGroups, body };
  }
  deps.logger.info('change previewed again', { changeId, userOid: deps.person.aadObjectId });
  const fresh = await freshPreview(deps, change, view, NOTES[change.state]!);
  await forgetPasswords(deps, change); // an expired change may still hold them: the new one does
  return { kind: 'fresh', fresh };
}
