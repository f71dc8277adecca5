/**
 * Compiles the Graph answer schemas before the server listens (called from app/startApp.ts next
 * to the card templates): zod builds a parser for a schema object on its first parse, and the
 * first `list` after start parsed a page of flow sets, ten pages of flows (every flow type) and
 * the error body for the first time — tens of milliseconds on a user's first command.
 * The samples are shaped like Graph's answers (docs/graph-notes.md); the results are discarded.
 */
import { FlowSet, GraphErrorBody, NS, ProvisioningFlow, RoleGroup } from '../domain/flowSchemas';
import { pageOf } from './read';

const at = '2026-01-01T00:00:00Z';
const dates = { createdDateTime: at, lastModifiedDateTime: at };

const SAMPLE_SET = {
  id: 'warm-up-set',
  displayName: 'Warm-up',
  filter: { '@odata.type': `${NS}.basicFilter`, attribute: 'orgExternalId', in: ['X'] },
  ...dates,
};
const SAMPLE_ROLE_GROUP = {
  id: 'warm-up-role-group',
  displayName: 'Staff',
  roles: [{ code: 'teacher' }],
};
const SAMPLE_FLOWS = [
  {
    '@odata.type': `${NS}.userProvisioningFlow`,
    id: 'warm-up-user',
    readinessStatus: 'ready',
    ...dates,
    createUnmatchedUsers: true,
    creationOptions: {
      configurations: [
        {
          defaultPasswordSettings: {
            '@odata.type': `${NS}.simplePasswordSettings`,
            password: null,
          },
          licenseSkus: ['sku'],
          roleGroup: SAMPLE_ROLE_GROUP,
        },
      ],
    },
    managementOptions: {
      additionalAttributes: ['userGradeLevel'],
      additionalOptions: { allowStudentContactAssociation: false, studentAgeGroup: 'minor' },
    },
  },
  {
    '@odata.type': `${NS}.classGroupProvisioningFlow`,
    id: 'warm-up-class',
    readinessStatus: 'notReady',
    ...dates,
    configuration: {
      additionalAttributes: [],
      additionalOptions: { createTeam: true, writeDisplayNameOnCreateOnly: false },
      enrollmentMappings: {
        ownerEnrollmentMappings: [{ code: 'teacher' }],
        memberEnrollmentMappings: [{ code: 'student' }],
      },
    },
  },
  {
    '@odata.type': `${NS}.securityGroupProvisioningFlow`,
    id: 'warm-up-security',
    readinessStatus: 'failed',
    creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false },
  },
  {
    '@odata.type': `${NS}.administrativeUnitProvisioningFlow`,
    id: 'warm-up-au',
    readinessStatus: 'expired',
    creationOptions: { createBasedOnOrg: true, createBasedOnOrgPlusRoleGroup: false },
  },
  { '@odata.type': `${NS}.someFutureProvisioningFlow`, id: 'warm-up-unknown' },
];

/**
 * Parses one representative answer per Graph schema (single objects, pages, the error body).
 * Returns how many samples did not parse (0; a test keeps the samples in step with the schemas).
 */
export function warmUpGraphSchemas(): number {
  const results = [
    FlowSet.safeParse(SAMPLE_SET),
    RoleGroup.safeParse(SAMPLE_ROLE_GROUP),
    ...SAMPLE_FLOWS.map((flow) => ProvisioningFlow.safeParse(flow)),
    pageOf(FlowSet).safeParse({
      value: [SAMPLE_SET],
      '@odata.nextLink': 'https://x/?$skiptoken=1',
    }),
    pageOf(ProvisioningFlow).safeParse({ value: SAMPLE_FLOWS }),
    pageOf(RoleGroup).safeParse({ value: [SAMPLE_ROLE_GROUP] }),
    GraphErrorBody.safeParse({ error: { code: 'x', message: 'x', innerError: { date: at } } }),
  ];
  return results.filter((r) => !r.success).length;
}
