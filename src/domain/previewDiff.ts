/**
 * The diffs a preview card shows: the stored object (as Graph returned it) against the proposed
 * request body. The stored object is first brought into the body's shape (bodies.ts), so the
 * same labels apply to both sides.
 */
import type { FlowCreateInput, FlowSetCreateInput } from './flowInputs';
import type { FlowSet, KnownProvisioningFlow } from './flowSchemas';
import { diffFields, type FieldChange } from './diff';
import { FLOW_LABELS, FLOW_SET_LABELS } from './fieldLabels';

type Shape = Record<string, unknown>;

/** A stored flow set in the shape of FlowSetCreateInput (for diffing only). */
export function flowSetShape(set: FlowSet): Shape {
  return {
    displayName: set.displayName,
    filter: set.filter ? { attribute: set.filter.attribute, in: set.filter.in } : null,
  };
}

/** `…/roleGroups/staff` → `staff`. */
const roleGroupIdOf = (config: { roleGroup?: { id: string }; 'roleGroup@odata.bind'?: string }) =>
  config.roleGroup?.id ?? config['roleGroup@odata.bind']?.split('/').pop();

/**
 * A stored flow in the shape of FlowCreateInput (for diffing only). Values this version does not
 * know (Graph's evolvable enums) are kept so the diff shows them; passwords are left out because
 * Graph only ever returns them masked (docs/graph-notes.md#password-masking).
 */
export function flowShape(flow: KnownProvisioningFlow): Shape {
  switch (flow['@odata.type']) {
    case '#microsoft.graph.industryData.userProvisioningFlow': {
      const { additionalAttributes, additionalOptions } = flow.managementOptions;
      const configurations = flow.creationOptions?.configurations;
      return {
        kind: 'user',
        createUnmatchedUsers: flow.createUnmatchedUsers,
        managementOptions: {
          additionalAttributes,
          additionalOptions: {
            allowStudentContactAssociation: additionalOptions.allowStudentContactAssociation,
            studentAgeGroup: additionalOptions.studentAgeGroup,
          },
        },
        creationOptions: configurations && {
          configurations: configurations.map((c) => ({
            roleGroupId: roleGroupIdOf(c),
            licenseSkus: c.licenseSkus,
          })),
        },
      };
    }
    case '#microsoft.graph.industryData.classGroupProvisioningFlow': {
      const { additionalAttributes, additionalOptions, enrollmentMappings } = flow.configuration;
      const codes = (refs?: Array<{ code?: string | null }> | null) =>
        (refs ?? []).map((r) => r.code).filter((c): c is string => !!c);
      return {
        kind: 'classGroup',
        configuration: {
          additionalAttributes,
          additionalOptions: {
            createTeam: additionalOptions.createTeam,
            writeDisplayNameOnCreateOnly: additionalOptions.writeDisplayNameOnCreateOnly,
          },
          enrollmentMappings: {
            ownerCodes: codes(enrollmentMappings.ownerEnrollmentMappings),
            memberCodes: codes(enrollmentMappings.memberEnrollmentMappings),
          },
        },
      };
    }
    case '#microsoft.graph.industryData.securityGroupProvisioningFlow': {
      const { createBasedOnRoleGroup, createBasedOnOrgPlusRoleGroup } = flow.creationOptions;
      return {
        kind: 'securityGroup',
        creationOptions: { createBasedOnRoleGroup, createBasedOnOrgPlusRoleGroup },
      };
    }
    case '#microsoft.graph.industryData.administrativeUnitProvisioningFlow': {
      const { createBasedOnOrg, createBasedOnOrgPlusRoleGroup } = flow.creationOptions;
      return {
        kind: 'administrativeUnit',
        creationOptions: { createBasedOnOrg, createBasedOnOrgPlusRoleGroup },
      };
    }
  }
}

/** Rows for a flow-set create (current null) or edit. */
export function diffFlowSet(current: FlowSet | null, proposed: FlowSetCreateInput): FieldChange[] {
  return diffFields(current && flowSetShape(current), proposed, FLOW_SET_LABELS);
}

/** Rows for a flow create (current null) or edit; the kind comes from the proposed body. */
export function diffFlow(
  current: KnownProvisioningFlow | null,
  proposed: FlowCreateInput,
): FieldChange[] {
  return diffFields(current && flowShape(current), proposed, FLOW_LABELS[proposed.kind]);
}
