/**
 * What every button of the set card does first: re-read the set as the clicking user and
 * compare its lastModifiedDateTime with the card's `version`. A card that is out of date gets
 * the current set card with a note instead (never a blind write); a set that is
 * gone gets a card that says so.
 */
import { changeResultCard } from '../views/changeResultCard';
import { flowSetCard } from '../views/flowSetCard';
import { unlessGone } from '../changes/freshness';
import type { IndustryDataApi } from '../graph';
import type { FlowSet, ProvisioningFlow } from '../domain/flowSchemas';
import type { ActionResult } from '../bot/action';
import type { SetButton } from './changeSchemas';
import { formatTime } from '../domain/time';

export type Loaded =
  | { ok: true; set: FlowSet; flows: ProvisioningFlow[] }
  | { ok: false; result: ActionResult };

export const setGoneResult = (what = 'This flow set'): ActionResult => ({
  kind: 'card',
  card: changeResultCard({
    tone: 'default',
    status: 'Not found',
    title: `${what} no longer exists.`,
    message: 'It was deleted after this card was shown. Nothing was changed.',
    buttons: [{ title: 'List flow sets', command: 'list' }],
  }),
});

export const currentSetResult = (
  set: FlowSet,
  flows: readonly ProvisioningFlow[],
  note: string,
): ActionResult => ({ kind: 'card', card: flowSetCard(set, flows, { note }) });

/** 1 Graph call (the set), 2 with `withFlows` or when the card is out of date. */
export async function loadForButton(
  graph: IndustryDataApi,
  ref: SetButton,
  withFlows: boolean,
): Promise<Loaded> {
  const set = await unlessGone(graph.getFlowSet(ref.setId));
  if (!set) return { ok: false, result: setGoneResult() };
  const outOfDate = (set.lastModifiedDateTime ?? '') !== ref.version;
  const flows = withFlows || outOfDate ? (await graph.listFlows(set.id)).data : [];
  if (outOfDate) {
    const note =
      `This card was out of date: "${set.displayName}" changed at ${formatTime(set.lastModifiedDateTime, 'second')}. ` +
      'Here is what is stored now; nothing was changed. Click the button again if you still want to.';
    return { ok: false, result: currentSetResult(set, flows, note) };
  }
  return { ok: true, set, flows };
}
