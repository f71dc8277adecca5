/** `show <set>`: one flow set in detail, named by id, name, start of the name or quoted name. */
import { flowSetCard } from '../views/flowSetCard';
import { noSuchFlowSetCard, whichOneCard } from '../views/whichOneCard';
import { resolveFlowSet } from '../domain/flowSetResolver';
import { command } from '../bot/command';

export const showCommand = command<{ name: string }>({
  name: 'show',
  aliases: ['details', 'open'],
  usage: 'show {set}',
  summary:
    'One flow set in detail: filter, each flow with its readiness and settings, and buttons to change it.',
  examples: [
    'show Northwind',
    'show "Fabrikam Elementary pilot"',
    'show 8d4e2a61-5b3c-4f7e-a1d9-2c6b8e0f4a13',
  ],
  parse: (rest) =>
    rest.trim()
      ? { ok: true, args: { name: rest.trim() } }
      : { ok: false, error: 'Which flow set? Give its name, the start of its name, or its id.' },
  async run(ctx, { name }) {
    const api = ctx.services.graph.forUser(ctx);
    // The list resolves names and ids alike, so show is always 2 Graph calls (sets, then flows).
    const { data: sets } = await api.listFlowSets();
    const found = resolveFlowSet(sets, name);
    if (found.kind === 'ambiguous') return [{ card: whichOneCard(name, found.candidates) }];
    if (found.kind === 'none') return [{ card: noSuchFlowSetCard(name, found.suggestions) }];
    const { data: flows } = await api.listFlows(found.set.id);
    return [{ card: flowSetCard(found.set, flows) }];
  },
});
