/**
 * `edit {set}` (the set's name and schools) and `edit {type} flow in {set}` (that flow's
 * settings): one command, two shapes, told apart by the flow grammar (flowKindWords.ts).
 * Both open a form filled from what Graph stores now; changes go through a preview.
 */
import { FLOW_KIND_WORDS, parseFlowTarget } from '../domain/flowKindWords';
import { editFlowForm, editSetForm } from '../forms/openForms';
import { findFlow, findSet, roleGroupsFor } from '../changes/targets';
import { flowFound, setFound } from './targetReplies';
import type { FlowKind } from '../domain/flowSchemas';
import { command, type CommandContext, type ParseResult } from '../bot/command';
import type { Reply } from '../bot/command';

type EditArgs = { shape: 'set'; set: string } | { shape: 'flow'; kind: FlowKind; set: string };

const USAGE_FLOW = 'edit class flow in Northwind';

export function parseEdit(rest: string): ParseResult<EditArgs> {
  if (!rest.trim())
    return { ok: false, error: 'Which flow set (or which flow in which set) do you want to edit?' };
  const parsed = parseFlowTarget(rest, ['in', 'of', 'on', 'for']);
  switch (parsed.shape) {
    case 'set':
    case 'flow':
      return { ok: true, args: parsed };
    case 'anyFlow':
      return { ok: false, error: `Say which type of flow, like "${USAGE_FLOW}".` };
    case 'error':
      return {
        ok: false,
        error: `${parsed.error} To edit a set whose name has "flow in" in it, put the name in quotes.`,
      };
  }
}

/** Set form: 1 Graph call (the list resolves names and ids alike). */
async function editSet(ctx: CommandContext, typed: string): Promise<Reply[]> {
  const graph = ctx.services.graph.forUser(ctx);
  const found = setFound(await findSet(graph, typed), (set) => `edit ${set.id}`);
  return [found.ok ? { card: editSetForm(found.value) } : found.reply];
}

/** Flow form: 2 Graph calls (sets, flows), 3 for a user flow (role groups). */
async function editFlow(ctx: CommandContext, kind: FlowKind, typed: string): Promise<Reply[]> {
  const graph = ctx.services.graph.forUser(ctx);
  const word = FLOW_KIND_WORDS[kind];
  const set = setFound(await findSet(graph, typed), (s) => `edit ${word} flow in ${s.id}`);
  if (!set.ok) return [set.reply];
  const flow = flowFound(await findFlow(graph, set.value, kind));
  if (!flow.ok) return [flow.reply];
  const roleGroups = await roleGroupsFor(graph, kind);
  return [{ card: editFlowForm(set.value, flow.value, kind, { roleGroups }) }];
}

export const editCommand = command<EditArgs>({
  name: 'edit',
  aliases: ['change', 'update'],
  writes: true,
  usage: 'edit {set}  or  edit {type} flow in {set}',
  summary:
    "A flow set's name and schools, or one flow's settings: a form, then a preview you Apply.",
  examples: [
    'edit Northwind',
    'edit class flow in Northwind',
    'edit user flow in "Fabrikam pilot"',
  ],
  parse: parseEdit,
  run: (ctx, args) =>
    args.shape === 'set' ? editSet(ctx, args.set) : editFlow(ctx, args.kind, args.set),
});
