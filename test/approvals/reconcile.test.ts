/**
 * Settling a change whose Graph write was cut short (the process died while `applying`), against
 * the Graph emulator: per kind, the sweep reads what Graph stores and records `applied` or
 * `failed` (with what it saw), never writing again; a write of a live process is left alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApproverDirectory } from '../../src/approvals/approvers';
import { inFlightMarks, IN_FLIGHT_GRACE_MS, newInstanceId } from '../../src/changes/inFlight';
import { approvalStores } from '../../src/approvals/stores';
import { sweep } from '../../src/approvals/sweep';
import type { SweepDeps } from '../../src/approvals/sweepDeps';
import { approvalPresenter } from '../../src/views/approvalPresenter';
import { createAuditLog } from '../../src/history';
import { viewOf, createChangeViewStore } from '../../src/changes/changeView';
import type { ChangeDeps } from '../../src/changes/deps';
import { executeChange } from '../../src/changes/execute';
import { proposeChange } from '../../src/changes/propose';
import {
  createFlowProposal,
  createSetProposal,
  deleteSetProposal,
  flowActionProposal,
  updateFlowProposal,
  updateSetProposal,
  type Proposal,
} from '../../src/changes/proposals';
import { knownFlow } from '../../src/changes/freshness';
import { loadConfig } from '../../src/config';
import { type Person } from '../../src/domain/pendingChange';
import { createPendingChangeStore } from '../../src/changes/pendingChangeStore';
import { createGraphClient, type IndustryDataApi } from '../../src/graph';
import { createMemoryLogger } from '../../src/log';
import { startLoopbackConnector, type LoopbackConnector } from '../../src/sandbox/connector';
import { SEED_IDS, startGraphEmulator, type GraphEmulator } from '../../src/sandbox/emulator';
import { createConversationStore } from '../../src/store/conversationStore';
import { createSqliteStorage } from '../../src/store/sqliteStorage';
import type { DurableStorage } from '../../src/store/storage';
import { createProactiveMessenger } from '../../src/teams/proactive';
import { FLOW_INPUTS } from '../graph/flowInputs';

const ADA: Person = { aadObjectId: '00000000-0000-4000-8000-00000000000a', name: 'Ada Admin' };
const { logger } = createMemoryLogger();

let emulator: GraphEmulator;
let connector: LoopbackConnector;
let dir: string;
let storage: DurableStorage;
let graph: IndustryDataApi;
const self = newInstanceId();

beforeAll(async () => {
  emulator = await startGraphEmulator({ readyDelayMs: 60_000 });
  connector = await startLoopbackConnector();
  graph = createGraphClient({ baseUrl: emulator.baseUrl }).as(async () => 'token');
  dir = mkdtempSync(join(tmpdir(), 'reconcile-'));
});
beforeEach(() => {
  emulator.control.resetState();
  storage = createSqliteStorage(join(dir, `${Date.now()}-${Math.random()}.sqlite`));
});
afterEach(() => storage.close());
afterAll(async () => {
  await emulator.close();
  await connector.close();
  rmSync(dir, { recursive: true, force: true });
});

const changeDeps = (): ChangeDeps => ({
  changes: createPendingChangeStore(storage),
  views: createChangeViewStore(storage),
  awaitingApproval: async () => false,
  graph,
  person: ADA,
  conversationId: 'conv-1',
  ttlMs: 15 * 60_000,
  logger,
  now: () => new Date(),
  audit: createAuditLog(storage),
  policyOf: () => 'self',
  inFlight: inFlightMarks(storage, self),
  storage,
  nobodyCanApprove: false,
});

const sweepDeps = (): SweepDeps => ({
  stores: approvalStores(storage),
  changes: createPendingChangeStore(storage),
  views: createChangeViewStore(storage),
  messenger: createProactiveMessenger(loadConfig({}), logger, { timeoutMs: 5_000 }),
  conversations: createConversationStore(storage),
  directory: createApproverDirectory({ approvers: [], readGroup: async () => [], logger }),
  inFlight: inFlightMarks(storage, self),
  instance: self,
  appGraph: graph,
  audit: createAuditLog(storage),
  logger,
  cards: approvalPresenter,
});

const set = async (id: string) => (await graph.getFlowSet(id)).data;
const flow = async (setId: string, flowId: string) =>
  knownFlow((await graph.getFlow(setId, flowId)).data)!;

/** Proposes, claims (applying) as a process that has since died, and maybe lets the write land. */
async function interrupted(proposal: Proposal, landed: boolean, marker: 'dead' | 'live' = 'dead') {
  const deps = changeDeps();
  const changeId = (await proposeChange(deps, proposal)).change.id;
  const claim = await deps.changes.transition(changeId, { type: 'apply', by: ADA }, new Date());
  if (claim.outcome !== 'changed') throw new Error('not claimed');
  const instance = marker === 'dead' ? { ...self, boot: 'an-earlier-boot' } : self;
  await inFlightMarks(storage, instance).mark(changeId, new Date());
  if (landed) await executeChange(graph, claim.change, await viewOf(deps.views, changeId));
  return changeId;
}

