/**
 * Apply: the one path that writes. In order:
 *  1. claim the change with a compare-and-set in the store (pending → applying, or approved →
 *     applying for its approver; the transition checks the clicker by Entra object id, and the
 *     expiry). Of any number of concurrent or repeated clicks exactly one wins; the others get the
 *     change's current state (its card) and never reach Graph;
 *  2. mark the write in flight (which process sends it), re-read the target as the clicking user
 *     and refuse if it moved since the preview (stale);
 *  3. send the exact stored body through the user's on-behalf-of Graph, read back what is stored;
 *  4. record applied (with Graph's request-id) or failed (with the message) and audit it, and
 *     say how it ended (ApplyOutcome): the card drawn from it (actions/changeReplies.ts) replaces
 *     the preview for everyone.
 * The claim is stored before Graph is called, so a crash mid-way leaves the change `applying`,
 * never silently pending again; src/approvals/reconcile.ts settles it after a restart.
 * Under peer policy the requester's Apply is not an approval: it is refused (applyGate.ts).
 */
import { isRequester, type PendingChange } from '../domain/pendingChange';
import { toAppError } from '../errors';
import type { IndustryDataApi } from '../graph';
import { gateForPeerPolicy, type GateOutcome } from './applyGate';
import { viewOf, type ChangeView } from './changeView';
import { checkFreshness, type Freshness } from './freshness';
import type { ChangeDeps } from './deps';
import { executeChange, type Executed } from './execute';
import { freshPreviewAfterExpiry, type FreshPreview } from './expire';
import { forgetPasswords } from './forgetPasswords';
import { recordOutcome, type Finished, type Outcome } from './outcome';

/** The Graph steps of an Apply, replaceable so a test can skip the freshness check. */
export interface ApplySteps {
  checkFreshness(
    graph: IndustryDataApi,
    change: PendingChange,
    view: ChangeView,
  ): Promise<Freshness>;
  execute(graph: IndustryDataApi, change: PendingChange, view: ChangeView): Promise<Executed>;
}

export const APPLY_STEPS: ApplySteps = { checkFreshness, execute: executeChange };

export type ApplyOutcome =
  /** Peer policy: nothing claimed (applyGate.ts). */
  | GateOutcome
  /** The clicker may not apply it (`message` says why); the card stays. */
  | { kind: 'refused'; message: string }
  /** A duplicate or late click: the change as it is now, for this clicker only. */
  | { kind: 'current'; change: PendingChange; view: ChangeView }
  /** The requester clicked an expired preview: nothing written, a fresh preview for everyone. */
  | { kind: 'expired'; fresh: FreshPreview }
  /** This click claimed it and it ended (applied, failed, stale): for everyone. */
  | ({ kind: 'finished' } & Finished);

export async function applyChange(
  deps: ChangeDeps,
  changeId: string,
  steps: ApplySteps = APPLY_STEPS,
): Promise<ApplyOutcome> {
  const { changes, person } = deps;
  const gated = await gateForPeerPolicy(deps, changeId);
  if (gated) return gated;
  const claim = await changes.transition(changeId, { type: 'apply', by: person }, deps.now());
  if (claim.outcome === 'already') {
    // A duplicate click or a retried invoke: the current state, for this clicker only.
    return { kind: 'current', change: claim.change, view: await viewOf(deps.views, changeId) };
  }
  if (claim.outcome === 'refused') {
    const current = claim.change ?? (await changes.get(changeId));
    if (!current) throw claim.error; // unknown change id: "no longer known"
    if (claim.error.code === 'forbidden')
      return { kind: 'refused', message: claim.error.userMessage };
    const view = await viewOf(deps.views, changeId);
    if (current.state === 'expired' && isRequester(current, person)) {
      const fresh = await freshPreviewAfterExpiry(deps, current, view);
      await forgetPasswords(deps, current); // the fresh preview holds the body now
      return { kind: 'expired', fresh };
    }
    return { kind: 'current', change: current, view };
  }
  return { kind: 'finished', ...(await executeClaimed(deps, claim.change, steps)) };
}

/**
 * Steps 2 and 3: Graph only. A Graph error ends here as `failed`, or as `unknown` when the write
 * was sent and not answered (settled later by reading Graph); nothing is retried.
 */
async function talkToGraph(
  deps: ChangeDeps,
  change: PendingChange,
  view: ChangeView,
  steps: ApplySteps,
): Promise<Outcome> {
  try {
    const freshness = await steps.checkFreshness(deps.graph, change, view);
    if (!freshness.fresh) return { kind: 'stale', reason: freshness.reason, rows: freshness.rows };
    deps.logger.info('change writing', { changeId: change.id, kind: change.kind });
    return { kind: 'applied', done: await steps.execute(deps.graph, change, view) };
  } catch (err) {
    const error = toAppError(err);
    // Sent but not answered: it may have been made. Recorded `unknown`; the sweep reads Graph.
    return error.outcomeUnknown ? { kind: 'unknown', error } : { kind: 'failed', error };
  }
}

/**
 * Steps 2 to 4 for a change this turn has claimed (`applying`, by `deps.person`): used by Apply
 * and by an approver's Approve (src/approvals). Resolves with the recorded change, its view and
 * how it ended (views/changeCards.ts finishedCard draws it).
 */
export async function executeClaimed(
  deps: ChangeDeps,
  change: PendingChange,
  steps: ApplySteps = APPLY_STEPS,
): Promise<Finished> {
  const view = await viewOf(deps.views, change.id);
  // Which process sends the write, so a restart can tell a dead write from a live one.
  await deps.inFlight
    .mark(change.id, deps.now())
    .catch((err: unknown) =>
      deps.logger.error('could not mark a change in flight', { changeId: change.id, error: err }),
    );
  const outcome = await talkToGraph(deps, change, view, steps);
  const recorded = await recordOutcome(deps, change, view, outcome);
  await deps.inFlight
    .clear(change.id)
    .catch((err: unknown) =>
      deps.logger.warn('could not clear an in-flight mark', { changeId: change.id, error: err }),
    );
  return recorded;
}
