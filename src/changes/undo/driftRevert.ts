/**
 * Revert of a change made outside the bot: the same reverse change `undo` plans for a change made
 * through the bot (undoEdits.ts, undoCreates.ts, undoDeletes.ts), planned from the drift's
 * before/after snapshots instead of an audit entry, so it re-reads Graph, puts back only the fields
 * that drifted, keeps everything else as stored now, and goes through the ordinary preview →
 * Apply / approval path as the person who clicked. What cannot be reverted says why, without the
 * `undo … recreate` button (that command works from the history of changes made through the bot).
 */
import type { IndustryDataApi } from '../../graph';
import { OUTSIDE_ACTOR, type StoredAuditEntry } from '../../domain/auditEntry';
import { DRIFT_KIND, type DriftItem } from '../../domain/driftRecords';
import { undoFlowCreate, undoSetCreate } from './undoCreates';
import { recreateFlow, recreateSet } from './undoDeletes';
import { undoFlowEdit, undoSetEdit } from './undoEdits';
import { explain, type UndoPlan } from './undoSteps';

/** The drift as if it were an applied change (undo's input); it was applied by nobody we know. */
export function driftAsApplied(item: DriftItem): StoredAuditEntry {
  return {
    id: `drift-${item.id}`,
    changeId: item.id,
    setId: item.setId,
    setName: item.setName,
    kind: DRIFT_KIND[item.change],
    ...(item.flowKind ? { flowKind: item.flowKind } : {}),
    ...(item.flowId ? { flowId: item.flowId } : {}),
    event: 'applied',
    actor: OUTSIDE_ACTOR,
    requester: OUTSIDE_ACTOR,
    at: item.detectedAt,
    body: item.after,
    before: item.before,
    after: item.after,
  };
}

const withoutButtons = (plan: UndoPlan): UndoPlan =>
  plan.kind === 'explain'
    ? { ...plan, title: plan.title.replace(/^Undo/, 'Revert'), buttons: [] }
    : plan;

export async function planDriftRevert(graph: IndustryDataApi, item: DriftItem): Promise<UndoPlan> {
  const entry = driftAsApplied(item);
  switch (item.change) {
    case 'setChanged':
      return withoutButtons(await undoSetEdit(graph, entry));
    case 'flowChanged':
      return withoutButtons(await undoFlowEdit(graph, entry));
    case 'setCreated':
      return withoutButtons(await undoSetCreate(graph, entry));
    case 'flowAdded':
      return withoutButtons(await undoFlowCreate(graph, entry));
    case 'setDeleted':
      return withoutButtons(recreateSet(entry));
    case 'flowRemoved':
      return withoutButtons(await recreateFlow(graph, entry));
    case 'flowReplaced':
      return withoutButtons(
        explain(
          entry,
          'Cannot be reverted automatically',
          'The flow that was there before was deleted: Microsoft Graph cannot restore it, and its id and readiness history are gone. The new flow is the one the set has now; use "edit" to change its settings, or Accept.',
        ),
      );
  }
}