const cases: Array<[string, () => Promise<Proposal>]> = [
  [
    'rename a set',
    async () => updateSetProposal(await set(SEED_IDS.northwind), { displayName: 'Northwind HS' }),
  ],
  ['delete a set', async () => deleteSetProposal(await set(SEED_IDS.fabrikamPilot), [])],
  [
    'create a set',
    async () => createSetProposal({ displayName: 'Lakeside Academy', filter: null }),
  ],
  [
    'add a flow',
    async () => createFlowProposal(await set(SEED_IDS.northwind), FLOW_INPUTS.securityGroup),
  ],
  [
    'edit a flow',
    async () =>
      updateFlowProposal(
        await set(SEED_IDS.fabrikamPilot),
        await flow(SEED_IDS.fabrikamPilot, SEED_IDS.fabrikamSecurityGroup),
        {
          kind: 'securityGroup',
          creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: true },
        },
      ),
  ],
  [
    'remove a flow',
    async () =>
      flowActionProposal(
        'deleteFlow',
        await set(SEED_IDS.northwind),
        await flow(SEED_IDS.northwind, SEED_IDS.northwindClassGroup),
      ),
  ],
  [
    'reset a flow',
    async () =>
      flowActionProposal(
        'resetFlow',
        await set(SEED_IDS.fabrikamPilot),
        await flow(SEED_IDS.fabrikamPilot, SEED_IDS.fabrikamClassGroup),
      ),
  ],
];

describe('reconcile of interrupted writes', () => {
  it.each(
    cases.flatMap(([what, make]) => [[what, true, make] as const, [what, false, make] as const]),
  )(
    'when the process died during "%s" and the write landed: %s, then the sweep records that, without writing again',
    async (_, landed, make) => {
      const changeId = await interrupted(await make(), landed);
      emulator.control.clearRequests();
      const result = await sweep(sweepDeps(), new Date());
      expect(result.reconciled).toBe(1);
      expect(emulator.control.requests().filter((r) => r.method !== 'GET')).toEqual([]);
      const change = (await createPendingChangeStore(storage).get(changeId))!;
      expect(change.state).toBe(landed ? 'applied' : 'failed');
      const [entry] = (await createAuditLog(storage).list({ changeId })).entries;
      expect(entry).toMatchObject({
        event: landed ? 'applied' : 'failed',
        actor: { aadObjectId: 'system' },
      });
      expect(entry!.outcome ?? change.result.error).toContain('After restarting it checked:');
      expect(await inFlightMarks(storage, self).get(changeId)).toBeUndefined();
    },
  );

  it('when the set was changed to other values meanwhile, then the rename is recorded as not made', async () => {
    const changeId = await interrupted(
      updateSetProposal(await set(SEED_IDS.northwind), { displayName: 'Northwind HS' }),
      false,
    );
    await graph.updateFlowSet(SEED_IDS.northwind, { displayName: 'Someone else’s name' });
    await sweep(sweepDeps(), new Date());
    const change = (await createPendingChangeStore(storage).get(changeId))!;
    expect(change.state).toBe('failed');
    expect(change.result.error).toContain('it was changed, but not to these values');
  });

  it('when the write belongs to a live process, then it is left alone until the grace period is over', async () => {
    const changeId = await interrupted(
      deleteSetProposal(await set(SEED_IDS.fabrikamPilot), []),
      false,
      'live',
    );
    expect((await sweep(sweepDeps(), new Date())).reconciled).toBe(0);
    expect((await createPendingChangeStore(storage).get(changeId))!.state).toBe('applying');
    const after = new Date(Date.now() + IN_FLIGHT_GRACE_MS + 1000);
    expect((await sweep(sweepDeps(), after)).reconciled).toBe(1);
  });

  it('when Graph cannot be read, then the change stays applying and the next sweep tries again', async () => {
    const changeId = await interrupted(
      deleteSetProposal(await set(SEED_IDS.fabrikamPilot), []),
      true,
    );
    emulator.control.addFault({ status: 503, count: 10, method: 'GET' });
    expect((await sweep(sweepDeps(), new Date())).reconciled).toBe(0);
    expect((await createPendingChangeStore(storage).get(changeId))!.state).toBe('applying');
    emulator.control.clearFaults();
    expect((await sweep(sweepDeps(), new Date())).reconciled).toBe(1);
  });
});
