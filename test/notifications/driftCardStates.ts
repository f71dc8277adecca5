/** Test states of cards/drift.json (src/views/driftCard.ts): every kind of drift, and after Accept and Revert. */
import { driftCard } from '../../src/views/driftCard';
import type { CardStates } from '../views/cardStates';
import { AVERY_PERSON, DRIFT_AT, driftItem, driftRecord } from './driftFixtures';

const schools = {
  path: 'filter.in',
  label: 'Schools (organization external ids)',
  before: 'NW-1',
  after: 'NW-1, NW-2 <b>',
};

export const DRIFT_CARD_STATES: Record<string, CardStates> = {
  drift: {
    'flow settings changed': () => driftCard(driftItem()),
    'set settings changed, no lastModifiedDateTime': () =>
      driftCard(
        driftItem({
          change: 'setChanged',
          flowId: undefined,
          flowKind: undefined,
          rows: [schools],
          lastModified: null,
        }),
      ),
    'new flow set': () =>
      driftCard(
        driftItem({ change: 'setCreated', flowId: undefined, flowKind: undefined, before: null }),
      ),
    'flow set deleted': () =>
      driftCard(
        driftItem({
          change: 'setDeleted',
          flowId: undefined,
          flowKind: undefined,
          rows: [],
          after: null,
        }),
      ),
    'flow added': () => driftCard(driftItem({ change: 'flowAdded', before: null })),
    'flow removed': () => driftCard(driftItem({ change: 'flowRemoved', rows: [], after: null })),
    'flow replaced': () => driftCard(driftItem({ change: 'flowReplaced', replacedFlowId: 'old' })),
    accepted: () =>
      driftCard(
        driftItem(),
        driftRecord({ state: 'accepted', acceptedBy: AVERY_PERSON, acceptedAt: DRIFT_AT }),
      ),
    'revert proposed': () =>
      driftCard(
        driftItem(),
        driftRecord({
          state: 'revertProposed',
          revert: {
            by: AVERY_PERSON,
            at: DRIFT_AT,
            changeId: '0f1e2d3c-0000-4000-8000-000000000000',
          },
        }),
      ),
  },
};
