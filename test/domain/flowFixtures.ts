/** Small flow objects for the domain tests, parsed with the real schemas. */
import {
  FLOW_ODATA_TYPES,
  FlowSet,
  ProvisioningFlow,
  type FlowKind,
} from '../../src/domain/flowSchemas';

const BODIES: Record<FlowKind, object> = {
  user: {
    managementOptions: { additionalOptions: {} },
  },
  classGroup: {
    configuration: {
      additionalOptions: { createTeam: true, writeDisplayNameOnCreateOnly: false },
      enrollmentMappings: {},
    },
  },
  securityGroup: {
    creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false },
  },
  administrativeUnit: {
    creationOptions: { createBasedOnOrg: false, createBasedOnOrgPlusRoleGroup: true },
  },
};

let counter = 0;

export function flow(kind: FlowKind, readinessStatus: string | null, extra: object = {}) {
  return ProvisioningFlow.parse({
    id: `flow-${++counter}`,
    '@odata.type': FLOW_ODATA_TYPES[kind],
    readinessStatus,
    ...BODIES[kind],
    ...extra,
  });
}

export function flowSet(id: string, displayName: string, orgs: string[] | null = null) {
  return FlowSet.parse({
    id,
    displayName,
    filter: orgs && { attribute: 'orgExternalId', in: orgs },
    lastModifiedDateTime: '2026-01-02T03:04:05.0000000Z',
  });
}
