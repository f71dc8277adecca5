/**
 * Changes that cannot be reversed, and why. A reset reprocesses the flow's data
 * (docs/graph-notes.md#reset): there is no earlier state to return to. A delete cannot be restored: Graph has no
 * restore for flow sets or flows, and the object's id and readiness history are gone with it.
 * What can be offered is a new object with the same settings, from the snapshot taken before the
 * delete, as an ordinary create preview (`undo {change} recreate`). Passwords are never part of
 * a snapshot (Graph never returns them, docs/graph-notes.md#password-masking), so they cannot come back.
 */
import { unlessGone } from '../freshness';
import { createFlowProposal, createSetProposal } from '../proposals';
import { FLOW_KIND_NAMES } from '../../domain/fieldLabels';
import { FlowCreateInput, FlowSetCreateInput, type IndustryDataApi } from '../../graph';
import { flowKindOf } from '../../domain/flowSchemas';
import { bodyFromShape } from '../../history/restore';
import type { StoredAuditEntry } from '../../domain/auditEntry';
import { explain, flowKindOfEntry, isShape, shortId, type UndoPlan } from './undoSteps';

export const recreateCommand = (entry: StoredAuditEntry): string =>
  `undo ${entry.changeId} recreate`;

export function explainReset(entry: StoredAuditEntry): UndoPlan {
  return explain(
    entry,
    'A reset cannot be undone',
    'A reset makes School Data Sync reprocess all current data of the flow as if it were the first run; there is no earlier state to go back to. It did not change any settings, so there are none to restore.',
  );
}

const PASSWORDS =
  'Initial passwords cannot be restored: Graph never returns them, so they were never recorded. Set them again in the form.';

export function explainDelete(entry: StoredAuditEntry): UndoPlan {
  const isSet = entry.kind === 'deleteFlowSet';
  const what = isSet ? `flow set "${entry.setName}"` : `the ${flowName(entry)} flow`;
  const why = `A delete cannot be undone: Microsoft Graph has no way to restore a deleted ${isSet ? 'flow set' : 'flow'}, and its id and readiness history are gone with it.`;
  if (!isShape(entry.before))
    return explain(
      entry,
      'Cannot be undone',
      `${why} No settings were recorded to recreate it from.`,
    );
  const offer = [
    `I can preview creating ${what} again as a new ${isSet ? 'set' : 'flow'} with the settings it had, with a new id and no readiness history.`,
    isSet ? 'Its flows are not recreated: add them again afterwards.' : '',
    flowKindOfEntry(entry) === 'user' ? PASSWORDS : '',
  ];
  return explain(entry, 'Cannot be undone', [why, ...offer].filter(Boolean).join(' '), [
    { title: 'Recreate as new', command: recreateCommand(entry) },
  ]);
}

const flowName = (entry: StoredAuditEntry) => {
  const kind = flowKindOfEntry(entry);
  return kind ? FLOW_KIND_NAMES[kind] : 'deleted';
};

const recreateNote = (entry: StoredAuditEntry, extra: string) =>
  `Recreates what change ${shortId(entry.changeId)} deleted, as a new object with the settings it had then. ${extra}`.trim();

export function recreateSet(entry: StoredAuditEntry): UndoPlan {
  const body = FlowSetCreateInput.safeParse(bodyFromShape(entry.before));
  if (!body.success) return explainDelete({ ...entry, before: undefined });
  return {
    kind: 'propose',
    proposal: createSetProposal(body.data),
    note: recreateNote(
      entry,
      'It gets a new id; its flows are not recreated: add them again after Apply.',
    ),
  };
}

export async function recreateFlow(
  graph: IndustryDataApi,
  entry: StoredAuditEntry,
): Promise<UndoPlan> {
  const body = FlowCreateInput.safeParse(bodyFromShape(entry.before));
  if (!body.success) return explainDelete({ ...entry, before: undefined });
  const set = entry.setId ? await unlessGone(graph.getFlowSet(entry.setId)) : undefined;
  const kind = body.data.kind;
  if (!set)
    return explain(
      entry,
      'Cannot be recreated',
      `Flow set "${entry.setName}" no longer exists either.`,
    );
  if ((await graph.listFlows(set.id)).data.some((f) => flowKindOf(f) === kind))
    return explain(
      entry,
      'Cannot be recreated',
      `"${set.displayName}" has a ${FLOW_KIND_NAMES[kind]} flow again, and a set holds only one flow of each type.`,
    );
  return {
    kind: 'propose',
    proposal: createFlowProposal(set, body.data),
    note: recreateNote(entry, kind === 'user' ? PASSWORDS : ''),
  };
}
