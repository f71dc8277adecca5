/**
 * Plain-language labels for every field of the request bodies (src/domain/flowInputs.ts), as the SDS
 * portal and an IT admin would call them.
 * Patterns follow diff.ts: dot paths, `[]` for array items.
 */
import type { FlowKind } from './flowSchemas';
import type { FieldLabels } from './diff';

export const FLOW_SET_LABELS: FieldLabels = {
  displayName: 'Flow set name',
  filter: { label: 'Schools', unset: 'All organisations (no filter)' },
  // Only one filter attribute exists (orgExternalId, docs/graph-notes.md#filters): nothing to show.
  'filter.attribute': { label: 'Filter attribute', hidden: true },
  'filter.in': { label: 'Schools (organization external ids)', compare: 'set' },
};

const USER_ATTRIBUTES = { userGradeLevel: 'Grade level', userNumber: 'User number' };
const CLASS_ATTRIBUTES = {
  courseTitle: 'Course title',
  courseCode: 'Course code',
  courseSubject: 'Course subject',
  courseGradeLevel: 'Course grade level',
  courseExternalId: 'Course external id',
  academicSessionTitle: 'Academic session title',
  academicSessionExternalId: 'Academic session external id',
  classCode: 'Class code',
};
const AGE_GROUPS = { minor: 'Minor', notAdult: 'Not adult', adult: 'Adult' };

const kind = { label: 'Flow type', hidden: true } as const;

export const FLOW_LABELS: Record<FlowKind, FieldLabels> = {
  user: {
    kind,
    createUnmatchedUsers: 'Create unmatched users',
    'managementOptions.additionalAttributes': {
      label: 'Extra user attributes',
      values: USER_ATTRIBUTES,
    },
    'managementOptions.additionalOptions.allowStudentContactAssociation':
      'Allow student–contact association',
    'managementOptions.additionalOptions.studentAgeGroup': {
      label: 'Student age group',
      // docs/graph-notes.md#types: null disables age-group enforcement.
      unset: 'Not set (no age-group enforcement)',
      values: AGE_GROUPS,
    },
    'managementOptions.additionalOptions.markAllStudentsAsMinors':
      'Mark all students as minors (deprecated)',
    'creationOptions.configurations': { label: 'Role group', key: 'roleGroupId' },
    // The item's prefix names the group ("Role group staff: "): this row says whether it creates accounts.
    'creationOptions.configurations[].roleGroupId': {
      label: 'Creates accounts',
      present: 'Yes',
      unset: 'No',
    },
    'creationOptions.configurations[].defaultPassword': 'Initial password',
    'creationOptions.configurations[].licenseSkus': { label: 'License SKUs', compare: 'set' },
  },
  classGroup: {
    kind,
    'configuration.additionalAttributes': {
      label: 'Extra class attributes',
      values: CLASS_ATTRIBUTES,
    },
    'configuration.additionalOptions.createTeam': 'Create a Team for each class',
    'configuration.additionalOptions.writeDisplayNameOnCreateOnly':
      'Set the group name only when it is created',
    'configuration.enrollmentMappings.ownerCodes': {
      label: 'Owner enrollment roles',
      compare: 'set',
      ignoreCase: true,
      humanizeValues: true,
    },
    'configuration.enrollmentMappings.memberCodes': {
      label: 'Member enrollment roles',
      compare: 'set',
      ignoreCase: true,
      humanizeValues: true,
    },
  },
  securityGroup: {
    kind,
    'creationOptions.createBasedOnRoleGroup': 'Security group for each role group',
    'creationOptions.createBasedOnOrgPlusRoleGroup':
      'Security group for each school and role group',
  },
  administrativeUnit: {
    kind,
    'creationOptions.createBasedOnOrg': 'Administrative unit for each school',
    'creationOptions.createBasedOnOrgPlusRoleGroup':
      'Administrative unit for each school and role group',
  },
};

/** "user" → "user", "classGroup" → "class group": flow kinds in running text. */
export const FLOW_KIND_NAMES: Record<FlowKind, string> = {
  user: 'user',
  classGroup: 'class group',
  securityGroup: 'security group',
  administrativeUnit: 'administrative unit',
};
