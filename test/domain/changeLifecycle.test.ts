/**
 * A pending change's whole life cycle (src/domain/changeLifecycle.ts), as tables: the requester's
 * events, the approver's, and the owner check they share.
 */
import {
  isRequester,
  samePerson,
  transition,
  type ChangeEvent,
  type ChangeState,
  type PendingChange,
  type Person,
} from '../../src/domain/pendingChange';
import { ADA, ADA_TWIN, BOB, minutes, userFlowChange } from './pendingChangeFixtures';

const inState = (state: ChangeState, over: Partial<PendingChange> = {}): PendingChange =>
  ({ ...userFlowChange(), state, ...over }) as PendingChange;

/** The same person as `p`, with the object id in upper case (as Teams sometimes sends it). */
const shouting = (p: Person): Person => ({ ...p, aadObjectId: p.aadObjectId.toUpperCase() });

const apply = (by = ADA): ChangeEvent => ({ type: 'apply', by });
const cancel = (by = ADA): ChangeEvent => ({ type: 'cancel', by });
const approve = (by = BOB): ChangeEvent => ({ type: 'approve', by });
const reject = (by = BOB): ChangeEvent => ({ type: 'reject', by });
const cancelOnRequest = (by: Person, byApprover: boolean): ChangeEvent => ({
  type: 'cancel',
  by,
  byApprover,
});

type Outcome = 'changed' | 'already' | 'refused';
type Row = [what: string, from: PendingChange, event: ChangeEvent, now: Date, Outcome, ChangeState];

const table = (rows: Row[]) =>
  rows.map(([what, from, event, now, outcome, state]) => ({
    what,
    from,
    event,
    now,
    outcome,
    state,
  }));

const check = ({ from, event, now, outcome, state }: ReturnType<typeof table>[number]) => {
  const result = transition(from, event, now);
  expect(result.outcome).toBe(outcome);
  const after = result.outcome === 'refused' ? (result.change ?? from) : result.change;
  expect(after.state).toBe(state);
};

