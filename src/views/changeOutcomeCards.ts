/**
 * The card of a change once Apply ended (applied, failed, unknown, stale), drawn from the record
 * and its view alone, and the pieces every result or closed card shares (who, references, buttons).
 */
import {
  appliedAt,
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
import { isCreate, rowsOf, titleOf } from '../domain/changeRows';
import { localTime } from './localTime';
/** Who moved the change into `state`, and when (from its history). */
export function entered(change: PendingChange, state: ChangeState): { by?: Person; at?: string } {
  const entry = [...change.history].reverse().find((h) => h.state === state);
  return { by: entry?.by, at: entry?.at };
}

/** "Show flow set", where there still is one to show. */
export function showButtons(change: PendingChange): ChangeResultModel['buttons'] {
  if (change.kind === 'createFlowSet')
    return change.state === 'applied'
      ? [{ title: 'Show flow set', command: `show "${change.body.displayName}"` }]
      : [];
  if (change.kind === 'deleteFlowSet' && change.state === 'applied') return [];
  if (change.kind === 'startRun') return [{ title: 'Runs', command: 'runs' }];
  return [{ title: 'Show flow set', command: showCommandFor(change.target.setId) }];
}

/** Peer approval records both identities; say both on every result. */
const approvalLine = (change: PendingChange): string | undefined =>
  change.approver
    ? `Requested by ${change.requester.name}, approved by ${change.approver.name}.`
    : undefined;

const sentences = (...parts: Array<string | undefined>) => parts.filter(Boolean).join(' ');

export function references(change: PendingChange): string[] {
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
    // "Applied by … at {time}." in each reader's own time zone (src/views/localTime.ts).
    when: appliedAt(by?.name ?? 'the requester', at),
    message: sentences(approvalLine(change), note),
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
    // "Sent by … at {time}." in each reader's own time zone (src/views/localTime.ts).
    when: localTime(
      `Sent by ${by?.name ?? 'the requester'} at `,
      entered(change, 'unknown').at,
      '.',
      'second',
    ),
    message: sentences(
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

/** The verb of "Preview again" (src/actions/changeRepreview.ts). */
export const REPREVIEW_VERB = 'change.repreview';

/**
 * "Preview again" on a change that ended unapplied (stale, expired, failed): the same change
 * previewed again against what is stored now, keeping the admin's edits (issue 12 item 9,
 * src/changes/repreview.ts), as a new message.
 */
export const startOver = (change: PendingChange): ChangeResultModel['buttons'] => [
  { title: 'Preview again', verb: REPREVIEW_VERB, data: { changeId: change.id } },
];
