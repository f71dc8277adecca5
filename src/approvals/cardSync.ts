/**
 * Brings every copy of a request's card up to date with updateActivity (a
 * card replaced only through the invoke response reverts for everyone else), then records which
 * state the copies show, so the sweep can finish the job after a crash or a failed update.
 * Updating is idempotent (PUT of the whole card), so doing it twice is harmless.
 */
import { type AdaptiveCard } from '../domain/adaptiveCard';
import { viewOf, type ChangeViewStore } from '../changes/changeView';
import type { PendingChange } from '../domain/pendingChange';
import type { Logger } from '../log';
import type { CardMessenger } from './access';
import type { ApprovalCards, Audience } from './outcome';
import type { ApprovalRequest } from '../domain/approvalRecords';
import { updateRecord, type ApprovalStores } from './stores';

export interface CardSyncDeps {
  stores: ApprovalStores;
  views: ChangeViewStore;
  messenger: CardMessenger;
  logger: Logger;
  cards: ApprovalCards;
}

export interface SyncOptions {
  /** The message this turn already updates (the clicked card): not updated twice. */
  skipActivityId?: string;
  /** Use this card for every copy (e.g. the applied card with what Graph stored). */
  card?: (audience: Audience) => AdaptiveCard;
}

/** Updates every copy; resolves with how many were updated. */
export async function syncCards(
  deps: CardSyncDeps,
  change: PendingChange,
  request: ApprovalRequest,
  options: SyncOptions = {},
): Promise<number> {
  const view = await viewOf(deps.views, change.id);
  const render =
    options.card ??
    ((audience: Audience) => deps.cards.requestCard(change, view, request, audience));
  let updated = 0;
  let complete = true;
  for (const copy of request.copies) {
    if (!copy.activityId || copy.activityId === options.skipActivityId) continue;
    const outcome = await deps.messenger.update(copy.reference, copy.activityId, render(copy.role));
    if (outcome.kind === 'sent') updated++;
    // A copy that is gone (403/404) will never update: do not keep trying.
    else if (outcome.kind !== 'gone' && outcome.kind !== 'rejected') complete = false;
    if (outcome.kind !== 'sent')
      deps.logger.warn('approval card not updated', {
        changeId: change.id,
        role: copy.role,
        outcome: outcome.kind,
      });
  }
  if (complete)
    await updateRecord(deps.stores.requests, change.id, (r) =>
      r.cardsShow === change.state ? undefined : { ...r, cardsShow: change.state },
    );
  return updated;
}
