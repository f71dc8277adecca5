/**
 * The security-group and administrative-unit flow forms (cards/form-flow-groups.json): two
 * creation switches each (docs/graph-notes.md#types, both non-nullable). The docs do not require either to
 * be on, so both off is accepted, with a warning that the flow would then create nothing.
 * New flows start as the documented examples (09: role group on, school + role group off;
 * 07: both on).
 */
import { type AdaptiveCard } from '../domain/adaptiveCard';
import { renderCard } from '../views/render';
import { FLOW_LABELS } from '../domain/fieldLabels';
import { createsNothingHint } from '../domain/warnings';
import { AdministrativeUnitFlowInput, SecurityGroupFlowInput } from '../domain/flowInputs';
import type {
  AdministrativeUnitProvisioningFlow,
  SecurityGroupProvisioningFlow,
} from '../domain/flowSchemas';
import { flowFormFrame, type FlowFormModel } from './flowFormModel';
import type { FormResult, FormValues } from './formTypes';
import { labelFrom, valueTexts } from './formView';
import { dataObject, hasErrors, OFF, ON, parseFields, submittedValues, toggle } from './inputs';

export type GroupFlowKind = 'securityGroup' | 'administrativeUnit';

interface SwitchSpec {
  id: string;
  help: string;
  default: boolean;
}

interface GroupFormSpec {
  intro: string;
  none: string;
  switches: SwitchSpec[];
}

export const GROUP_FORMS: Record<GroupFlowKind, GroupFormSpec> = {
  securityGroup: {
    intro: 'Creates security groups you can use for licenses, policies and access.',
    none: createsNothingHint('securityGroup'),
    switches: [
      {
        id: 'createBasedOnRoleGroup',
        help: 'One group per role group across the schools of this set, e.g. all staff.',
        default: true,
      },
      {
        id: 'createBasedOnOrgPlusRoleGroup',
        help: 'One group per school and role group, e.g. the staff of one school.',
        default: false,
      },
    ],
  },
  administrativeUnit: {
    intro: 'Creates administrative units, so admin rights can be given for one school at a time.',
    none: createsNothingHint('administrativeUnit'),
    switches: [
      {
        id: 'createBasedOnOrg',
        help: "One administrative unit per school, holding that school's people and groups.",
        default: true,
      },
      {
        id: 'createBasedOnOrgPlusRoleGroup',
        help: 'One administrative unit per school and role group, e.g. the students of one school.',
        default: true,
      },
    ],
  },
};

export const groupInputIds = (kind: GroupFlowKind) => GROUP_FORMS[kind].switches.map((s) => s.id);

type GroupFlow = SecurityGroupProvisioningFlow | AdministrativeUnitProvisioningFlow;

export function groupDefaults(kind: GroupFlowKind): FormValues {
  return Object.fromEntries(GROUP_FORMS[kind].switches.map((s) => [s.id, s.default ? ON : OFF]));
}

function groupPrefill(kind: GroupFlowKind, current: GroupFlow): FormValues {
  const options = current.creationOptions as Record<string, unknown>;
  return Object.fromEntries(groupInputIds(kind).map((id) => [id, options[id] === true ? ON : OFF]));
}

export function groupFlowCard(
  kind: GroupFlowKind,
  model: FlowFormModel,
  current?: GroupFlow,
): AdaptiveCard {
  const spec = GROUP_FORMS[kind];
  const ids = groupInputIds(kind);
  const values = valueTexts(
    ids,
    current ? groupPrefill(kind, current) : groupDefaults(kind),
    model.values,
  );
  return renderCard('form-flow-groups', {
    ...flowFormFrame(kind, model, spec.intro, ids),
    toggles: spec.switches.map((s) => ({
      id: s.id,
      title: labelFrom(FLOW_LABELS[kind], `creationOptions.${s.id}`),
      value: values[s.id],
      help: s.help,
      error: model.errors?.[s.id] ?? '',
    })),
    noneWarning: spec.none,
  });
}

type GroupFlowInput = SecurityGroupFlowInput | AdministrativeUnitFlowInput;

export function parseGroupFlowForm(kind: GroupFlowKind, data: unknown): FormResult<GroupFlowInput> {
  const raw = dataObject(data);
  const ids = groupInputIds(kind);
  const values = submittedValues(raw, ids);
  const { fields, errors } = parseFields(Object.fromEntries(ids.map((id) => [id, toggle()])), raw);
  if (hasErrors(errors)) return { ok: false, errors, values };
  const schema = kind === 'securityGroup' ? SecurityGroupFlowInput : AdministrativeUnitFlowInput;
  // Input ids are the Graph property names, so the schema's issues land on the right switch.
  const checked = schema.safeParse({ kind, creationOptions: fields });
  if (checked.success) return { ok: true, value: checked.data };
  const fieldErrors = Object.fromEntries(
    checked.error.issues.map((i) => [String(i.path.at(-1)), i.message]),
  );
  return { ok: false, errors: fieldErrors, values };
}