describe('the requester’s side', () => {
  it.each(
    table([
      // outcome "changed": the record moves
      [
        'the requester applies in time',
        inState('pending'),
        apply(),
        minutes(5),
        'changed',
        'applying',
      ],
      ['the requester cancels', inState('pending'), cancel(), minutes(5), 'changed', 'cancelled'],
      [
        'the preview is swept after its time',
        inState('pending'),
        { type: 'expire' },
        minutes(15),
        'changed',
        'expired',
      ],
      [
        'the object changed while applying',
        inState('applying'),
        { type: 'stale' },
        minutes(1),
        'changed',
        'stale',
      ],
      [
        'Graph accepted the change',
        inState('applying'),
        { type: 'succeeded', requestId: 'r-1' },
        minutes(1),
        'changed',
        'applied',
      ],
      [
        'Graph refused the change',
        inState('applying'),
        { type: 'failed', error: 'bad' },
        minutes(1),
        'changed',
        'failed',
      ],
      // outcome "already": duplicates answered with the current result, no second write
      [
        'a second Apply click arrives while applying',
        inState('applying'),
        apply(),
        minutes(5),
        'already',
        'applying',
      ],
      [
        'Teams retries the Apply invoke after success',
        inState('applied'),
        apply(),
        minutes(5),
        'already',
        'applied',
      ],
      [
        'Apply is clicked again after a failure',
        inState('failed'),
        apply(),
        minutes(5),
        'already',
        'failed',
      ],
      [
        'Cancel is clicked twice',
        inState('cancelled'),
        cancel(),
        minutes(5),
        'already',
        'cancelled',
      ],
      [
        'the sweeper meets a finished change',
        inState('applied'),
        { type: 'expire' },
        minutes(60),
        'already',
        'applied',
      ],
      [
        'success is reported twice',
        inState('applied'),
        { type: 'succeeded' },
        minutes(1),
        'already',
        'applied',
      ],
      // outcome "refused"
      ['someone else applies', inState('pending'), apply(BOB), minutes(5), 'refused', 'pending'],
      [
        'someone with the same name applies',
        inState('pending'),
        apply(ADA_TWIN),
        minutes(5),
        'refused',
        'pending',
      ],
      ['someone else cancels', inState('pending'), cancel(BOB), minutes(5), 'refused', 'pending'],
      [
        'Apply comes after a cancel',
        inState('cancelled'),
        apply(),
        minutes(5),
        'refused',
        'cancelled',
      ],
      [
        'Apply comes after the object went stale',
        inState('stale'),
        apply(),
        minutes(5),
        'refused',
        'stale',
      ],
      [
        'Cancel comes while applying',
        inState('applying'),
        cancel(),
        minutes(5),
        'refused',
        'applying',
      ],
      [
        'Cancel comes after it was applied',
        inState('applied'),
        cancel(),
        minutes(5),
        'refused',
        'applied',
      ],
      [
        'the sweeper runs too early',
        inState('pending'),
        { type: 'expire' },
        minutes(14),
        'refused',
        'pending',
      ],
      [
        'success is reported for a change never claimed',
        inState('pending'),
        { type: 'succeeded' },
        minutes(1),
        'refused',
        'pending',
      ],
      [
        'Apply comes to a rejected change',
        inState('rejected'),
        apply(),
        minutes(5),
        'refused',
        'rejected',
      ],
      [
        'the approver applies an approved change',
        inState('approved', { approver: BOB }),
        apply(BOB),
        minutes(1),
        'changed',
        'applying',
      ],
      [
        'the requester applies an approved change',
        inState('approved', { approver: BOB }),
        apply(ADA),
        minutes(1),
        'refused',
        'approved',
      ],
    ]),
  )('when $what (from $from.state), then the outcome is $outcome and the state $state', check);

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

describe('the approver’s side', () => {
  it.each(
    table([
      [
        'Bob approves a pending request',
        inState('pending'),
        approve(),
        minutes(5),
        'changed',
        'approved',
      ],
      [
        'Ada approves her own request',
        inState('pending'),
        approve(ADA),
        minutes(5),
        'refused',
        'pending',
      ],
      [
        'Bob approves again (retried invoke)',
        inState('approved', { approver: BOB }),
        approve(),
        minutes(5),
        'already',
        'approved',
      ],
      [
        'Bob approves after it expired',
        inState('pending'),
        approve(),
        minutes(15),
        'refused',
        'expired',
      ],
      [
        'Bob approves a rejected request',
        inState('rejected'),
        approve(),
        minutes(5),
        'already',
        'rejected',
      ],
      [
        'Bob rejects a pending request',
        inState('pending'),
        reject(),
        minutes(5),
        'changed',
        'rejected',
      ],
      [
        'Ada rejects her own request',
        inState('pending'),
        reject(ADA),
        minutes(5),
        'refused',
        'pending',
      ],
      [
        'Bob rejects an approved request',
        inState('approved', { approver: BOB }),
        reject(),
        minutes(5),
        'already',
        'approved',
      ],
      [
        'Ada cancels her request from the request card',
        inState('pending'),
        cancelOnRequest(ADA, false),
        minutes(5),
        'changed',
        'cancelled',
      ],
      [
        'an approver cancels it',
        inState('pending'),
        cancelOnRequest(BOB, true),
        minutes(5),
        'changed',
        'cancelled',
      ],
      [
        'an approver cancels an approved one',
        inState('approved', { approver: BOB }),
        cancelOnRequest(BOB, true),
        minutes(5),
        'changed',
        'cancelled',
      ],
      [
        'someone else cancels it',
        inState('pending'),
        cancelOnRequest(BOB, false),
        minutes(5),
        'refused',
        'pending',
      ],
      [
        'Ada cancels an applied one',
        inState('applied', { approver: BOB }),
        cancelOnRequest(ADA, false),
        minutes(5),
        'refused',
        'applied',
      ],
      [
        'Ada cancels twice',
        inState('cancelled'),
        cancelOnRequest(ADA, false),
        minutes(5),
        'already',
        'cancelled',
      ],
    ]),
  )('when $what (from $from.state), then the outcome is $outcome and the state $state', check);

  it('when Bob approves, then he is recorded as the approver, with the time, in the history', () => {
    const result = transition(inState('pending'), approve(), minutes(1));
    expect(result.change).toMatchObject({ approver: BOB, state: 'approved' });
    expect(result.change?.history.at(-1)).toEqual({
      state: 'approved',
      at: minutes(1).toISOString(),
      by: BOB,
    });
  });

  it('when a closed request is cancelled from its card, then the refusal is in the request’s words', () => {
    const result = transition(inState('rejected'), cancelOnRequest(ADA, false), minutes(1));
    expect(result.outcome === 'refused' && result.error.userMessage).toBe(
      'It can no longer be cancelled. This request has already been rejected.',
    );
  });
});

describe('who owns a change', () => {
  it.each(
    table([
      [
        'the requester applies',
        inState('pending'),
        apply(shouting(ADA)),
        minutes(1),
        'changed',
        'applying',
      ],
      [
        'the requester cancels the preview',
        inState('pending'),
        cancel(shouting(ADA)),
        minutes(1),
        'changed',
        'cancelled',
      ],
      [
        'the requester cancels from the request card',
        inState('pending'),
        cancelOnRequest(shouting(ADA), false),
        minutes(1),
        'changed',
        'cancelled',
      ],
      [
        'the requester approves her own request',
        inState('pending'),
        approve(shouting(ADA)),
        minutes(1),
        'refused',
        'pending',
      ],
      [
        'the requester rejects her own request',
        inState('pending'),
        reject(shouting(ADA)),
        minutes(1),
        'refused',
        'pending',
      ],
      [
        'the approver applies what he approved',
        inState('approved', { approver: BOB }),
        apply(shouting(BOB)),
        minutes(1),
        'changed',
        'applying',
      ],
    ]),
  )('when $what with the object id in upper case, then the outcome is $outcome ($state)', check);

  it('when ids differ only in letter case, then it is the same person, and the requester', () => {
    expect(samePerson(ADA, shouting(ADA))).toBe(true);
    expect(isRequester(inState('pending'), shouting(ADA))).toBe(true);
    expect(isRequester(inState('pending'), { aadObjectId: ADA.aadObjectId.toUpperCase() })).toBe(
      true,
    );
  });

  it('when ids differ or one is missing, then it is not the same person', () => {
    expect(samePerson(ADA, ADA_TWIN)).toBe(false);
    expect(samePerson(ADA, undefined)).toBe(false);
    expect(isRequester(inState('pending'), BOB)).toBe(false);
  });
});

describe('a write whose outcome is unknown', () => {
  const unknown: ChangeEvent = { type: 'unknown', error: 'No answer.', requestId: 'req-7' };
  it.each(
    table([
      ['the write got no answer', inState('applying'), unknown, minutes(1), 'changed', 'unknown'],
      [
        'no answer is reported twice',
        inState('unknown'),
        unknown,
        minutes(1),
        'already',
        'unknown',
      ],
      [
        'no answer for a change never claimed',
        inState('pending'),
        unknown,
        minutes(1),
        'refused',
        'pending',
      ],
      [
        'the sweep finds it made',
        inState('unknown'),
        { type: 'succeeded' },
        minutes(5),
        'changed',
        'applied',
      ],
      [
        'the sweep finds it not made',
        inState('unknown'),
        { type: 'failed', error: 'Not made.' },
        minutes(5),
        'changed',
        'failed',
      ],
      [
        'Apply is clicked again meanwhile',
        inState('unknown'),
        apply(),
        minutes(2),
        'already',
        'unknown',
      ],
      [
        'Cancel is clicked meanwhile',
        inState('unknown'),
        cancel(),
        minutes(2),
        'refused',
        'unknown',
      ],
      [
        'the object is found stale meanwhile',
        inState('unknown'),
        { type: 'stale' },
        minutes(2),
        'refused',
        'unknown',
      ],
      [
        'the sweeper expires it',
        inState('unknown'),
        { type: 'expire' },
        minutes(60),
        'already',
        'unknown',
      ],
    ]),
  )('when $what, then $outcome ($state)', (row) => check(row));

  it('when it is settled, then the request-id of the write it was sent with is kept', () => {
    const sent = transition(inState('applying'), unknown, minutes(1));
    if (sent.outcome !== 'changed') throw new Error('not moved');
    const settled = transition(sent.change, { type: 'succeeded' }, minutes(5));
    expect(settled.outcome === 'changed' && settled.change.result.requestId).toBe('req-7');
  });
});
