/**
 * View-model of cards/form-flow-user.json. Passwords are never bound to the card: password
 * inputs always render empty, whatever the model's values hold.
 */
import { type AdaptiveCard } from '../domain/adaptiveCard';
import { renderCard } from '../views/render';
import { FLOW_LABELS } from '../domain/fieldLabels';
import { formatValue } from '../domain/fieldFormat';
import { reliesOnMinorsFlag, SDS_WARNINGS } from '../domain/warnings';
import {
  ADDITIONAL_USER_ATTRIBUTES,
  STUDENT_AGE_GROUPS,
  type UserProvisioningFlow,
} from '../domain/flowSchemas';
import { flowFormFrame, type FlowFormModel } from './flowFormModel';
import { choicesOf, errorTexts, labelFrom, valueTexts, valueTitlesFrom } from './formView';
import {
  AGE_KEEP,
  AGE_NOT_SET,
  formRoleGroups,
  keepAgeGroupOption,
  roleGroupInputIds,
  storedConfigurations,
  USER_INPUT_IDS,
  userDefaults,
  userPrefill,
  type FormRoleGroup,
} from './userFlowValues';

const LABELS = FLOW_LABELS.user;
const ATTRIBUTES = 'managementOptions.additionalAttributes';
const OPTIONS = 'managementOptions.additionalOptions';
const SHOWN_ROLES = 5;

const INTRO =
  'Matches people in your school data to Microsoft 365 accounts, and can create accounts for ' +
  'people it cannot match.';

function rolesLine(group: FormRoleGroup): string {
  if (!group.listed) return 'No longer in the role-group list: its stored settings are kept.';
  const codes = group.roleCodes;
  if (!codes.length) return 'No roles';
  const shown = codes.slice(0, SHOWN_ROLES).join(', ');
  return `Roles: ${shown}${codes.length > SHOWN_ROLES ? `, … (${codes.length} roles)` : ''}`;
}

/** Microsoft 365 A3 product names: students get the student SKU, everyone else the faculty one. */
const STUDENT_SKU = 'M365EDU_A3_STUDENT';
const FACULTY_SKU = 'M365EDU_A3_FACULTY';

/** The licence example that fits the role group (a student group holds the student role). */
export function skuExample(group: FormRoleGroup): string {
  const students = group.roleCodes.length
    ? group.roleCodes.every((code) => /^student$/i.test(code))
    : /student/i.test(`${group.id} ${group.name}`);
  return `e.g. ${students ? STUDENT_SKU : FACULTY_SKU}`;
}

function roleGroupSection(
  group: FormRoleGroup,
  values: Record<string, string>,
  errors: Record<string, string>,
) {
  const ids = roleGroupInputIds(group.id);
  return {
    name: group.name,
    roles: rolesLine(group),
    includeId: ids.include,
    includeTitle: `Create accounts for ${group.name}`,
    include: values[ids.include],
    includeError: errors[ids.include] ?? '',
    passwordId: ids.password,
    passwordError: errors[ids.password] ?? '',
    skusId: ids.licenseSkus,
    skus: values[ids.licenseSkus],
    skusError: errors[ids.licenseSkus] ?? '',
    skusExample: skuExample(group),
  };
}

function configurationHint(editing: boolean, configured: boolean): string {
  const base =
    'Used when "Create unmatched users" is on. For each role group that should get new ' +
    'accounts, turn it on and enter the initial password; license SKUs are the product names ' +
    `of your tenant (e.g. ${FACULTY_SKU} for staff, ${STUDENT_SKU} for students), separated by commas or new lines.`;
  if (!editing || !configured) return base;
  return (
    'Graph never shows saved passwords. Leave this section as it is to keep the current ' +
    'settings. If you change anything here (turn a role group on or off, change its licenses ' +
    'or a password), enter the initial password again for every role group that is on.'
  );
}

function ageChoices(current?: UserProvisioningFlow) {
  const keep = keepAgeGroupOption(current);
  return [
    { title: 'Not set (no age-group enforcement)', value: AGE_NOT_SET },
    ...choicesOf(STUDENT_AGE_GROUPS, valueTitlesFrom(LABELS, `${OPTIONS}.studentAgeGroup`)),
    ...(keep ? [{ title: keep, value: AGE_KEEP }] : []),
  ];
}

/** Stored values this version cannot offer (newer enum members): saving drops them. */
function unknownValueNotes(current?: UserProvisioningFlow): string[] {
  const unknown = (current?.managementOptions.additionalAttributes ?? []).filter(
    (a) => !(ADDITIONAL_USER_ATTRIBUTES as readonly string[]).includes(a),
  );
  return unknown.length
    ? [
        `Graph also lists extra attributes this bot cannot set (${unknown.join(', ')}); saving removes them.`,
      ]
    : [];
}

export function userFlowCard(model: FlowFormModel, current?: UserProvisioningFlow): AdaptiveCard {
  const groups = formRoleGroups(model.roleGroups, current);
  const prefill = current ? userPrefill(current, groups) : userDefaults(groups);
  const groupIds = groups.flatMap((g) => {
    const ids = roleGroupInputIds(g.id);
    return [ids.include, ids.licenseSkus];
  });
  const values = valueTexts([...USER_INPUT_IDS, ...groupIds], prefill, model.values);
  const errors = model.errors ?? {};
  const allIds = [
    ...USER_INPUT_IDS,
    ...groups.flatMap((g) => Object.values(roleGroupInputIds(g.id))),
  ];
  // Shown (with its deprecation) only when the admin set it: Graph derives it from the age group.
  const options = current?.managementOptions.additionalOptions;
  const minors = options && reliesOnMinorsFlag(options) ? options.markAllStudentsAsMinors : null;
  return renderCard('form-flow-user', {
    ...flowFormFrame('user', model, INTRO, allIds),
    labels: {
      createUnmatchedUsers: labelFrom(LABELS, 'createUnmatchedUsers'),
      userAttributes: labelFrom(LABELS, ATTRIBUTES),
      studentAgeGroup: labelFrom(LABELS, `${OPTIONS}.studentAgeGroup`),
      allowStudentContactAssociation: labelFrom(
        LABELS,
        `${OPTIONS}.allowStudentContactAssociation`,
      ),
      minors: labelFrom(LABELS, `${OPTIONS}.markAllStudentsAsMinors`),
    },
    v: values,
    e: errorTexts(USER_INPUT_IDS, errors),
    createUnmatchedWarning: SDS_WARNINGS.createUnmatchedUsers,
    attributeChoices: choicesOf(ADDITIONAL_USER_ATTRIBUTES, valueTitlesFrom(LABELS, ATTRIBUTES)),
    ageChoices: ageChoices(current),
    contactHelp: 'Lets SDS link students to their contacts (such as parents and guardians).',
    showMinors: minors !== null && minors !== undefined,
    minorsValue: formatValue(minors),
    minorsNotice: SDS_WARNINGS.markAllStudentsAsMinors,
    configHint: configurationHint(model.mode === 'edit', storedConfigurations(current).size > 0),
    roleGroups: groups.map((g) => roleGroupSection(g, values, errors)),
    noRoleGroups: groups.length ? '' : 'No role groups were found, so no accounts can be set up.',
    notes: unknownValueNotes(current),
  });
}
