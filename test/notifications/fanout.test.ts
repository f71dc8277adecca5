import {
  DIGEST_AFTER,
  deliveryIdOf,
  eventsFor,
  planDeliveries,
} from '../../src/notifications/fanout';
import { AT, AVERY, statusEvent, subscription } from './fixtures';

const NOW = new Date(AT);
const failed = statusEvent({ id: 'e-failed', to: 'failed' });
const ready = statusEvent({ id: 'e-ready', to: 'ready' });
const otherSet = statusEvent({ id: 'e-other', setId: 'other', setName: 'Other', to: 'failed' });
const removed = statusEvent({ id: 'e-removed', kind: 'flowRemoved', to: null });

describe('eventsFor', () => {
  it.each([
    [
      'all sets, any change',
      [{ setId: null, statuses: null }],
      ['e-failed', 'e-ready', 'e-other', 'e-removed'],
    ],
    ['one set', [{ setId: failed.setId, statuses: null }], ['e-failed', 'e-ready', 'e-removed']],
    [
      'only failed (removals always count)',
      [{ setId: null, statuses: ['failed'] }],
      ['e-failed', 'e-other', 'e-removed'],
    ],
    [
      'one set only ready',
      [{ setId: failed.setId, statuses: ['ready'] }],
      ['e-ready', 'e-removed'],
    ],
    ['nothing', [], []],
  ])('when the subscription is %s, then it gets the matching events', (_name, scopes, ids) => {
    const sub = subscription({ scopes });
    expect(eventsFor(sub, [failed, ready, otherSet, removed]).map((e) => e.id)).toEqual(ids);
  });

  it('when a set is muted, then its events are dropped even for an all-sets subscription', () => {
    const sub = subscription({ muted: [{ setId: failed.setId, setName: 'x', by: AVERY, at: AT }] });
    expect(eventsFor(sub, [failed, otherSet]).map((e) => e.id)).toEqual(['e-other']);
  });

  it('when a set has its own rule beside an all-sets rule, then its own rule alone applies to it', () => {
    const sub = subscription({
      scopes: [
        { setId: null, statuses: null },
        { setId: failed.setId, statuses: ['ready'] },
      ],
    });
    // failed.setId: only "ready" (its own rule); other sets: every change (the all-sets rule).
    expect(eventsFor(sub, [failed, ready, otherSet]).map((e) => e.id)).toEqual([
      'e-ready',
      'e-other',
    ]);
  });

  it('when the subscription is inactive, then it gets nothing', () => {
    expect(eventsFor(subscription({ active: false }), [failed])).toEqual([]);
  });
});

describe('planDeliveries', () => {
  const burst = (n: number) =>
    Array.from({ length: n }, (_, i) => statusEvent({ id: `b-${i}`, flowId: `f-${i}` }));

  it(`when a conversation gets up to ${DIGEST_AFTER} events in one poll, then one delivery per event, in order`, () => {
    const plan = planDeliveries(burst(DIGEST_AFTER), [subscription()], NOW);
    expect(plan.map((d) => d.events.map((e) => e.id))).toEqual([['b-0'], ['b-1'], ['b-2']]);
    expect(plan.map((d) => d.seq)).toEqual([0, 1, 2]);
    expect(plan.every((d) => d.state === 'pending' && d.nextAttemptAt === AT)).toBe(true);
  });

  it(`when a conversation gets more than ${DIGEST_AFTER} events in one poll, then one digest delivery`, () => {
    const plan = planDeliveries(burst(DIGEST_AFTER + 1), [subscription()], NOW);
    expect(plan).toHaveLength(1);
    expect(plan[0]!.events).toHaveLength(DIGEST_AFTER + 1);
  });

  it('when two conversations subscribe, then each gets its own deliveries with distinct stable ids', () => {
    const a = subscription();
    const b = subscription({ conversationKey: 'a:personal-chat' });
    const plan = planDeliveries([failed], [a, b], NOW);
    expect(plan.map((d) => d.conversationKey)).toEqual([a.conversationKey, b.conversationKey]);
    expect(plan[0]!.id).toBe(deliveryIdOf(a.conversationKey, ['e-failed']));
    expect(plan[0]!.id).not.toBe(plan[1]!.id);
    expect(planDeliveries([failed], [a], NOW)[0]!.id).toBe(plan[0]!.id);
  });
});
