/**
 * The background sweep (every APPROVAL_SWEEP_SECONDS, and once at start-up): expires overdue
 * requests and plain previews and updates their cards; settles changes whose Graph write was cut
 * short by a crash, and changes whose write was sent but never answered (`unknown`), by reading
 * Graph (settleWrites.ts); brings request cards that missed an update up to date; posts requests
 * whose posting was cut short. Every state change is a compare-and-set, so several instances
 * sweeping at once still record each outcome once.
 */
import { recordChangeEvent, SYSTEM_ACTOR } from '../history';
import { viewOf } from '../changes/changeView';
import type { SweepResult } from './access';
import { syncCards } from './cardSync';
import { deliverRequest } from './delivery';
import type { Audience, Posting } from './outcome';
import { reconcileOrphans, settleUnknown } from './settleWrites';
import { syncDeps, updateCardsOf, type SweepDeps } from './sweepDeps';

/** A request still being posted by the turn that made it is left alone this long. */
const REDELIVER_AFTER_MS = 2 * 60_000;

async function expireOverdue(
  deps: SweepDeps,
  now: Date,
): Promise<{ expired: number; updated: number }> {
  let updated = 0;
  const expired = await deps.changes.expireDue(now);
  for (const change of expired) {
    const view = await viewOf(deps.views, change.id);
    await recordChangeEvent(deps, change, view, 'expired', { actor: SYSTEM_ACTOR, at: now });
    updated += await updateCardsOf(deps, change);
  }
  return { expired: expired.length, updated };
}

/** Requests whose cards show another state than the change's (a crash, a failed update). */
async function catchUpCards(deps: SweepDeps): Promise<number> {
  let updated = 0;
  for (const { id, value: request } of await deps.stores.requests.list()) {
    if (request.delivery !== 'done') continue;
    const change = await deps.changes.get(id);
    if (change && request.cardsShow !== change.state)
      updated += await syncCards(syncDeps(deps), change, request);
  }
  return updated;
}

async function redeliver(deps: SweepDeps, now: Date): Promise<number> {
  let delivered = 0;
  for (const { id, value: request } of await deps.stores.requests.list()) {
    if (
      request.delivery !== 'pending' ||
      now.getTime() - Date.parse(request.requestedAt) < REDELIVER_AFTER_MS
    )
      continue;
    const change = await deps.changes.get(id);
    if (!change || change.state !== 'pending') continue;
    const view = await viewOf(deps.views, id);
    const { ids } = await deps.directory.list();
    const approverIds = ids.filter((oid) => oid !== change.requester.aadObjectId.toLowerCase());
    const render = (audience: Audience, posting?: Posting) =>
      deps.cards.requestCard(change, view, request, audience, posting);
    await deliverRequest({ ...deps, approverIds, render }, change);
    delivered++;
  }
  return delivered;
}

export async function sweep(deps: SweepDeps, now: Date): Promise<SweepResult> {
  const { expired, updated } = await expireOverdue(deps, now);
  const reconciled = await reconcileOrphans(deps, now);
  const unknown = await settleUnknown(deps, now);
  const caughtUp = await catchUpCards(deps);
  const delivered = await redeliver(deps, now);
  return {
    expired,
    reconciled: reconciled + unknown.settled,
    cardsUpdated: updated + unknown.updated + caughtUp,
    delivered,
  };
}
