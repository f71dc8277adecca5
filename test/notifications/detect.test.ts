import { detectDeletedSets, detectSet } from '../../src/notifications/detect';
import type { FlowSet, ProvisioningFlow } from '../../src/domain/flowSchemas';
import type { SetState } from '../../src/domain/notificationRecords';

const NOW = new Date('2026-11-22T10:00:00Z');
const set: FlowSet = {
  id: 's1',
  displayName: 'Northwind',
  lastModifiedDateTime: '2026-01-01T00:00:00Z',
};
const flow = (id: string, status: string | null, kind = 'userProvisioningFlow'): ProvisioningFlow =>
  ({
    '@odata.type': `#microsoft.graph.industryData.${kind}`,
    id,
    readinessStatus: status,
  }) as ProvisioningFlow;

/** The state after first sight of `flows`. */
const seen = (flows: ProvisioningFlow[]): SetState =>
  detectSet(undefined, { set, flows }, NOW).states[0]!;

describe('detectSet', () => {
  it('when a set is seen for the first time, then its flows are recorded and nothing is reported', () => {
    const result = detectSet(undefined, { set, flows: [flow('f1', 'ready')] }, NOW);
    expect(result.events).toEqual([]);
    expect(result.states[0]!.flows.f1).toEqual({
      kind: 'user',
      status: 'ready',
      version: 0,
      lastModified: null,
    });
  });

  it('when nothing changed, then there is no event and the state is not rewritten', () => {
    const previous = seen([flow('f1', 'ready')]);
    expect(detectSet(previous, { set, flows: [flow('f1', 'ready')] }, NOW)).toEqual({
      events: [],
      states: [],
    });
  });

  it.each([
    ['notReady', 'ready'],
    ['ready', 'failed'],
    ['failed', 'notReady'],
    ['ready', 'somethingNew'],
    ['ready', null],
  ])('when a flow goes from %s to %s, then exactly one status event says so', (from, to) => {
    const previous = seen([flow('f1', from)]);
    const { events, states } = detectSet(previous, { set, flows: [flow('f1', to)] }, NOW);
    expect(events).toEqual([
      expect.objectContaining({
        id: 's1:f1:1',
        kind: 'status',
        flowId: 'f1',
        flowKind: 'user',
        from,
        to,
        setVersion: '2026-01-01T00:00:00Z',
      }),
    ]);
    expect(states[0]!.flows.f1!.version).toBe(1);
  });

  it('when a flow flips back and forth, then every transition has its own event id', () => {
    let state = seen([flow('f1', 'ready')]);
    const ids: string[] = [];
    for (const status of ['failed', 'ready', 'failed']) {
      const r = detectSet(state, { set, flows: [flow('f1', status)] }, NOW);
      ids.push(...r.events.map((e) => e.id));
      state = r.states[0]!;
    }
    expect(ids).toEqual(['s1:f1:1', 's1:f1:2', 's1:f1:3']);
  });

  it('when a flow appears in a known set, then it is reported as added with its status', () => {
    const previous = seen([flow('f1', 'ready')]);
    const { events } = detectSet(
      previous,
      { set, flows: [flow('f1', 'ready'), flow('f2', 'notReady', 'classGroupProvisioningFlow')] },
      NOW,
    );
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'flowAdded',
        flowId: 'f2',
        flowKind: 'classGroup',
        to: 'notReady',
      }),
    ]);
  });

  it('when a flow is missing from a complete read of its set, then it is reported as removed', () => {
    const previous = seen([flow('f1', 'ready'), flow('f2', 'failed')]);
    const { events, states } = detectSet(previous, { set, flows: [flow('f1', 'ready')] }, NOW);
    expect(events).toEqual([
      expect.objectContaining({ kind: 'flowRemoved', flowId: 'f2', from: 'failed', to: null }),
    ]);
    expect(Object.keys(states[0]!.flows)).toEqual(['f1']);
  });

  it('when only the name changed, then the new name is stored without an event', () => {
    const previous = seen([flow('f1', 'ready')]);
    const r = detectSet(
      previous,
      { set: { ...set, displayName: 'Renamed' }, flows: [flow('f1', 'ready')] },
      NOW,
    );
    expect(r.events).toEqual([]);
    expect(r.states[0]!.name).toBe('Renamed');
  });
});

describe('detectDeletedSets', () => {
  it('when a known set is missing from the list, then one setDeleted event and a tombstone', () => {
    const known = [seen([flow('f1', 'ready')])];
    const r = detectDeletedSets(known, new Set(), NOW);
    expect(r.events).toEqual([
      expect.objectContaining({ id: 's1:deleted', kind: 'setDeleted', setName: 'Northwind' }),
    ]);
    expect(r.states[0]).toMatchObject({ deleted: true, flows: {} });
    expect(detectDeletedSets(r.states, new Set(), NOW).events).toEqual([]);
  });

  it('when every known set is listed, then nothing is deleted', () => {
    expect(detectDeletedSets([seen([])], new Set(['s1']), NOW).events).toEqual([]);
  });
});
