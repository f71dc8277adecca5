/**
 * Opening the edit forms from current Graph state (read by the caller), for commands and buttons
 * alike. The role groups a user flow's form lists come from changes/targets.ts roleGroupsFor.
 * The version a form carries is the lastModifiedDateTime of what it edits: the set for set
 * forms and for adding a flow, the flow itself for a flow edit.
 */
import { type AdaptiveCard } from '../domain/adaptiveCard';
import { defaultFlowValues, flowFormCard } from './flowForm';
import { flowSetFormCard } from './flowSetForm';
import { FORM_ERROR_KEY, type FormErrors, type FormValues } from './formTypes';
import type { UserFlowInput } from '../domain/flowInputs';
import { formRoleGroups, passwordsToRetype, userValuesOf } from './userFlowValues';
import type {
  FlowKind,
  FlowSet,
  KnownProvisioningFlow,
  RoleGroup,
  UserProvisioningFlow,
} from '../domain/flowSchemas';

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

const AGAIN_WORDING = {
  intro:
    'Your change is filled in again as you previewed it. Only the initial passwords are missing: enter them, then Preview.',
  password: 'Enter this initial password again: passwords are not kept once a change is closed.',
};

/** An imported or copied user flow: its settings filled in, its passwords never in a document. */
export const IMPORT_WORDING = {
  intro:
    'Filled in from the document. Documents never hold passwords: enter each initial password, then Preview.',
  password: 'Enter the initial password for this role group.',
};

/**
 * Preview again of a user flow change whose passwords were dropped (src/changes/repreview.ts):
 * its form, pre-filled with the intended values (not the stored ones), asking only for the
 * passwords. An edit's form compares with the flow as stored now.
 */
export function userFlowFormAgain(
  set: FlowSet,
  flow: KnownProvisioningFlow | undefined,
  roleGroups: RoleGroup[],
  body: UserFlowInput,
  wording: { intro: string; password: string } = AGAIN_WORDING,
): AdaptiveCard {
  const groups = formRoleGroups(roleGroups, flow as UserProvisioningFlow | undefined);
  const values = userValuesOf(body, groups, flow as UserProvisioningFlow | undefined);
  const errors: FormErrors = { [FORM_ERROR_KEY]: wording.intro };
  for (const id of passwordsToRetype(body)) errors[id] = wording.password;
  const state = { roleGroups, values, errors };
  return flow ? editFlowForm(set, flow, 'user', state) : addFlowForm(set, 'user', state);
}
