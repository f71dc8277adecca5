/**
 * Test states of the change-pipeline templates (preview, change-result, flow-kind-choice), drawn
 * through their real view-models from stored-change records: every state a preview can end in.
 */
import { flowKindChoiceCard } from '../../src/views/flowKindChoiceCard';
import { closedCard, previewCardFor } from '../../src/views/changeCards';
import { appliedCard, failedCard, staleCard } from '../../src/views/changeOutcomeCards';
import type { ChangeView } from '../../src/changes/changeView';
import { storedFlowView, storedSetView } from '../../src/views/changeResultCard';
import { newPendingChange, type PendingChange } from '../../src/domain/pendingChange';
import { FlowSet, page, ProvisioningFlow } from '../../src/domain/flowSchemas';
import { FLOW_INPUTS } from '../graph/flowInputs';
import type { CardStates } from '../views/cardStates';
import { graphDocBody } from '../support/graphDocs';

const body = graphDocBody;
const sets = page(FlowSet).parse(body('01-list-outboundprovisioningflowsets-response.json')).value;
const flows = page(ProvisioningFlow).parse(body('06-list-provisioningflows-response.json')).value;

const ADA = { aadObjectId: 'a-1', name: 'Ada Admin' };
const NOW = new Date('2026-03-01T10:00:00Z');
const set = sets[0]!;
const view = (over: Partial<ChangeView> = {}): ChangeView => ({
  setName: set.displayName,
  before: { displayName: set.displayName, filter: null },
  effects: [],
  ...over,
});

const change = (over: Partial<Parameters<typeof newPendingChange>[0]> = {}) =>
  newPendingChange({
    kind: 'updateFlowSet',
    target: { setId: set.id },
    body: { displayName: 'Renamed', filter: { in: ['A', 'B'] } },
    baseVersion: set.lastModifiedDateTime ?? null,
    requester: ADA,
    now: NOW,
    ...over,
  });

const moved = (c: PendingChange, ...states: PendingChange['state'][]): PendingChange => ({
  ...c,
  state: states.at(-1)!,
  result: {
    requestId: 'req-1',
    error: 'Microsoft Graph refused this.',
    appliedAt: NOW.toISOString(),
  },
  history: [...c.history, ...states.map((state) => ({ state, at: NOW.toISOString(), by: ADA }))],
});

const reset = change({
  kind: 'resetFlow',
  target: { setId: set.id, flowId: 'f-1', flowKind: 'classGroup' },
  body: null,
});
const addUser = change({
  kind: 'createFlow',
  target: { setId: set.id, flowKind: 'user' },
  body: FLOW_INPUTS.user,
});
const radius = view({ effects: ['Reprocesses everything.', 'Takes hours.'] });

export const CHANGE_CARD_STATES: Record<string, CardStates> = {
  preview: {
    'set edit with filter warning': () => previewCardFor(change(), view()),
    'user flow add with a password': () => previewCardFor(addUser, view({ before: null })),
    'reset with blast radius and note': () =>
      previewCardFor(reset, radius, 'The preview you clicked expired (15 min).'),
  },
  'change-result': {
    'set applied with stored set': () =>
      appliedCard(moved(change(), 'applying', 'applied'), view(), storedSetView(set, flows)),
    'flow applied with stored flow': () =>
      appliedCard(
        moved(reset, 'applying', 'applied'),
        radius,
        storedFlowView(set.displayName, flows[0]!),
      ),
    'applied, from the record only': () =>
      closedCard(moved(change(), 'applying', 'applied'), view()),
    failed: () => failedCard(moved(addUser, 'applying', 'failed'), view()),
    stale: () =>
      staleCard(moved(change(), 'applying', 'stale'), view(), 'It changed.', [
        { path: 'displayName', label: 'Flow set name', before: 'A', after: 'B' },
      ]),
    cancelled: () => closedCard(moved(change(), 'cancelled'), view()),
    expired: () => closedCard(moved(change(), 'expired'), view()),
    applying: () => closedCard(moved(change(), 'applying'), view()),
    'outcome unknown, being checked': () =>
      closedCard(moved(addUser, 'applying', 'unknown'), view()),
  },
  'flow-kind-choice': {
    'two missing types': () => flowKindChoiceCard(set, ['securityGroup', 'administrativeUnit']),
    'all four types': () =>
      flowKindChoiceCard(set, ['user', 'classGroup', 'securityGroup', 'administrativeUnit']),
  },
};
