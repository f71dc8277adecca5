/** Which differences a change applied through the bot explains (src/domain/driftMatch.ts), as a table. */
import { compareConfig, configOf } from '../../src/domain/drift';
import { MATCH_SLACK_MS, unexplained } from '../../src/domain/driftMatch';
import type { StoredAuditEntry } from '../../src/domain/auditEntry';
import type { DriftItem } from '../../src/domain/driftRecords';
import { flowSetShape } from '../../src/domain/previewDiff';
import { flow, flowSet } from './flowFixtures';

const SINCE = '2026-03-01T10:00:00.000Z';
const T1 = new Date('2026-03-01T10:05:00Z');
const AVERY = { aadObjectId: 'a', name: 'Avery' };

const before = flowSet('s1', 'Northwind', ['NW-1']);
const base = configOf(before, [flow('classGroup', 'ready', { id: 'c1' })], new Date(SINCE));

function entry(over: Partial<StoredAuditEntry>): StoredAuditEntry {
  return {
    id: `e-${Math.random()}`,
    changeId: 'change-1',
    setId: 's1',
    setName: 'Northwind',
    kind: 'updateFlowSet',
    event: 'applied',
    actor: AVERY,
    requester: AVERY,
    at: '2026-03-01T10:02:00.000Z',
    before: flowSetShape(before),
    body: { displayName: 'Northwind HS' },
    ...over,
  };
}

const drift = (
  set = flowSet('s1', 'Northwind HS', ['NW-1']),
  flows = [flow('classGroup', 'ready', { id: 'c1' })],
) => compareConfig(base, configOf(set, flows, T1), T1);

const rowsLeft = (items: DriftItem[]) => items.map((d) => [d.change, d.rows.map((r) => r.label)]);

describe('unexplained', () => {
  it.each<[string, StoredAuditEntry[], unknown[]]>([
    ['the bot applied exactly this rename', [entry({})], []],
    [
      'the bot applied it, but requested only (never applied)',
      [entry({ event: 'requested' })],
      [['setChanged', ['Flow set name']]],
    ],
    ['the bot renamed another set', [entry({ setId: 's2' })], [['setChanged', ['Flow set name']]]],
    [
      'the bot renamed it to something else',
      [entry({ body: { displayName: 'Northwind High' } })],
      [['setChanged', ['Flow set name']]],
    ],
    [
      'the bot renamed it long before the last poll',
      [entry({ at: new Date(Date.parse(SINCE) - MATCH_SLACK_MS - 1000).toISOString() })],
      [['setChanged', ['Flow set name']]],
    ],
    ['nobody changed anything through the bot', [], [['setChanged', ['Flow set name']]]],
  ])('when %s, then what is left is as listed', (_name, audit, expected) => {
    expect(rowsLeft(unexplained(drift(), audit, SINCE))).toEqual(expected);
  });

  it('when the bot renamed the set and someone else changed its schools, then only the schools are drift', () => {
    const items = drift(flowSet('s1', 'Northwind HS', ['NW-1', 'NW-2']));
    expect(rowsLeft(unexplained(items, [entry({})], SINCE))).toEqual([
      ['setChanged', ['Schools (organization external ids)']],
    ]);
  });

  it.each<[string, StoredAuditEntry[], string[]]>([
    ['the bot deleted the flow', [entry({ kind: 'deleteFlow', flowId: 'c1', body: null })], []],
    [
      'the bot deleted another flow',
      [entry({ kind: 'deleteFlow', flowId: 'c9', body: null })],
      ['flowRemoved'],
    ],
    [
      'the bot deleted a whole other set',
      [entry({ kind: 'deleteFlowSet', setId: 's2', body: null })],
      ['flowRemoved'],
    ],
  ])('when a flow disappeared and %s, then the drift left is %j', (_name, audit, expected) => {
    const items = drift(before, []);
    expect(unexplained(items, audit, SINCE).map((d) => d.change)).toEqual(expected);
  });

  it('when a flow was replaced and the bot both deleted it and created the new one, then it is no drift; one of the two is not enough', () => {
    const items = drift(before, [flow('classGroup', 'ready', { id: 'c2' })]);
    const deleted = entry({ kind: 'deleteFlow', flowId: 'c1', body: null });
    const created = entry({
      kind: 'createFlow',
      flowKind: 'classGroup',
      flowId: 'c2',
      body: { kind: 'classGroup' },
    });
    expect(unexplained(items, [deleted, created], SINCE)).toEqual([]);
    expect(unexplained(items, [created], SINCE).map((d) => d.change)).toEqual(['flowReplaced']);
  });

  it('when a set appeared that the bot created (known by the id Graph gave it), then it is no drift', () => {
    const created = compareConfig(undefined, configOf(flowSet('s9', 'New'), [], T1), T1);
    const made = entry({ kind: 'createFlowSet', setId: 's9', body: { displayName: 'New' } });
    expect(unexplained(created, [made], SINCE)).toEqual([]);
    expect(
      unexplained(created, [entry({ kind: 'createFlowSet', setId: 's8' })], SINCE),
    ).toHaveLength(1);
  });
});
