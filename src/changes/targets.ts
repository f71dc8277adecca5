/**
 * Finding what a change command is about, from what was typed: the set by name (or id) with the
 * which-one / did-you-mean cards whose buttons re-run the same command for one set id, and a
 * flow of a given type in it, with a plain answer when the set has none (or already has one).
 */
import { noSuchFlowSetCard, whichOneCard } from '../views/whichOneCard';
import { type Reply } from '../views/reply';
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
} from '../domain/flowSchemas';
import { knownFlow } from './freshness';
import { FLOW_KIND_WORDS } from '../domain/flowKindWords';

export type Found<T> = { ok: true; value: T } | { ok: false; reply: Reply };

/** One list call; a which-one or did-you-mean card whose buttons run `commandFor(set)`. */
export async function findSet(
  graph: IndustryDataApi,
  typed: string,
  commandFor: (set: FlowSet) => string,
): Promise<Found<FlowSet>> {
  const { data: sets } = await graph.listFlowSets();
  const found = resolveFlowSet(sets, typed);
  const options = { commandFor, button: 'Choose' };
  if (found.kind === 'found') return { ok: true, value: found.set };
  if (found.kind === 'ambiguous')
    return { ok: false, reply: { card: whichOneCard(typed, found.candidates, options) } };
  return { ok: false, reply: { card: noSuchFlowSetCard(typed, found.suggestions, options) } };
}

export const flowOfKind = (flows: readonly ProvisioningFlow[], kind: FlowKind) =>
  flows.find((f) => flowKindOf(f) === kind);

/** "Northwind has no class group flow; add one with …" */
export function noSuchFlow(set: FlowSet, kind: FlowKind): Reply {
  return {
    text:
      `"${set.displayName}" has no ${FLOW_KIND_NAMES[kind]} flow; add one with ` +
      `"add ${FLOW_KIND_WORDS[kind]} flow to ${set.displayName}".`,
  };
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

/** The set's flow of `kind` (one list-flows call), or the reply that says it has none. */
export async function findFlow(
  graph: IndustryDataApi,
  set: FlowSet,
  kind: FlowKind,
): Promise<Found<KnownProvisioningFlow>> {
  const flow = knownFlow(flowOfKind((await graph.listFlows(set.id)).data, kind));
  return flow ? { ok: true, value: flow } : { ok: false, reply: noSuchFlow(set, kind) };
}
