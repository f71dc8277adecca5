/**
 * Expiry: a preview is only good for `previewTtlMs`. Apply on
 * an expired preview writes nothing; the requester gets a fresh preview of the same change,
 * computed against what is stored now. `expireDue` moves overdue changes to `expired` and gives
 * them with their views, for whoever updates the posted previews (a timer in the composition
 * root) with their final cards.
 */
import type { PendingChange } from '../domain/pendingChange';
import { FLOW_KIND_NAMES } from '../domain/fieldLabels';
import type { IndustryDataApi } from '../graph';
import { flowKindOf } from '../domain/flowSchemas';
import { viewOf, type ChangeView, type ChangeViewStore } from './changeView';
import { knownFlow, unlessGone } from './freshness';
import type { ChangeDeps } from './deps';
import { proposeChange } from './propose';
import type { FreshPreview } from '../domain/changeResult';
import { ttlMinutesOf } from '../domain/pendingChangeSchema';
import {
  createFlowProposal,
  createSetProposal,
  deleteSetProposal,
  flowActionProposal,
  updateFlowProposal,
  updateSetProposal,
  startRunProposal,
  type Proposal,
} from './proposals';

/** The same change, proposed again from current state; a string says why that is not possible. */
export async function reproposal(
  graph: IndustryDataApi,
  change: PendingChange,
  view: ChangeView,
): Promise<Proposal | string> {
  if (change.kind === 'createFlowSet') return createSetProposal(change.body);
  // The bot's earlier starts are not at hand here: the schedule estimate may be rougher.
  if (change.kind === 'startRun')
    return startRunProposal((await graph.listRuns()).data, [], new Date());
  const set = await unlessGone(graph.getFlowSet(change.target.setId));
  if (!set) return `Flow set "${view.setName}" no longer exists.`;
  switch (change.kind) {
    case 'updateFlowSet':
      return updateSetProposal(set, change.body);
    case 'deleteFlowSet':
      return deleteSetProposal(set, (await graph.listFlows(set.id)).data);
    case 'createFlow': {
      const flows = (await graph.listFlows(set.id)).data;
      if (flows.some((f) => flowKindOf(f) === change.target.flowKind))
        return `"${set.displayName}" has a ${FLOW_KIND_NAMES[change.target.flowKind]} flow now.`;
      return createFlowProposal(set, change.body);
    }
    default: {
      const flow = knownFlow(await unlessGone(graph.getFlow(set.id, change.target.flowId)));
      if (!flow)
        return `The ${FLOW_KIND_NAMES[change.target.flowKind]} flow of "${set.displayName}" no longer exists.`;
      return change.kind === 'updateFlow'
        ? updateFlowProposal(set, flow, change.body)
        : flowActionProposal(change.kind, set, flow);
    }
  }
}

export type { FreshPreview };

/** The same change proposed again from current state with `note`, or why it cannot be (`gone`). */
export async function freshPreview(
  deps: ChangeDeps,
  change: PendingChange,
  view: ChangeView,
  note: string,
): Promise<FreshPreview> {
  const again = await reproposal(deps.graph, change, view);
  if (typeof again === 'string') return { kind: 'gone', change, view, reason: again };
  return proposeChange(deps, again, note);
}

const expiryNote = (expired: PendingChange): string =>
  `The preview you clicked expired (${Math.round(ttlMinutesOf(expired))} min) and nothing was applied. Here is a fresh one, computed from what is stored now: check it and Apply again.`;

export const freshPreviewAfterExpiry = (
  deps: ChangeDeps,
  expired: PendingChange,
  view: ChangeView,
): Promise<FreshPreview> => freshPreview(deps, expired, view, expiryNote(expired));

/** Moves every overdue open change to `expired`; returns each with its view (for its closed card). */
export async function expireDue(
  deps: Pick<ChangeDeps, 'changes' | 'now'> & { views: ChangeViewStore },
): Promise<Array<{ change: PendingChange; view: ChangeView }>> {
  const expired = await deps.changes.expireDue(deps.now());
  return Promise.all(
    expired.map(async (change) => ({ change, view: await viewOf(deps.views, change.id) })),
  );
}
