/**
 * Submission of the user-flow form → UserFlowInput (bodies.ts). managementOptions is always
 * sent whole (the update page marks it "Required", docs/graph-notes.md#request-bodies); creationOptions only when
 * something in it changed (userConfigurations.ts). The deprecated markAllStudentsAsMinors is
 * never sent (docs/graph-notes.md#age-group).
 */
import { UserFlowInput } from '../domain/flowInputs';
import {
  ADDITIONAL_USER_ATTRIBUTES,
  STUDENT_AGE_GROUPS,
  type UserProvisioningFlow,
} from '../domain/flowSchemas';
import type { FlowFormContext } from './flowFormModel';
import type { FormResult } from './formTypes';
import {
  dataObject,
  hasErrors,
  issuesToErrors,
  multiSelect,
  parseFields,
  singleSelect,
  submittedValues,
  toggle,
} from './inputs';
import { askPasswordsAgain, readConfigurations } from './userConfigurations';
import {
  AGE_KEEP,
  AGE_NOT_SET,
  formRoleGroups,
  keepAgeGroupOption,
  roleGroupInputIds,
  roleGroupInputs,
  storedConfigurations,
  USER_INPUT_IDS,
} from './userFlowValues';

type AgeChoice = (typeof STUDENT_AGE_GROUPS)[number] | typeof AGE_NOT_SET | typeof AGE_KEEP;
type AdditionalOptions = UserFlowInput['managementOptions']['additionalOptions'];

function userFields(current: UserProvisioningFlow | undefined) {
  const ages: AgeChoice[] = [...STUDENT_AGE_GROUPS, AGE_NOT_SET];
  if (keepAgeGroupOption(current)) ages.push(AGE_KEEP);
  return {
    createUnmatchedUsers: toggle(),
    userAttributes: multiSelect(ADDITIONAL_USER_ATTRIBUTES, 'user attributes'),
    studentAgeGroup: singleSelect(ages, 'Choose a student age group, or "Not set".'),
    allowStudentContactAssociation: toggle(),
  };
}

/** "keep" leaves the stored value alone; "not set" is null (no age-group enforcement, docs/graph-notes.md#types). */
function additionalOptions(allow: boolean, age: AgeChoice): AdditionalOptions {
  if (age === AGE_KEEP) return { allowStudentContactAssociation: allow };
  return {
    allowStudentContactAssociation: allow,
    studentAgeGroup: age === AGE_NOT_SET ? null : age,
  };
}

const MANAGEMENT_INPUTS: Record<string, string> = {
  additionalAttributes: 'userAttributes',
  allowStudentContactAssociation: 'allowStudentContactAssociation',
  studentAgeGroup: 'studentAgeGroup',
};

export function parseUserForm(
  data: unknown,
  ctx: FlowFormContext,
  current: UserProvisioningFlow | undefined,
): FormResult<UserFlowInput> {
  const raw = dataObject(data);
  const groups = formRoleGroups(ctx.roleGroups, current);
  const passwordIds = groups.map((g) => roleGroupInputIds(g.id).password);
  const values = submittedValues(raw, [...USER_INPUT_IDS, ...roleGroupInputs(groups)], passwordIds);
  const { fields: f, errors } = parseFields(userFields(current), raw);
  const stored = ctx.mode === 'edit' ? storedConfigurations(current) : undefined;
  const creation = readConfigurations(groups, raw, stored);
  Object.assign(errors, creation.errors);
  if (f.createUnmatchedUsers === true && creation.includedCount === 0)
    errors.createUnmatchedUsers ??=
      'No role group is set up to create accounts: turn on at least one role group below ' +
      '(with its initial password), or turn this off.';
  if (hasErrors(errors)) {
    askPasswordsAgain(errors, creation.typedPasswordIds);
    return { ok: false, errors, values };
  }

  const value: UserFlowInput = {
    kind: 'user',
    createUnmatchedUsers: f.createUnmatchedUsers,
    managementOptions: {
      additionalAttributes: f.userAttributes,
      additionalOptions: additionalOptions(f.allowStudentContactAssociation, f.studentAgeGroup),
    },
    ...(creation.configurations
      ? { creationOptions: { configurations: creation.configurations } }
      : {}),
  };
  // The Graph client validates with the same schema; checking here keeps its problems on the form.
  const checked = UserFlowInput.safeParse(value);
  if (checked.success) return { ok: true, value };
  const inputOf = (path: readonly PropertyKey[]) => {
    if (path[0] === 'createUnmatchedUsers') return 'createUnmatchedUsers';
    if (path[0] === 'managementOptions') return MANAGEMENT_INPUTS[String(path.at(-1))];
    const config = creation.configurations?.[Number(path[2])];
    if (!config) return undefined;
    const ids = roleGroupInputIds(config.roleGroupId);
    if (path[3] === 'licenseSkus') return ids.licenseSkus;
    return path[3] === 'defaultPassword' ? ids.password : ids.include;
  };
  const checkErrors = issuesToErrors(checked.error.issues, inputOf);
  askPasswordsAgain(checkErrors, creation.typedPasswordIds);
  return { ok: false, errors: checkErrors, values };
}
