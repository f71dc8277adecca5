import { AppError } from '../../src/errors';
import { FlowCreateInput, FlowSetCreateInput } from '../../src/domain/flowInputs';
import { flowSetToWire, flowToWire, parseInput } from '../../src/graph/wire';
import { graphDocBody } from '../support/graphDocs';

const docBody = graphDocBody;
/** What actually goes over the wire: undefined members vanish in JSON. */
const json = (value: unknown) => JSON.parse(JSON.stringify(value));
const GRAPH = 'https://graph.microsoft.com/beta';
const SECTION_OWNERS = [
  'teacher',
  'proctor',
  'teacherAssistant',
  'paraProfessional',
  'physicalTherapist',
  'speechTherapist',
  'visionTherapist',
  'occupationalTherapist',
  'staff',
];
const SECTION_MEMBERS = [
  'student',
  'substitute',
  'aide',
  'proctor',
  'teacherAssistant',
  'paraProfessional',
  'physicalTherapist',
  'speechTherapist',
  'visionTherapist',
  'occupationalTherapist',
  'staff',
];

describe('request bodies match the documented examples', () => {
  it('when a flow set is created, then the body is example 02', () => {
    const input = parseInput(FlowSetCreateInput, {
      displayName: 'Outbound Provisioning Flow Test',
      filter: { in: ['Quarter', 'Demo'] },
    });
    expect(json(flowSetToWire(input))).toEqual(
      docBody('02-create-outboundprovisioningflowset-request.json'),
    );
  });

  it('when a user flow is created, then the body is example 10', () => {
    const input = parseInput(FlowCreateInput, {
      kind: 'user',
      createUnmatchedUsers: true,
      managementOptions: {
        additionalAttributes: ['userGradeLevel'],
        additionalOptions: { studentAgeGroup: 'minor', allowStudentContactAssociation: false },
      },
      creationOptions: {
        configurations: [
          { roleGroupId: 'staff', defaultPassword: '********', licenseSkus: ['Sku1'] },
          { roleGroupId: 'students', defaultPassword: '********', licenseSkus: ['Sku2'] },
        ],
      },
    });
    expect(json(flowToWire(GRAPH, input))).toEqual(
      docBody('10-create-provisioningflow-user-request.json'),
    );
  });

  it('when a class group flow is created, then the body is example 08', () => {
    const input = parseInput(FlowCreateInput, {
      kind: 'classGroup',
      configuration: {
        additionalAttributes: [
          'courseTitle',
          'courseCode',
          'courseSubject',
          'courseGradeLevel',
          'courseExternalId',
          'academicSessionTitle',
          'academicSessionExternalId',
        ],
        additionalOptions: { createTeam: true, writeDisplayNameOnCreateOnly: true },
        enrollmentMappings: { ownerCodes: SECTION_OWNERS, memberCodes: SECTION_MEMBERS },
      },
    });
    expect(json(flowToWire(GRAPH, input))).toEqual(
      docBody('08-create-provisioningflow-classgroup-request.json'),
    );
  });

  it.each([
    [
      'securityGroup',
      { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false },
      'securityGroupProvisioningFlow',
    ],
    [
      'administrativeUnit',
      { createBasedOnOrg: true, createBasedOnOrgPlusRoleGroup: false },
      'administrativeUnitProvisioningFlow',
    ],
  ])(
    'when a %s flow is created, then the body has its type and options with canonical names',
    (kind, creationOptions, type) => {
      const input = parseInput(FlowCreateInput, { kind, creationOptions });
      expect(json(flowToWire(GRAPH, input))).toEqual({
        '@odata.type': `#microsoft.graph.industryData.${type}`,
        creationOptions,
      });
    },
  );

  it('when a role group is bound against another base URL, then the bind URL uses that host', () => {
    const input = parseInput(FlowCreateInput, {
      kind: 'user',
      managementOptions: { additionalOptions: {} },
      creationOptions: { configurations: [{ roleGroupId: 'a/b' }] },
    });
    const wire = json(flowToWire('http://127.0.0.1:9/beta', input));
    expect(wire.creationOptions.configurations[0]).toEqual({
      'roleGroup@odata.bind': 'http://127.0.0.1:9/beta/external/industryData/roleGroups/a%2Fb',
    });
  });

  it('when a set filter is null, then null is sent (the set covers every school)', () => {
    const input = parseInput(FlowSetCreateInput, { displayName: 'All', filter: null });
    expect(json(flowSetToWire(input)).filter).toBeNull();
  });
});

describe('parseInput', () => {
  it.each([
    [FlowSetCreateInput, { displayName: '  ' }, 'displayName'],
    [FlowSetCreateInput, { displayName: 'x', filter: { in: [] } }, 'filter.in'],
    [
      FlowCreateInput,
      { kind: 'securityGroup', creationOptions: { createBasedOnRoleGroup: true } },
      'creationOptions.createBasedOnOrgPlusRoleGroup',
    ],
    [
      FlowCreateInput,
      { kind: 'user', managementOptions: { additionalOptions: { studentAgeGroup: 'toddler' } } },
      'managementOptions.additionalOptions.studentAgeGroup',
    ],
    [FlowCreateInput, { kind: 'teams' }, 'kind'],
  ])('when the input is invalid, then bad_input names the field (%#)', (schema, value, field) => {
    let caught: unknown;
    try {
      parseInput(schema, value);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('bad_input');
    expect(Object.keys((caught as AppError).fields ?? {})).toContain(field);
  });
});
