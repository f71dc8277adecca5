/**
 * Opening the edit forms (src/forms) from current Graph state, for commands and buttons alike.
 * Role groups are only read for user flows: only that form lists them (one extra Graph call).
 * The version a form carries is the lastModifiedDateTime of what it edits: the set for set
 * forms and for adding a flow, the flow itself for a flow edit.
 */
import { type AdaptiveCard } from '../domain/adaptiveCard';
import {
  defaultFlowValues,
  flowFormCard,
  flowSetFormCard,
  type FormErrors,
  type FormValues,
} from '../forms';
import type { IndustryDataApi } from '../graph';
import type { FlowKind, FlowSet, KnownProvisioningFlow, RoleGroup } from '../domain/flowSchemas';

export async function roleGroupsFor(graph: IndustryDataApi, kind: FlowKind): Promise<RoleGroup[]> {
  return kind === 'user' ? (await graph.listRoleGroups()).data : [];
}

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
