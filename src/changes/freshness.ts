/**
 * Reads what Graph stores now for a change's target, as the clicking user, and decides whether
 * the change is still what was previewed (re-GET
 * and compare lastModifiedDateTime, like Atlantis' `undiverged`). Stale when the object's
 * version moved, when it is gone, or (for an add) when the set now has a flow of that type.
 */
import { diffFields, type FieldChange } from '../domain/diff';
import { FLOW_KIND_NAMES, FLOW_LABELS, FLOW_SET_LABELS } from '../domain/fieldLabels';
import type { PendingChange } from '../domain/pendingChange';
import { flowSetShape, flowShape } from '../domain/previewDiff';
import { AppError } from '../errors';
import type { IndustryDataApi } from '../graph';
import {
  flowKindOf,
  KnownProvisioningFlow,
  type FlowSet,
  type ProvisioningFlow,
} from '../domain/flowSchemas';
import type { ChangeView } from './changeView';
import { formatTime } from '../domain/time';

export type Freshness = { fresh: true } | { fresh: false; reason: string; rows: FieldChange[] };

/** The value, or undefined when Graph says the object does not exist (404). */
export async function unlessGone<T>(read: Promise<{ data: T }>): Promise<T | undefined> {
  try {
    return (await read).data;
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') return undefined;
    throw err;
  }
}

/** The stored flow in a form we can diff and edit; undefined for types this version does not know. */
export function knownFlow(flow: ProvisioningFlow | undefined): KnownProvisioningFlow | undefined {
  const parsed = flow && KnownProvisioningFlow.safeParse(flow);
  return parsed?.success ? parsed.data : undefined;
}

const fresh: Freshness = { fresh: true };
const stale = (reason: string, rows: FieldChange[] = []): Freshness => ({
  fresh: false,
  reason,
  rows,
});

const movedSince = (change: PendingChange, version: string | null | undefined) =>
  (version ?? null) !== change.baseVersion;

function setFreshness(change: PendingChange, view: ChangeView, set: FlowSet | undefined) {
  if (!set)
    return stale(`Flow set "${view.setName}" no longer exists: it was deleted after this preview.`);
  if (!movedSince(change, set.lastModifiedDateTime)) return fresh;
  return stale(
    `Flow set "${view.setName}" was changed at ${formatTime(set.lastModifiedDateTime, 'second')}, after this preview (made from the version of ${formatTime(change.baseVersion, 'second')}).`,
    diffFields(view.before ?? flowSetShape(set), flowSetShape(set), FLOW_SET_LABELS),
  );
}

/** Re-reads the target (1 or 2 Graph GETs) and compares it with the preview. */
export async function checkFreshness(
  graph: IndustryDataApi,
  change: PendingChange,
  view: ChangeView,
): Promise<Freshness> {
  switch (change.kind) {
    case 'startRun':
      // Nothing to compare: a start past the limit, or while a run runs, is Graph's to refuse
      // (429 naming when to come back, 409), and its failed card says so (graph/runs.ts).
      return fresh;
    case 'createFlowSet':
      return fresh; // nothing existed to compare with; names need not be unique in Graph
    case 'updateFlowSet':
    case 'deleteFlowSet':
      return setFreshness(change, view, await unlessGone(graph.getFlowSet(change.target.setId)));
    case 'createFlow': {
      const { setId, flowKind } = change.target;
      const set = await unlessGone(graph.getFlowSet(setId));
      const setCheck = setFreshness(change, view, set);
      if (!setCheck.fresh) return setCheck;
      const existing = (await graph.listFlows(setId)).data.find((f) => flowKindOf(f) === flowKind);
      if (!existing) return fresh;
      return stale(
        `Flow set "${view.setName}" got a ${FLOW_KIND_NAMES[flowKind]} flow at ${formatTime(existing.createdDateTime, 'second')}, after this preview, and a set holds one flow of each type.`,
      );
    }
    case 'updateFlow':
    case 'deleteFlow':
    case 'resetFlow': {
      const { setId, flowId, flowKind } = change.target;
      const flow = await unlessGone(graph.getFlow(setId, flowId));
      const what = `The ${FLOW_KIND_NAMES[flowKind]} flow of "${view.setName}"`;
      if (!flow) return stale(`${what} no longer exists: it was removed after this preview.`);
      if (!movedSince(change, flow.lastModifiedDateTime)) return fresh;
      const now = knownFlow(flow);
      return stale(
        `${what} was changed at ${formatTime(flow.lastModifiedDateTime, 'second')}, after this preview (made from the version of ${formatTime(change.baseVersion, 'second')}).`,
        now && view.before ? diffFields(view.before, flowShape(now), FLOW_LABELS[flowKind]) : [],
      );
    }
  }
}
