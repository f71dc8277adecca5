/**
 * The key settings of one flow as title/value facts for the detail card. Pure. Passwords are
 * never shown: Graph masks them anyway (docs/graph-notes.md#types), and a card is no place for one.
 */
import {
  AdministrativeUnitProvisioningFlow,
  ClassGroupProvisioningFlow,
  SecurityGroupProvisioningFlow,
  UserProvisioningFlow,
  type ProvisioningFlow,
  type UserConfiguration,
} from './flowSchemas';
import { humanise, listOrNone } from './flowSummary';

export interface Fact {
  title: string;
  value: string;
}

const yesNo = (value: boolean | null | undefined, unset = 'Not set'): string =>
  value === true ? 'Yes' : value === false ? 'No' : unset;

const AGE_GROUPS: Record<string, string> = {
  minor: 'Minor',
  notAdult: 'Not adult',
  adult: 'Adult',
};

function roleGroupName(config: UserConfiguration): string {
  if (config.roleGroup?.displayName) return config.roleGroup.displayName;
  const bound = config['roleGroup@odata.bind']?.split('/').pop();
  return bound ? decodeURIComponent(bound) : 'Unknown role group';
}

function ageGroup(options: UserProvisioningFlow['managementOptions']['additionalOptions']): string {
  const group = options.studentAgeGroup;
  if (group) return AGE_GROUPS[group] ?? humanise(group);
  // markAllStudentsAsMinors is deprecated (docs/graph-notes.md#types) but older sets may only have it.
  if (options.markAllStudentsAsMinors === true) return 'All students are minors (older setting)';
  return 'Not set (no age-group enforcement)';
}

function userFacts(flow: UserProvisioningFlow): Fact[] {
  const options = flow.managementOptions.additionalOptions;
  const configurations = flow.creationOptions?.configurations ?? [];
  return [
    { title: 'Create unmatched users', value: yesNo(flow.createUnmatchedUsers) },
    ...configurations.map((c) => ({
      title: `${roleGroupName(c)} licences`,
      value: listOrNone(c.licenseSkus),
    })),
    {
      title: 'Additional attributes',
      value: listOrNone(flow.managementOptions.additionalAttributes?.map(humanise)),
    },
    { title: 'Student age group', value: ageGroup(options) },
    {
      title: 'Student–contact association',
      value: yesNo(options.allowStudentContactAssociation),
    },
  ];
}

function classGroupFacts(flow: ClassGroupProvisioningFlow): Fact[] {
  const { additionalAttributes, additionalOptions, enrollmentMappings } = flow.configuration;
  // Role codes are reference-definition codes (docs/graph-notes.md#types): shown as Graph spells them.
  const codes = (refs: Array<{ code?: string | null }> | null | undefined) =>
    listOrNone(refs?.map((r) => r.code));
  return [
    { title: 'Create a team', value: yesNo(additionalOptions.createTeam) },
    {
      title: 'Display name',
      value: additionalOptions.writeDisplayNameOnCreateOnly
        ? 'Written on creation only'
        : 'Kept in sync',
    },
    { title: 'Additional attributes', value: listOrNone(additionalAttributes?.map(humanise)) },
    { title: 'Owners', value: codes(enrollmentMappings.ownerEnrollmentMappings) },
    { title: 'Members', value: codes(enrollmentMappings.memberEnrollmentMappings) },
  ];
}

function securityGroupFacts(flow: SecurityGroupProvisioningFlow): Fact[] {
  const o = flow.creationOptions;
  return [
    { title: 'Group per role group', value: yesNo(o.createBasedOnRoleGroup) },
    { title: 'Group per school + role group', value: yesNo(o.createBasedOnOrgPlusRoleGroup) },
  ];
}

function adminUnitFacts(flow: AdministrativeUnitProvisioningFlow): Fact[] {
  const o = flow.creationOptions;
  return [
    { title: 'Unit per school', value: yesNo(o.createBasedOnOrg) },
    { title: 'Unit per school + role group', value: yesNo(o.createBasedOnOrgPlusRoleGroup) },
  ];
}

/**
 * The flow's settings. Each type is re-checked with its own schema: the flow union falls back to
 * "unknown" for a known @odata.type whose body lacks required parts, and that must not crash.
 */
export function flowSettingFacts(flow: ProvisioningFlow): Fact[] {
  const user = UserProvisioningFlow.safeParse(flow);
  if (user.success) return userFacts(user.data);
  const classGroup = ClassGroupProvisioningFlow.safeParse(flow);
  if (classGroup.success) return classGroupFacts(classGroup.data);
  const securityGroup = SecurityGroupProvisioningFlow.safeParse(flow);
  if (securityGroup.success) return securityGroupFacts(securityGroup.data);
  const adminUnit = AdministrativeUnitProvisioningFlow.safeParse(flow);
  if (adminUnit.success) return adminUnitFacts(adminUnit.data);
  const type = flow['@odata.type'];
  return [
    {
      title: 'Type',
      value: `${typeof type === 'string' ? type.replace(/^#/, '') : 'unknown'} (settings not shown by this version)`,
    },
  ];
}
