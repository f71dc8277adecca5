/**
 * `remove {type} flow from {set}`: a preview of removing that flow, its blast radius in words.
 * Also runs `reset` and `delete {type} flow from {set}`: same lookup, another change kind.
 * Graph calls: 2 (sets, then the set's flows); nothing is written before Apply.
 */
import { changeDeps } from '../bot/useCaseDeps';
import { FLOW_KIND_WORDS, requireFlowTarget, type FlowTarget } from '../domain/flowKindWords';
import { proposeChange } from '../changes/propose';
import { proposalCard } from '../views/changeCards';
import { flowActionProposal } from '../changes/proposals';
import { findFlow, findSet } from '../changes/targets';
import { flowFound, setFound } from './targetReplies';
import { command, type CommandContext } from '../bot/command';
import type { Reply } from '../bot/command';

const VERBS = { deleteFlow: 'remove', resetFlow: 'reset' } as const;
const JOINERS = { deleteFlow: 'from', resetFlow: 'in' } as const;

export async function proposeFlowAction(
  ctx: CommandContext,
  kind: 'deleteFlow' | 'resetFlow',
  { kind: flowKind, set: typed }: FlowTarget,
): Promise<Reply[]> {
  const deps = changeDeps(ctx);
  const again = (id: string) =>
    `${VERBS[kind]} ${FLOW_KIND_WORDS[flowKind]} flow ${JOINERS[kind]} ${id}`;
  const set = setFound(await findSet(deps.graph, typed), (s) => again(s.id));
  if (!set.ok) return [set.reply];
  const flow = flowFound(await findFlow(deps.graph, set.value, flowKind));
  if (!flow.ok) return [flow.reply];
  return [
    {
      card: proposalCard(
        await proposeChange(deps, flowActionProposal(kind, set.value, flow.value)),
      ),
    },
  ];
}

const USAGE = 'remove {type} flow from {set}';

export const removeCommand = command<FlowTarget>({
  name: 'remove',
  aliases: [],
  writes: true,
  usage: USAGE,
  summary:
    'Remove one flow from a set (user, class, security or adminunit): a preview of what stops, then Apply.',
  examples: ['remove security flow from Northwind', 'remove admin units flow from Fabrikam'],
  parse: (rest) =>
    requireFlowTarget(rest, ['from', 'in', 'of'], 'remove class flow from Northwind'),
  run: (ctx, args) => proposeFlowAction(ctx, 'deleteFlow', args),
});
