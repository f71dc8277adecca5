/**
 * What the background sweep (sweep.ts, settleWrites.ts) is handed, and how it brings the cards
 * of a change that moved up to date: the approval request's cards, or a plain preview's message.
 */
import { viewOf, type ChangeViewStore } from '../changes/changeView';
import type { PendingChange } from '../domain/pendingChange';
import { type PendingChangeStore } from '../changes/pendingChangeStore';
import type { AuditLog } from '../history';
import type { IndustryDataApi } from '../graph';
import type { Logger } from '../log';
import type { ConversationStore } from '../store/conversationStore';
import type { CardMessenger } from './access';
import type { ApproverDirectory } from './approvers';
import { syncCards, type CardSyncDeps } from './cardSync';
import { referenceHere } from './delivery';
import type { InFlightMarks } from '../changes/inFlight';
import type { InstanceId } from '../domain/approvalRecords';
import type { ApprovalCards } from './outcome';
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

export const syncDeps = (deps: SweepDeps): CardSyncDeps => ({ ...deps, views: deps.views });

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

/** The cards of a change that moved: its approval request's, or else its preview's message. */
export async function updateCardsOf(deps: SweepDeps, change: PendingChange): Promise<number> {
  const request = (await deps.stores.requests.get(change.id))?.value;
  return request
    ? await syncCards(syncDeps(deps), change, request)
    : await updatePreviewCard(deps, change);
}
