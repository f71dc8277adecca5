/** `notify here … only drift|readiness` (notifyArgs.ts) and how topics route events (fanout.ts). */
import { parseNotifyArgs, topicWords } from '../../src/notifications/notifyArgs';
import { eventsFor, planDeliveries, topicOf } from '../../src/notifications/fanout';
import { driftEvent } from '../../src/notifications/drift';
import { statusEvent, subscription } from './fixtures';
import { driftItem } from './driftFixtures';
import { notifyListCard } from '../../src/views/notifyListCard';

describe('notify here … only', () => {
  it.each([
    ['here only drift', { topics: ['drift'], statuses: null }],
    ['here only readiness', { topics: ['readiness'], statuses: null }],
    ['here only drift, readiness', { topics: ['drift', 'readiness'], statuses: null }],
    ['here only runs', { topics: ['runs'], statuses: null }],
    ['here only failed', { statuses: ['failed'] }],
    ['here only drift failed', { topics: ['drift', 'readiness'], statuses: ['failed'] }],
    ['here for Northwind only drift', { set: 'Northwind', topics: ['drift'], statuses: null }],
    ['here', { statuses: null }],
  ])('when "notify %s" is said, then the rule is %j', (text, expected) => {
    const parsed = parseNotifyArgs(text);
    expect(parsed).toEqual({ ok: true, args: { action: 'here', ...expected } });
  });

  it('when a word is neither a topic nor a status, then it is refused with the statuses to use', () => {
    expect(parseNotifyArgs('here only drift sometimes')).toMatchObject({
      ok: false,
      error: expect.stringContaining('"sometimes" is not a readiness status'),
    });
  });

  it('when no topic word is given, then every topic applies (undefined)', () => {
    expect(topicWords('failed expired')).toEqual({ rest: 'failed expired' });
  });
});

describe('topics in the fan-out', () => {
  const drift = driftEvent(driftItem({ setId: 'set-1' }));
  const status = statusEvent({ setId: 'set-1' });

  it.each([
    ['no topics (older records)', undefined, ['status', 'drift']],
    ['only readiness', ['readiness'], ['status']],
    ['only drift', ['drift'], ['drift']],
    ['only runs', ['runs'], []],
  ] as const)('when the rule says %s, then the conversation gets %j', (_name, topics, kinds) => {
    const sub = subscription({
      scopes: [{ setId: null, statuses: null, ...(topics ? { topics: [...topics] } : {}) }],
    });
    expect(eventsFor(sub, [status, drift]).map((e) => e.kind)).toEqual(kinds);
  });

  it('when a status filter is set, then drift still comes (it has no status)', () => {
    const sub = subscription({ scopes: [{ setId: null, statuses: ['failed'] }] });
    const ready = statusEvent({ setId: 'set-1', to: 'ready' });
    expect(eventsFor(sub, [ready, drift]).map(topicOf)).toEqual(['drift']);
  });

  it('when many things happen in one poll, then readiness becomes one digest and every drift stays a card of its own', () => {
    const sub = subscription({ scopes: [{ setId: null, statuses: null }] });
    const statuses = [1, 2, 3, 4].map((i) => statusEvent({ id: `s-${i}`, setId: 'set-1' }));
    const drifts = [1, 2].map((i) => driftEvent(driftItem({ id: String(i).repeat(32) })));
    const planned = planDeliveries([...statuses, ...drifts], [sub], new Date());
    expect(planned.map((d) => d.events.map((e) => e.kind).join('+'))).toEqual([
      'status+status+status+status',
      'drift',
      'drift',
    ]);
  });
});

describe('one post per change', () => {
  it('when a flow was removed outside the bot, then the conversation gets the drift card, not also the readiness "flow removed"', () => {
    const sub = subscription({ scopes: [{ setId: null, statuses: null }] });
    const removed = statusEvent({ id: 'r', kind: 'flowRemoved', setId: 'set-1', flowId: 'flow-1' });
    const other = statusEvent({ id: 'o', kind: 'flowRemoved', setId: 'set-1', flowId: 'flow-2' });
    const drift = driftEvent(
      driftItem({ change: 'flowRemoved', setId: 'set-1', flowId: 'flow-1' }),
    );
    const planned = planDeliveries([removed, other, drift], [sub], new Date());
    expect(planned.map((d) => d.events.map((e) => e.id))).toEqual([['o'], [drift.id]]);
    const onlyReadiness = subscription({
      scopes: [{ setId: null, statuses: null, topics: ['readiness'] }],
    });
    expect(
      planDeliveries([removed, drift], [onlyReadiness], new Date()).map((d) => d.events[0]!.id),
    ).toEqual(['r']);
  });
});

describe('notify list with topics', () => {
  it('when a rule has topics, then the list says what it posts; a rule without them reads as before', () => {
    const card = notifyListCard(
      subscription({
        scopes: [
          { setId: null, statuses: null },
          { setId: 'x', setName: 'Northwind', statuses: null, topics: ['drift'] },
        ],
      }),
      [],
      'channel',
    );
    const text = JSON.stringify(card);
    expect(text).toContain('every readiness change');
    expect(text).toContain(
      'changes made outside the bot (its own rule, instead of the all-sets rule)',
    );
  });
});
