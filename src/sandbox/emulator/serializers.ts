/**
 * Response shapes exactly as the examples show them (docs/graph-notes.md#response-shapes): property order, context
 * URLs (always Graph's lower-case `outboundProvisioningFlowSets`, whatever casing the request
 * used), `@odata.type` on flows but not on flow sets, `#…basicFilter` and
 * `#…simplePasswordSettings` on the only nested values that carry a type, masked passwords,
 * and the role group inline on user-flow GET/list but not in the POST response.
 */
import { FLOW_ODATA_TYPES, NS } from '../../domain/flowSchemas';
import { effectiveReadiness } from './readiness';
import type {
  StoredFlow,
  StoredFlowSet,
  StoredRoleGroup,
  StoredUserConfiguration,
} from './stateSchema';
import type { RoleGroupLookup } from './userFlowRules';

const METADATA = 'https://graph.microsoft.com/beta/$metadata#external/industryData';
/** Every response example masks passwords with exactly 15 asterisks (docs/graph-notes.md#password-masking). */
export const MASKED_PASSWORD = '***************';

export const contextUrls = {
  flowSets: `${METADATA}/outboundProvisioningFlowSets`,
  flowSet: `${METADATA}/outboundProvisioningFlowSets/$entity`,
  flows: (setId: string) =>
    `${METADATA}/outboundProvisioningFlowSets('${setId}')/provisioningFlows`,
  flow: (setId: string) =>
    `${METADATA}/outboundProvisioningFlowSets('${setId}')/provisioningFlows/$entity`,
  configurationRoleGroup: (setId: string, flowId: string) =>
    `${METADATA}/outboundProvisioningFlowSets('${setId}')/provisioningFlows('${flowId}')/microsoft.graph.industryData.userProvisioningFlow/creationOptions/configurations/roleGroup/$entity`,
};

type Json = Record<string, unknown>;
const withContext = (context: string | undefined, body: Json): Json =>
  context === undefined ? body : { '@odata.context': context, ...body };

export function serializeFlowSet(set: StoredFlowSet, context?: string): Json {
  return withContext(context, {
    id: set.id,
    createdDateTime: set.createdDateTime,
    lastModifiedDateTime: set.lastModifiedDateTime,
    displayName: set.displayName,
    filter: set.filter && {
      '@odata.type': `${NS}.basicFilter`,
      attribute: set.filter.attribute,
      in: [...set.filter.in],
    },
  });
}

/** List/get order is displayName, id, roles (examples 24/25); embedded order is id first (06). */
export function serializeRoleGroup(group: StoredRoleGroup, embedded = false): Json {
  const roles = group.roles.map((r) => ({ code: r.code }));
  return embedded
    ? { id: group.id, displayName: group.displayName, roles }
    : { displayName: group.displayName, id: group.id, roles };
}

export interface FlowView {
  context?: string;
  /** GET/list put the full role group inline (docs/graph-notes.md#response-shapes); the POST response does not. */
  inlineRoleGroups: boolean;
  findRoleGroup: RoleGroupLookup;
  nowMs: number;
}

function serializeConfiguration(
  flow: StoredFlow,
  c: StoredUserConfiguration,
  view: FlowView,
): Json {
  const out: Json = {
    licenseSkus: [...c.licenseSkus],
    defaultPasswordSettings: c.defaultPasswordSettings && {
      '@odata.type': `${NS}.simplePasswordSettings`,
      password: MASKED_PASSWORD,
    },
  };
  const group = view.inlineRoleGroups ? view.findRoleGroup(c.roleGroupId) : undefined;
  if (group) {
    out['roleGroup@odata.context'] = contextUrls.configurationRoleGroup(flow.setId, flow.id);
    out.roleGroup = serializeRoleGroup(group, true);
  }
  return out;
}

type FlowOf<K extends StoredFlow['kind']> = Extract<StoredFlow, { kind: K }>;
const codes = (refs: Array<{ code: string }>) => refs.map((r) => ({ code: r.code }));

function userFlowProperties(flow: FlowOf<'user'>, view: FlowView): Json {
  const { createUnmatchedUsers, managementOptions, creationOptions } = flow.fields;
  const options = managementOptions.additionalOptions;
  // Order as in examples 06/10; studentAgeGroup only once set (2024-era flows lack it).
  const additionalOptions: Json = {
    markAllStudentsAsMinors: options.markAllStudentsAsMinors,
    allowStudentContactAssociation: options.allowStudentContactAssociation,
  };
  if (options.studentAgeGroup !== undefined) {
    additionalOptions.studentAgeGroup = options.studentAgeGroup;
  }
  return {
    createUnmatchedUsers,
    managementOptions: {
      additionalAttributes: [...managementOptions.additionalAttributes],
      additionalOptions,
    },
    creationOptions: creationOptions && {
      configurations: creationOptions.configurations.map((c) =>
        serializeConfiguration(flow, c, view),
      ),
    },
  };
}

function classGroupProperties(flow: FlowOf<'classGroup'>): Json {
  const { additionalAttributes, additionalOptions, enrollmentMappings } = flow.fields.configuration;
  return {
    configuration: {
      additionalAttributes: [...additionalAttributes],
      additionalOptions: {
        createTeam: additionalOptions.createTeam,
        writeDisplayNameOnCreateOnly: additionalOptions.writeDisplayNameOnCreateOnly,
      },
      enrollmentMappings: {
        ownerEnrollmentMappings: codes(enrollmentMappings.ownerEnrollmentMappings),
        memberEnrollmentMappings: codes(enrollmentMappings.memberEnrollmentMappings),
      },
    },
  };
}

function typeSpecific(flow: StoredFlow, view: FlowView): Json {
  switch (flow.kind) {
    case 'user':
      return userFlowProperties(flow, view);
    case 'classGroup':
      return classGroupProperties(flow);
    case 'securityGroup': {
      const { createBasedOnRoleGroup, createBasedOnOrgPlusRoleGroup } = flow.fields.creationOptions;
      return { creationOptions: { createBasedOnRoleGroup, createBasedOnOrgPlusRoleGroup } };
    }
    case 'administrativeUnit': {
      const { createBasedOnOrg, createBasedOnOrgPlusRoleGroup } = flow.fields.creationOptions;
      return { creationOptions: { createBasedOnOrg, createBasedOnOrgPlusRoleGroup } };
    }
  }
}

export function serializeFlow(flow: StoredFlow, view: FlowView): Json {
  return withContext(view.context, {
    '@odata.type': FLOW_ODATA_TYPES[flow.kind],
    id: flow.id,
    createdDateTime: flow.createdDateTime,
    lastModifiedDateTime: flow.lastModifiedDateTime,
    readinessStatus: effectiveReadiness(flow, view.nowMs),
    ...typeSpecific(flow, view),
  });
}
