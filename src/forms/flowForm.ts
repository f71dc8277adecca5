/**
 * One entry point per operation for the four flow forms: the card, the parse, the defaults.
 * The kind comes from the card data (verb flow.preview); on edit, `current` is the stored flow
 * the handler re-read from Graph and must be of that kind.
 */
import { type AdaptiveCard } from '../domain/adaptiveCard';
import { FLOW_KIND_NAMES } from '../domain/fieldLabels';
import { AppError } from '../errors';
import type { FlowCreateInput, FlowPatchInput } from '../domain/flowInputs';
import {
  flowKindOf,
  type ClassGroupProvisioningFlow,
  type FlowKind,
  type KnownProvisioningFlow,
  type RoleGroup,
  type UserProvisioningFlow,
} from '../domain/flowSchemas';
import { classGroupCard, parseClassGroupForm } from './classGroupForm';
import { classGroupDefaults } from './classGroupValues';
import type { FlowFormContext, FlowFormModel } from './flowFormModel';
import type { FormResult, FormValues } from './formTypes';
import { groupDefaults, groupFlowCard, parseGroupFlowForm } from './groupFlowForms';
import { userFlowCard } from './userFlowCard';
import { parseUserForm } from './userFlowParse';
import { formRoleGroups, userDefaults } from './userFlowValues';

/** The stored flow, checked to be of `kind` (a card for one kind never edits another). */
function currentOf<T extends KnownProvisioningFlow>(
  kind: FlowKind,
  mode: 'add' | 'edit',
  current: KnownProvisioningFlow | undefined,
): T | undefined {
  if (mode === 'add') return undefined;
  if (!current)
    throw new AppError('not_found', `The ${FLOW_KIND_NAMES[kind]} flow to edit was not found.`);
  const actual = flowKindOf(current);
  if (actual !== kind)
    throw new AppError(
      'bad_input',
      `This form is for a ${FLOW_KIND_NAMES[kind]} flow, but that flow is a ` +
        `${actual ? FLOW_KIND_NAMES[actual] : 'different'} flow. Open the flow set again.`,
    );
  return current as T;
}

export function flowFormCard(kind: FlowKind, model: FlowFormModel): AdaptiveCard {
  switch (kind) {
    case 'user':
      return userFlowCard(model, currentOf<UserProvisioningFlow>(kind, model.mode, model.current));
    case 'classGroup':
      return classGroupCard(
        model,
        currentOf<ClassGroupProvisioningFlow>(kind, model.mode, model.current),
      );
    case 'securityGroup':
    case 'administrativeUnit':
      return groupFlowCard(kind, model, currentOf(kind, model.mode, model.current));
  }
}

/** `add` → a FlowCreateInput; `edit` → a FlowPatchInput (same shape, see bodies.ts). */
export function parseFlowForm(
  kind: FlowKind,
  data: unknown,
  ctx: FlowFormContext,
): FormResult<FlowCreateInput | FlowPatchInput> {
  switch (kind) {
    case 'user':
      return parseUserForm(data, ctx, currentOf<UserProvisioningFlow>(kind, ctx.mode, ctx.current));
    case 'classGroup':
      return parseClassGroupForm(
        data,
        currentOf<ClassGroupProvisioningFlow>(kind, ctx.mode, ctx.current),
      );
    case 'securityGroup':
    case 'administrativeUnit':
      currentOf(kind, ctx.mode, ctx.current);
      return parseGroupFlowForm(kind, data);
  }
}

/** The pre-fill of an `add` form: documented examples, with the risky switches off. */
export function defaultFlowValues(kind: FlowKind, roleGroups: RoleGroup[]): FormValues {
  switch (kind) {
    case 'user':
      return userDefaults(formRoleGroups(roleGroups));
    case 'classGroup':
      return classGroupDefaults();
    case 'securityGroup':
    case 'administrativeUnit':
      return groupDefaults(kind);
  }
}
