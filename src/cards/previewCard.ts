/**
 * View-model of a change preview: what Apply would do, field by field (before → after; passwords
 * only ever as "(new password set)", diff.ts) or as a blast radius in words, with SDS's own
 * warnings, and Apply / Cancel buttons that carry the change id only (prior-art §1d: the server
 * holds the exact body; the card holds nothing that could be replayed with other values).
 */
import type { FieldChange } from '../domain/diff';
import { formatTimestamp } from '../domain/flowSummary';
import { AdaptiveCard, renderCard } from './render';

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
}

export const rowValue = (row: FieldChange, creating: boolean): string =>
  creating ? row.after : `${row.before} → ${row.after}`;

export function previewCard(model: PreviewCardModel): AdaptiveCard {
  const minutes = Math.round(model.ttlMinutes);
  return renderCard('preview', {
    changeId: model.changeId,
    title: model.title,
    subtitle:
      `Asked for by ${model.requesterName || 'someone'}. Only they can apply it, until ` +
      `${formatTimestamp(model.expiresAt)} (${minutes} min).`,
    note: model.note ?? '',
    hasRows: model.rows.length > 0,
    rowsHeading: model.creating ? 'Settings' : 'Changes (now → after Apply)',
    rows: model.rows.map((row) => ({ label: row.label, value: rowValue(row, model.creating) })),
    hasEffects: model.effects.length > 0,
    effects: model.effects.map((text) => ({ text })),
    hasWarnings: model.warnings.length > 0,
    warnings: model.warnings.map((text) => ({ text })),
  });
}
