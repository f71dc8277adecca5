/** The approver's side of a change's life cycle (src/approvals/decisions.ts), as a table. */
import { decide, type ApprovalEvent } from '../../src/approvals/decisions';
import {
  newPendingChange,
  type ChangeState,
  type PendingChange,
} from '../../src/domain/pendingChange';

const AVERY = { aadObjectId: '11111111-aaaa-4aaa-8aaa-111111111111', name: 'Avery Admin' };
const BLAKE = { aadObjectId: '22222222-bbbb-4bbb-8bbb-222222222222', name: 'Blake Approver' };
const NOW = new Date('2026-03-01T10:00:00Z');
const LATER = new Date(NOW.getTime() + 25 * 3_600_000);

const change = (state: ChangeState = 'pending', approver?: typeof BLAKE): PendingChange => ({
  ...newPendingChange({
    kind: 'deleteFlowSet',
    target: { setId: 'set-1' },
    body: null,
    baseVersion: 'v1',
    requester: AVERY,
    now: NOW,
    ttlMs: 24 * 3_600_000,
  }),
  state,
  approver,
});

const approve: ApprovalEvent = { type: 'approve', by: BLAKE };
const reject: ApprovalEvent = { type: 'reject', by: BLAKE };

describe('decide', () => {
  it.each<[string, PendingChange, ApprovalEvent, Date, string, ChangeState | undefined]>([
    ['Blake approves a pending request', change(), approve, NOW, 'changed', 'approved'],
    [
      'Avery approves her own request',
      change(),
      { type: 'approve', by: AVERY },
      NOW,
      'refused',
      undefined,
    ],
    [
      'Avery’s id in other letter case',
      change(),
      { type: 'approve', by: { ...AVERY, aadObjectId: AVERY.aadObjectId.toUpperCase() } },
      NOW,
      'refused',
      undefined,
    ],
    [
      'Blake approves again (retried invoke)',
      change('approved', BLAKE),
      approve,
      NOW,
      'already',
      'approved',
    ],
    ['Blake approves after it expired', change(), approve, LATER, 'refused', 'expired'],
    ['Blake approves a rejected request', change('rejected'), approve, NOW, 'already', 'rejected'],
    ['Blake rejects a pending request', change(), reject, NOW, 'changed', 'rejected'],
    [
      'Avery rejects her own request',
      change(),
      { type: 'reject', by: AVERY },
      NOW,
      'refused',
      undefined,
    ],
    [
      'Blake rejects an approved request',
      change('approved', BLAKE),
      reject,
      NOW,
      'already',
      'approved',
    ],
    [
      'Avery cancels her request',
      change(),
      { type: 'cancel', by: AVERY, byApprover: false },
      NOW,
      'changed',
      'cancelled',
    ],
    [
      'an approver cancels it',
      change(),
      { type: 'cancel', by: BLAKE, byApprover: true },
      NOW,
      'changed',
      'cancelled',
    ],
    [
      'someone else cancels it',
      change(),
      { type: 'cancel', by: BLAKE, byApprover: false },
      NOW,
      'refused',
      undefined,
    ],
    [
      'Avery cancels an applied one',
      change('applied', BLAKE),
      { type: 'cancel', by: AVERY, byApprover: false },
      NOW,
      'refused',
      undefined,
    ],
    [
      'Avery cancels twice',
      change('cancelled'),
      { type: 'cancel', by: AVERY, byApprover: false },
      NOW,
      'already',
      'cancelled',
    ],
  ])('when %s, then the outcome is %s', (_, before, event, now, outcome, state) => {
    const result = decide(before, event, now);
    expect(result.outcome).toBe(outcome);
    expect(result.change?.state).toBe(state);
  });

  it('when Blake approves, then he is recorded as the approver, with the time, in the history', () => {
    const result = decide(change(), approve, NOW);
    expect(result.change).toMatchObject({ approver: BLAKE, state: 'approved' });
    expect(result.change?.history.at(-1)).toEqual({
      state: 'approved',
      at: NOW.toISOString(),
      by: BLAKE,
    });
  });
});
