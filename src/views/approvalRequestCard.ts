/**
 * View-model of an open approval request (src/approvals): what would be changed (the same rows,
 * blast radius and SDS warnings as the preview), who asked, why and until when, and, depending on
 * who the copy is for, Approve / Reject (with a reason) and Cancel. Buttons carry the change id
 * only: the server re-checks who clicks, by Entra object id, and the state.
 */
import type { FieldChange } from '../domain/diff';
import { rowValue } from './previewCard';
import { AdaptiveCard, renderCard } from './render';
import type { TimeFact } from './localTime';

export interface ApprovalRequestCardModel {
  changeId: string;
  tone: 'emphasis' | 'accent' | 'warning';
  /** e.g. "Approval needed", "Waiting for approval". */
  status: string;
  title: string;
  /** "Requested by", "Expires": TextBlock rows in the reader's own zone (not FactSet values). */
  times: TimeFact[];
  facts: Array<{ title: string; value: string }>;
  /** Something the reader must know (nobody can approve; approvers that were not reached). */
  notice?: string;
  creating: boolean;
  rows: FieldChange[];
  effects: string[];
  warnings: string[];
  canDecide: boolean;
  canCancel: boolean;
}

export function approvalRequestCard(model: ApprovalRequestCardModel): AdaptiveCard {
  return renderCard('approval-request', {
    changeId: model.changeId,
    tone: model.tone,
    status: model.status,
    title: model.title,
    times: model.times,
    facts: model.facts,
    notice: model.notice ?? '',
    hasRows: model.rows.length > 0,
    rowsHeading: model.creating ? 'Settings' : 'Changes (now → after approval)',
    rows: model.rows.map((row) => ({ label: row.label, value: rowValue(row, model.creating) })),
    hasEffects: model.effects.length > 0,
    effects: model.effects.map((text) => ({ text })),
    hasWarnings: model.warnings.length > 0,
    warnings: model.warnings.map((text) => ({ text })),
    reference: `Change ${model.changeId}`,
    canDecide: model.canDecide,
    canCancel: model.canCancel,
  });
}
