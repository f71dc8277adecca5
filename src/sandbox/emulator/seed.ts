/**
 * Sample data for a school district, so the sandbox has something realistic to show on first
 * start: three flow sets (all schools without a filter, one high school, a two-school pilot)
 * with mixed flow types and readiness states. Ids are fixed so demos and end-to-end tests can
 * name them. Role groups are the tenant's defaults and exist even without seed data.
 */
import { timestampAt } from './clock';
import { defaultRoleGroups } from './referenceData';
import type { EmulatorState, StoredFlow, StoredFlowSet } from './stateSchema';
import { hashPassword } from './userFlowRules';

export const SEED_IDS = {
  allSchools: '3f2b9c4e-7a1d-4e8b-9c2f-1a0b5d6e7f80',
  northwind: '8d4e2a61-5b3c-4f7e-a1d9-2c6b8e0f4a13',
  fabrikamPilot: 'b7c1e5f2-9a84-4d36-8e2b-5f0a3c7d9e26',
  allSchoolsUser: 'a1b2c3d4-1111-4a5b-8c6d-0e1f2a3b4c01',
  allSchoolsClassGroup: 'a1b2c3d4-2222-4a5b-8c6d-0e1f2a3b4c02',
  allSchoolsSecurityGroup: 'a1b2c3d4-3333-4a5b-8c6d-0e1f2a3b4c03',
  allSchoolsAdminUnit: 'a1b2c3d4-4444-4a5b-8c6d-0e1f2a3b4c04',
  northwindUser: 'c5d6e7f8-1111-4b2c-9d3e-4f5a6b7c8d01',
  northwindClassGroup: 'c5d6e7f8-2222-4b2c-9d3e-4f5a6b7c8d02',
  fabrikamClassGroup: 'e9f0a1b2-2222-4c3d-8e4f-5a6b7c8d9e02',
  fabrikamSecurityGroup: 'e9f0a1b2-3333-4c3d-8e4f-5a6b7c8d9e03',
} as const;

const CREATED = Date.parse('2025-08-18T14:05:11Z');
const at = (minutesAfter: number) => timestampAt(CREATED + minutesAfter * 60_000);

function flowSet(
  id: string,
  minutes: number,
  displayName: string,
  orgs: string[] | null,
): StoredFlowSet {
  return {
    id,
    createdDateTime: at(minutes),
    lastModifiedDateTime: at(minutes),
    displayName,
    filter: orgs && { attribute: 'orgExternalId', in: orgs },
  };
}

type FlowOf<K extends StoredFlow['kind']> = Extract<StoredFlow, { kind: K }>;

function meta(id: string, setId: string, minutes: number, status: StoredFlow['readinessStatus']) {
  return {
    id,
    setId,
    createdDateTime: at(minutes),
    lastModifiedDateTime: at(minutes),
    readinessStatus: status,
    readyAt: null,
  };
}

const teacherRoles = ['teacher', 'teacherAssistant', 'paraprofessional', 'staff'].map((code) => ({
  code,
}));
const memberRoles = ['student', 'aide', 'substitute', 'proctor'].map((code) => ({ code }));

function classGroupFlow(m: ReturnType<typeof meta>, createTeam: boolean): FlowOf<'classGroup'> {
  return {
    ...m,
    kind: 'classGroup',
    fields: {
      configuration: {
        additionalAttributes: [
          'courseTitle',
          'courseCode',
          'courseSubject',
          'academicSessionTitle',
        ],
        additionalOptions: { createTeam, writeDisplayNameOnCreateOnly: true },
        enrollmentMappings: {
          ownerEnrollmentMappings: teacherRoles,
          memberEnrollmentMappings: memberRoles,
        },
      },
    },
  };
}

