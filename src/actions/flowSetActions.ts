/**
 * The set card's Edit and Delete buttons, and the flow-set form's Preview (create or edit).
 * A form submission is parsed by src/forms: errors → the same form with the errors next to the
 * fields and the input kept; valid → a preview diffed against what Graph stores now.
 */
import { unlessGone } from '../changes/freshness';
import { changeDeps } from '../bot/useCaseDeps';
import { editSetForm } from '../forms/openForms';
import { proposeChange } from '../changes/propose';
import { proposalCard } from '../views/changeCards';
import { createSetProposal, deleteSetProposal, updateSetProposal } from '../changes/proposals';
import { flowSetFormCard, parseFlowSetForm } from '../forms';
import { FlowSetFormSubmit, SetButton } from './changeSchemas';
import { loadForButton, setGoneResult } from './setButtons';
import { cardAction } from '../bot/action';
import type { ActionResult } from '../bot/action';
import { formatTime } from '../domain/time';

/** Edit: the set form, filled from the set as stored now. 1 Graph call. */
export const flowSetEditAction = cardAction({
  verb: 'flowset.edit',
  writes: true,
  schema: SetButton,
  async run(ctx, ref): Promise<ActionResult> {
    const loaded = await loadForButton(ctx.services.graph.forUser(ctx), ref, false);
    return loaded.ok ? { kind: 'card', card: editSetForm(loaded.set) } : loaded.result;
  },
});

/** Delete: a preview of deleting the set and its flows. 2 Graph calls (set, flows). */
export const flowSetDeleteAction = cardAction({
  verb: 'flowset.delete',
  writes: true,
  schema: SetButton,
  async run(ctx, ref): Promise<ActionResult> {
    const deps = changeDeps(ctx);
    const loaded = await loadForButton(deps.graph, ref, true);
    if (!loaded.ok) return loaded.result;
    const card = proposalCard(
      await proposeChange(deps, deleteSetProposal(loaded.set, loaded.flows)),
    );
    return { kind: 'card', card };
  },
});

/** The form's Preview: 0 Graph calls for a create, 1 (the set) for an edit. */
export const flowSetPreviewAction = cardAction({
  verb: 'flowset.preview',
  writes: true,
  schema: FlowSetFormSubmit,
  async run(ctx, data): Promise<ActionResult> {
    const deps = changeDeps(ctx);
    const parsed = parseFlowSetForm(data);
    if (data.mode === 'create') {
      if (!parsed.ok)
        return {
          kind: 'card',
          card: flowSetFormCard({ mode: 'create', values: parsed.values, errors: parsed.errors }),
        };
      return {
        kind: 'card',
        card: proposalCard(await proposeChange(deps, createSetProposal(parsed.value))),
      };
    }
    const set = await unlessGone(deps.graph.getFlowSet(data.setId));
    if (!set) return setGoneResult();
    if (!parsed.ok)
      return {
        kind: 'card',
        card: flowSetFormCard({
          mode: 'edit',
          current: set,
          values: parsed.values,
          errors: parsed.errors,
        }),
      };
    // The preview compares with what is stored now, so an edit made meanwhile shows up in it.
    const moved = (set.lastModifiedDateTime ?? '') !== data.version;
    const note = moved
      ? `"${set.displayName}" changed at ${formatTime(set.lastModifiedDateTime, 'second')}, after you opened the form: the changes below compare your values with what is stored now.`
      : undefined;
    return {
      kind: 'card',
      card: proposalCard(await proposeChange(deps, updateSetProposal(set, parsed.value), note)),
    };
  },
});
