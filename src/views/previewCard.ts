/**
 * View-model of a change preview: what Apply would do, field by field (before → after; passwords
 * only ever as "(new password set)", diff.ts) or as a blast radius in words, with SDS's own
 * warnings, and Apply / Cancel buttons that carry the change id only (the server
 * holds the exact body; the card holds nothing that could be replayed with other values).
 */
import type { FieldChange } from '../domain/diff';
import { AdaptiveCard, renderCard } from './render';
import { cardTimestamp, formatTime } from '../domain/time';

export interface PreviewCardModel {
  changeId: string;
  title: string;
  requesterName: string;
  expiresAt: string;
  ttlMinutes: number;
  /** A create shows the new values only; an edit shows before → after. */
  creating: boolean;
  rows: FieldChange[];
  effects: string[];
  warnings: string[];
  /** Why this preview looks the way it does (e.g. it replaced an expired one). */
  note?: string;
  /** Peer approval (src/approvals): "Request approval" with a reason instead of Apply. */
  approval?: PreviewApproval;
  /** A delete (set or flow): Apply uses the destructive style instead of the positive one. */
  destructive?: boolean;
}

export interface PreviewApproval {
  /** e.g. "No approvers are configured: nobody could approve this." */
  notice?: string;
  /** Another request holds the flow set: buttons to see it and to cancel it. */
  blockedBy?: string;
}

export const rowValue = (row: FieldChange, creating: boolean): string =>
  creating ? row.after : `${row.before} → ${row.after}`;

export function previewCard(model: PreviewCardModel): AdaptiveCard {
  const minutes = Math.round(model.ttlMinutes);
  const who = model.requesterName || 'someone';
  // The template adds `{{TIME(untilAt)}} (N min).`: Teams shows the time in the reader's own zone.
  const untilAt = cardTimestamp(model.expiresAt);
  const until = untilAt ? '' : ` ${formatTime(model.expiresAt)}`;
  const { approval } = model;
  return renderCard('preview', {
    changeId: model.changeId,
    title: model.title,
    subtitle: approval
      ? `Asked for by ${who}. Another admin must approve it (peer approval): request approval until${until}`
      : `Asked for by ${who}. Only they can apply it, until${until}`,
    untilAt: untilAt ?? '',
    minutes,
    note: model.note ?? '',
    peer: !!approval,
    applyStyle: model.destructive ? 'destructive' : 'positive',
    notice: approval?.notice ?? '',
    blockedBy: approval?.blockedBy ?? '',
    hasRows: model.rows.length > 0,
    rowsHeading: model.creating ? 'Settings' : 'Changes (now → after Apply)',
    rows: model.rows.map((row) => ({ label: row.label, value: rowValue(row, model.creating) })),
    hasEffects: model.effects.length > 0,
    effects: model.effects.map((text) => ({ text })),
    hasWarnings: model.warnings.length > 0,
    warnings: model.warnings.map((text) => ({ text })),
  });
}
