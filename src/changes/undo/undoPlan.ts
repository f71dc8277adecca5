/**
 * `undo`: the reverse of one applied change, decided from its audit entries
 * and what Graph stores now. Edits are reversed field by field, creates become deletes; resets and
 * deletes cannot be reversed and say why (undoDeletes.ts).
 */
import type { IndustryDataApi } from '../../graph';
import type { StoredAuditEntry } from '../../domain/auditEntry';
import { undoFlowCreate, undoSetCreate } from './undoCreates';
import { explainDelete, explainReset, recreateFlow, recreateSet } from './undoDeletes';
import { undoFlowEdit, undoSetEdit } from './undoEdits';
import { explain, type UndoPlan } from './undoSteps';

const EVENT_WORDS: Record<StoredAuditEntry['event'], string> = {
  requested: 'it is still waiting to be applied',
  approved: 'it was approved but not applied yet',
  rejected: 'it was rejected',
  applied: 'it was applied',
  failed: 'applying it failed',
  unknown: 'whether it was made is still being checked',
  stale: 'the object changed before it was applied',
  expired: 'its preview expired',
  cancelled: 'it was cancelled',
  drifted: 'it was made outside the bot: use Revert on its card',
  accepted: 'it was made outside the bot and accepted: use Revert on its card',
  revertProposed: 'it was made outside the bot; its revert is a change of its own',
};

/** `entries`: every entry of one change, latest first. */
export async function planUndo(
  graph: IndustryDataApi,
  entries: readonly StoredAuditEntry[],
  options: { recreate?: boolean } = {},
): Promise<UndoPlan> {
  const applied = entries.find((e) => e.event === 'applied');
  if (!applied) {
    const latest = entries[0]!;
    return explain(
      latest,
      'Nothing to undo',
      `This change was never applied (${EVENT_WORDS[latest.event]}), so nothing was changed in School Data Sync.`,
    );
  }
  switch (applied.kind) {
    case 'updateFlowSet':
      return undoSetEdit(graph, applied);
    case 'updateFlow':
      return undoFlowEdit(graph, applied);
    case 'createFlowSet':
      return undoSetCreate(graph, applied);
    case 'createFlow':
      return undoFlowCreate(graph, applied);
    case 'resetFlow':
      return explainReset(applied);
    case 'startRun':
      return explain(
        applied,
        'Cannot be undone',
        'A started run cannot be stopped or taken back through Microsoft Graph; it ends by itself. "runs" shows how it went.',
      );
    case 'deleteFlowSet':
      return options.recreate ? recreateSet(applied) : explainDelete(applied);
    case 'deleteFlow':
      return options.recreate ? recreateFlow(graph, applied) : explainDelete(applied);
  }
}
