/**
 * What `import` and `copy` answer, once a document has become create bodies: previews through the
 * normal pipeline (src/changes propose → Apply / approval), one change per Graph object, and a plan
 * card saying what each part of the document leads to. docs/configuration-as-code.md#how-import-applies:
 *
 * - No set of that name: the preview of creating the set. Its flows cannot be previewed yet (a
 *   flow's change targets its set's id), so the plan says to run the same command again once the
 *   set is applied.
 * - A set of that name: a preview of each difference (the set's name and filter, each flow to add
 *   or change); a user flow whose role groups change opens its form pre-filled from the document,
 *   asking only for the initial passwords. Flows the document does not hold are left alone.
 *
 * Running the same command again therefore converges the set on the document.
 */
import { changeDeps } from '../bot/useCaseDeps';
import type { CommandContext, Reply } from '../bot/command';
import { knownFlow } from '../changes/freshness';
import { proposeChange, type ProposeOutcome } from '../changes/propose';
import {
  createFlowProposal,
  createSetProposal,
  updateFlowProposal,
  updateSetProposal,
} from '../changes/proposals';
import { flowOfKind } from '../changes/targets';
import type { ChangeDeps } from '../changes/deps';
import type { ImportInputs } from '../domain/configImport';
import { FLOW_KIND_NAMES } from '../domain/fieldLabels';
import type { ParsedFlowInput, UserFlowInput } from '../domain/flowInputs';
import { normaliseName } from '../domain/flowSetResolver';
import {
  flowKindOf,
  type FlowSet,
  type KnownProvisioningFlow,
  type RoleGroup,
  type UserProvisioningFlow,
} from '../domain/flowSchemas';
import { IMPORT_WORDING, userFlowFormAgain } from '../forms/openForms';
import { storedConfigurations } from '../forms/userFlowValues';
import { proposalCard } from '../views/changeCards';
import { planCard, type PlanStep } from '../views/configCards';

export interface PlanOptions {
  /** "Import" or "Copy", for the plan card's title. */
  verb: string;
  /** The whole command, to run again once the set exists (a button when short enough). */
  again?: string;
  roleGroups: RoleGroup[];
}

const PREVIEW = 'preview below';

const setStep = (inputs: ImportInputs): string => {
  const schools = inputs.set.filter ? inputs.set.filter.in.join(', ') : 'all schools';
  return `Flow set "${inputs.set.displayName}" (${schools})`;
};

export async function planReplies(
  ctx: CommandContext,
  inputs: ImportInputs,
  options: PlanOptions,
): Promise<Reply[]> {
  const deps = changeDeps(ctx);
  const { data: sets } = await deps.graph.listFlowSets();
  const wanted = normaliseName(inputs.set.displayName);
  const same = sets.filter((s) => normaliseName(s.displayName) === wanted);
  if (same.length > 1)
    return [
      {
        text: `${same.length} flow sets are named "${inputs.set.displayName}": rename all but one before importing into it.`,
      },
    ];
  return same[0] ? intoExisting(deps, same[0], inputs, options) : intoNew(deps, inputs, options);
}

async function intoNew(deps: ChangeDeps, inputs: ImportInputs, options: PlanOptions) {
  const outcome = await proposeChange(deps, createSetProposal(inputs.set));
  const steps: PlanStep[] = [{ what: setStep(inputs), status: `to create: ${PREVIEW}` }];
  for (const flow of inputs.flows)
    steps.push({ what: `${FLOW_KIND_NAMES[flow.kind]} flow`, status: 'once the set exists' });
  const again = options.again;
  const plan = planCard({
    title: `${options.verb}: a new flow set`,
    intro: `No flow set is named "${inputs.set.displayName}", so the first step creates it.`,
    steps,
    next: inputs.flows.length
      ? `Apply the set's preview, then ${again && again.length <= 500 ? 'press "Continue" (or send the same command again)' : 'send the same command again'}: each flow is then previewed for you to Apply.`
      : undefined,
    again: again ? { title: 'Continue', command: again } : undefined,
  });
  return [{ card: plan }, { card: proposalCard(outcome) }];
}

async function intoExisting(
  deps: ChangeDeps,
  set: FlowSet,
  inputs: ImportInputs,
  options: PlanOptions,
) {
  const { data: flows } = await deps.graph.listFlows(set.id);
  const steps: PlanStep[] = [];
  const cards: Reply[] = [];
  const setOutcome = await proposeChange(deps, updateSetProposal(set, inputs.set));
  steps.push({ what: setStep(inputs), status: statusOf(setOutcome) });
  if (setOutcome.kind === 'proposed') cards.push({ card: proposalCard(setOutcome) });
  for (const body of inputs.flows) {
    const what = `${FLOW_KIND_NAMES[body.kind]} flow`;
    const stored = knownFlow(flowOfKind(flows, body.kind));
    const step = await flowStep(deps, set, stored, body, options.roleGroups);
    steps.push({ what, status: step.status });
    if (step.reply) cards.push(step.reply);
  }
  for (const flow of flows) {
    const kind = flowKindOf(flow);
    if (kind && !inputs.flows.some((b) => b.kind === kind))
      steps.push({
        what: `${FLOW_KIND_NAMES[kind]} flow`,
        status: 'not in the document: left as it is',
      });
  }
  const plan = planCard({
    title: `${options.verb}: into "${set.displayName}"`,
    intro: cards.length
      ? 'A flow set of this name exists: each difference from the document is below, to Apply one by one.'
      : 'A flow set of this name exists and already matches the document: nothing to change.',
    steps,
  });
  return [{ card: plan }, ...cards];
}

const statusOf = (outcome: ProposeOutcome) =>
  outcome.kind === 'unchanged' ? 'already as in the document' : `to change: ${PREVIEW}`;

async function flowStep(
  deps: ChangeDeps,
  set: FlowSet,
  stored: KnownProvisioningFlow | undefined,
  body: ParsedFlowInput,
  roleGroups: RoleGroup[],
): Promise<{ status: string; reply?: Reply }> {
  if (body.kind === 'user') {
    const user = stored as UserProvisioningFlow | undefined;
    const sameGroups = user && sameConfigurations(user, body);
    if (!sameGroups && (body.creationOptions?.configurations.length ?? 0) > 0) {
      const form = userFlowFormAgain(set, stored, roleGroups, body, IMPORT_WORDING);
      return {
        status: `to ${stored ? 'change' : 'add'}: form below (initial passwords)`,
        reply: { card: form },
      };
    }
    // Role groups as stored: their passwords stay as they are, so none is asked for.
    if (sameGroups) body = { ...body, creationOptions: undefined };
  }
  if (!stored) {
    const outcome = await proposeChange(deps, createFlowProposal(set, body));
    return { status: `to add: ${PREVIEW}`, reply: { card: proposalCard(outcome) } };
  }
  const outcome = await proposeChange(deps, updateFlowProposal(set, stored, body));
  if (outcome.kind !== 'proposed') return { status: 'already as in the document' };
  return { status: `to change: ${PREVIEW}`, reply: { card: proposalCard(outcome) } };
}

/** The same role groups with the same licence SKUs (order aside) as the stored flow. */
function sameConfigurations(stored: UserProvisioningFlow, body: UserFlowInput): boolean {
  const have = storedConfigurations(stored);
  const want = body.creationOptions?.configurations ?? [];
  if (have.size !== want.length) return false;
  const key = (skus: readonly string[] | undefined) => [...(skus ?? [])].sort().join('\n');
  return want.every(
    (c) => have.has(c.roleGroupId) && key(have.get(c.roleGroupId)) === key(c.licenseSkus),
  );
}
