/**
 * What every flow form gets (model for the card, context for the parse) and the parts of the
 * card that are the same for all four kinds: title, flow-set line, error summary, buttons.
 */
import { FLOW_KIND_NAMES } from '../domain/fieldLabels';
import type { FlowKind, KnownProvisioningFlow, RoleGroup } from '../domain/flowSchemas';
import type { FormErrors, FormValues } from './formTypes';
import { errorSummary } from './formView';

export interface FlowFormModel {
  mode: 'add' | 'edit';
  setId: string;
  setName: string;
  version: string;
  flowId?: string;
  current?: KnownProvisioningFlow;
  roleGroups: RoleGroup[];
  values?: FormValues;
  errors?: FormErrors;
}

export interface FlowFormContext {
  mode: 'add' | 'edit';
  roleGroups: RoleGroup[];
  current?: KnownProvisioningFlow;
}

/** Data of the Preview button (verb flow.preview) and the Cancel button (verb form.cancel). */
export function flowFormButtons(kind: FlowKind, model: FlowFormModel) {
  return {
    preview: {
      mode: model.mode,
      setId: model.setId,
      kind,
      ...(model.flowId ? { flowId: model.flowId } : {}),
      version: model.version,
    },
    cancel: { setId: model.setId },
  };
}

/** The header and buttons of a flow form; `shownIds` are the inputs the card shows errors for. */
export function flowFormFrame(
  kind: FlowKind,
  model: FlowFormModel,
  intro: string,
  shownIds: readonly string[],
) {
  return {
    title: `${model.mode === 'add' ? 'Add' : 'Edit'} ${FLOW_KIND_NAMES[kind]} flow`,
    setLine: `Flow set: ${model.setName}`,
    intro,
    summary: errorSummary(model.errors, shownIds),
    ...flowFormButtons(kind, model),
  };
}
