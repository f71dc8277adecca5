/**
 * Apply: the one path that writes. In order (prior-art §1d trust properties 2 and 5, §3 items 4
 * and 9):
 *  1. claim the change with a compare-and-set in the store (pending → applying; the transition
 *     also checks that the clicker is the requester, by Entra object id, and the expiry). Of any
 *     number of concurrent or repeated clicks exactly one wins; the others get the change's
 *     current state as a card and never reach Graph;
 *  2. re-read the target as the clicking user and refuse if it moved since the preview (stale);
 *  3. send the exact stored body through the user's on-behalf-of Graph, read back what is stored;
 *  4. record applied (with Graph's request-id) or failed (with the message), and answer with a
 *     card that replaces the preview for everyone.
 * The claim is stored before Graph is called, so a crash mid-way leaves the change `applying`,
 * never silently pending again.
 */
import type { ActionResult } from '../actions/types';
import type { AdaptiveCard } from '../cards/render';
import type { ChangeEvent, PendingChange } from '../domain/pendingChange';
import { toAppError, type AppError } from '../errors';
import type { IndustryDataApi } from '../graph';
import { viewOf, type ChangeView } from './changeView';
import { appliedCard, closedCard, failedCard, staleCard } from './changeCards';
import { checkFreshness, type Freshness } from './current';
import type { ChangeDeps } from './deps';
import { executeChange, type Executed } from './execute';
import { failureMessage } from './failures';
import { forgetPasswords } from './forgetPasswords';
import { freshPreviewAfterExpiry } from './expire';

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

const forEveryone = (card: AdaptiveCard): ActionResult => ({
  kind: 'card',
  card,
  forEveryone: true,
});

export async function applyChange(
  deps: ChangeDeps,
  changeId: string,
  steps: ApplySteps = APPLY_STEPS,
): Promise<ActionResult> {
  const { changes, person } = deps;
  const claim = await changes.transition(changeId, { type: 'apply', by: person }, deps.now());
  if (claim.outcome === 'already') {
    // A duplicate click or a retried invoke: the current state, for this clicker only.
    return { kind: 'card', card: closedCard(claim.change, await viewOf(deps.views, changeId)) };
  }
  if (claim.outcome === 'refused') {
    const current = claim.change ?? (await changes.get(changeId));
    if (!current) throw claim.error; // unknown change id: "no longer known"
    if (claim.error.code === 'forbidden') return { kind: 'message', text: claim.error.userMessage };
    const view = await viewOf(deps.views, changeId);
    if (current.state === 'expired' && current.requester.aadObjectId === person.aadObjectId) {
      const fresh = await freshPreviewAfterExpiry(deps, current, view);
      await forgetPasswords(deps, current); // the fresh preview holds the body now
      return forEveryone(fresh);
    }
    return { kind: 'card', card: closedCard(current, view) };
  }
  return runClaimed(deps, claim.change, steps);
}

type Outcome =
  | { kind: 'stale'; reason: string; rows: Extract<Freshness, { fresh: false }>['rows'] }
  | { kind: 'applied'; done: Executed }
  | { kind: 'failed'; error: AppError };

/** Steps 2 and 3: Graph only. Any Graph error ends here as `failed`; nothing is retried. */
async function talkToGraph(
  deps: ChangeDeps,
  change: PendingChange,
  view: ChangeView,
  steps: ApplySteps,
): Promise<Outcome> {
  try {
    const freshness = await steps.checkFreshness(deps.graph, change, view);
    if (!freshness.fresh) return { kind: 'stale', reason: freshness.reason, rows: freshness.rows };
    return { kind: 'applied', done: await steps.execute(deps.graph, change, view) };
  } catch (err) {
    return { kind: 'failed', error: toAppError(err) };
  }
}

/** Step 4: record the outcome (compare-and-set from `applying`) and draw its card. */
async function runClaimed(
  deps: ChangeDeps,
  change: PendingChange,
  steps: ApplySteps,
): Promise<ActionResult> {
  const view = await viewOf(deps.views, change.id);
  const outcome = await talkToGraph(deps, change, view, steps);
  const log = { changeId: change.id, kind: change.kind, userOid: deps.person.aadObjectId };
  const record = async (event: ChangeEvent) => {
    const result = await deps.changes.transition(change.id, event, deps.now());
    const recorded = result.outcome === 'refused' ? change : result.change;
    await forgetPasswords(deps, recorded);
    return recorded;
  };
  switch (outcome.kind) {
    case 'stale':
      deps.logger.info('change stale', log);
      return forEveryone(
        staleCard(await record({ type: 'stale' }), view, outcome.reason, outcome.rows),
      );
    case 'applied': {
      const { done } = outcome;
      deps.logger.info('change applied', { ...log, graphRequestId: done.requestId });
      const applied = await record({ type: 'succeeded', requestId: done.requestId });
      return forEveryone(appliedCard(applied, view, done.stored, done.note));
    }
    case 'failed': {
      const { error } = outcome;
      deps.logger.warn('change failed', {
        ...log,
        code: error.code,
        graphRequestId: error.requestId,
      });
      const message = failureMessage(error, change, view);
      const failed = await record({ type: 'failed', error: message, requestId: error.requestId });
      return forEveryone(failedCard(failed, view));
    }
  }
}
