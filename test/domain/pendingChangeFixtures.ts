/** Builders for pending-change tests. */
import { newPendingChange, type NewChange, type Person } from '../../src/domain/pendingChange';
import { FLOW_INPUTS } from '../graph/flowInputs';

export const ADA: Person = {
  aadObjectId: '00000000-0000-0000-0000-00000000000a',
  name: 'Ada Admin',
};
export const BOB: Person = {
  aadObjectId: '00000000-0000-0000-0000-00000000000b',
  name: 'Bob Builder',
};
/** Same display name as Ada, different person: names must never authorise. */
export const ADA_TWIN: Person = {
  aadObjectId: '00000000-0000-0000-0000-0000000000ff',
  name: 'Ada Admin',
};

export const T0 = new Date('2026-03-01T10:00:00.000Z');
export const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

export const userFlowChange = (over: Partial<NewChange> = {}) =>
  newPendingChange({
    kind: 'updateFlow',
    target: { setId: 'set-1', flowId: 'flow-1', flowKind: 'user' },
    body: FLOW_INPUTS.user,
    baseVersion: '2026-03-01T09:00:00.0000000Z',
    requester: ADA,
    now: T0,
    ...over,
  });
