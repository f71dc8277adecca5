/**
 * Test states of the form templates (cards/form-*.json), rendered through the real view-models:
 * add / create, edit of each documented object, and the states after a failed submission (the
 * errors come from parsing a real bad submission, so they are the ones users see).
 */
import {
  flowFormCard,
  flowSetFormCard,
  parseFlowForm,
  parseFlowSetForm,
  type FormResult,
} from '../../src/forms';
import type { FlowKind, KnownProvisioningFlow, RoleGroup } from '../../src/domain/flowSchemas';
import type { CardStates } from '../views/cardStates';
import {
  DOC_FLOWS,
  FORM_BASE,
  LEGACY_USER_FLOW,
  ROLE_GROUPS,
  SET,
  SETS,
  UNLISTED_GROUP_FLOW,
} from './formFixtures';
import { submit } from './submit';

const failed = <T>(result: FormResult<T>) => {
  if (result.ok) throw new Error('expected the submission to fail');
  return { values: result.values, errors: result.errors };
};

const add = (kind: FlowKind, roleGroups: RoleGroup[] = ROLE_GROUPS) =>
  flowFormCard(kind, { ...FORM_BASE, roleGroups, mode: 'add' });
const edit = (kind: FlowKind, current: KnownProvisioningFlow = DOC_FLOWS[kind]) =>
  flowFormCard(kind, { ...FORM_BASE, mode: 'edit', flowId: current.id, current });

/** The card again after submitting `typed` into a fresh card of this kind and mode. */
function afterBadSubmit(
  kind: FlowKind,
  typed: Record<string, string>,
  current?: KnownProvisioningFlow,
) {
  const mode = current ? 'edit' : 'add';
  const first = current ? edit(kind, current) : add(kind);
  const data = submit(first, 'flow.preview', typed);
  const result = failed(parseFlowForm(kind, data, { mode, roleGroups: ROLE_GROUPS, current }));
  return flowFormCard(kind, { ...FORM_BASE, mode, current, flowId: current?.id, ...result });
}

/** 12 role groups of 29 roles each: the largest user form we expect. */
const manyRoleGroups: RoleGroup[] = Array.from({ length: 12 }, (_, i) => ({
  id: `group-${i + 1}-${'x'.repeat(24)}`,
  displayName: `Role group number ${i + 1} with a long name`,
  roles: Array.from({ length: 29 }, (_, r) => ({ code: `roleCode${r}` })),
}));

export const FORM_CARD_STATES: Record<string, CardStates> = {
  'form-flowset': {
    create: () => flowSetFormCard({ mode: 'create' }),
    'create, after errors': () =>
      flowSetFormCard({
        mode: 'create',
        ...failed(parseFlowSetForm({ mode: 'create', displayName: ' ', filterMode: 'schools' })),
      }),
    'edit a filtered set': () => flowSetFormCard({ mode: 'edit', current: SET }),
    'edit a set without filter': () =>
      flowSetFormCard({ mode: 'edit', current: { ...SETS[1]!, filter: null } }),
    'edit, with a problem for no input': () =>
      flowSetFormCard({ mode: 'edit', current: SET, errors: { _form: 'Graph said no.' } }),
  },
  'form-flow-user': {
    add: () => add('user'),
    'add without role groups': () => add('user', []),
    'add with 12 large role groups': () => add('user', manyRoleGroups),
    'add, after errors': () =>
      afterBadSubmit('user', {
        createUnmatchedUsers: 'true',
        'rg.staff.include': 'true',
        'rg.staff.password': 'short',
        'rg.students.include': 'true',
        'rg.students.password': 'Long-enough-1',
        'rg.students.licenseSkus': 'SKU ONE',
        userAttributes: 'userGradeLevel,shoeSize',
      }),
    'edit the documented flow (deprecated flag shown)': () => edit('user'),
    'edit a flow relying on the deprecated flag': () => edit('user', LEGACY_USER_FLOW),
    'edit a flow with an unlisted role group': () => edit('user', UNLISTED_GROUP_FLOW),
    'edit, changed without passwords': () =>
      afterBadSubmit('user', { 'rg.students.licenseSkus': 'NEW_SKU' }, DOC_FLOWS.user),
  },
  'form-flow-classgroup': {
    add: () => add('classGroup'),
    'edit the documented flow': () => edit('classGroup'),
    'edit, after errors': () =>
      afterBadSubmit(
        'classGroup',
        { ownerRoles: 'teacher,wizard', createTeam: 'maybe' },
        DOC_FLOWS.classGroup,
      ),
  },
  'form-flow-groups': {
    'add security group': () => add('securityGroup'),
    'add administrative unit': () => add('administrativeUnit'),
    'edit the documented security group flow': () => edit('securityGroup'),
    'edit the documented administrative unit flow': () => edit('administrativeUnit'),
    'edit, after errors': () =>
      afterBadSubmit('administrativeUnit', { createBasedOnOrg: '' }, DOC_FLOWS.administrativeUnit),
  },
};
