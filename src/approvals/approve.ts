/**
 * Approve. In order:
 *  1. authorise the clicker by Entra object id: never the requester, and on the approver list
 *     (deny by default: an empty list means nobody);
 *  2. get the approver's on-behalf-of token (Teams SSO: a 401 loginRequest round trip happens
 *     here, before anything is decided);
 *  3. record the decision with compare-and-set (pending → approved, the approver stored): one of
 *     any number of concurrent clicks decides, and it is stored before anything is written;
 *  4. claim the write (approved → applying, only by that approver) and run the pipeline's own
 *     steps with the approver's token: re-read, stale if the set moved, else the exact stored body;
 *  5. update every copy of the card (requester's, channel's) to the final state without buttons.
 */
import { recordChangeEvent } from '../history';
import { executeClaimed } from '../changes/apply';
import { samePerson, type PendingChange } from '../domain/pendingChange';
import { syncCards } from './cardSync';
import type { ApprovalDeps } from './deps';
import {
  auditExpiry,
  authoriseDecision,
  cardSyncDeps,
  closedResult,
  currentRequest,
  type Loaded,
} from './decisionSteps';
import { listAgain } from './list';
import type { DecisionOutcome, Finished, RequestShown } from './outcome';

/** Steps 4–5, for the approver who decided. */
async function applyAsApprover(
  deps: ApprovalDeps,
  approved: PendingChange,
  loaded: Loaded,
): Promise<Finished | RequestShown> {
  const cd = deps.change;
  const claim = await cd.changes.transition(
    approved.id,
    { type: 'apply', by: cd.person },
    cd.now(),
  );
  if (claim.outcome !== 'changed') {
    const current = claim.change ?? (await cd.changes.get(approved.id)) ?? approved;
    return closedResult(deps, current, loaded);
  }
  const { change: done, view, result } = await executeClaimed(cd, claim.change);
  const request = (await deps.stores.requests.get(approved.id))?.value ?? loaded.request;
  const final = deps.cards.finishedCard(done, view, result);
  await syncCards(cardSyncDeps(deps), done, request, {
    skipActivityId: deps.replyToId,
    card: () => final,
  });
  return { kind: 'finished', change: done, view, result };
}

export async function approveRequest(
  deps: ApprovalDeps,
  changeId: string,
  from?: 'list',
): Promise<DecisionOutcome> {
  const cd = deps.change;
  const loaded = await currentRequest(deps, changeId);
  const refusal = await authoriseDecision(deps, loaded.change);
  if (refusal) return refusal;
  if (loaded.change.state === 'pending' || loaded.change.state === 'approved')
    await deps.ensureSignedIn();
  const event = { type: 'approve', by: cd.person } as const;
  const decided = await cd.changes.transition(changeId, event, cd.now());
  if (decided.outcome === 'refused' && !decided.change)
    return { kind: 'message', text: decided.error.userMessage };
  const current = decided.change!;
  if (decided.outcome === 'refused') await auditExpiry(deps, current, loaded.view);
  if (decided.outcome === 'changed') {
    cd.logger.info('change approved', { changeId, approverOid: cd.person.aadObjectId });
    await recordChangeEvent(cd, current, loaded.view, 'approved', {
      actor: cd.person,
      at: cd.now(),
    });
  }
  const mine = current.state === 'approved' && samePerson(current.approver, cd.person);
  const result = mine
    ? await applyAsApprover(deps, current, loaded)
    : await closedResult(deps, current, loaded);
  return from === 'list' ? listAgain(deps) : result;
}
