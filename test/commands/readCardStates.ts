/**
 * Test states for the read commands' card templates (flowset-list, status, flowset, which-one,
 * rolegroups), rendered through their real view-models with worst-case data. Used by
 * cardPayloads.test.ts; shaped like test/cards/cardStates.ts VIEW_MODEL_STATES so that file can
 * spread it in.
 */
import { flowSetCard } from '../../src/views/flowSetCard';
import { flowSetListCard } from '../../src/views/flowSetListCard';
import type { AdaptiveCard } from '../../src/views/render';
import { roleGroupsCard } from '../../src/views/roleGroupsCard';
import { statusCard } from '../../src/views/statusCard';
import { noSuchFlowSetCard, whichOneCard } from '../../src/views/whichOneCard';
import { pageOf } from '../../src/domain/paging';
import { readinessOverview } from '../../src/domain/readinessOverview';
import { LIST_PAGE_SIZE } from '../../src/commands/list';
import { STATUS_PAGE_SIZE } from '../../src/commands/status';
import {
  ADDITIONAL_CLASS_GROUP_ATTRIBUTES,
  FLOW_ODATA_TYPES,
  FlowSet,
  ProvisioningFlow,
  RoleGroup,
  SECTION_ROLE_CODES,
} from '../../src/domain/flowSchemas';
import { STAFF_ROLE_CODES } from '../../src/sandbox/emulator/referenceData';

const SET_COUNT = 50;
const guid = (n: number) =>
  `${String(n).padStart(8, '0')}-aaaa-4bbb-8ccc-${String(n).padStart(12, '0')}`;
const stamp = '2026-11-22T10:00:00.1234567Z';

function worstSet(n: number, orgCount = 40) {
  return FlowSet.parse({
    id: guid(n),
    displayName: `Contoso Unified School District – Region ${n} – Secondary schools and academies`,
    filter: {
      attribute: 'orgExternalId',
      in: Array.from({ length: orgCount }, (_, i) => `ORG-EXT-${n}-${String(i).padStart(5, '0')}`),
    },
    createdDateTime: stamp,
    lastModifiedDateTime: stamp,
  });
}

function worstFlows(n: number) {
  const meta = (k: number, readinessStatus: string) => ({
    id: guid(n * 10 + k),
    createdDateTime: stamp,
    lastModifiedDateTime: stamp,
    readinessStatus,
  });
  const skus = [
    'M365EDU_A3_FACULTY',
    'M365EDU_A5_FACULTY',
    'POWER_BI_PRO_FACULTY',
    'EMS_EDU',
    'TEAMS_EDU',
  ];
  const roleGroup = (id: string) => ({
    id,
    displayName: id,
    roles: STAFF_ROLE_CODES.map((code) => ({ code })),
  });
  const codes = SECTION_ROLE_CODES.map((code) => ({ code }));
  return [
    {
      ...meta(1, 'failed'),
      '@odata.type': FLOW_ODATA_TYPES.user,
      createUnmatchedUsers: true,
      creationOptions: {
        configurations: ['staff', 'students'].map((id) => ({
          roleGroup: roleGroup(id),
          licenseSkus: skus,
          defaultPasswordSettings: { password: '***************' },
        })),
      },
      managementOptions: {
        additionalAttributes: ['userGradeLevel', 'userNumber'],
        additionalOptions: { allowStudentContactAssociation: true, studentAgeGroup: 'notAdult' },
      },
    },
    {
      ...meta(2, 'expired'),
      '@odata.type': FLOW_ODATA_TYPES.classGroup,
      configuration: {
        additionalAttributes: [...ADDITIONAL_CLASS_GROUP_ATTRIBUTES],
        additionalOptions: { createTeam: true, writeDisplayNameOnCreateOnly: false },
        enrollmentMappings: { ownerEnrollmentMappings: codes, memberEnrollmentMappings: codes },
      },
    },
    {
      ...meta(3, 'disabled'),
      '@odata.type': FLOW_ODATA_TYPES.securityGroup,
      creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: true },
    },
    {
      ...meta(4, 'notReady'),
      '@odata.type': FLOW_ODATA_TYPES.administrativeUnit,
      creationOptions: { createBasedOnOrg: true, createBasedOnOrgPlusRoleGroup: true },
    },
  ].map((f) => ProvisioningFlow.parse(f));
}

const all = Array.from({ length: SET_COUNT }, (_, i) => ({
  set: worstSet(i + 1),
  flows: worstFlows(i + 1),
}));
const overview = readinessOverview(all);
const pages = (size: number) =>
  Array.from({ length: Math.ceil(SET_COUNT / size) }, (_, i) => i + 1);

type CardStates = Record<string, () => AdaptiveCard>;

/**
 * Worst-case states of the read-command templates, keyed by template name: 50 flow sets with
 * long names and 40 schools each, every flow type fully configured and not ready.
 */
export const READ_COMMAND_CARD_STATES: Record<string, CardStates> = {
  'flowset-list': {
    ...Object.fromEntries(
      pages(LIST_PAGE_SIZE).map((p) => [
        `50 sets, page ${p}`,
        () => flowSetListCard(pageOf(all, p, LIST_PAGE_SIZE)),
      ]),
    ),
    'no sets': () => flowSetListCard(pageOf([], 1, LIST_PAGE_SIZE)),
  },
  status: {
    ...Object.fromEntries(
      pages(STATUS_PAGE_SIZE).map((p) => [
        `50 sets needing attention, page ${p}`,
        () => statusCard(overview, pageOf(overview.needingAttention, p, STATUS_PAGE_SIZE)),
      ]),
    ),
    'all ready': () =>
      statusCard(
        readinessOverview(
          all.map(({ set, flows }) => ({
            set,
            flows: flows.map((f) => ({ ...f, readinessStatus: 'ready' })),
          })),
        ),
        pageOf([], 1, STATUS_PAGE_SIZE),
      ),
    'sets without flows': () =>
      statusCard(
        readinessOverview([{ set: worstSet(1), flows: [] }]),
        pageOf([], 1, STATUS_PAGE_SIZE),
      ),
    'no sets': () => statusCard(readinessOverview([]), pageOf([], 1, STATUS_PAGE_SIZE)),
  },
  flowset: {
    '4 full flows and 2000 schools': () => flowSetCard(worstSet(1, 2000), worstFlows(1)),
    'no flows': () => flowSetCard(worstSet(2), []),
  },
  'which-one': {
    '50 candidates': () =>
      whichOneCard(
        'Contoso',
        all.map((a) => a.set),
      ),
    'did you mean, 3 suggestions': () =>
      noSuchFlowSetCard(
        'Contso',
        all.slice(0, 3).map((a) => a.set),
      ),
    'no suggestions': () => noSuchFlowSetCard('x'.repeat(200), []),
  },
  rolegroups: {
    '10 groups of 29 roles': () =>
      roleGroupsCard(
        Array.from({ length: 10 }, (_, i) =>
          RoleGroup.parse({
            id: `group-${i}`,
            displayName: `Group ${i}`,
            roles: STAFF_ROLE_CODES.map((code) => ({ code })),
          }),
        ),
      ),
    'no groups': () => roleGroupsCard([]),
  },
};

/** A flow set whose user flow holds a (masked) password, for the no-password check. */
export const cardWithPassword = (): AdaptiveCard => flowSetCard(worstSet(1), worstFlows(1));
