/**
 * Peer approval's outcomes (src/approvals/outcome.ts) as a turn's answer: the use cases say what
 * happened, this draws it with src/views.
 */
import type { ApprovalOutcome } from '../approvals/outcome';
import { approvalPresenter } from '../views/approvalPresenter';
import { approvalListCardOf } from '../views/approvalListCard';
import { requestCardFor } from '../views/approvalCards';
import { closedCard, previewCardFor, proposalCard } from '../views/changeCards';
import type { ActionResult } from '../bot/action';

export function approvalReply(outcome: ApprovalOutcome): ActionResult {
  switch (outcome.kind) {
    case 'message':
      return { kind: 'message', text: outcome.text };
    case 'request': {
      const { change, view, request, audience, forEveryone } = outcome;
      const card = requestCardFor(change, view, request, audience);
      return forEveryone ? { kind: 'card', card, forEveryone } : { kind: 'card', card };
    }
    case 'finished': {
      const { change, view, result } = outcome;
      const card = approvalPresenter.finishedCard(change, view, result);
      return { kind: 'card', card, forEveryone: true };
    }
    case 'list':
      return { kind: 'card', card: approvalListCardOf(outcome.list), forEveryone: true };
    case 'preview': {
      const { change, view, note, approval } = outcome;
      return { kind: 'card', card: previewCardFor(change, view, note, approval) };
    }
    case 'closed':
      return { kind: 'card', card: closedCard(outcome.change, outcome.view) };
    case 'refreshed':
      return { kind: 'card', card: proposalCard(outcome.fresh), forEveryone: true };
    case 'shown': {
      const { change, view, request, audience } = outcome;
      const card = requestCardFor(change, view, request, audience);
      return { kind: 'message', text: 'Here is that request.', also: [{ card }] };
    }
  }
}
