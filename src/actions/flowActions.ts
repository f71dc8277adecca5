/**
 * The set card's flow buttons: Add flow (type choice, then that type's form), and per flow
 * Edit (its form), Remove and Reset (previews with the blast radius). Every one re-reads the set
 * and its flows first (setButtons.ts): 2 Graph calls, 3 when a user-flow form needs role groups.
 */
import { flowKindChoiceCard } from '../views/flowKindChoiceCard';
import { knownFlow } from '../changes/freshness';
import { changeDeps } from '../bot/useCaseDeps';
import { addFlowForm, editFlowForm } from '../forms/openForms';
import { proposeChange } from '../changes/propose';
import { proposalCard } from '../views/changeCards';
import { flowActionProposal } from '../changes/proposals';
import { alreadyHasFlow, flowOfKind, roleGroupsFor } from '../changes/targets';
import { FLOW_KIND_NAMES } from '../domain/fieldLabels';
import { missingFlowKinds } from '../domain/flowSummary';
import type { IndustryDataApi } from '../graph';
import type { FlowSet, KnownProvisioningFlow, ProvisioningFlow } from '../domain/flowSchemas';
import { AddFlowButton, FlowButton } from './changeSchemas';
import { currentSetResult, loadForButton } from './setButtons';
import { cardAction } from '../bot/action';
import type { ActionResult } from '../bot/action';

export const flowAddAction = cardAction({
  verb: 'flow.add',
  writes: true,
  schema: AddFlowButton,
  async run(ctx, ref): Promise<ActionResult> {
    const graph = ctx.services.graph.forUser(ctx);
    const loaded = await loadForButton(graph, ref, true);
    if (!loaded.ok) return loaded.result;
    const { set, flows } = loaded;
    if (!ref.kind) {
      const missing = missingFlowKinds(flows);
      if (!missing.length)
        return currentSetResult(set, flows, 'This set already has a flow of every type.');
      return { kind: 'card', card: flowKindChoiceCard(set, missing) };
    }
    const existing = flowOfKind(flows, ref.kind);
    if (existing) return currentSetResult(set, flows, alreadyHasFlow(set, existing, ref.kind));
    const roleGroups = await roleGroupsFor(graph, ref.kind);
    return { kind: 'card', card: addFlowForm(set, ref.kind, { roleGroups }) };
  },
});

type FlowLoaded =
  | { ok: true; set: FlowSet; flow: KnownProvisioningFlow; flows: ProvisioningFlow[] }
  | { ok: false; result: ActionResult };

/** The set (checked against the card's version) and the clicked flow, as stored now. */
async function loadFlow(graph: IndustryDataApi, ref: FlowButton): Promise<FlowLoaded> {
  const loaded = await loadForButton(graph, ref, true);
  if (!loaded.ok) return loaded;
  const flow = knownFlow(loaded.flows.find((f) => f.id === ref.flowId));
  if (!flow) {
    const note = `The ${FLOW_KIND_NAMES[ref.kind]} flow of this card no longer exists. Here is what is stored now; nothing was changed.`;
    return { ok: false, result: currentSetResult(loaded.set, loaded.flows, note) };
  }
  return { ok: true, set: loaded.set, flow, flows: loaded.flows };
}

export const flowEditAction = cardAction({
  verb: 'flow.edit',
  writes: true,
  schema: FlowButton,
  async run(ctx, ref): Promise<ActionResult> {
    const graph = ctx.services.graph.forUser(ctx);
    const loaded = await loadFlow(graph, ref);
    if (!loaded.ok) return loaded.result;
    const roleGroups = await roleGroupsFor(graph, ref.kind);
    return { kind: 'card', card: editFlowForm(loaded.set, loaded.flow, ref.kind, { roleGroups }) };
  },
});

const flowPreviewAction = (verb: string, kind: 'deleteFlow' | 'resetFlow') =>
  cardAction({
    verb,
    writes: true,
    schema: FlowButton,
    async run(ctx, ref): Promise<ActionResult> {
      const deps = changeDeps(ctx);
      const loaded = await loadFlow(deps.graph, ref);
      if (!loaded.ok) return loaded.result;
      const proposal = flowActionProposal(kind, loaded.set, loaded.flow);
      return { kind: 'card', card: proposalCard(await proposeChange(deps, proposal)) };
    },
  });

export const flowRemoveAction = flowPreviewAction('flow.remove', 'deleteFlow');
export const flowResetAction = flowPreviewAction('flow.reset', 'resetFlow');
