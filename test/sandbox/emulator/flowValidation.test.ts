/** Validation of provisioning-flow bodies: every 400 names the property and says why. */
import { startGraphEmulator, type GraphEmulator } from '../../../src/sandbox/emulator';
import { FLOW_BODIES, NS, ROLE_GROUP_BIND, call, createSet, flowsOf } from './helpers';

describe('Graph emulator provisioning flow validation', () => {
  let emulator: GraphEmulator;
  let setId: string;
  beforeAll(async () => {
    emulator = await startGraphEmulator({ seed: false });
    setId = await createSet(emulator);
  });
  afterAll(() => emulator.close());

  const user = FLOW_BODIES.user;
  it.each([
    [
      'no @odata.type',
      { creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: true } },
      "'@odata.type' is required",
    ],
    [
      'the abstract type',
      { '@odata.type': `${NS}.provisioningFlow` },
      'Invalid OData type specified',
    ],
    [
      'a class group without configuration',
      { '@odata.type': `${NS}.classGroupProvisioningFlow` },
      "'configuration' is required",
    ],
    [
      'a class group missing createTeam',
      {
        ...FLOW_BODIES.classGroup,
        configuration: {
          ...FLOW_BODIES.classGroup.configuration,
          additionalOptions: { writeDisplayNameOnCreateOnly: true },
        },
      },
      "'configuration.additionalOptions.createTeam' is required",
    ],
    [
      'a string boolean',
      {
        ...FLOW_BODIES.securityGroup,
        creationOptions: { createBasedOnRoleGroup: 'yes', createBasedOnOrgPlusRoleGroup: false },
      },
      "'creationOptions.createBasedOnRoleGroup' must be a boolean",
    ],
    [
      'an unknown section role',
      {
        ...FLOW_BODIES.classGroup,
        configuration: {
          ...FLOW_BODIES.classGroup.configuration,
          enrollmentMappings: { ownerEnrollmentMappings: [{ code: 'janitor' }] },
        },
      },
      "'configuration.enrollmentMappings.ownerEnrollmentMappings[0].code' has 'janitor'",
    ],
    [
      'an unknown class attribute',
      {
        ...FLOW_BODIES.classGroup,
        configuration: {
          ...FLOW_BODIES.classGroup.configuration,
          additionalAttributes: ['teacherName'],
        },
      },
      "'configuration.additionalAttributes[0]' has 'teacherName'",
    ],
    [
      'a user flow without managementOptions',
      { '@odata.type': user['@odata.type'] },
      "'managementOptions' is required",
    ],
    [
      'an unknown role group',
      {
        ...user,
        creationOptions: {
          configurations: [{ 'roleGroup@odata.bind': `${ROLE_GROUP_BIND}teachers` }],
        },
      },
      "role group 'teachers', which does not exist",
    ],
    [
      'a configuration without role group',
      { ...user, creationOptions: { configurations: [{ licenseSkus: ['x'] }] } },
      "'creationOptions.configurations[0].roleGroup@odata.bind' is required",
    ],
    [
      'an inline role group',
      {
        ...user,
        creationOptions: {
          configurations: [
            { 'roleGroup@odata.bind': `${ROLE_GROUP_BIND}staff`, roleGroup: { id: 'staff' } },
          ],
        },
      },
      "'creationOptions.configurations[0].roleGroup' is read-only",
    ],
    [
      'the same role group twice',
      {
        ...user,
        creationOptions: {
          configurations: [
            { 'roleGroup@odata.bind': `${ROLE_GROUP_BIND}staff` },
            { 'roleGroup@odata.bind': `${ROLE_GROUP_BIND}STAFF` },
          ],
        },
      },
      "configures role group 'staff' a second time",
    ],
    [
      'an empty password',
      {
        ...user,
        creationOptions: {
          configurations: [
            {
              'roleGroup@odata.bind': `${ROLE_GROUP_BIND}staff`,
              defaultPasswordSettings: { password: '' },
            },
          ],
        },
      },
      "'creationOptions.configurations[0].defaultPasswordSettings.password' must not be empty",
    ],
    [
      'contradicting minors flags',
      {
        ...user,
        managementOptions: {
          additionalOptions: { studentAgeGroup: 'adult', markAllStudentsAsMinors: true },
        },
      },
      'contradict',
    ],
    [
      'a readinessStatus',
      { ...FLOW_BODIES.securityGroup, readinessStatus: 'ready' },
      "'readinessStatus' is read-only",
    ],
  ])('when a flow is created with %s, then 400 names the problem', async (_case, body, message) => {
    const res = await call(emulator, 'POST', flowsOf(setId), { body });

    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
  });

  it('when a flow is rejected, then the error lists each problem with its property as target', async () => {
    const res = await call(emulator, 'POST', flowsOf(setId), {
      body: { ...FLOW_BODIES.securityGroup, creationOptions: { createBasedOnRoleGroup: 1 } },
    });

    expect(res.body.error.details).toEqual([
      expect.objectContaining({
        code: 'invalidValue',
        target: 'creationOptions.createBasedOnRoleGroup',
      }),
    ]);
    expect(await call(emulator, 'GET', flowsOf(setId))).toMatchObject({ body: { value: [] } });
  });
});
