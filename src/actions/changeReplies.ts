/**
 * The preview buttons' answers: the outcomes of Apply and Cancel (src/changes) drawn as cards.
 * A state change (applied, failed, stale, cancelled, a fresh preview) replaces the card for
 * everyone; a duplicate or refused click answers the clicker only.
 */
import type { ApplyOutcome } from '../changes/apply';
import type { CancelOutcome } from '../changes/cancel';
import type { ActionResult } from '../bot/action';
import { closedCard, previewCardFor, proposalCard } from '../views/changeCards';
import { finishedCard } from '../views/changeOutcomeCards';

export const AWAITING_APPROVAL =
  'This change is waiting for approval: an approver applies it when they approve it.';
export const NEEDS_APPROVAL =
  'This kind of change needs approval by another admin: request it below.';

export function applyReply(outcome: ApplyOutcome): ActionResult {
  switch (outcome.kind) {
    case 'awaitingApproval':
      return { kind: 'message', text: AWAITING_APPROVAL };
    case 'needsApproval': {
      const { change, view, approval } = outcome;
      return { kind: 'card', card: previewCardFor(change, view, NEEDS_APPROVAL, approval) };
    }
    case 'refused':
      return { kind: 'message', text: outcome.message };
    case 'current':
      return { kind: 'card', card: closedCard(outcome.change, outcome.view) };
    case 'expired':
      return { kind: 'card', card: proposalCard(outcome.fresh), forEveryone: true };
    case 'finished': {
      const { change, view, result } = outcome;
      return { kind: 'card', card: finishedCard(change, view, result), forEveryone: true };
    }
  }
}

export function cancelReply(outcome: CancelOutcome): ActionResult {
  switch (outcome.kind) {
    case 'refused':
      return { kind: 'message', text: outcome.message };
    case 'current':
      return { kind: 'card', card: closedCard(outcome.change, outcome.view) };
    case 'closed':
      return { kind: 'card', card: closedCard(outcome.change, outcome.view), forEveryone: true };
  }
}
