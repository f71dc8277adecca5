/**
 * Inputs of the form tests: the documented Graph examples (sets 01, flows 06, role groups 24),
 * plus the edge states a form must handle (deprecated flag only, unlisted role group).
 */
import {
  FlowSet,
  flowKindOf,
  KnownProvisioningFlow,
  page,
  RoleGroup,
  type FlowKind,
  type UserProvisioningFlow,
} from '../../src/domain/flowSchemas';
import { graphDocBody } from '../support/graphDocs';

const body = graphDocBody;

export const SETS = page(FlowSet).parse(
  body('01-list-outboundprovisioningflowsets-response.json'),
).value;
export const ROLE_GROUPS = page(RoleGroup).parse(body('24-list-rolegroups-response.json')).value;

const flows = page(KnownProvisioningFlow).parse(
  body('06-list-provisioningflows-response.json'),
).value;

/** The documented flow of each kind (example 06). */
export const DOC_FLOWS = Object.fromEntries(flows.map((f) => [flowKindOf(f), f])) as {
  [K in FlowKind]: KnownProvisioningFlow;
};

export const DOC_USER_FLOW = DOC_FLOWS.user as UserProvisioningFlow;

/** A user flow that relies on the deprecated flag alone (docs/graph-notes.md#age-group). */
export const LEGACY_USER_FLOW: UserProvisioningFlow = {
  ...DOC_USER_FLOW,
  managementOptions: {
    additionalAttributes: ['userGradeLevel'],
    additionalOptions: { markAllStudentsAsMinors: true, allowStudentContactAssociation: true },
  },
};

/** A user flow whose only configuration targets a role group the live list no longer has. */
export const UNLISTED_GROUP_FLOW: UserProvisioningFlow = {
  ...DOC_USER_FLOW,
  creationOptions: {
    configurations: [
      {
        licenseSkus: ['OLD_SKU'],
        roleGroup: { id: 'alumni', displayName: 'Alumni', roles: [] },
      },
    ],
  },
};

export const SET = SETS[0]!;
export const FORM_BASE = {
  setId: SET.id,
  setName: SET.displayName,
  version: SET.lastModifiedDateTime ?? '',
  roleGroups: ROLE_GROUPS,
};
