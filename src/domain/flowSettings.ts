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
import { FLOW_LABELS } from './fieldLabels';
import { formatValue, type FieldSpec } from './fieldFormat';
import type { FlowKind } from './flowSchemas';

/** The field's label and value words from fieldLabels.ts: the same words as form and preview. */
const specOf = (kind: FlowKind, path: string): FieldSpec => {
  const spec = FLOW_LABELS[kind][path];
  return typeof spec === 'string' ? { label: spec } : (spec ?? { label: humanise(path) });
};
const titleOf = (kind: FlowKind, path: string) => specOf(kind, path).label;
/** A list of codes in the words of their field ("None" when empty). */
const wordsOf = (
  kind: FlowKind,
  path: string,
  codes: Array<string | null | undefined> | null | undefined,
) =>
  listOrNone(codes?.filter((c): c is string => !!c).map((c) => formatValue(c, specOf(kind, path))));

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
  const o = 'managementOptions.additionalOptions';
  return [
    { title: titleOf('user', 'createUnmatchedUsers'), value: yesNo(flow.createUnmatchedUsers) },
    ...configurations.map((c) => ({
      title: `${roleGroupName(c)} licences`,
      value: listOrNone(c.licenseSkus),
    })),
    {
      title: titleOf('user', 'managementOptions.additionalAttributes'),
      value: wordsOf(
        'user',
        'managementOptions.additionalAttributes',
        flow.managementOptions.additionalAttributes,
      ),
    },
    { title: titleOf('user', `${o}.studentAgeGroup`), value: ageGroup(options) },
    {
      title: titleOf('user', `${o}.allowStudentContactAssociation`),
      value: yesNo(options.allowStudentContactAssociation),
    },
  ];
}

function classGroupFacts(flow: ClassGroupProvisioningFlow): Fact[] {
  const { additionalAttributes, additionalOptions, enrollmentMappings } = flow.configuration;
  const c = 'configuration';
  const codes = (path: string, refs: Array<{ code?: string | null }> | null | undefined) =>
    wordsOf(
      'classGroup',
      path,
      refs?.map((r) => r.code),
    );
  return [
    {
      title: titleOf('classGroup', `${c}.additionalOptions.createTeam`),
      value: yesNo(additionalOptions.createTeam),
    },
    {
      title: titleOf('classGroup', `${c}.additionalOptions.writeDisplayNameOnCreateOnly`),
      value: yesNo(additionalOptions.writeDisplayNameOnCreateOnly),
    },
    {
      title: titleOf('classGroup', `${c}.additionalAttributes`),
      value: wordsOf('classGroup', `${c}.additionalAttributes`, additionalAttributes),
    },
    {
      title: titleOf('classGroup', `${c}.enrollmentMappings.ownerCodes`),
      value: codes(
        `${c}.enrollmentMappings.ownerCodes`,
        enrollmentMappings.ownerEnrollmentMappings,
      ),
    },
    {
      title: titleOf('classGroup', `${c}.enrollmentMappings.memberCodes`),
      value: codes(
        `${c}.enrollmentMappings.memberCodes`,
        enrollmentMappings.memberEnrollmentMappings,
      ),
    },
  ];
}

/** The two creation switches of a security-group or administrative-unit flow, as labelled everywhere. */
function switchFacts(kind: FlowKind, options: Record<string, boolean | null | undefined>): Fact[] {
  return Object.entries(options).map(([name, on]) => ({
    title: titleOf(kind, `creationOptions.${name}`),
    value: yesNo(on),
  }));
}

function securityGroupFacts(flow: SecurityGroupProvisioningFlow): Fact[] {
  const { createBasedOnRoleGroup, createBasedOnOrgPlusRoleGroup } = flow.creationOptions;
  return switchFacts('securityGroup', { createBasedOnRoleGroup, createBasedOnOrgPlusRoleGroup });
}

function adminUnitFacts(flow: AdministrativeUnitProvisioningFlow): Fact[] {
  const { createBasedOnOrg, createBasedOnOrgPlusRoleGroup } = flow.creationOptions;
  return switchFacts('administrativeUnit', { createBasedOnOrg, createBasedOnOrgPlusRoleGroup });
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
