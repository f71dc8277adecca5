/**
 * Every card a stored change can be shown as, drawn from the record and its view alone (no Graph
 * call), so a duplicate or late click is answered cheaply and never writes: the preview, the
 * proposal's card and the card of a closed change (the after-Apply results are in
 * changeOutcomeCards.ts).
 */
import { previewCard, type PreviewApproval } from './previewCard';
import { changeResultCard } from './changeResultCard';
import { showCommandFor } from './flowSetListCard';
import {
  appliedCard,
  entered,
  failedCard,
  references,
  showButtons,
  staleCard,
  startOver,
  unknownCard,
} from './changeOutcomeCards';
import type { AdaptiveCard } from './render';
import type { ChangeState, PendingChange } from '../domain/pendingChange';
import type { ChangeView } from '../domain/changeView';
import { isCreate, rowsOf, titleOf, warningsOf } from '../domain/changeRows';
import { formatTime } from '../domain/time';
import type { FreshPreview } from '../domain/changeResult';
import { ttlMinutesOf } from '../domain/pendingChangeSchema';

/** `approval`: the change needs peer approval (src/approvals), so its preview asks for it. */
export function previewCardFor(
  change: PendingChange,
  view: ChangeView,
  note?: string,
  approval?: PreviewApproval,
): AdaptiveCard {
  const rows = rowsOf(change, view);
  return previewCard({
    changeId: change.id,
    title: titleOf(change, view),
    requesterName: change.requester.name,
    expiresAt: change.expiresAt,
    ttlMinutes: ttlMinutesOf(change),
    creating: isCreate(change),
    rows,
    effects: view.effects,
    warnings: warningsOf(change, rows),
    note,
    approval,
    // Delete and Remove cannot be taken back by Graph: their Apply looks destructive (item 22).
    destructive: change.kind === 'deleteFlowSet' || change.kind === 'deleteFlow',
  });
}

/** An edit whose values are the ones stored now: no change was stored. */
export function nothingToChangeCard(draft: PendingChange, view: ChangeView): AdaptiveCard {
  return changeResultCard({
    tone: 'default',
    status: 'Nothing to change',
    title: titleOf(draft, view),
    message: 'The values are the ones stored now, so there is nothing to apply.',
    buttons: [{ title: 'Show flow set', command: showCommandFor(draft.target.setId) }],
  });
}

/** What a proposal or a fresh preview after expiry is shown as (domain/changeResult.ts). */
export type ProposalCardInput = FreshPreview;

export function proposalCard(p: ProposalCardInput): AdaptiveCard {
  switch (p.kind) {
    case 'unchanged':
      return nothingToChangeCard(p.change, p.view);
    case 'proposed':
      return previewCardFor(p.change, p.view, p.note, p.approval);
    case 'gone':
      return closedCard(p.change, p.view, `${p.reason} Nothing to preview again.`);
  }
}

export function closedCard(change: PendingChange, view: ChangeView, note?: string): AdaptiveCard {
  const title = titleOf(change, view);
  const who = (state: ChangeState) => entered(change, state);
  switch (change.state) {
    case 'cancelled': {
      const { by, at } = who('cancelled');
      return changeResultCard({
        tone: 'default',
        status: 'Cancelled',
        title,
        message: `Cancelled by ${by?.name ?? 'the requester'} at ${formatTime(at, 'second')}. Nothing was changed.`,
        references: references(change),
      });
    }
    case 'expired':
      return changeResultCard({
        tone: 'default',
        status: 'Expired',
        title,
        message: [
          `This preview expired after ${Math.round(ttlMinutesOf(change))} min without being applied. Nothing was changed.`,
          note,
        ]
          .filter(Boolean)
          .join(' '),
        references: references(change),
        buttons: startOver(change),
      });
    case 'rejected':
    case 'approved': {
      // Peer approval (src/approvals): its own cards say more; this is the record-only view.
      const { by, at } = who(change.state);
      const name = by?.name ?? 'an approver';
      const rejected = change.state === 'rejected';
      return changeResultCard({
        tone: rejected ? 'attention' : 'emphasis',
        status: rejected ? 'Rejected' : 'Approved, not applied yet',
        title,
        message: rejected
          ? `Rejected by ${name} at ${formatTime(at, 'second')}. Nothing was changed.`
          : `Approved by ${name} at ${formatTime(at, 'second')}; nothing has been written yet: ${name} can click Approve again to apply it.`,
        references: references(change),
      });
    }
    case 'applying': {
      const { by, at } = who('applying');
      return changeResultCard({
        tone: 'emphasis',
        status: 'Being applied…',
        title,
        message: `${by?.name ?? 'Someone'} clicked Apply at ${formatTime(at, 'second')}; the change is being made now. Show the flow set in a moment to see the result.`,
        references: references(change),
        buttons: showButtons(change),
      });
    }
    case 'applied':
      return appliedCard(change, view);
    case 'failed':
      return failedCard(change, view);
    case 'unknown':
      return unknownCard(change, view);
    case 'stale':
      return staleCard(change, view, 'The object changed after this preview.');
    default:
      return previewCardFor(change, view, note);
  }
}
