/**
 * Revert of a change made outside the bot (src/changes/undo/driftRevert.ts) against the Graph
 * emulator: the drift is what the poller saw (configOf before and after, compareConfig), the plan is
 * the same reverse change `undo` would preview, and what cannot be reverted says why, with no
 * `undo … recreate` button (that command only knows changes made through the bot).
 */
import { createGraphClient, type IndustryDataApi } from '../../src/graph';
import { planDriftRevert } from '../../src/changes/undo/driftRevert';
import { compareConfig, configOf, deletedSets } from '../../src/domain/drift';
import type { DriftItem } from '../../src/domain/driftRecords';
import { SEED_IDS, startGraphEmulator, type GraphEmulator } from '../../src/sandbox/emulator';
import { FLOW_INPUTS } from '../graph/flowInputs';

let emulator: GraphEmulator;
let graph: IndustryDataApi;

beforeAll(async () => {
  emulator = await startGraphEmulator({ port: 0, seed: true, readyDelayMs: 3_600_000 });
  graph = createGraphClient({ baseUrl: emulator.baseUrl }).as(async () => 'token');
});
beforeEach(() => emulator.control.resetState());
afterAll(() => emulator.close());

const T0 = new Date('2026-03-01T10:00:00Z');
const T1 = new Date('2026-03-01T10:05:00Z');

/** What the poller records about a set now. */
async function readConfig(setId: string, at: Date) {
  const set = (await graph.getFlowSet(setId)).data;
  return configOf(set, (await graph.listFlows(setId)).data, at);
}

/** Runs `outside` (a change behind the bot's back) and returns the drift the poller would see. */
async function driftOf(setId: string, outside: () => Promise<unknown>): Promise<DriftItem[]> {
  const before = await readConfig(setId, T0);
  await outside();
  return compareConfig(before, await readConfig(setId, T1), T1);
}

describe('planDriftRevert', () => {
  it('when the set was renamed outside the bot, then the plan renames it back and keeps the schools', async () => {
    const [item] = await driftOf(SEED_IDS.northwind, () =>
      graph.updateFlowSet(SEED_IDS.northwind, { displayName: 'Renamed in the portal' }),
    );
    const plan = await planDriftRevert(graph, item!);
    expect(plan).toMatchObject({
      kind: 'propose',
      proposal: { kind: 'updateFlowSet', body: { displayName: 'Northwind High School' } },
      note: expect.stringMatching(/^Undo of the change made outside the bot \(noticed at /),
    });
  });

  it('when a flow was added outside the bot, then the plan removes it', async () => {
    const [item] = await driftOf(SEED_IDS.northwind, () =>
      graph.createFlow(SEED_IDS.northwind, FLOW_INPUTS.securityGroup),
    );
    expect(item).toMatchObject({ change: 'flowAdded', flowKind: 'securityGroup' });
    const plan = await planDriftRevert(graph, item!);
    expect(plan).toMatchObject({
      kind: 'propose',
      proposal: { kind: 'deleteFlow', target: { flowId: item!.flowId } },
    });
  });

  it('when a class flow was removed outside the bot, then the plan creates it again with its settings', async () => {
    const [item] = await driftOf(SEED_IDS.northwind, () =>
      graph.deleteFlow(SEED_IDS.northwind, SEED_IDS.northwindClassGroup),
    );
    expect(item).toMatchObject({ change: 'flowRemoved', flowKind: 'classGroup' });
    const plan = await planDriftRevert(graph, item!);
    expect(plan).toMatchObject({
      kind: 'propose',
      proposal: { kind: 'createFlow', body: { kind: 'classGroup' } },
    });
  });

  it('when a flow was replaced, then it cannot be reverted and the plan says why, without buttons', async () => {
    const [item] = await driftOf(SEED_IDS.northwind, async () => {
      await graph.deleteFlow(SEED_IDS.northwind, SEED_IDS.northwindClassGroup);
      await graph.createFlow(SEED_IDS.northwind, FLOW_INPUTS.classGroup);
    });
    expect(item).toMatchObject({ change: 'flowReplaced' });
    expect(await planDriftRevert(graph, item!)).toMatchObject({
      kind: 'explain',
      title: expect.stringMatching(/^Revert: /),
      message: expect.stringContaining('cannot restore it'),
      buttons: [],
    });
  });

  it('when the set was deleted outside the bot, then the plan creates a set with its settings again', async () => {
    const before = await readConfig(SEED_IDS.northwind, T0);
    await graph.deleteFlowSet(SEED_IDS.northwind);
    const item = deletedSets([before], new Set(), T1).items[0]!;
    expect(await planDriftRevert(graph, item)).toMatchObject({
      kind: 'propose',
      proposal: { kind: 'createFlowSet', body: { displayName: 'Northwind High School' } },
    });
  });
});
