import {
  transition,
  type ChangeEvent,
  type ChangeState,
  type PendingChange,
} from '../../src/domain/pendingChange';
import { ADA, ADA_TWIN, BOB, minutes, userFlowChange } from './pendingChangeFixtures';

const inState = (state: ChangeState, over: Partial<PendingChange> = {}): PendingChange =>
  ({ ...userFlowChange(), state, ...over }) as PendingChange;

const apply = (by = ADA): ChangeEvent => ({ type: 'apply', by });
const cancel = (by = ADA): ChangeEvent => ({ type: 'cancel', by });

describe('transition', () => {
  type Row = [
    string,
    ChangeState,
    ChangeEvent,
    Date,
    'changed' | 'already' | 'refused',
    ChangeState,
  ];
  const rows: Row[] = [
    // outcome "changed": the record moves
    ['the requester applies in time', 'pending', apply(), minutes(5), 'changed', 'applying'],
    ['the requester cancels', 'pending', cancel(), minutes(5), 'changed', 'cancelled'],
    [
      'the preview is swept after its time',
      'pending',
      { type: 'expire' },
      minutes(15),
      'changed',
      'expired',
    ],
    [
      'the object changed while applying',
      'applying',
      { type: 'stale' },
      minutes(1),
      'changed',
      'stale',
    ],
    [
      'Graph accepted the change',
      'applying',
      { type: 'succeeded', requestId: 'r-1' },
      minutes(1),
      'changed',
      'applied',
    ],
    [
      'Graph refused the change',
      'applying',
      { type: 'failed', error: 'bad' },
      minutes(1),
      'changed',
      'failed',
    ],
    // outcome "already": duplicates answered with the current result, no second write
    [
      'a second Apply click arrives while applying',
      'applying',
      apply(),
      minutes(5),
      'already',
      'applying',
    ],
    [
      'Teams retries the Apply invoke after success',
      'applied',
      apply(),
      minutes(5),
      'already',
      'applied',
    ],
    ['Apply is clicked again after a failure', 'failed', apply(), minutes(5), 'already', 'failed'],
    ['Cancel is clicked twice', 'cancelled', cancel(), minutes(5), 'already', 'cancelled'],
    [
      'the sweeper meets a finished change',
      'applied',
      { type: 'expire' },
      minutes(60),
      'already',
      'applied',
    ],
    [
      'success is reported twice',
      'applied',
      { type: 'succeeded' },
      minutes(1),
      'already',
      'applied',
    ],
    // outcome "refused"
    ['someone else applies', 'pending', apply(BOB), minutes(5), 'refused', 'pending'],
    [
      'someone with the same name applies',
      'pending',
      apply(ADA_TWIN),
      minutes(5),
      'refused',
      'pending',
    ],
    ['someone else cancels', 'pending', cancel(BOB), minutes(5), 'refused', 'pending'],
    ['Apply comes after a cancel', 'cancelled', apply(), minutes(5), 'refused', 'cancelled'],
    ['Apply comes after the object went stale', 'stale', apply(), minutes(5), 'refused', 'stale'],
    ['Cancel comes while applying', 'applying', cancel(), minutes(5), 'refused', 'applying'],
    ['Cancel comes after it was applied', 'applied', cancel(), minutes(5), 'refused', 'applied'],
    [
      'the sweeper runs too early',
      'pending',
      { type: 'expire' },
      minutes(14),
      'refused',
      'pending',
    ],
    [
      'success is reported for a change never claimed',
      'pending',
      { type: 'succeeded' },
      minutes(1),
      'refused',
      'pending',
    ],
    ['Apply comes to a rejected change', 'rejected', apply(), minutes(5), 'refused', 'rejected'],
  ];
  it.each(
    rows.map(([what, from, event, now, outcome, state]) => ({
      what,
      from,
      event,
      now,
      outcome,
      state,
    })),
  )(
    'when $what (from $from), then the outcome is $outcome and the state $state',
    ({ from, event, now, outcome, state }) => {
      const result = transition(inState(from), event, now);
      expect(result.outcome).toBe(outcome);
      const after = result.outcome === 'refused' ? (result.change ?? inState(from)) : result.change;
      expect(after.state).toBe(state);
    },
  );

  it('when the requester applies after the preview expired, then it is refused and the record must become expired', () => {
    const result = transition(inState('pending'), apply(), minutes(15));
    expect(result.outcome).toBe('refused');
    if (result.outcome !== 'refused') return;
    expect(result.error.code).toBe('conflict');
    expect(result.error.userMessage).toMatch(/expired/);
    expect(result.change?.state).toBe('expired');
  });

  it('when someone else applies, then the refusal names the requester and says forbidden', () => {
    const result = transition(inState('pending'), apply(BOB), minutes(1));
    expect(result).toMatchObject({ outcome: 'refused', error: { code: 'forbidden' } });
    if (result.outcome === 'refused') expect(result.error.userMessage).toContain('Ada Admin');
  });

  it.each([
    ['the approver', 'changed', BOB],
    ['the requester', 'refused', ADA],
  ] as const)(
    'when an approved change is applied by %s, then the outcome is %s',
    (_who, outcome, by) => {
      const approved = inState('approved', { approver: BOB });
      expect(transition(approved, apply(by), minutes(1)).outcome).toBe(outcome);
    },
  );

  it('when a change moves, then its history records who moved it and when, and the result is kept', () => {
    const applying = transition(inState('pending'), apply(), minutes(1));
    if (applying.outcome !== 'changed') throw new Error('expected changed');
    const applied = transition(
      applying.change,
      { type: 'succeeded', requestId: 'req-9' },
      minutes(2),
    );
    if (applied.outcome !== 'changed') throw new Error('expected changed');
    expect(applied.change.history.map((h) => [h.state, h.at, h.by?.name])).toEqual([
      ['pending', minutes(0).toISOString(), 'Ada Admin'],
      ['applying', minutes(1).toISOString(), 'Ada Admin'],
      ['applied', minutes(2).toISOString(), undefined],
    ]);
    expect(applied.change.result).toMatchObject({
      requestId: 'req-9',
      appliedAt: minutes(2).toISOString(),
    });
  });

  it('when a transition is computed, then the input change is left untouched', () => {
    const pending = inState('pending');
    const copy = structuredClone(pending);
    transition(pending, apply(), minutes(1));
    expect(pending).toEqual(copy);
  });
});
