/**
 * A proposal is everything a pending change needs except who asks and when: the kind, the target,
 * the exact body Apply will send, the version it was computed from (the object's
 * lastModifiedDateTime) and the view its cards are drawn from. Pure builders, one per kind, all
 * computed from what Graph returned just now.
 */
import { describeBlastRadius, scopeOf } from '../domain/changeDescription';
import type { ChangeKind, NewChange } from '../domain/pendingChange';
import { flowSetShape, flowShape } from '../domain/previewDiff';
import type {
  FlowCreateInput,
  FlowPatchInput,
  FlowSetCreateInput,
  FlowSetPatchInput,
} from '../graph';
import {
  flowKindOf,
  type FlowKind,
  type FlowSet,
  type KnownProvisioningFlow,
  type ProvisioningFlow,
} from '../domain/flowSchemas';
import type { ChangeView } from './changeView';
import { startRunEffects } from '../domain/runStart';
import type { RunLike } from '../domain/runHealth';
import type { RunTiming } from '../domain/runTiming';

export interface Proposal {
  kind: ChangeKind;
  target: NewChange['target'];
  body: unknown;
  baseVersion: string | null;
  view: ChangeView;
}

const versionOf = (o: { lastModifiedDateTime?: string | null }) => o.lastModifiedDateTime ?? null;

export const createSetProposal = (body: FlowSetCreateInput): Proposal => ({
  kind: 'createFlowSet',
  target: {},
  body,
  baseVersion: null,
  view: { setName: body.displayName, before: null, effects: [] },
});

export const updateSetProposal = (set: FlowSet, body: FlowSetPatchInput): Proposal => ({
  kind: 'updateFlowSet',
  target: { setId: set.id },
  body,
  baseVersion: versionOf(set),
  view: { setName: set.displayName, before: flowSetShape(set), effects: [] },
});

export function deleteSetProposal(set: FlowSet, flows: readonly ProvisioningFlow[]): Proposal {
  const flowKinds = flows.map(flowKindOf).filter((k): k is FlowKind => k !== undefined);
  const radius = describeBlastRadius({ kind: 'deleteFlowSet', set: scopeOf(set), flowKinds });
  return {
    kind: 'deleteFlowSet',
    target: { setId: set.id },
    body: null,
    baseVersion: versionOf(set),
    view: { setName: set.displayName, before: flowSetShape(set), effects: radius.effects },
  };
}

/** An add is computed from the set: its version moves if the set is renamed or refiltered. */
export const createFlowProposal = (set: FlowSet, body: FlowCreateInput): Proposal => ({
  kind: 'createFlow',
  target: { setId: set.id, flowKind: body.kind },
  body,
  baseVersion: versionOf(set),
  view: { setName: set.displayName, before: null, effects: [] },
});

export const updateFlowProposal = (
  set: FlowSet,
  flow: KnownProvisioningFlow,
  body: FlowPatchInput,
): Proposal => ({
  kind: 'updateFlow',
  target: { setId: set.id, flowId: flow.id, flowKind: body.kind },
  body,
  baseVersion: versionOf(flow),
  view: { setName: set.displayName, before: flowShape(flow), effects: [] },
});

/** Remove and reset: no body; the card shows the blast radius instead of fields. */
export function flowActionProposal(
  kind: 'deleteFlow' | 'resetFlow',
  set: FlowSet,
  flow: KnownProvisioningFlow,
): Proposal {
  const flowKind = flowKindOf(flow)!;
  const radius = describeBlastRadius({ kind, set: scopeOf(set), flowKind });
  return {
    kind,
    target: { setId: set.id, flowId: flow.id, flowKind },
    body: null,
    baseVersion: versionOf(flow),
    view: { setName: set.displayName, before: flowShape(flow), effects: radius.effects },
  };
}

/**
 * An on-demand run: no target and no body (POST /runs/start takes none). Its view says what the
 * start costs (the budget left in the current 12 hours) and which scheduled run it would skip.
 * No version: there is nothing to compare at Apply; Graph refuses a start past the limit (429).
 */
export function startRunProposal(
  runs: readonly RunLike[],
  onDemandStarts: readonly string[],
  now: Date,
  timing?: RunTiming,
): Proposal {
  return {
    kind: 'startRun',
    target: {},
    body: null,
    baseVersion: null,
    view: {
      setName: 'School Data Sync',
      before: null,
      effects: startRunEffects(runs, onDemandStarts, now, timing),
    },
  };
}
