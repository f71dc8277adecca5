/**
 * The cards peer approval posts and updates outside a turn's own answer (src/approvals gets this
 * presenter in its deps as `ApprovalCards`: it draws no card itself). Wired in src/bot/useCaseDeps.ts
 * for turns and in src/app/startApp.ts for the background sweep.
 */
import type { AdaptiveCard } from './render';
import { requestCardFor } from './approvalCards';
import { closedCard } from './changeCards';
import { finishedCard } from './changeOutcomeCards';
import type { FinishedResult } from '../domain/changeResult';
import type { ChangeView } from '../domain/changeView';
import type { PendingChange } from '../domain/pendingChange';

/** The decision's buttons are gone once decided; read-only ones would run commands as the clicker. */
export const withoutButtons = (card: AdaptiveCard): AdaptiveCard => ({ ...card, actions: [] });

export const approvalPresenter = {
  requestCard: requestCardFor,
  closedCard: (change: PendingChange, view: ChangeView): AdaptiveCard => closedCard(change, view),
  finishedCard: (change: PendingChange, view: ChangeView, result: FinishedResult): AdaptiveCard =>
    withoutButtons(finishedCard(change, view, result)),
};
