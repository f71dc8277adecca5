/**
 * Opening the edit forms from current Graph state (read by the caller), for commands and buttons
 * alike. The role groups a user flow's form lists come from changes/targets.ts roleGroupsFor.
 * The version a form carries is the lastModifiedDateTime of what it edits: the set for set
 * forms and for adding a flow, the flow itself for a flow edit.
 */
import { type AdaptiveCard } from '../domain/adaptiveCard';
import { defaultFlowValues, flowFormCard } from './flowForm';
import { flowSetFormCard } from './flowSetForm';
import type { FormErrors, FormValues } from './formTypes';
import type { FlowKind, FlowSet, KnownProvisioningFlow, RoleGroup } from '../domain/flowSchemas';

export const createSetForm = (name: string): AdaptiveCard =>
  flowSetFormCard({ mode: 'create', values: name ? { displayName: name } : undefined });

export const editSetForm = (set: FlowSet): AdaptiveCard =>
  flowSetFormCard({ mode: 'edit', current: set });

export interface FlowFormState {
  roleGroups: RoleGroup[];
  values?: FormValues;
  errors?: FormErrors;
}

export function addFlowForm(set: FlowSet, kind: FlowKind, state: FlowFormState): AdaptiveCard {
  return flowFormCard(kind, {
    mode: 'add',
    setId: set.id,
    setName: set.displayName,
    version: set.lastModifiedDateTime ?? '',
    roleGroups: state.roleGroups,
    values: state.values ?? defaultFlowValues(kind, state.roleGroups),
    errors: state.errors,
  });
}

export function editFlowForm(
  set: FlowSet,
  flow: KnownProvisioningFlow,
  kind: FlowKind,
  state: FlowFormState,
): AdaptiveCard {
  return flowFormCard(kind, {
    mode: 'edit',
    setId: set.id,
    setName: set.displayName,
    version: flow.lastModifiedDateTime ?? '',
    flowId: flow.id,
    current: flow,
    roleGroups: state.roleGroups,
    values: state.values,
    errors: state.errors,
  });
}
