/** The configuration comparison (src/domain/drift.ts) as a table: previous reading → now → differences. */
import { compareConfig, configOf, deletedSets, driftIdOf } from '../../src/domain/drift';
import type { SetConfig } from '../../src/domain/driftRecords';
import { flow, flowSet } from './flowFixtures';

const T0 = new Date('2026-03-01T10:00:00Z');
const T1 = new Date('2026-03-01T10:05:00Z');

const users = flow('user', 'ready', { id: 'u1', createUnmatchedUsers: false });
const classes = flow('classGroup', 'ready', { id: 'c1' });
const base = configOf(flowSet('s1', 'Northwind', ['NW-1']), [users, classes], T0);

const now = (set = flowSet('s1', 'Northwind', ['NW-1']), flows = [users, classes]) =>
  configOf(set, flows, T1);

const summary = (previous: SetConfig | undefined, current: SetConfig) =>
  compareConfig(previous, current, T1).map((d) => ({
    change: d.change,
    flowId: d.flowId,
    rows: d.rows.map((r) => `${r.label}: ${r.before} → ${r.after}`),
  }));

describe('compareConfig', () => {
  it.each([
    [
      'nothing changed (readiness is not configuration)',
      now(undefined, [{ ...users, readinessStatus: 'failed' }, classes]),
      [],
    ],
    [
      'the set renamed',
      now(flowSet('s1', 'Northwind HS', ['NW-1'])),
      [
        {
          change: 'setChanged',
          flowId: undefined,
          rows: ['Flow set name: Northwind → Northwind HS'],
        },
      ],
    ],
    [
      'a flow setting changed',
      now(undefined, [{ ...users, createUnmatchedUsers: true }, classes]),
      [
        {
          change: 'flowChanged',
          flowId: 'u1',
          rows: [expect.stringMatching(/^Create unmatched users: \S+ → \S+$/)],
        },
      ],
    ],
    [
      'a flow removed',
      now(undefined, [users]),
      [{ change: 'flowRemoved', flowId: 'c1', rows: [] }],
    ],
    [
      'a flow of a new type added',
      now(undefined, [users, classes, flow('securityGroup', 'notReady', { id: 'g1' })]),
      [{ change: 'flowAdded', flowId: 'g1', rows: expect.any(Array) }],
    ],
    [
      'a flow replaced: gone, and a new id of the same type',
      now(undefined, [users, { ...classes, id: 'c2' }]),
      [{ change: 'flowReplaced', flowId: 'c2', rows: [] }],
    ],
  ])('when %s, then the differences are as listed', (_name, current, expected) => {
    expect(summary(base, current)).toEqual(expected);
  });

  it('when a flow is replaced, then the card knows which flow it replaced', () => {
    const [item] = compareConfig(base, now(undefined, [users, { ...classes, id: 'c2' }]), T1);
    expect(item).toMatchObject({ replacedFlowId: 'c1', flowKind: 'classGroup' });
  });

  it('when a set was not known (or was deleted), then it is "setCreated" with its settings', () => {
    expect(summary(undefined, base)).toEqual([
      {
        change: 'setCreated',
        flowId: undefined,
        rows: expect.arrayContaining([expect.stringMatching(/^Flow set name: .* → Northwind$/)]),
      },
    ]);
    expect(summary({ ...base, deleted: true }, base).map((d) => d.change)).toEqual(['setCreated']);
  });

  it('when the same difference is detected twice, then it has the same id; another difference another id', () => {
    const renamed = now(flowSet('s1', 'Northwind HS', ['NW-1']));
    const [a] = compareConfig(base, renamed, T1);
    const [b] = compareConfig(base, renamed, new Date('2026-03-01T11:00:00Z'));
    const [c] = compareConfig(base, now(flowSet('s1', 'Other', ['NW-1'])), T1);
    expect(a!.id).toBe(b!.id);
    expect(a!.id).not.toBe(c!.id);
    expect(a!.id).toMatch(/^[0-9a-f]{32}$/);
    expect(driftIdOf('s1', a!)).toBe(a!.id);
  });

  it('when a flow of a type this version does not know changes, then it is not compared field by field', () => {
    const odd = {
      id: 'x1',
      '@odata.type': '#microsoft.graph.industryData.futureFlow',
      readinessStatus: 'ready',
    };
    const before = configOf(flowSet('s1', 'Northwind'), [odd], T0);
    const after = configOf(flowSet('s1', 'Northwind'), [{ ...odd, lastModifiedDateTime: 'x' }], T1);
    expect(compareConfig(before, after, T1)).toEqual([]);
  });
});

describe('deletedSets', () => {
  it('when a known set is missing from a complete list, then it is deleted and kept as a tombstone; tombstones are not deleted again', () => {
    const other = configOf(flowSet('s2', 'Fabrikam'), [], T0);
    const gone = deletedSets(
      [base, other, { ...other, setId: 's3', deleted: true }],
      new Set(['s2']),
      T1,
    );
    expect(gone.items.map((d) => [d.change, d.setId, d.setName])).toEqual([
      ['setDeleted', 's1', 'Northwind'],
    ]);
    expect(gone.configs).toEqual([
      expect.objectContaining({ setId: 's1', deleted: true, flows: {} }),
    ]);
  });
});
