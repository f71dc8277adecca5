/**
 * The user-flow form's inputs and pre-fill. Role groups come from the live list (never free
 * text), plus any role group the stored flow configures that the list no longer has, so an edit
 * never drops a configuration it did not show.
 */
import type { UserFlowInput } from '../domain/flowInputs';
import type { RoleGroup, UserProvisioningFlow } from '../domain/flowSchemas';
import { ADDITIONAL_USER_ATTRIBUTES, STUDENT_AGE_GROUPS } from '../domain/flowSchemas';
import type { FormValues } from './formTypes';
import { OFF, ON } from './inputs';
import { configuredRoleGroupId } from '../domain/roleGroupBinding';

export const USER_INPUT_IDS = [
  'createUnmatchedUsers',
  'userAttributes',
  'studentAgeGroup',
  'allowStudentContactAssociation',
] as const;

/** studentAgeGroup choices besides the enum: null, and "leave as stored" (see keepOption). */
export const AGE_NOT_SET = 'notSet';
export const AGE_KEEP = 'keep';

export interface FormRoleGroup {
  id: string;
  name: string;
  roleCodes: string[];
  /** Still in the live role-group list (false: only the stored flow still names it). */
  listed: boolean;
}

/** Input ids of one role group's configuration. */
export const roleGroupInputIds = (roleGroupId: string) => ({
  include: `rg.${roleGroupId}.include`,
  password: `rg.${roleGroupId}.password`,
  licenseSkus: `rg.${roleGroupId}.licenseSkus`,
});

export { configuredRoleGroupId };

/** Stored configurations by role-group id: their licence SKUs (passwords are never returned). */
export function storedConfigurations(current?: UserProvisioningFlow): Map<string, string[]> {
  const stored = new Map<string, string[]>();
  for (const config of current?.creationOptions?.configurations ?? []) {
    const id = configuredRoleGroupId(config);
    if (id) stored.set(id, config.licenseSkus ?? []);
  }
  return stored;
}

export function formRoleGroups(
  roleGroups: readonly RoleGroup[],
  current?: UserProvisioningFlow,
): FormRoleGroup[] {
  const groups: FormRoleGroup[] = roleGroups.map((g) => ({
    id: g.id,
    name: g.displayName,
    roleCodes: g.roles.map((r) => r.code ?? '').filter(Boolean),
    listed: true,
  }));
  for (const config of current?.creationOptions?.configurations ?? []) {
    const id = configuredRoleGroupId(config);
    if (!id || groups.some((g) => g.id === id)) continue;
    const name = config.roleGroup?.displayName ?? id;
    groups.push({ id, name, roleCodes: [], listed: false });
  }
  return groups;
}

export const roleGroupInputs = (groups: readonly FormRoleGroup[]) =>
  groups.flatMap((g) => Object.values(roleGroupInputIds(g.id)));

const known = <T extends string>(values: readonly T[], v: unknown): v is T =>
  (values as readonly unknown[]).includes(v);

/**
 * When studentAgeGroup may be left untouched: the stored value is one this version cannot send
 * (a newer enum member), or only the deprecated markAllStudentsAsMinors is set
 * (docs/graph-notes.md#age-group) — sending null there could switch minor protection off. Returns the choice's title.
 */
export function keepAgeGroupOption(current?: UserProvisioningFlow): string | undefined {
  const options = current?.managementOptions.additionalOptions;
  const age = options?.studentAgeGroup;
  if (age !== null && age !== undefined && !known(STUDENT_AGE_GROUPS, age))
    return `Keep the current value (${age})`;
  if ((age === null || age === undefined) && options?.markAllStudentsAsMinors === true)
    return 'Keep as it is (only "Mark all students as minors" is set)';
  return undefined;
}

export function userPrefill(current: UserProvisioningFlow, groups: FormRoleGroup[]): FormValues {
  const { additionalAttributes, additionalOptions } = current.managementOptions;
  const age = additionalOptions.studentAgeGroup;
  const stored = storedConfigurations(current);
  const values: FormValues = {
    createUnmatchedUsers: current.createUnmatchedUsers ? ON : OFF,
    userAttributes: (additionalAttributes ?? [])
      .filter((a) => known(ADDITIONAL_USER_ATTRIBUTES, a))
      .join(','),
    studentAgeGroup: keepAgeGroupOption(current)
      ? AGE_KEEP
      : known(STUDENT_AGE_GROUPS, age)
        ? age
        : AGE_NOT_SET,
    allowStudentContactAssociation: additionalOptions.allowStudentContactAssociation ? ON : OFF,
  };
  for (const g of groups) {
    const ids = roleGroupInputIds(g.id);
    values[ids.include] = stored.has(g.id) ? ON : OFF;
    values[ids.licenseSkus] = (stored.get(g.id) ?? []).join(', ');
  }
  return values;
}

/**
 * Defaults of a new user flow. "Create unmatched users" starts off (SDS warns against it when
 * another tool creates accounts); the age group is the documented example's "minor" (example
 * 10), the protective choice for a school; no role group creates accounts until turned on.
 */
export function userDefaults(groups: readonly FormRoleGroup[]): FormValues {
  const values: FormValues = {
    createUnmatchedUsers: OFF,
    userAttributes: '',
    studentAgeGroup: 'minor',
    allowStudentContactAssociation: OFF,
  };
  for (const g of groups) {
    const ids = roleGroupInputIds(g.id);
    values[ids.include] = OFF;
    values[ids.licenseSkus] = '';
  }
  return values;
}

/**
 * The form values of an intended user flow body (Preview again after its passwords were dropped,
 * src/changes/repreview.ts): what the body sets over the current flow's values (or the defaults
 * of a new one); what an edit's body leaves out stays as stored. Never a password.
 */
export function userValuesOf(
  body: UserFlowInput,
  groups: readonly FormRoleGroup[],
  current?: UserProvisioningFlow,
): FormValues {
  const values = current ? userPrefill(current, [...groups]) : userDefaults(groups);
  if (body.createUnmatchedUsers !== undefined)
    values.createUnmatchedUsers = body.createUnmatchedUsers ? ON : OFF;
  const { additionalAttributes, additionalOptions } = body.managementOptions;
  if (additionalAttributes) values.userAttributes = additionalAttributes.join(',');
  if (additionalOptions.studentAgeGroup !== undefined)
    values.studentAgeGroup = additionalOptions.studentAgeGroup ?? AGE_NOT_SET;
  if (additionalOptions.allowStudentContactAssociation !== undefined)
    values.allowStudentContactAssociation = additionalOptions.allowStudentContactAssociation
      ? ON
      : OFF;
  const configurations = body.creationOptions?.configurations;
  if (configurations)
    for (const g of groups) {
      const ids = roleGroupInputIds(g.id);
      const config = configurations.find((c) => c.roleGroupId === g.id);
      values[ids.include] = config ? ON : OFF;
      values[ids.licenseSkus] = (config?.licenseSkus ?? []).join(', ');
    }
  return values;
}

/** The role groups of an intended body that need their initial password typed again. */
export const passwordsToRetype = (body: UserFlowInput): string[] =>
  (body.creationOptions?.configurations ?? []).map(
    (c) => roleGroupInputIds(c.roleGroupId).password,
  );
