/** The security-group and administrative-unit forms: two switches each, both off allowed. */
import { AppError } from '../../src/errors';
import { defaultFlowValues, flowFormCard, parseFlowForm } from '../../src/forms';
import { DOC_FLOWS, FORM_BASE, ROLE_GROUPS } from './formFixtures';
import { cardInputs, errorBeside, submit } from './submit';

type GroupKind = 'securityGroup' | 'administrativeUnit';
const addCard = (kind: GroupKind) => flowFormCard(kind, { ...FORM_BASE, mode: 'add' });
const add = (kind: GroupKind, typed: Record<string, string>) =>
  parseFlowForm(kind, submit(addCard(kind), 'flow.preview', typed), {
    mode: 'add',
    roleGroups: ROLE_GROUPS,
  });

describe('security group and administrative unit flow forms', () => {
  it.each([
    ['securityGroup', {}, { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false }],
    ['administrativeUnit', {}, { createBasedOnOrg: true, createBasedOnOrgPlusRoleGroup: true }],
    [
      'securityGroup',
      { createBasedOnRoleGroup: 'false', createBasedOnOrgPlusRoleGroup: 'true' },
      { createBasedOnRoleGroup: false, createBasedOnOrgPlusRoleGroup: true },
    ],
    [
      'administrativeUnit',
      { createBasedOnOrg: 'false', createBasedOnOrgPlusRoleGroup: 'false' },
      { createBasedOnOrg: false, createBasedOnOrgPlusRoleGroup: false },
    ],
  ] as const)(
    'when a %s form is submitted with %j, then the creation options are exact',
    (kind, typed, expected) => {
      expect(add(kind, typed)).toEqual({ ok: true, value: { kind, creationOptions: expected } });
    },
  );

  it.each(['securityGroup', 'administrativeUnit'] as const)(
    'when the %s add form is shown, then it holds the defaults and warns that both off creates nothing',
    (kind) => {
      const card = addCard(kind);
      expect(cardInputs(card)).toEqual(defaultFlowValues(kind, ROLE_GROUPS));
      expect(JSON.stringify(card)).toContain('If both are off, this flow creates no');
    },
  );

  it.each(['securityGroup', 'administrativeUnit'] as const)(
    'when the documented %s flow is edited unchanged, then the input equals what is stored',
    (kind) => {
      const current = DOC_FLOWS[kind];
      const card = flowFormCard(kind, { ...FORM_BASE, mode: 'edit', flowId: current.id, current });
      const data = submit(card, 'flow.preview');
      expect(data).toMatchObject({
        mode: 'edit',
        kind,
        flowId: current.id,
        setId: FORM_BASE.setId,
      });
      const result = parseFlowForm(kind, data, { mode: 'edit', roleGroups: [], current });
      expect(result).toEqual({
        ok: true,
        value: { kind, creationOptions: (current as { creationOptions: object }).creationOptions },
      });
    },
  );

  it('when a switch sends something else, then the error is beside that switch', () => {
    const result = add('administrativeUnit', { createBasedOnOrgPlusRoleGroup: 'maybe' });
    if (result.ok) throw new Error('expected errors');
    expect(result.errors).toEqual({
      createBasedOnOrgPlusRoleGroup: 'Turn this on or off, then try again.',
    });
    expect(result.values).toEqual({
      createBasedOnOrg: 'true',
      createBasedOnOrgPlusRoleGroup: 'maybe',
    });
    const card = flowFormCard('administrativeUnit', { ...FORM_BASE, mode: 'add', ...result });
    expect(errorBeside(card, 'createBasedOnOrgPlusRoleGroup')).toBe(
      'Turn this on or off, then try again.',
    );
    expect(errorBeside(card, 'createBasedOnOrg')).toBeUndefined();
  });
});

describe('flow forms and the stored flow', () => {
  it('when an edit form is asked for a flow of another kind, then it is refused', () => {
    const current = DOC_FLOWS.user;
    expect(() => flowFormCard('securityGroup', { ...FORM_BASE, mode: 'edit', current })).toThrow(
      AppError,
    );
    const parse = () => parseFlowForm('classGroup', {}, { mode: 'edit', roleGroups: [], current });
    expect(parse).toThrow(/This form is for a class group flow, but that flow is a user flow/);
  });

  it('when an edit form has no stored flow, then it is reported as not found', () => {
    try {
      parseFlowForm('administrativeUnit', {}, { mode: 'edit', roleGroups: [] });
      throw new Error('expected an AppError');
    } catch (err) {
      expect(err).toMatchObject({ code: 'not_found' });
    }
  });
});
