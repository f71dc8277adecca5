/**
 * `delete {set}`: a preview of deleting the set and its flows, in words (no undo). `delete
 * {type} flow from {set}` is read as `remove`. 2 Graph calls to preview (sets, the set's flows).
 */
import { changeDeps } from '../bot/useCaseDeps';
import { parseFlowTarget, type FlowTarget } from '../domain/flowKindWords';
import { proposeChange } from '../changes/propose';
import { proposalCard } from '../views/changeCards';
import { deleteSetProposal } from '../changes/proposals';
import { findSet } from '../changes/targets';
import { setFound } from './targetReplies';
import { proposeFlowAction } from './remove';
import { command, type CommandContext, type ParseResult } from '../bot/command';
import type { Reply } from '../bot/command';

type DeleteArgs = { shape: 'set'; set: string } | ({ shape: 'flow' } & FlowTarget);

function parseDelete(rest: string): ParseResult<DeleteArgs> {
  if (!rest.trim())
    return { ok: false, error: 'Which flow set? Give its name, the start of its name, or its id.' };
  const parsed = parseFlowTarget(rest, ['from', 'in', 'of']);
  if (parsed.shape === 'error') return { ok: false, error: parsed.error };
  if (parsed.shape === 'anyFlow')
    return { ok: false, error: 'Say which type of flow, like "delete class flow from Northwind".' };
  return { ok: true, args: parsed };
}

async function proposeDeleteSet(ctx: CommandContext, typed: string): Promise<Reply[]> {
  const deps = changeDeps(ctx);
  const set = setFound(await findSet(deps.graph, typed), (s) => `delete ${s.id}`);
  if (!set.ok) return [set.reply];
  const { data: flows } = await deps.graph.listFlows(set.value.id);
  return [{ card: proposalCard(await proposeChange(deps, deleteSetProposal(set.value, flows))) }];
}

export const deleteCommand = command<DeleteArgs>({
  name: 'delete',
  aliases: ['delete flow set'],
  writes: true,
  usage: 'delete {set}',
  summary: 'Delete a flow set and all its flows: a preview of what stops, then Apply. No undo.',
  examples: ['delete "Fabrikam Elementary pilot"'],
  parse: parseDelete,
  run: (ctx, args) =>
    args.shape === 'set'
      ? proposeDeleteSet(ctx, args.set)
      : proposeFlowAction(ctx, 'deleteFlow', args),
});
