/**
 * The background sweep (every APPROVAL_SWEEP_SECONDS, and once at start-up): expires overdue
 * requests and plain previews and updates their cards; settles changes
 * whose Graph write was cut short by a crash, and changes whose write was sent but never answered
 * (`unknown`), by reading Graph (reconcile.ts); brings request cards that missed an
 * update up to date; posts requests whose posting was cut short. Every state change is a
 * compare-and-set, so several instances sweeping at once still record each outcome once.
 */
import { recordChangeEvent, SYSTEM_ACTOR, type AuditLog } from '../history';
import { viewOf, type ChangeViewStore } from '../changes/changeView';
import { recordEvent } from '../changes/outcome';
import type { PendingChange } from '../domain/pendingChange';
import { type PendingChangeStore } from '../changes/pendingChangeStore';
import type { IndustryDataApi } from '../graph';
import type { Logger } from '../log';
import type { ConversationStore } from '../store/conversationStore';
import type { CardMessenger, SweepResult } from './access';
import type { ApproverDirectory } from './approvers';
import { syncCards, type CardSyncDeps } from './cardSync';
import { deliverRequest, referenceHere } from './delivery';
import { orphaned, type InFlightMarks } from '../changes/inFlight';
import { evidenceOf } from './reconcile';
import type { InstanceId } from '../domain/approvalRecords';
import type { ApprovalCards, Audience, Posting } from './outcome';
import type { ApprovalStores } from './stores';

export interface SweepDeps {
  stores: ApprovalStores;
  changes: PendingChangeStore;
  views: ChangeViewStore;
  messenger: CardMessenger;
  conversations: ConversationStore;
  directory: ApproverDirectory;
  inFlight: InFlightMarks;
  instance: InstanceId;
  /** The app's own read-only Graph: reconcile only reads. */
  appGraph: IndustryDataApi;
  audit: AuditLog;
  logger: Logger;
  /** Draws the cards the sweep updates and posts (src/views/approvalPresenter.ts). */
  cards: ApprovalCards;
}

/** A request still being posted by the turn that made it is left alone this long. */
const REDELIVER_AFTER_MS = 2 * 60_000;
/**
 * A write sent without an answer may still be landing (Graph kept working after we gave up), so
 * its outcome is read no sooner than this after it was recorded `unknown`.
 */
export const UNKNOWN_SETTLE_AFTER_MS = 60_000;

const syncDeps = (deps: SweepDeps): CardSyncDeps => ({ ...deps, views: deps.views });

/** A plain preview's card, where we know its message (previews made from a button). */
async function updatePreviewCard(deps: SweepDeps, change: PendingChange): Promise<number> {
  if (!change.card?.activityId) return 0;
  const seen = await deps.conversations.get(change.card.conversationId);
  if (!seen) return 0;
  const card = deps.cards.closedCard(change, await viewOf(deps.views, change.id));
  const outcome = await deps.messenger.update(
    referenceHere(seen.reference),
    change.card.activityId,
    card,
  );
  return outcome.kind === 'sent' ? 1 : 0;
}

async function expireOverdue(
  deps: SweepDeps,
  now: Date,
): Promise<{ expired: number; updated: number }> {
  let updated = 0;
  const expired = await deps.changes.expireDue(now);
  for (const change of expired) {
    const view = await viewOf(deps.views, change.id);
    await recordChangeEvent(deps, change, view, 'expired', { actor: SYSTEM_ACTOR, at: now });
    const request = (await deps.stores.requests.get(change.id))?.value;
    updated += request
      ? await syncCards(syncDeps(deps), change, request)
      : await updatePreviewCard(deps, change);
  }
  return { expired: expired.length, updated };
}

async function reconcileOrphans(deps: SweepDeps, now: Date): Promise<number> {
  let settled = 0;
  for (const change of (await deps.changes.list()).filter((c) => c.state === 'applying')) {
    const claimedAt = [...change.history].reverse().find((h) => h.state === 'applying')?.at;
    if (!orphaned(await deps.inFlight.get(change.id), claimedAt, deps.instance, now)) continue;
    const evidence = await evidenceOf(deps.appGraph, change).catch((err: unknown) => {
      deps.logger.warn('could not check an interrupted change; will try again', {
        changeId: change.id,
        error: err,
      });
      return undefined;
    });
    if (!evidence) continue;
    const view = await viewOf(deps.views, change.id);
    const said = `The bot stopped while Microsoft Graph was being asked to make this change. After restarting it checked: ${evidence.seen}.`;
    const recordDeps = { ...deps, person: SYSTEM_ACTOR, now: () => now };
    const recorded = evidence.applied
      ? await recordEvent(
          recordDeps,
          change,
          view,
          { type: 'succeeded' },
          { outcome: `${said} So it was made.` },
        )
      : await recordEvent(recordDeps, change, view, {
          type: 'failed',
          error: `${said} So it was not made; nothing was sent again.`,
        });
    deps.logger.info('interrupted change settled', {
      changeId: change.id,
      state: recorded.state,
      seen: evidence.seen,
    });
    await deps.inFlight.clear(change.id);
    settled++;
  }
  return settled;
}

/**
 * Changes whose write was sent but never answered (`unknown`): read Graph (reconcile.ts) and
 * record `applied` or `failed` with what was seen, then update the request's cards or the
 * preview's message. Nothing is sent again; a Graph read that fails leaves it for the next sweep.
 */
async function settleUnknown(
  deps: SweepDeps,
  now: Date,
): Promise<{ settled: number; updated: number }> {
  let settled = 0;
  let updated = 0;
  for (const change of (await deps.changes.list()).filter((c) => c.state === 'unknown')) {
    const since = [...change.history].reverse().find((h) => h.state === 'unknown')?.at;
    if (since && now.getTime() - Date.parse(since) < UNKNOWN_SETTLE_AFTER_MS) continue;
    const evidence = await evidenceOf(deps.appGraph, change).catch((err: unknown) => {
      deps.logger.warn('could not check a change with an unknown outcome; will try again', {
        changeId: change.id,
        error: err,
      });
      return undefined;
    });
    if (!evidence) continue;
    const view = await viewOf(deps.views, change.id);
    const said = `Microsoft Graph did not answer when this change was sent. The bot checked: ${evidence.seen}.`;
    const recordDeps = { ...deps, person: SYSTEM_ACTOR, now: () => now };
    const recorded = evidence.applied
      ? await recordEvent(
          recordDeps,
          change,
          view,
          { type: 'succeeded' },
          { outcome: `${said} So it was made.` },
        )
      : await recordEvent(recordDeps, change, view, {
          type: 'failed',
          error: `${said} So it was not made; nothing was sent again.`,
        });
    if (recorded.state === 'unknown') continue; // another instance settled it meanwhile
    deps.logger.info('change with an unknown outcome settled', {
      changeId: change.id,
      state: recorded.state,
      seen: evidence.seen,
    });
    settled++;
    const request = (await deps.stores.requests.get(change.id))?.value;
    updated += request
      ? await syncCards(syncDeps(deps), recorded, request)
      : await updatePreviewCard(deps, recorded);
  }
  return { settled, updated };
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
