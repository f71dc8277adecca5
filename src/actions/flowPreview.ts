/**
 * `flow.preview`: a flow form's Preview. Re-reads the set and its flows (and role groups for a
 * user flow: 2–3 Graph calls), parses the inputs with src/forms, and answers with the same form
 * and its errors, or a preview diffed against what is stored now. An add for a type the set has
 * meanwhile got is refused before parsing; an edit of a flow that is gone says so.
 */
import { knownFlow, unlessGone } from '../changes/freshness';
import { type ChangeDeps } from '../changes/deps';
import { changeDeps } from '../bot/useCaseDeps';
import { addFlowForm, editFlowForm } from '../forms/openForms';
import { proposeChange } from '../changes/propose';
import { proposalCard } from '../views/changeCards';
import { createFlowProposal, updateFlowProposal } from '../changes/proposals';
import { alreadyHasFlow, flowOfKind, roleGroupsFor } from '../changes/targets';
import { FLOW_KIND_NAMES } from '../domain/fieldLabels';
import { parseFlowForm } from '../forms';
import type { FlowSet, ProvisioningFlow, RoleGroup } from '../domain/flowSchemas';
import { FlowFormSubmit } from './changeSchemas';
import { currentSetResult, setGoneResult } from './setButtons';
import { cardAction } from '../bot/action';
import type { ActionResult } from '../bot/action';
import { formatTime } from '../domain/time';

interface Current {
  set: FlowSet;
  flows: ProvisioningFlow[];
  roleGroups: RoleGroup[];
}

const movedNote = (what: string, at: string | null | undefined) =>
  `${what} changed at ${formatTime(at, 'second')}, after you opened the form: the changes below compare your values with what is stored now.`;

async function previewAdd(deps: ChangeDeps, data: FlowFormSubmit, now: Current) {
  const { set, flows, roleGroups } = now;
  const existing = flowOfKind(flows, data.kind);
  if (existing) return currentSetResult(set, flows, alreadyHasFlow(set, existing, data.kind));
  const parsed = parseFlowForm(data.kind, data, { mode: 'add', roleGroups });
  if (!parsed.ok) {
    const form = addFlowForm(set, data.kind, { roleGroups, ...formState(parsed) });
    return { kind: 'card', card: form } as const;
  }
  const moved = (set.lastModifiedDateTime ?? '') !== data.version;
  const note = moved ? movedNote(`"${set.displayName}"`, set.lastModifiedDateTime) : undefined;
  const card = proposalCard(await proposeChange(deps, createFlowProposal(set, parsed.value), note));
  return { kind: 'card', card } as const;
}

async function previewEdit(
  deps: ChangeDeps,
  data: FlowFormSubmit & { mode: 'edit' },
  now: Current,
) {
  const { set, flows, roleGroups } = now;
  const flow = knownFlow(flows.find((f) => f.id === data.flowId));
  if (!flow) {
    const note = `The ${FLOW_KIND_NAMES[data.kind]} flow you were editing no longer exists; nothing was changed.`;
    return currentSetResult(set, flows, note);
  }
  const parsed = parseFlowForm(data.kind, data, { mode: 'edit', roleGroups, current: flow });
  if (!parsed.ok) {
    const form = editFlowForm(set, flow, data.kind, { roleGroups, ...formState(parsed) });
    return { kind: 'card', card: form } as const;
  }
  const moved = (flow.lastModifiedDateTime ?? '') !== data.version;
  const what = `The ${FLOW_KIND_NAMES[data.kind]} flow`;
  const note = moved ? movedNote(what, flow.lastModifiedDateTime) : undefined;
  const card = proposalCard(
    await proposeChange(deps, updateFlowProposal(set, flow, parsed.value), note),
  );
  return { kind: 'card', card } as const;
}

/** The submitted values (never passwords, src/forms) and the errors, to draw the form again. */
const formState = (parsed: {
  values: Record<string, unknown>;
  errors: Record<string, string>;
}) => ({
  values: parsed.values,
  errors: parsed.errors,
});

export const flowPreviewAction = cardAction({
  verb: 'flow.preview',
  writes: true,
  schema: FlowFormSubmit,
  async run(ctx, data): Promise<ActionResult> {
    const deps = changeDeps(ctx);
    const set = await unlessGone(deps.graph.getFlowSet(data.setId));
    if (!set) return setGoneResult();
    const { data: flows } = await deps.graph.listFlows(set.id);
    const now = { set, flows, roleGroups: await roleGroupsFor(deps.graph, data.kind) };
    return data.mode === 'add' ? previewAdd(deps, data, now) : previewEdit(deps, data, now);
  },
});
