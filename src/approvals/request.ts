/**
 * "Request approval" on a peer preview: the requester asks, with a reason. The set's lock is
 * taken, the change given the approval TTL (APPROVAL_TTL_HOURS) and the request stored last, as
 * the commit (requestRecord.ts), so a lost race or a crash never leaves half a request. Then the request
 * is audited, posted where approvers see it (delivery.ts) and the requester's preview becomes
 * "waiting for approval". A retried invoke finds the request and answers the same card again.
 */
import { recordChangeEvent, SYSTEM_ACTOR } from '../history';
import { peerPreview } from '../changes/applyGate';
import { viewOf, type ChangeView } from '../changes/changeView';
import { freshPreviewAfterExpiry } from '../changes/expire';
import { isExpired, isRequester, type PendingChange } from '../domain/pendingChange';
import { AppError } from '../errors';
import type { ApprovalRequest } from '../domain/approvalRecords';
import { deliverRequest } from './delivery';
import type { ApprovalDeps } from './deps';
import { heldBy, lockOf, type LockState } from './lock';
import type { RequestOutcome, RequestShown } from './outcome';
import { newRequest, storeRequest } from './requestRecord';
import { retryOnConflict } from '../store/recordStore';
import { StorageConflictError } from '../store/storage';

type Step = { done: RequestOutcome } | { retry: true };
const done = (result: RequestOutcome): Step => ({ done: result });

/** The requester's copy of the request, for everyone in the conversation. */
const requesterCopy = (
  change: PendingChange,
  view: ChangeView,
  request: ApprovalRequest,
): RequestShown => ({
  kind: 'request',
  change,
  view,
  request,
  audience: 'requester',
  forEveryone: true,
});

/** A preview past its TTL: expired (and audited) now, with a fresh one in its place. */
async function expiredNow(
  deps: ApprovalDeps,
  change: PendingChange,
  view: ChangeView,
): Promise<RequestOutcome> {
  const cd = deps.change;
  const result = await cd.changes.transition(change.id, { type: 'expire' }, cd.now());
  const expired = result.change ?? change;
  if (result.outcome === 'changed')
    await recordChangeEvent(cd, expired, view, 'expired', { actor: SYSTEM_ACTOR, at: cd.now() });
  return { kind: 'refreshed', fresh: await freshPreviewAfterExpiry(cd, expired, view) };
}

/** Why this click cannot make a request now, as the answer to give; undefined when it can. */
async function refusal(deps: ApprovalDeps, change: PendingChange, view: ChangeView, now: Date) {
  const cd = deps.change;
  if (!isRequester(change, cd.person))
    return done({
      kind: 'message',
      text: `Only ${change.requester.name}, who asked for this change, can request approval for it.`,
    });
  if (change.state !== 'pending') return done({ kind: 'closed', change, view });
  if (isExpired(change, now)) return done(await expiredNow(deps, change, view));
  if (cd.policyOf(change.kind) !== 'peer') {
    const note = 'This kind of change no longer needs approval: apply it yourself.';
    return done({ kind: 'preview', change, view, note });
  }
  return undefined;
}

async function attempt(deps: ApprovalDeps, changeId: string, reason: string): Promise<Step> {
  const { change: cd, stores } = deps;
  const now = cd.now();
  const stored = await stores.changes.get(changeId);
  if (!stored) throw new AppError('not_found', 'This change is no longer known. Preview it again.');
  const change = stored.value;
  const view = await viewOf(cd.views, changeId);
  const existing = await stores.requests.get(changeId);
  if (existing) return done(requesterCopy(change, view, existing.value));
  const refused = await refusal(deps, change, view, now);
  if (refused) return refused;
  const setId = 'setId' in change.target ? change.target.setId : undefined;
  const lock: LockState = setId ? await lockOf(stores, setId, changeId, now) : { free: true };
  if (!lock.free) {
    const note = await heldBy(cd.views, lock.holder, lock.request);
    return done({
      kind: 'preview',
      change,
      view,
      note,
      approval: { ...peerPreview(cd), blockedBy: lock.holder.id },
    });
  }
  const { request, approverIds } = await newRequest(deps, change, setId, reason, now);
  const waiting: PendingChange = {
    ...change,
    expiresAt: new Date(now.getTime() + deps.ttlMs).toISOString(),
  };
  if (!(await storeRequest(deps, stored, waiting, request, lock))) return { retry: true };
  cd.logger.info('approval requested', {
    changeId,
    kind: change.kind,
    userOid: cd.person.aadObjectId,
    approvers: approverIds.length,
  });
  await recordChangeEvent(cd, waiting, view, 'requested', { actor: cd.person, at: now, reason });
  const delivered = await deliverRequest(
    {
      stores,
      messenger: deps.approvals.messenger,
      conversations: deps.conversations,
      logger: cd.logger,
      approverIds,
      render: (audience, posting) =>
        deps.cards.requestCard(waiting, view, request, audience, posting),
    },
    waiting,
  );
  return done(requesterCopy(waiting, view, delivered ?? request));
}

export async function requestApproval(
  deps: ApprovalDeps,
  changeId: string,
  reason: string,
): Promise<RequestOutcome> {
  // A lost race on any record written together (storeRequest) starts over, CAS_ATTEMPTS times.
  return retryOnConflict(async () => {
    const step = await attempt(deps, changeId, reason);
    if ('retry' in step) throw new StorageConflictError(`approval/${changeId}`);
    return step.done;
  });
}
