/** `form.cancel`: closes a form without saving; back to the set card when the form had a set. */
import { changeResultCard } from '../views/changeResultCard';
import { flowSetCard } from '../views/flowSetCard';
import { unlessGone } from '../changes/freshness';
import { FormCancel } from './changeSchemas';
import { setGoneResult } from './setButtons';
import { cardAction } from '../bot/action';
import type { ActionResult } from '../bot/action';

export const formCancelAction = cardAction({
  verb: 'form.cancel',
  schema: FormCancel,
  async run(ctx, { setId }): Promise<ActionResult> {
    if (!setId)
      return {
        kind: 'card',
        card: changeResultCard({
          tone: 'default',
          status: 'Cancelled',
          title: 'New flow set',
          message: 'Nothing was saved.',
        }),
      };
    // 2 Graph calls: the set as stored now, with its flows.
    const graph = ctx.services.graph.forUser(ctx);
    const set = await unlessGone(graph.getFlowSet(setId));
    if (!set) return setGoneResult();
    const { data: flows } = await graph.listFlows(setId);
    return {
      kind: 'card',
      card: flowSetCard(set, flows, { note: 'Cancelled: nothing was saved.' }),
    };
  },
});
