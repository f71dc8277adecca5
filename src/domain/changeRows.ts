/**
 * What a stored change looks like in words: its title, its field rows (diffed from the snapshot
 * in its view against the exact body Apply sends) and its SDS warnings. Pure; every card of a
 * change is drawn from these, so preview, result and duplicate-click cards always agree.
 */
import { changeTitle } from './changeDescription';
import { afterPatch, diffFields, type FieldChange, type FieldLabels } from './diff';
import { FLOW_LABELS, FLOW_SET_LABELS } from './fieldLabels';
import type { PendingChange } from './pendingChange';
import { createsNothingWarning, warningsFor } from './warnings';
import type { FlowKind } from './flowSchemas';
import type { ChangeView } from './changeView';

export function flowKindOfChange(change: PendingChange): FlowKind | undefined {
  return 'flowKind' in change.target ? change.target.flowKind : undefined;
}

export function titleOf(change: PendingChange, view: ChangeView): string {
  const setName = change.kind === 'createFlowSet' ? change.body.displayName : view.setName;
  return changeTitle(change.kind, { setName, flowKind: flowKindOfChange(change) });
}

/** Labels for the object a change touches (sets or one flow type). */
export function labelsFor(change: PendingChange): FieldLabels | undefined {
  if (change.kind === 'createFlowSet' || change.kind === 'updateFlowSet') return FLOW_SET_LABELS;
  const kind = flowKindOfChange(change);
  return kind ? FLOW_LABELS[kind] : undefined;
}

/** Field rows for creates and edits; none for deletes and resets (they have a blast radius). */
export function rowsOf(change: PendingChange, view: ChangeView): FieldChange[] {
  const labels = labelsFor(change);
  if (!labels || change.body === null) return [];
  // An edit is a PATCH: what is left out of the body stays as it is (afterPatch).
  return diffFields(view.before, afterPatch(view.before, change.body), labels);
}

export const isCreate = (change: PendingChange): boolean =>
  change.kind === 'createFlowSet' || change.kind === 'createFlow';

export function warningsOf(change: PendingChange, rows: FieldChange[]): string[] {
  const nothing =
    change.kind === 'createFlow' || change.kind === 'updateFlow'
      ? createsNothingWarning(flowKindOfChange(change), change.body)
      : undefined;
  return [...warningsFor(change.kind, rows), ...(nothing ? [nothing] : [])];
}
