import { attribute, ATTRIBUTION_WINDOW_MS } from '../../src/notifications/attribution';
import type { PendingChange } from '../../src/domain/pendingChange';
import { AT, AVERY, statusEvent } from './fixtures';

const BLAKE = { aadObjectId: '22222222-bbbb-4bbb-8bbb-222222222222', name: 'Blake Approver' };
const event = statusEvent();
const minutesBefore = (m: number) => new Date(Date.parse(AT) - m * 60_000).toISOString();

function change(
  kind: PendingChange['kind'],
  target: object,
  appliedAt: string,
  state = 'applied',
): PendingChange {
  return {
    id: '0b3f2c1e-5a4d-4e6f-8a9b-0c1d2e3f4a5b',
    kind,
    target,
    body: null,
    baseVersion: null,
    requester: AVERY,
    approver: BLAKE,
    createdAt: appliedAt,
    expiresAt: appliedAt,
    state,
    result: { appliedAt },
    history: [],
  } as unknown as PendingChange;
}

const flowTarget = { setId: event.setId, flowId: event.flowId, flowKind: 'user' };

describe('attribute', () => {
  it('when the flow was reset through the bot shortly before, then the event names who asked and approved', () => {
    const [out] = attribute([event], [change('resetFlow', flowTarget, minutesBefore(3))]);
    expect(out!.attribution).toEqual({
      changeKind: 'resetFlow',
      requester: 'Avery Admin',
      approver: 'Blake Approver',
      appliedAt: minutesBefore(3),
    });
  });

  it.each([
    ['not applied', change('resetFlow', flowTarget, minutesBefore(3), 'pending')],
    ['another flow', change('resetFlow', { ...flowTarget, flowId: 'other' }, minutesBefore(3))],
    [
      'too long ago',
      change(
        'resetFlow',
        flowTarget,
        new Date(Date.parse(AT) - ATTRIBUTION_WINDOW_MS - 1).toISOString(),
      ),
    ],
    [
      'after the event',
      change('resetFlow', flowTarget, new Date(Date.parse(AT) + 1000).toISOString()),
    ],
    ['a set change of another set', change('updateFlowSet', { setId: 'other' }, minutesBefore(3))],
  ])('when the only change is %s, then nothing is attributed', (_name, c) => {
    expect(attribute([event], [c])[0]!.attribution).toBeUndefined();
  });

  it('when a flow change and a set change both fit, then the flow change wins, the latest of them', () => {
    const older = change('updateFlow', flowTarget, minutesBefore(30));
    const newer = change('resetFlow', flowTarget, minutesBefore(5));
    const set = change('updateFlowSet', { setId: event.setId }, minutesBefore(1));
    expect(attribute([event], [older, set, newer])[0]!.attribution?.changeKind).toBe('resetFlow');
    expect(attribute([event], [set])[0]!.attribution?.changeKind).toBe('updateFlowSet');
  });

  it('when a set was deleted through the bot, then the setDeleted event is attributed to it', () => {
    const deleted = statusEvent({ kind: 'setDeleted', flowId: undefined, flowKind: undefined });
    const [out] = attribute(
      [deleted],
      [change('deleteFlowSet', { setId: event.setId }, minutesBefore(2))],
    );
    expect(out!.attribution?.changeKind).toBe('deleteFlowSet');
  });
});
