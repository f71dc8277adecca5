/**
 * Finding what a change command is about, from what was typed: the set by name (or id), or the
 * candidates / closest names when that is not exactly one set (commands draw the which-one and
 * did-you-mean cards from them), and a flow of a given type in it, with a plain answer when the
 * set has none (or already has one). And the role groups a user flow's form lists.
 */
import { resolveFlowSet } from '../domain/flowSetResolver';
import { readinessBadge } from '../domain/flowSummary';
import { FLOW_KIND_NAMES } from '../domain/fieldLabels';
import type { IndustryDataApi } from '../graph';
import {
  flowKindOf,
  type FlowKind,
  type FlowSet,
  type KnownProvisioningFlow,
  type ProvisioningFlow,
  type RoleGroup,
} from '../domain/flowSchemas';
import { knownFlow } from './freshness';
import { FLOW_KIND_WORDS } from '../domain/flowKindWords';

/** The set a name (or id) picks, or what was typed with the sets it could have meant. */
export type SetLookup =
  | { kind: 'found'; set: FlowSet }
  | { kind: 'ambiguous'; typed: string; candidates: FlowSet[] }
  | { kind: 'none'; typed: string; suggestions: FlowSet[] };

/** One list call. */
export async function findSet(graph: IndustryDataApi, typed: string): Promise<SetLookup> {
  const { data: sets } = await graph.listFlowSets();
  const found = resolveFlowSet(sets, typed);
  if (found.kind === 'found') return found;
  if (found.kind === 'ambiguous') return { kind: 'ambiguous', typed, candidates: found.candidates };
  return { kind: 'none', typed, suggestions: found.suggestions };
}

export const flowOfKind = (flows: readonly ProvisioningFlow[], kind: FlowKind) =>
  flows.find((f) => flowKindOf(f) === kind);

/** "Northwind has no class group flow; add one with …" */
export function noSuchFlow(set: FlowSet, kind: FlowKind): string {
  return (
    `"${set.displayName}" has no ${FLOW_KIND_NAMES[kind]} flow; add one with ` +
    `"add ${FLOW_KIND_WORDS[kind]} flow to ${set.displayName}".`
  );
}

/** Said before any form is shown: Graph allows one flow of each type per set (docs/graph-notes.md#one-flow-per-type). */
export function alreadyHasFlow(set: FlowSet, flow: ProvisioningFlow, kind: FlowKind): string {
  const word = FLOW_KIND_WORDS[kind];
  return (
    `"${set.displayName}" already has a ${FLOW_KIND_NAMES[kind]} flow ` +
    `(${readinessBadge(flow.readinessStatus).text}), and a flow set holds only one flow of each type. ` +
    `Change it with "edit ${word} flow in ${set.displayName}", or remove it first with ` +
    `"remove ${word} flow from ${set.displayName}".`
  );
}

export type FlowLookup =
  | { kind: 'found'; flow: KnownProvisioningFlow }
  /** `message` says the set has none, and how to add one. */
  | { kind: 'none'; message: string };

/** The set's flow of `kind` (one list-flows call), or why there is none. */
export async function findFlow(
  graph: IndustryDataApi,
  set: FlowSet,
  kind: FlowKind,
): Promise<FlowLookup> {
  const flow = knownFlow(flowOfKind((await graph.listFlows(set.id)).data, kind));
  return flow ? { kind: 'found', flow } : { kind: 'none', message: noSuchFlow(set, kind) };
}

/** Role groups are only read for user flows: only that form lists them (one extra Graph call). */
export async function roleGroupsFor(graph: IndustryDataApi, kind: FlowKind): Promise<RoleGroup[]> {
  return kind === 'user' ? (await graph.listRoleGroups()).data : [];
}
