/** One valid create body per flow kind, for tests. */
import type { FlowCreateInput } from '../../src/domain/flowInputs';
import type { FlowKind } from '../../src/domain/flowSchemas';

export const FLOW_INPUTS: Record<FlowKind, FlowCreateInput> = {
  user: {
    kind: 'user',
    createUnmatchedUsers: true,
    managementOptions: {
      additionalAttributes: ['userGradeLevel'],
      additionalOptions: { studentAgeGroup: 'minor', allowStudentContactAssociation: false },
    },
    creationOptions: {
      configurations: [
        { roleGroupId: 'staff', defaultPassword: 'Secret-123!', licenseSkus: ['Sku1'] },
      ],
    },
  },
  classGroup: {
    kind: 'classGroup',
    configuration: {
      additionalAttributes: ['courseTitle'],
      additionalOptions: { createTeam: true, writeDisplayNameOnCreateOnly: false },
      enrollmentMappings: { ownerCodes: ['teacher'], memberCodes: ['student'] },
    },
  },
  securityGroup: {
    kind: 'securityGroup',
    creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false },
  },
  administrativeUnit: {
    kind: 'administrativeUnit',
    creationOptions: { createBasedOnOrg: true, createBasedOnOrgPlusRoleGroup: true },
  },
};
