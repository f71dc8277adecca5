/**
 * Undo of an applied create: a preview that deletes what it created. The created object is
 * found by the id recorded with the change when there is one; otherwise a set by its name and
 * creation time, a flow by its type (a set holds one of each, docs/graph-notes.md#one-flow-per-type) and creation
 * time, so an older set of the same name or a flow added later is never taken for it.
 */
import { knownFlow, unlessGone } from '../freshness';
import { deleteSetProposal, flowActionProposal } from '../proposals';
import { FLOW_KIND_NAMES } from '../../domain/fieldLabels';
import { normaliseName } from '../../domain/flowSetResolver';
import type { IndustryDataApi } from '../../graph';
import { flowKindOf, type FlowSet, type ProvisioningFlow } from '../../domain/flowSchemas';
import type { StoredAuditEntry } from '../../domain/auditEntry';
import { appliedPhrase, explain, flowKindOfEntry, isShape, type UndoPlan } from './undoSteps';
import { formatTime } from '../../domain/time';

/**
 * How far a created object's createdDateTime may be from the time its change was recorded:
 * Graph's clock and ours differ, and the write happens a moment before `applied` is recorded.
 */
export const CREATED_WINDOW_MS = 10 * 60 * 1000;

const createdAround = (entry: StoredAuditEntry, o: { createdDateTime?: string | null }) => {
  if (!o.createdDateTime) return true; // nothing to compare with: trust the name or type
  return Math.abs(Date.parse(o.createdDateTime) - Date.parse(entry.at)) <= CREATED_WINDOW_MS;
};

const createdName = (entry: StoredAuditEntry): string => {
  const name = isShape(entry.body) ? entry.body.displayName : undefined;
  return typeof name === 'string' ? name : (entry.setName ?? '');
};

async function createdSet(graph: IndustryDataApi, entry: StoredAuditEntry): Promise<FlowSet[]> {
  if (entry.setId) {
    const set = await unlessGone(graph.getFlowSet(entry.setId));
    return set ? [set] : [];
  }
  const wanted = normaliseName(createdName(entry));
  return (await graph.listFlowSets()).data.filter(
    (s) => normaliseName(s.displayName) === wanted && createdAround(entry, s),
  );
}

export async function undoSetCreate(
  graph: IndustryDataApi,
  entry: StoredAuditEntry,
): Promise<UndoPlan> {
  const name = createdName(entry);
  const found = await createdSet(graph, entry);
  if (found.length > 1)
    return explain(
      entry,
      'Which one?',
      `${found.length} flow sets named "${name}" were created around ${formatTime(entry.at, 'second')}. Delete the right one with "delete" and its id (see "list").`,
    );
  const set = found[0];
  if (!set)
    return explain(
      entry,
      'Nothing to undo',
      // With the recorded id the lookup was by id, so a rename would have been found.
      entry.setId
        ? `Flow set "${name}" was deleted since. Nothing was changed.`
        : `Flow set "${name}" no longer exists under that name: it was deleted or renamed since. Nothing was changed.`,
    );
  const flows = (await graph.listFlows(set.id)).data;
  const renamed =
    normaliseName(set.displayName) !== normaliseName(name)
      ? ` It was created as "${name}", renamed to "${set.displayName}" since.`
      : '';
  const note = `Undo of ${appliedPhrase(entry)}: this deletes the flow set it created.${renamed}${
    flows.length ? ` Flows added to it since are deleted with it.` : ''
  }`;
  return { kind: 'propose', proposal: deleteSetProposal(set, flows), note };
}

async function createdFlow(
  graph: IndustryDataApi,
  setId: string,
  entry: StoredAuditEntry,
): Promise<ProvisioningFlow | undefined> {
  if (entry.flowId) return unlessGone(graph.getFlow(setId, entry.flowId));
  const kind = flowKindOfEntry(entry);
  const flow = (await graph.listFlows(setId)).data.find((f) => flowKindOf(f) === kind);
  return flow && createdAround(entry, flow) ? flow : undefined;
}

export async function undoFlowCreate(
  graph: IndustryDataApi,
  entry: StoredAuditEntry,
): Promise<UndoPlan> {
  const kind = flowKindOfEntry(entry);
  const set = entry.setId ? await unlessGone(graph.getFlowSet(entry.setId)) : undefined;
  const setName = set?.displayName ?? entry.setName;
  const flow = set && kind ? knownFlow(await createdFlow(graph, set.id, entry)) : undefined;
  if (!set || !kind || !flow)
    return explain(
      entry,
      'Nothing to undo',
      `The ${kind ? FLOW_KIND_NAMES[kind] : ''} flow this change added to "${setName}" is no longer there (it was removed, or its set deleted). Nothing was changed.`,
    );
  const note = `Undo of ${appliedPhrase(entry)}: this removes the flow it added.`;
  return { kind: 'propose', proposal: flowActionProposal('deleteFlow', set, flow), note };
}
