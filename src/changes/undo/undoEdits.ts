/**
 * Undo of an applied edit (a set's name and schools, or one flow's settings): re-read the object,
 * put back the values the edit replaced, keep everything else as stored now. When the object
 * changed after the edit, the note says what changed, and the preview is computed from what is
 * stored now (the preview's own diff shows now → restored).
 */
import { knownFlow, unlessGone } from '../freshness';
import { updateFlowProposal, updateSetProposal } from '../proposals';
import { diffFields, type FieldLabels } from '../../domain/diff';
import { FLOW_KIND_NAMES, FLOW_LABELS, FLOW_SET_LABELS } from '../../domain/fieldLabels';
import { flowSetShape, flowShape } from '../../domain/previewDiff';
import { FlowPatchInput, FlowSetPatchInput, type IndustryDataApi } from '../../graph';
import { flowKindOf, type FlowSet, type KnownProvisioningFlow } from '../../domain/flowSchemas';
import { bodyFromShape, changedPaths, restoreFields } from '../../history/restore';
import type { StoredAuditEntry } from '../../domain/auditEntry';
import { appliedPhrase, explain, flowKindOfEntry, rowsPhrase, type UndoPlan } from './undoSteps';
import { formatTime } from '../../domain/time';

interface Reverse {
  body: unknown;
  note: string;
  /** The fields put back (diff.ts paths). */
  paths: string[];
  /** Whether the edit also changed fields under the withheld member (not put back). */
  withheldChanged: boolean;
}

const under = (member: string | undefined, path: string) =>
  !!member && (path === member || path.startsWith(`${member}.`));

/**
 * The reverse body and the note explaining it, from the snapshot, the edit and the object now.
 * `withheld`: a member neither put back nor sent (it keeps what is stored now).
 */
function reverseOf(
  entry: StoredAuditEntry,
  current: Record<string, unknown>,
  labels: FieldLabels,
  what: string,
  withheld?: string,
): Reverse {
  const after = entry.after ?? entry.body;
  const changed = changedPaths(entry.before, after, labels);
  const paths = changed.filter((p) => !under(withheld, p));
  const since = diffFields(after, current, labels);
  const restored = restoreFields(current, entry.before, paths) as Record<string, unknown>;
  const sent = Object.fromEntries(Object.entries(restored).filter(([k]) => k !== withheld));
  const notes = [`Undo of ${appliedPhrase(entry)}: this puts back the values it replaced.`];
  if (since.length)
    notes.push(
      `${what} has changed since (${rowsPhrase(since)}), so this preview is computed from what is stored now; other fields keep their current values.`,
    );
  return {
    body: bodyFromShape(sent),
    note: notes.join(' '),
    paths,
    withheldChanged: paths.length < changed.length,
  };
}

const cannotSend = (entry: StoredAuditEntry, problem: string): UndoPlan =>
  explain(
    entry,
    'Cannot be undone automatically',
    `The earlier values cannot be sent back as they are (${problem}). Use "edit" to set them by hand.`,
  );

const firstIssue = (error: { issues: Array<{ path: PropertyKey[]; message: string }> }) => {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid';
};

export async function undoSetEdit(
  graph: IndustryDataApi,
  entry: StoredAuditEntry,
): Promise<UndoPlan> {
  const set = entry.setId ? await unlessGone(graph.getFlowSet(entry.setId)) : undefined;
  if (!set)
    return explain(
      entry,
      'Nothing to undo',
      `Flow set "${entry.setName ?? entry.setId}" no longer exists, so there is nothing to restore.`,
    );
  const reverse = reverseOf(
    entry,
    flowSetShape(set),
    FLOW_SET_LABELS,
    `Flow set "${set.displayName}"`,
  );
  const body = FlowSetPatchInput.safeParse(reverse.body);
  if (!body.success) return cannotSend(entry, firstIssue(body.error));
  return { kind: 'propose', proposal: updateSetProposal(set, body.data), note: reverse.note };
}

/** The flow the entry is about: by id when recorded, else the set's flow of that type. */
async function flowNow(
  graph: IndustryDataApi,
  set: FlowSet,
  entry: StoredAuditEntry,
): Promise<KnownProvisioningFlow | undefined> {
  if (entry.flowId) return knownFlow(await unlessGone(graph.getFlow(set.id, entry.flowId)));
  const kind = flowKindOfEntry(entry);
  return knownFlow((await graph.listFlows(set.id)).data.find((f) => flowKindOf(f) === kind));
}

/** Without a recorded flow id, a flow created after the change is another flow of the same type. */
const addedAfter = (entry: StoredAuditEntry, flow: KnownProvisioningFlow) =>
  !entry.flowId &&
  !!flow.createdDateTime &&
  Date.parse(flow.createdDateTime) > Date.parse(entry.at);

export async function undoFlowEdit(
  graph: IndustryDataApi,
  entry: StoredAuditEntry,
): Promise<UndoPlan> {
  const kind = flowKindOfEntry(entry);
  const set = entry.setId ? await unlessGone(graph.getFlowSet(entry.setId)) : undefined;
  const flow = set && kind ? await flowNow(graph, set, entry) : undefined;
  const name = `The ${kind ? FLOW_KIND_NAMES[kind] : ''} flow of "${set?.displayName ?? entry.setName}"`;
  if (!set || !kind || !flow)
    return explain(
      entry,
      'Nothing to undo',
      `${name} no longer exists, so there is nothing to restore.`,
    );
  if (addedAfter(entry, flow))
    return explain(
      entry,
      'Nothing to undo',
      `${name} was added at ${formatTime(flow.createdDateTime, 'second')}, after that change: it is not the flow the change edited.`,
    );
  // A user flow's role groups are replaced whole, each with its initial password, which Graph
  // never returns (docs/graph-notes.md#password-masking): sending them back without passwords would clear the
  // passwords, so they are left as they are and the admin is told how to restore them.
  const withheld = kind === 'user' ? 'creationOptions' : undefined;
  const reverse = reverseOf(entry, flowShape(flow), FLOW_LABELS[kind], name, withheld);
  const byHand = `It also changed which role groups get new accounts or their licenses; those need every initial password entered again, so put them back with "edit user flow in ${set.displayName}".`;
  if (reverse.withheldChanged && !reverse.paths.length)
    return explain(
      entry,
      'Cannot be undone automatically',
      byHand.replace('It also changed', 'This change changed'),
    );
  const body = FlowPatchInput.safeParse(reverse.body);
  if (!body.success) return cannotSend(entry, firstIssue(body.error));
  const note = reverse.withheldChanged ? `${reverse.note} ${byHand}` : reverse.note;
  return { kind: 'propose', proposal: updateFlowProposal(set, flow, body.data), note };
}
