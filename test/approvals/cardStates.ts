/**
 * Test states of peer approval's templates (approval-request, approval-list) and of the peer
 * variants of the pipeline's preview and result cards, drawn through their real view-models.
 */
import { finalCard, requestCardFor } from '../../src/views/approvalCards';
import type { ApprovalRequest } from '../../src/domain/approvalRecords';
import { approvalListCard } from '../../src/views/approvalListCard';
import { closedCard, previewCardFor } from '../../src/views/changeCards';
import { NOBODY_CAN_APPROVE } from '../../src/changes/applyGate';
import type { ChangeView } from '../../src/changes/changeView';
import {
  newPendingChange,
  type ChangeState,
  type PendingChange,
} from '../../src/domain/pendingChange';
import type { CardStates } from '../views/cardStates';
import { localTime } from '../../src/views/localTime';
import { CHANGE_CARD_STATES } from '../changes/changeCardStates';

const AVERY = { aadObjectId: '11111111-aaaa-4aaa-8aaa-111111111111', name: 'Avery Admin' };
const BLAKE = { aadObjectId: '22222222-bbbb-4bbb-8bbb-222222222222', name: 'Blake Approver' };
const NOW = new Date('2026-03-01T10:00:00Z');
const at = NOW.toISOString();

const view: ChangeView = {
  setName: 'Northwind High School',
  before: {
    displayName: 'Northwind High School',
    filter: { attribute: 'orgExternalId', in: ['NHS-0042'] },
  },
  effects: [],
};
const change = newPendingChange({
  kind: 'updateFlowSet',
  target: { setId: 'set-1' },
  body: { displayName: 'Northwind HS', filter: null },
  baseVersion: '2025-08-18T15:05:11.0000000Z',
  requester: AVERY,
  now: NOW,
  ttlMs: 24 * 3_600_000,
});
const reset = newPendingChange({
  kind: 'resetFlow',
  target: { setId: 'set-1', flowId: 'flow-1', flowKind: 'classGroup' },
  body: null,
  baseVersion: null,
  requester: AVERY,
  now: NOW,
});
const radius: ChangeView = {
  ...view,
  effects: ['Reprocesses every class of the set.', 'Takes hours.'],
};

const reference = {
  serviceUrl: 'https://smba.example/',
  channelId: 'msteams',
  conversation: { id: '19:c@thread.tacv2' },
};
const request = (over: Partial<ApprovalRequest> = {}): ApprovalRequest => ({
  changeId: change.id,
  setId: 'set-1',
  requester: AVERY,
  reason: 'New school name from the board',
  requestedAt: at,
  approverCount: 1,
  approversUnknown: false,
  copies: [
    { role: 'requester', reference, activityId: 'a-1', label: 'the requester' },
    { role: 'channel', reference, activityId: 'a-2', label: 'SDS Approvals' },
  ],
  unreached: [],
  delivery: 'done',
  ...over,
});

const moved = (c: PendingChange, state: ChangeState, by = BLAKE): PendingChange => ({
  ...c,
  state,
  approver: state === 'approved' || state === 'applied' ? BLAKE : c.approver,
  result: { requestId: 'req-1', appliedAt: at },
  history: [...c.history, { state, at, by }],
});

export const APPROVAL_CARD_STATES: Record<string, CardStates> = {
  'approval-request': {
    'channel copy, set edit': () => requestCardFor(change, view, request(), 'channel'),
    'approver copy, reset with blast radius': () =>
      requestCardFor(reset, radius, request({ changeId: reset.id }), 'approver'),
    'requester copy, sent and partly unreached': () =>
      requestCardFor(change, view, request({ unreached: ['Eli ReadOnly'] }), 'requester'),
    'nobody can approve': () =>
      requestCardFor(change, view, request({ approverCount: 0 }), 'requester'),
    'approved, not applied after a restart': () =>
      requestCardFor(moved(change, 'approved'), view, request(), 'channel'),
  },
  'approval-list': {
    empty: () => approvalListCard({ summary: '0 waiting for a decision.', items: [] }),
    'approver with two requests': () =>
      approvalListCard({
        summary:
          '2 waiting for a decision. New requests are posted in SDS Approvals. You can approve.',
        items: [
          {
            changeId: change.id,
            title: 'Change flow set "Northwind"',
            asked: localTime('Asked by Avery Admin at ', at),
            expires: localTime('Expires ', change.expiresAt),
            reason: 'Rename',
            canDecide: true,
            canCancel: true,
          },
          {
            changeId: reset.id,
            title: 'Reset class group flow',
            asked: localTime('Asked by Blake Approver at ', at),
            expires: localTime('Expires ', null),
            reason: '',
            status: 'Approved, not applied yet',
            canDecide: false,
            canCancel: true,
          },
        ],
      }),
    'nobody can approve': () =>
      approvalListCard({ summary: '0 waiting.', notice: NOBODY_CAN_APPROVE, items: [] }),
  },
  preview: {
    ...CHANGE_CARD_STATES.preview,
    'peer: request approval': () => previewCardFor(change, view, undefined, {}),
    'peer: nobody can approve': () =>
      previewCardFor(change, view, undefined, { notice: NOBODY_CAN_APPROVE }),
    'peer: blocked by another request': () =>
      previewCardFor(change, view, '"Northwind" already has a change waiting for approval.', {
        blockedBy: reset.id,
      }),
  },
  'change-result': {
    ...CHANGE_CARD_STATES['change-result'],
    'approval rejected': () =>
      finalCard(
        moved(change, 'rejected'),
        view,
        request({ rejection: { by: BLAKE, reason: 'Not during exams', at } }),
      ),
    'approval cancelled by an approver': () =>
      finalCard(moved(change, 'cancelled'), view, request()),
    'approval expired': () => finalCard(moved(change, 'expired'), view, request()),
    'approval applied (both identities)': () =>
      finalCard(moved(change, 'applied'), view, request()),
    'rejected, from the record only': () => closedCard(moved(change, 'rejected'), view),
    'approved, from the record only': () => closedCard(moved(change, 'approved'), view),
  },
};
