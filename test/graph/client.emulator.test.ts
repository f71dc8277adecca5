/** The client against the real Graph emulator over HTTP: every operation round-trips. */
import { createGraphClient, type IndustryDataApi } from '../../src/graph';
import { FLOW_KINDS, flowKindOf, type ProvisioningFlow } from '../../src/domain/flowSchemas';
import { startGraphEmulator, type GraphEmulator } from '../../src/sandbox/emulator';
import { FLOW_INPUTS } from './flowInputs';
import { failure } from '../support/failure';

let emu: GraphEmulator;
let api: IndustryDataApi;

beforeAll(async () => {
  emu = await startGraphEmulator({ port: 0, seed: true, readyDelayMs: 60_000 });
  api = createGraphClient({ baseUrl: emu.baseUrl }).as(async () => 'test-token');
});
afterAll(() => emu.close());

const lastRecord = () => emu.requests.at(-1);
const byKind = (flows: ProvisioningFlow[]) =>
  Object.fromEntries(flows.map((f) => [flowKindOf(f), f]));

describe('graph client against the emulator', () => {
  it('when a set gets all four flows, then every operation round-trips', async () => {
    const created = await api.createFlowSet({
      displayName: 'Round trip',
      filter: { in: ['Quarter', 'Demo'] },
    });
    expect(created.requestId).toBe(lastRecord()?.requestId);
    const setId = created.data.id;
    expect(created.data.filter?.in).toEqual(['Quarter', 'Demo']);

    for (const kind of FLOW_KINDS) {
      const flow = await api.createFlow(setId, FLOW_INPUTS[kind]);
      expect([flowKindOf(flow.data), flow.data.readinessStatus]).toEqual([kind, 'notReady']);
    }

    expect((await api.getFlowSet(setId)).data.displayName).toBe('Round trip');
    const flows = await api.listFlows(setId);
    expect(flows.data.map(flowKindOf).sort()).toEqual([...FLOW_KINDS].sort());
    const paged = await api.listFlows(setId, { pageSize: 1 });
    expect(paged.data.map((f) => f.id)).toEqual(flows.data.map((f) => f.id));
    expect(paged.requestIds).toHaveLength(4);

    const user = byKind(flows.data).user!;
    const got = await api.getFlow(setId, user.id);
    expect(got.data).toMatchObject({
      creationOptions: {
        configurations: [
          { roleGroup: { id: 'staff' }, defaultPasswordSettings: { password: '***************' } },
        ],
      },
    });
  });

  it('when a set and a flow are patched, then the stored objects come back (PATCH then GET)', async () => {
    const setId = (await api.createFlowSet({ displayName: 'Before', filter: { in: ['A'] } })).data
      .id;
    const flowId = (await api.createFlow(setId, FLOW_INPUTS.classGroup)).data.id;

    const updated = await api.updateFlowSet(setId, { displayName: 'After', filter: null });
    expect(updated.data).toMatchObject({ id: setId, displayName: 'After', filter: null });
    expect(updated.requestIds).toHaveLength(2);
    expect(updated.requestId).toBe(updated.requestIds[0]);
    expect(emu.requests.slice(-2).map((r) => [r.method, r.status])).toEqual([
      ['PATCH', 204],
      ['GET', 200],
    ]);

    const patch = {
      kind: 'classGroup' as const,
      configuration: {
        additionalOptions: { createTeam: false, writeDisplayNameOnCreateOnly: true },
        enrollmentMappings: {
          ownerCodes: ['teacher', 'paraProfessional'],
          memberCodes: ['student'],
        },
      },
    };
    const flow = await api.updateFlow(setId, flowId, patch);
    expect(flow.data).toMatchObject({
      configuration: {
        additionalOptions: { createTeam: false, writeDisplayNameOnCreateOnly: true },
        enrollmentMappings: {
          ownerEnrollmentMappings: [{ code: 'teacher' }, { code: 'paraprofessional' }],
        },
      },
    });
  });

  it('when a flow is reset and deleted and its set deleted, then both are gone (404 → not_found)', async () => {
    const setId = (await api.createFlowSet({ displayName: 'Short-lived' })).data.id;
    const flowId = (await api.createFlow(setId, FLOW_INPUTS.securityGroup)).data.id;

    const reset = await api.resetFlow(setId, flowId);
    expect([lastRecord()?.method, lastRecord()?.status, reset.requestId]).toEqual([
      'POST',
      202,
      lastRecord()?.requestId,
    ]);

    await api.deleteFlow(setId, flowId);
    const flowGone = await failure(api.getFlow(setId, flowId));
    expect([flowGone.code, flowGone.status, flowGone.requestId]).toEqual([
      'not_found',
      404,
      lastRecord()?.requestId,
    ]);

    await api.deleteFlowSet(setId);
    expect((await failure(api.getFlowSet(setId))).code).toBe('not_found');
    expect((await failure(api.deleteFlowSet(setId))).code).toBe('not_found');
  });

  it('when a second flow of the same type is added, then validation carries the emulator message', async () => {
    const setId = (await api.createFlowSet({ displayName: 'Dupes' })).data.id;
    await api.createFlow(setId, FLOW_INPUTS.administrativeUnit);
    const err = await failure(api.createFlow(setId, FLOW_INPUTS.administrativeUnit));
    expect([err.code, err.status, err.retryable]).toEqual(['validation', 400, false]);
    expect(err.userMessage).toContain('no more than one provisioning flow of each type');
    expect(err.cause).toMatchObject({ details: { graphCode: 'badRequest' } });
  });

  it('when there are more sets than the page size, then the list follows nextLinks to every item', async () => {
    for (let i = 0; i < 4; i++) await api.createFlowSet({ displayName: `Paged ${i}` });
    const all = await api.listFlowSets();
    expect(all.data.length).toBeGreaterThan(6);

    const before = emu.requests.length;
    const paged = await api.listFlowSets({ pageSize: 2 });
    expect(paged.data.map((s) => s.id)).toEqual(all.data.map((s) => s.id));
    const pages = emu.requests.slice(before);
    expect(pages).toHaveLength(Math.ceil(all.data.length / 2));
    expect(pages[1]?.path).toContain('$skiptoken=');
  });

  it('when the seeded district is read, then every set and flow parses as a known type', async () => {
    const sets = await api.listFlowSets();
    for (const set of sets.data) {
      const flows = await api.listFlows(set.id);
      for (const flow of flows.data) expect(FLOW_KINDS).toContain(flowKindOf(flow));
    }
  });

  it('when role groups are read, then Staff and Students are there', async () => {
    const list = await api.listRoleGroups();
    expect(list.data.map((g) => g.id).sort()).toEqual(
      expect.arrayContaining(['staff', 'students']),
    );
    expect((await api.getRoleGroup('students')).data.roles).toEqual(
      expect.arrayContaining([{ code: 'student' }]),
    );
    expect((await failure(api.getRoleGroup('nobody'))).code).toBe('not_found');
  });
});
