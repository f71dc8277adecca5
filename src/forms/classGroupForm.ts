/**
 * The class-group flow form (cards/form-flow-classgroup.json): extra class attributes, Teams,
 * naming, and which section roles become owners or members of each class group (reference
 * docs/graph-notes.md#types). Both role lists offer every documented section-role code; a new flow starts with the
 * documented example's split (example 08), where some roles appear in both lists.
 */
import { type AdaptiveCard } from '../domain/adaptiveCard';
import { renderCard } from '../views/render';
import { FLOW_LABELS } from '../domain/fieldLabels';
import { SDS_WARNINGS } from '../domain/warnings';
import { ClassGroupFlowInput } from '../domain/flowInputs';
import {
  ADDITIONAL_CLASS_GROUP_ATTRIBUTES,
  type ClassGroupProvisioningFlow,
} from '../domain/flowSchemas';
import {
  CLASS_GROUP_INPUT_IDS,
  classGroupDefaults,
  classGroupPrefill,
  knownAttribute,
  roleCodesOffered,
} from './classGroupValues';
import { flowFormFrame, type FlowFormModel } from './flowFormModel';
import type { FormResult } from './formTypes';
import { choicesOf, errorTexts, labelFrom, valueTexts, valueTitlesFrom } from './formView';
import {
  dataObject,
  hasErrors,
  issuesToErrors,
  multiSelect,
  parseFields,
  submittedValues,
  toggle,
} from './inputs';

const LABELS = FLOW_LABELS.classGroup;
const ATTRIBUTES = 'configuration.additionalAttributes';
const OPTIONS = 'configuration.additionalOptions';
const MAPPINGS = 'configuration.enrollmentMappings';

export function classGroupCard(
  model: FlowFormModel,
  current?: ClassGroupProvisioningFlow,
): AdaptiveCard {
  const prefill = current ? classGroupPrefill(current) : classGroupDefaults();
  const unknown = (current?.configuration.additionalAttributes ?? []).filter(
    (a) => !knownAttribute(a),
  );
  const roleChoices = choicesOf(roleCodesOffered(current));
  return renderCard('form-flow-classgroup', {
    ...flowFormFrame(
      'classGroup',
      model,
      'Creates a Microsoft 365 group for each class, with its teachers and students from the enrollments.',
      CLASS_GROUP_INPUT_IDS,
    ),
    labels: {
      classAttributes: labelFrom(LABELS, ATTRIBUTES),
      createTeam: labelFrom(LABELS, `${OPTIONS}.createTeam`),
      writeDisplayNameOnCreateOnly: labelFrom(LABELS, `${OPTIONS}.writeDisplayNameOnCreateOnly`),
      ownerRoles: labelFrom(LABELS, `${MAPPINGS}.ownerCodes`),
      memberRoles: labelFrom(LABELS, `${MAPPINGS}.memberCodes`),
    },
    v: valueTexts(CLASS_GROUP_INPUT_IDS, prefill, model.values),
    e: errorTexts(CLASS_GROUP_INPUT_IDS, model.errors),
    attributeChoices: choicesOf(
      ADDITIONAL_CLASS_GROUP_ATTRIBUTES,
      valueTitlesFrom(LABELS, ATTRIBUTES),
    ),
    createTeamWarning: SDS_WARNINGS.createTeam,
    nameHelp:
      'On: SDS names each class group when it creates it and never renames it afterwards, so ' +
      'names changed in Teams stay. Off: the name follows the school data on every sync.',
    ownerHelp: 'People enrolled in a class with these roles become owners of its group (and Team).',
    memberHelp: 'People enrolled with these roles become members. A role may be in both lists.',
    roleChoices,
    notes: unknown.length
      ? [
          `Graph also lists extra attributes this bot cannot set (${unknown.join(', ')}); saving removes them.`,
        ]
      : [],
  });
}

const INPUT_OF_PATH: Record<string, string> = {
  additionalAttributes: 'classAttributes',
  createTeam: 'createTeam',
  writeDisplayNameOnCreateOnly: 'writeDisplayNameOnCreateOnly',
  ownerCodes: 'ownerRoles',
  memberCodes: 'memberRoles',
};

export function parseClassGroupForm(
  data: unknown,
  current?: ClassGroupProvisioningFlow,
): FormResult<ClassGroupFlowInput> {
  const raw = dataObject(data);
  const values = submittedValues(raw, CLASS_GROUP_INPUT_IDS);
  const offered = roleCodesOffered(current);
  const { fields: f, errors } = parseFields(
    {
      classAttributes: multiSelect(ADDITIONAL_CLASS_GROUP_ATTRIBUTES, 'class attributes'),
      createTeam: toggle(),
      writeDisplayNameOnCreateOnly: toggle(),
      ownerRoles: multiSelect(offered, 'roles'),
      memberRoles: multiSelect(offered, 'roles'),
    },
    raw,
  );
  if (hasErrors(errors)) return { ok: false, errors, values };
  const value: ClassGroupFlowInput = {
    kind: 'classGroup',
    configuration: {
      additionalAttributes: f.classAttributes,
      additionalOptions: {
        createTeam: f.createTeam,
        writeDisplayNameOnCreateOnly: f.writeDisplayNameOnCreateOnly,
      },
      enrollmentMappings: { ownerCodes: f.ownerRoles, memberCodes: f.memberRoles },
    },
  };
  const checked = ClassGroupFlowInput.safeParse(value);
  if (checked.success) return { ok: true, value };
  const inputOf = (path: readonly PropertyKey[]) =>
    path
      .map(String)
      .reverse()
      .map((key) => INPUT_OF_PATH[key])
      .find(Boolean);
  return { ok: false, errors: issuesToErrors(checked.error.issues, inputOf), values };
}