function allSchoolsFlows(setId: string): StoredFlow[] {
  const user: FlowOf<'user'> = {
    ...meta(SEED_IDS.allSchoolsUser, setId, 2, 'ready'),
    kind: 'user',
    fields: {
      createUnmatchedUsers: true,
      managementOptions: {
        additionalAttributes: ['userGradeLevel', 'userNumber'],
        additionalOptions: {
          markAllStudentsAsMinors: true,
          allowStudentContactAssociation: true,
          studentAgeGroup: 'minor',
        },
      },
      creationOptions: {
        configurations: [
          {
            roleGroupId: 'staff',
            licenseSkus: ['M365EDU_A3_FACULTY'],
            defaultPasswordSettings: { passwordSha256: hashPassword('Contoso-Staff-2025!') },
          },
          {
            roleGroupId: 'students',
            licenseSkus: ['M365EDU_A3_STUUSEBNFT'],
            defaultPasswordSettings: { passwordSha256: hashPassword('Contoso-Student-2025!') },
          },
        ],
      },
    },
  };
  return [
    user,
    classGroupFlow(meta(SEED_IDS.allSchoolsClassGroup, setId, 3, 'ready'), true),
    {
      ...meta(SEED_IDS.allSchoolsSecurityGroup, setId, 4, 'ready'),
      kind: 'securityGroup',
      fields: {
        creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: true },
      },
    },
    {
      ...meta(SEED_IDS.allSchoolsAdminUnit, setId, 5, 'failed'),
      kind: 'administrativeUnit',
      fields: { creationOptions: { createBasedOnOrg: true, createBasedOnOrgPlusRoleGroup: false } },
    },
  ];
}

function northwindFlows(setId: string, readyAt: string): StoredFlow[] {
  const user: FlowOf<'user'> = {
    ...meta(SEED_IDS.northwindUser, setId, 62, 'notReady'),
    readyAt,
    kind: 'user',
    fields: {
      createUnmatchedUsers: false,
      managementOptions: {
        additionalAttributes: ['userGradeLevel'],
        additionalOptions: {
          markAllStudentsAsMinors: false,
          allowStudentContactAssociation: false,
          studentAgeGroup: 'notAdult',
        },
      },
      creationOptions: {
        configurations: [
          {
            roleGroupId: 'students',
            licenseSkus: ['STANDARDWOFFPACK_STUDENT'],
            defaultPasswordSettings: null,
          },
        ],
      },
    },
  };
  return [user, classGroupFlow(meta(SEED_IDS.northwindClassGroup, setId, 63, 'disabled'), false)];
}

function fabrikamFlows(setId: string): StoredFlow[] {
  return [
    classGroupFlow(meta(SEED_IDS.fabrikamClassGroup, setId, 121, 'ready'), true),
    {
      ...meta(SEED_IDS.fabrikamSecurityGroup, setId, 122, 'expired'),
      kind: 'securityGroup',
      fields: {
        creationOptions: { createBasedOnRoleGroup: false, createBasedOnOrgPlusRoleGroup: true },
      },
    },
  ];
}

/** Initial state: role groups always; the sample district only when `withSampleData`. */
export function initialState(withSampleData: boolean, readyDelayMs: number): EmulatorState {
  const state: EmulatorState = {
    version: 1,
    roleGroups: defaultRoleGroups(),
    flowSets: [],
    flows: [],
  };
  if (!withSampleData) return state;
  state.flowSets = [
    flowSet(SEED_IDS.allSchools, 0, 'Contoso District – All schools', null),
    flowSet(SEED_IDS.northwind, 60, 'Northwind High School', ['NHS-0042']),
    flowSet(SEED_IDS.fabrikamPilot, 120, 'Fabrikam Elementary pilot', [
      'FAB-ELEM-01',
      'FAB-ELEM-02',
    ]),
  ];
  const readyAt = timestampAt(Date.now() + readyDelayMs);
  state.flows = [
    ...allSchoolsFlows(SEED_IDS.allSchools),
    ...northwindFlows(SEED_IDS.northwind, readyAt),
    ...fabrikamFlows(SEED_IDS.fabrikamPilot),
  ];
  return state;
}
