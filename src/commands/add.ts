/**
 * `add {type} flow to {set}`: that type's form with its defaults, once the set is known not to
 * have one (Graph allows one flow of each type per set, docs/graph-notes.md#one-flow-per-type — said before any
 * form). `add flow to {set}` asks which type. Graph calls: 2 (sets, flows), 3 for a user flow.
 */
import { flowKindChoiceCard } from '../views/flowKindChoiceCard';
import { FLOW_KIND_WORDS, parseFlowTarget } from '../domain/flowKindWords';
import { addFlowForm } from '../forms/openForms';
import { alreadyHasFlow, findSet, flowOfKind, roleGroupsFor } from '../changes/targets';
import { setFound } from './targetReplies';
import { missingFlowKinds } from '../domain/flowSummary';
import type { FlowKind } from '../domain/flowSchemas';
import { command, type ParseResult } from '../bot/command';

interface AddArgs {
  kind?: FlowKind;
  set: string;
}

const EXAMPLE = 'add class flow to Northwind';

function parseAdd(rest: string): ParseResult<AddArgs> {
  const text = rest.trim().replace(/^to\s+/i, 'flow to ');
  const parsed = parseFlowTarget(text, ['to', 'in', 'into', 'for']);
  if (parsed.shape === 'flow') return { ok: true, args: { kind: parsed.kind, set: parsed.set } };
  if (parsed.shape === 'anyFlow') return { ok: true, args: { set: parsed.set } };
  if (parsed.shape === 'error') return { ok: false, error: parsed.error };
  return { ok: false, error: `Say which type of flow and which set, like "${EXAMPLE}".` };
}

export const addCommand = command<AddArgs>({
  name: 'add',
  aliases: [],
  writes: true,
  usage: 'add {type} flow to {set}',
  summary:
    'Add a flow to a set (type: user, class, security or adminunit): its form with defaults, then a preview you Apply.',
  examples: [EXAMPLE, 'add user flow to "Fabrikam Elementary pilot"', 'add flow to Northwind'],
  parse: parseAdd,
  async run(ctx, { kind, set: typed }) {
    const graph = ctx.services.graph.forUser(ctx);
    const again = (id: string) => `add ${kind ? `${FLOW_KIND_WORDS[kind]} ` : ''}flow to ${id}`;
    const found = setFound(await findSet(graph, typed), (s) => again(s.id));
    if (!found.ok) return [found.reply];
    const set = found.value;
    const { data: flows } = await graph.listFlows(set.id);
    if (!kind) {
      const missing = missingFlowKinds(flows);
      if (!missing.length)
        return [
          {
            text: `"${set.displayName}" already has a flow of every type: there is nothing to add.`,
          },
        ];
      return [{ card: flowKindChoiceCard(set, missing) }];
    }
    const existing = flowOfKind(flows, kind);
    if (existing) return [{ text: alreadyHasFlow(set, existing, kind) }];
    return [{ card: addFlowForm(set, kind, { roleGroups: await roleGroupsFor(graph, kind) }) }];
  },
});
