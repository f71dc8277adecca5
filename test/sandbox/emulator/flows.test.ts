/**
 * Provisioning-flow behaviour beyond the examples: one flow of each type per set, PATCH merge,
 * the readiness lifecycle, validation messages, role-group binding and the documented quirks.
 */
import { startGraphEmulator, type GraphEmulator } from '../../../src/sandbox/emulator';
import {
  FLOW_BODIES,
  NS,
  ROLE_GROUP_BIND,
  call,
  createFlow,
  createSet,
  eventually,
  flowsOf,
} from './helpers';

describe('Graph emulator provisioning flows', () => {
  let emulator: GraphEmulator;
  let setId: string;
  beforeAll(async () => {
    emulator = await startGraphEmulator({ seed: false, readyDelayMs: 50 });
  });
  afterAll(() => emulator.close());
  beforeEach(async () => {
    emulator.control.resetState();
    setId = await createSet(emulator);
  });

  it.each(Object.keys(FLOW_BODIES) as Array<keyof typeof FLOW_BODIES>)(
    'when a second %s flow is added to a set, then 400 says a set holds one of each type',
    async (kind) => {
      const firstId = await createFlow(emulator, setId, kind);

      const res = await call(emulator, 'POST', flowsOf(setId), { body: FLOW_BODIES[kind] });

      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('no more than one provisioning flow of each type');
      expect(res.body.error.message).toContain(firstId);
    },
  );

  it('when flows of four different types are added, then the set lists all four', async () => {
    for (const kind of Object.keys(FLOW_BODIES) as Array<keyof typeof FLOW_BODIES>)
      await createFlow(emulator, setId, kind);

    const res = await call(emulator, 'GET', flowsOf(setId));

    expect(res.body.value.map((f: { '@odata.type': string }) => f['@odata.type'])).toEqual([
      `${NS}.userProvisioningFlow`,
      `${NS}.classGroupProvisioningFlow`,
      `${NS}.securityGroupProvisioningFlow`,
      `${NS}.administrativeUnitProvisioningFlow`,
    ]);
  });

  it('when a nested option is patched, then siblings keep their values and lastModifiedDateTime moves', async () => {
    const flowId = await createFlow(emulator, setId, 'classGroup');
    const before = (await call(emulator, 'GET', `${flowsOf(setId)}/${flowId}`)).body;

    const res = await call(emulator, 'PATCH', `${flowsOf(setId)}/${flowId}`, {
      body: {
        '@odata.type': `${NS}.classGroupProvisioningFlow`,
        configuration: { additionalOptions: { createTeam: false } },
      },
    });
    const after = (await call(emulator, 'GET', `${flowsOf(setId)}/${flowId}`)).body;

    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(after.configuration).toEqual({
      ...before.configuration,
      additionalOptions: { createTeam: false, writeDisplayNameOnCreateOnly: false },
    });
    expect(after.lastModifiedDateTime > before.lastModifiedDateTime).toBe(true);
  });

  it('when a collection is patched, then it is replaced wholesale', async () => {
    const flowId = await createFlow(emulator, setId, 'user');

    await call(emulator, 'PATCH', `${flowsOf(setId)}/${flowId}`, {
      body: {
        creationOptions: {
          configurations: [
            { 'roleGroup@odata.bind': `${ROLE_GROUP_BIND}students`, licenseSkus: ['SkuC'] },
          ],
        },
      },
    });
    const after = (await call(emulator, 'GET', `${flowsOf(setId)}/${flowId}`)).body;

    expect(after.creationOptions.configurations).toHaveLength(1);
    expect(after.creationOptions.configurations[0]).toMatchObject({
      licenseSkus: ['SkuC'],
      defaultPasswordSettings: null,
      roleGroup: { id: 'students' },
    });
    expect(after.managementOptions.additionalAttributes).toEqual(['userGradeLevel']);
  });

  it('when a PATCH tries to change the flow type, then 400 says the type cannot change', async () => {
    const flowId = await createFlow(emulator, setId, 'securityGroup');

    const res = await call(emulator, 'PATCH', `${flowsOf(setId)}/${flowId}`, {
      body: FLOW_BODIES.administrativeUnit,
    });

    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("a flow's type cannot be changed");
  });

  it('when a flow is reset, then it answers 202, reads notReady and later becomes ready', async () => {
    const flowId = await createFlow(emulator, setId, 'securityGroup');
    const url = `${flowsOf(setId)}/${flowId}`;
    await eventually(
      () => call(emulator, 'GET', url),
      (r) => r.body.readinessStatus === 'ready',
    );
    emulator.control.setReadiness(flowId, 'failed');

    const reset = await call(emulator, 'POST', `${url}/reset`);

    expect(reset.status).toBe(202);
    expect(reset.text).toBe('');
    expect((await call(emulator, 'GET', url)).body.readinessStatus).toBe('notReady');
    const later = await eventually(
      () => call(emulator, 'GET', url),
      (r) => r.body.readinessStatus === 'ready',
    );
    expect(later.body.readinessStatus).toBe('ready');
  });

  it('when reset uses the namespace-qualified action segment, then it is accepted', async () => {
    const flowId = await createFlow(emulator, setId, 'administrativeUnit');

    const res = await call(
      emulator,
      'POST',
      `${flowsOf(setId)}/${flowId}/microsoft.graph.industryData.reset`,
    );

    expect(res.status).toBe(202);
  });

  it('when a forced status is set, then it sticks until a reset', async () => {
    const flowId = await createFlow(emulator, setId, 'administrativeUnit');
    emulator.control.setReadiness(flowId, 'expired');

    expect((await call(emulator, 'GET', `${flowsOf(setId)}/${flowId}`)).body.readinessStatus).toBe(
      'expired',
    );
  });

  it('when a user flow is read, then passwords are masked and role groups are inline', async () => {
    const flowId = await createFlow(emulator, setId, 'user');

    const res = await call(emulator, 'GET', `${flowsOf(setId)}/${flowId}`);

    const [staff, students] = res.body.creationOptions.configurations;
    expect(staff.defaultPasswordSettings).toEqual({
      '@odata.type': `${NS}.simplePasswordSettings`,
      password: '***************',
    });
    expect(staff.roleGroup).toMatchObject({ id: 'staff', displayName: 'Staff' });
    expect(staff['roleGroup@odata.context']).toContain(
      `provisioningFlows('${flowId}')/microsoft.graph.industryData.userProvisioningFlow/`,
    );
    expect(students.defaultPasswordSettings).toBeNull();
    expect(res.text).not.toContain('Secret-1');
    expect(JSON.stringify(emulator.control.snapshot())).not.toContain('Secret-1');
  });

  it('when studentAgeGroup is minor, then markAllStudentsAsMinors is derived as true', async () => {
    const flowId = await createFlow(emulator, setId, 'user');

    const res = await call(emulator, 'GET', `${flowsOf(setId)}/${flowId}`);

    expect(res.body.managementOptions.additionalOptions).toEqual({
      markAllStudentsAsMinors: true,
      allowStudentContactAssociation: false,
      studentAgeGroup: 'minor',
    });
  });

  it('when properties are sent in another order, then the answer uses the documented order', async () => {
    const res = await call(emulator, 'POST', flowsOf(setId), {
      body: {
        creationOptions: { createBasedOnOrgPlusRoleGroup: false, createBasedOnRoleGroup: true },
        '@odata.type': `${NS}.securityGroupProvisioningFlow`,
      },
    });

    expect(Object.keys(res.body)).toEqual([
      '@odata.context',
      '@odata.type',
      'id',
      'createdDateTime',
      'lastModifiedDateTime',
      'readinessStatus',
      'creationOptions',
    ]);
    expect(Object.keys(res.body.creationOptions)).toEqual([
      'createBasedOnRoleGroup',
      'createBasedOnOrgPlusRoleGroup',
    ]);
  });

  it('when section role codes are mis-cased, then they come back canonical', async () => {
    const { configuration } = FLOW_BODIES.classGroup;
    const body = {
      ...FLOW_BODIES.classGroup,
      configuration: {
        ...configuration,
        enrollmentMappings: {
          ownerEnrollmentMappings: [{ code: 'paraProfessional' }, { code: 'TEACHER' }],
        },
      },
    };

    const res = await call(emulator, 'POST', flowsOf(setId), { body });

    expect(res.body.configuration.enrollmentMappings.ownerEnrollmentMappings).toEqual([
      { code: 'paraprofessional' },
      { code: 'teacher' },
    ]);
  });

  it.each([
    ['GET', ''],
    ['PATCH', ''],
    ['DELETE', ''],
    ['POST', '/reset'],
  ])('when %s targets an unknown flow, then 404 itemNotFound', async (method, suffix) => {
    const res = await call(
      emulator,
      method,
      `${flowsOf(setId)}/11111111-2222-3333-4444-555555555555${suffix}`,
      {
        body: method === 'PATCH' ? FLOW_BODIES.securityGroup : undefined,
      },
    );

    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('itemNotFound');
  });

  it('when a flow is addressed under another set, then 404', async () => {
    const flowId = await createFlow(emulator, setId, 'securityGroup');
    const otherSet = await createSet(emulator, 'Other');

    expect((await call(emulator, 'GET', `${flowsOf(otherSet)}/${flowId}`)).status).toBe(404);
  });

  it('when a flow is deleted, then a new flow of its type may be added', async () => {
    const flowId = await createFlow(emulator, setId, 'securityGroup');

    expect((await call(emulator, 'DELETE', `${flowsOf(setId)}/${flowId}`)).status).toBe(204);

    expect(
      (await call(emulator, 'POST', flowsOf(setId), { body: FLOW_BODIES.securityGroup })).status,
    ).toBe(201);
  });
});
