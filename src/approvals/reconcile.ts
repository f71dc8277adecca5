/**
 * Settling a change left `applying` by a process that died during its Graph write (inFlight.ts
 * decides when). Nothing is ever sent again (a write must not run twice);
 * the bot reads, with its own read-only app token, whether the write took effect, and records
 * `applied` or `failed`. How each kind is told (the evidence is quoted on the card and in the audit):
 *
 * | kind | applied when | failed when |
 * |---|---|---|
 * | edit set / edit flow | lastModifiedDateTime moved AND every field the body sets has the body's value | version unchanged, object gone, or moved to other values |
 * | delete set / remove flow | the object is gone (404) | it still exists |
 * | create set | a set with the body's name and filter was created after the preview | none |
 * | add flow | the set has a flow of that type created after the preview | none |
 * | reset flow | the flow reads `notReady` (a reset reprocesses everything) | any other status: no sign of it |
 *
 * A reset leaves no lasting trace (lastModifiedDateTime does not move); once the flow is `ready`
 * again it reads as not applied: the card says so and nothing is reset a second time.
 */
import type { IndustryDataApi } from '../graph';
import { unlessGone, knownFlow } from '../changes/freshness';
import { labelsFor } from '../domain/changeRows';
import { diffFields, isPasswordPath } from '../domain/diff';
import type { PendingChange } from '../domain/pendingChange';
import { flowSetShape, flowShape } from '../domain/previewDiff';
import { flowKindOf } from '../domain/flowSchemas';

export interface Evidence {
  applied: boolean;
  /** What was read, in words. */
  seen: string;
}

type Shape = Record<string, unknown>;

/** Does what is stored now carry every value the body sets (passwords cannot be read back)? */
function carriesBody(change: PendingChange, now: Shape): boolean {
  const body = Object.fromEntries(
    Object.entries((change.body ?? {}) as Shape).filter(([, v]) => v !== undefined),
  );
  const labels = labelsFor(change) ?? {};
  return diffFields(now, { ...now, ...body }, labels).every((row) => isPasswordPath(row.path));
}

const createdSince = (created: string | null | undefined, since: string) =>
  !!created && Date.parse(created) >= Date.parse(since);

function edited(change: PendingChange, version: string | null | undefined, shape: Shape): Evidence {
  if ((version ?? null) === change.baseVersion)
    return { applied: false, seen: 'it is unchanged since the preview' };
  return carriesBody(change, shape)
    ? { applied: true, seen: 'it was changed and holds the new values' }
    : { applied: false, seen: 'it was changed, but not to these values' };
}

export async function evidenceOf(graph: IndustryDataApi, change: PendingChange): Promise<Evidence> {
  const gone = { applied: false, seen: 'it no longer exists' };
  switch (change.kind) {
    case 'createFlowSet': {
      const sets = (await graph.listFlowSets()).data;
      const made = sets.find(
        (s) =>
          s.displayName === change.body.displayName &&
          createdSince(s.createdDateTime, change.createdAt),
      );
      return made
        ? {
            applied: true,
            seen: `a flow set "${made.displayName}" was created after the preview (id ${made.id})`,
          }
        : {
            applied: false,
            seen: `no flow set "${change.body.displayName}" was created after the preview`,
          };
    }
    case 'updateFlowSet': {
      const set = await unlessGone(graph.getFlowSet(change.target.setId));
      return set ? edited(change, set.lastModifiedDateTime, flowSetShape(set)) : gone;
    }
    case 'deleteFlowSet': {
      const set = await unlessGone(graph.getFlowSet(change.target.setId));
      return set
        ? { applied: false, seen: 'the flow set still exists' }
        : { applied: true, seen: 'the flow set is gone' };
    }
    case 'createFlow': {
      const flows = await unlessGone(graph.listFlows(change.target.setId));
      const made = flows?.find(
        (f) =>
          flowKindOf(f) === change.target.flowKind &&
          createdSince(f.createdDateTime, change.createdAt),
      );
      return made
        ? {
            applied: true,
            seen: `the set has a flow of this type created after the preview (id ${made.id})`,
          }
        : {
            applied: false,
            seen: `the set ${flows ? 'has' : 'is gone, with'} no such flow created after the preview`,
          };
    }
    case 'startRun': {
      // A run that started after the preview: Graph does not say who started it, so this is the best sign.
      const runs = (await graph.listRuns()).data;
      const started = runs.find((r) =>
        createdSince(r.startDateTime ?? undefined, change.createdAt),
      );
      return started
        ? { applied: true, seen: `a run started at ${started.startDateTime} (id ${started.id})` }
        : { applied: false, seen: 'no run started after the preview' };
    }
    default: {
      const flow = await unlessGone(graph.getFlow(change.target.setId, change.target.flowId));
      if (change.kind === 'deleteFlow')
        return flow
          ? { applied: false, seen: 'the flow still exists' }
          : { applied: true, seen: 'the flow is gone' };
      if (!flow) return gone;
      if (change.kind === 'resetFlow')
        return flow.readinessStatus === 'notReady'
          ? { applied: true, seen: 'the flow is reprocessing (not ready), as a reset makes it' }
          : {
              applied: false,
              seen: `the flow reads "${flow.readinessStatus}", with no sign of a reset`,
            };
      const known = knownFlow(flow);
      return known ? edited(change, flow.lastModifiedDateTime, flowShape(known)) : gone;
    }
  }
}
