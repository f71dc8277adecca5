/**
 * Every card a stored change can be shown as, drawn from the record and its view alone (no Graph
 * call), so a duplicate or late click is answered cheaply and never writes.
 */
import { previewCard, type PreviewApproval } from './previewCard';
import {
  changeResultCard,
  storedViewOf,
  type ChangeResultModel,
  type StoredView,
} from './changeResultCard';
import { showCommandFor } from './flowSetListCard';
import type { AdaptiveCard } from './render';
import type { FieldChange } from '../domain/diff';
import type { FinishedResult } from '../domain/changeResult';
import type { ChangeState, PendingChange, Person } from '../domain/pendingChange';
import type { ChangeView } from '../domain/changeView';
import { isCreate, rowsOf, startOverCommand, titleOf, warningsOf } from '../domain/changeRows';
import { formatTime } from '../domain/time';

export const ttlMinutesOf = (change: PendingChange): number =>
  (Date.parse(change.expiresAt) - Date.parse(change.createdAt)) / 60_000;

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

/**
 * What a proposal (src/changes/propose.ts ProposeOutcome) or a fresh preview after expiry
 * (src/changes/expire.ts FreshPreview) is shown as.
 */
export type ProposalCardInput =
  | { kind: 'unchanged'; change: PendingChange; view: ChangeView }
  | {
      kind: 'proposed';
      change: PendingChange;
      view: ChangeView;
      note?: string;
      approval?: PreviewApproval;
    }
  /** The expired change could not be proposed again (`reason`): its closed card. */
  | { kind: 'gone'; change: PendingChange; view: ChangeView; reason: string };

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

/** Who moved the change into `state`, and when (from its history). */
function entered(change: PendingChange, state: ChangeState): { by?: Person; at?: string } {
  const entry = [...change.history].reverse().find((h) => h.state === state);
  return { by: entry?.by, at: entry?.at };
}

/** "Show flow set", where there still is one to show. */
function showButtons(change: PendingChange): ChangeResultModel['buttons'] {
  if (change.kind === 'createFlowSet')
    return change.state === 'applied'
      ? [{ title: 'Show flow set', command: `show "${change.body.displayName}"` }]
      : [];
  if (change.kind === 'deleteFlowSet' && change.state === 'applied') return [];
  return [{ title: 'Show flow set', command: showCommandFor(change.target.setId) }];
}

/** Peer approval records both identities; say both on every result. */
const approvalLine = (change: PendingChange): string | undefined =>
  change.approver
    ? `Requested by ${change.requester.name}, approved by ${change.approver.name}.`
    : undefined;

const sentences = (...parts: Array<string | undefined>) => parts.filter(Boolean).join(' ');

function references(change: PendingChange): string[] {
  const requestId = change.result.requestId;
  return [`Change ${change.id}`, requestId ? `Graph request-id ${requestId}` : ''];
}

const rowsForResult = (change: PendingChange, view: ChangeView) =>
  rowsOf(change, view).map((r) => ({
    label: r.label,
    value: isCreate(change) ? r.after : `${r.before} → ${r.after}`,
  }));

export function appliedCard(
  change: PendingChange,
  view: ChangeView,
  stored?: StoredView,
  note?: string,
  extraButtons: ChangeResultModel['buttons'] = [],
): AdaptiveCard {
  const { by } = entered(change, 'applying');
  const at = change.result.appliedAt ?? entered(change, 'applied').at;
  return changeResultCard({
    tone: 'good',
    status: '✓ Applied',
    title: titleOf(change, view),
    message: sentences(
      `Applied by ${by?.name ?? 'the requester'} at ${formatTime(at, 'second')}.`,
      approvalLine(change),
      note,
    ),
    rowsHeading: stored ? undefined : 'What was changed',
    rows: stored ? [] : rowsForResult(change, view),
    stored,
    references: references(change),
    buttons: [...(extraButtons ?? []), ...(showButtons(change) ?? [])],
  });
}

export function failedCard(change: PendingChange, view: ChangeView): AdaptiveCard {
  return changeResultCard({
    tone: 'attention',
    status: '✗ Not applied',
    title: titleOf(change, view),
    message: sentences(
      `${change.result.error ?? 'The change failed.'} Nothing else was changed; preview it again to retry.`,
      approvalLine(change),
    ),
    references: references(change),
    buttons: startOver(change),
  });
}

/**
 * Sent, but Graph did not answer (timeout, dropped connection): the outcome is being checked by
 * reading Graph (approvals/sweep.ts), and this card is replaced by the applied or failed one.
 */
export function unknownCard(change: PendingChange, view: ChangeView): AdaptiveCard {
  const { by } = entered(change, 'applying');
  return changeResultCard({
    tone: 'warning',
    status: 'Outcome unknown: checking',
    title: titleOf(change, view),
    message: sentences(
      `Sent by ${by?.name ?? 'the requester'} at ${formatTime(entered(change, 'unknown').at, 'second')}.`,
      change.result.error,
      'The bot is checking with Microsoft Graph whether it was made and will update this card; nothing will be sent again.',
      approvalLine(change),
    ),
    references: references(change),
    buttons: showButtons(change),
  });
}

export function staleCard(
  change: PendingChange,
  view: ChangeView,
  reason: string,
  sincePreview: FieldChange[] = [],
): AdaptiveCard {
  return changeResultCard({
    tone: 'warning',
    status: 'Not applied: changed since the preview',
    title: titleOf(change, view),
    message: sentences(
      `${reason} Nothing was written. Preview the change again to see it against what is stored now.`,
      approvalLine(change),
    ),
    rowsHeading: 'Changed since the preview (then → now)',
    rows: sincePreview.map((r) => ({ label: r.label, value: `${r.before} → ${r.after}` })),
    references: references(change),
    buttons: startOver(change),
  });
}

/** The card of a claimed change once it ended (src/changes/outcome.ts recordOutcome). */
export function finishedCard(
  change: PendingChange,
  view: ChangeView,
  result: FinishedResult,
): AdaptiveCard {
  switch (result.kind) {
    case 'applied':
      return appliedCard(change, view, result.stored && storedViewOf(result.stored), result.note);
    case 'failed':
      return failedCard(change, view);
    case 'unknown':
      return unknownCard(change, view);
    case 'stale':
      return staleCard(change, view, result.reason, result.rows);
  }
}

function startOver(change: PendingChange): ChangeResultModel['buttons'] {
  const command = startOverCommand(change);
  return command ? [{ title: 'Preview again', command }] : [];
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
