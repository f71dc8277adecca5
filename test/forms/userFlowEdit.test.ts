/**
 * The user-flow form when editing: Graph replaces the configurations collection on PATCH and
 * never returns passwords, so an unchanged section is left out of the patch and a changed one
 * needs every password again.
 */
import { flowFormCard, parseFlowForm } from '../../src/forms';
import type { UserProvisioningFlow } from '../../src/domain/flowSchemas';
import {
  DOC_USER_FLOW,
  FORM_BASE,
  LEGACY_USER_FLOW,
  ROLE_GROUPS,
  UNLISTED_GROUP_FLOW,
} from './formFixtures';
import { cardInputs, errorBeside, submit } from './submit';

const PASSWORD = 'Welcome-2025!';
const OTHER_PASSWORD = 'Summer-Term-42';

const editCard = (current: UserProvisioningFlow) =>
  flowFormCard('user', { ...FORM_BASE, mode: 'edit', flowId: current.id, current });
const parseEdit = (typed: Record<string, string>, current: UserProvisioningFlow = DOC_USER_FLOW) =>
  parseFlowForm('user', submit(editCard(current), 'flow.preview', typed), {
    mode: 'edit',
    roleGroups: ROLE_GROUPS,
    current,
  });

describe('user flow form, edit', () => {
  it('when the documented flow is shown, then it is pre-filled from it and the flag Graph derived from the age group is not shown', () => {
    const card = editCard(DOC_USER_FLOW);
    expect(cardInputs(card)).toEqual({
      createUnmatchedUsers: 'true',
      userAttributes: 'userGradeLevel',
      studentAgeGroup: 'minor',
      allowStudentContactAssociation: 'false',
      'rg.staff.include': 'true',
      'rg.staff.password': '',
      'rg.staff.licenseSkus': 'Strategist',
      'rg.students.include': 'true',
      'rg.students.password': '',
      'rg.students.licenseSkus': 'world-class',
    });
    const json = JSON.stringify(card);
    // Example 10: Graph answers studentAgeGroup "minor" with markAllStudentsAsMinors true: derived, not set.
    expect(json).not.toContain('Mark all students as minors');
    expect(json).not.toContain('is deprecated');
    expect(json).not.toContain('***');
    expect(json).toContain('enter the initial password again for every role group that is on');
  });

  it('when nothing changes in the role-group section, then the patch leaves creationOptions out', () => {
    expect(parseEdit({ studentAgeGroup: 'adult', userAttributes: '' })).toEqual({
      ok: true,
      value: {
        kind: 'user',
        createUnmatchedUsers: true,
        managementOptions: {
          additionalAttributes: [],
          additionalOptions: { allowStudentContactAssociation: false, studentAgeGroup: 'adult' },
        },
      },
    });
  });

  it('when a SKU is only repeated or padded with spaces, then that is no change', () => {
    const result = parseEdit({ 'rg.staff.licenseSkus': ' Strategist,Strategist ' });
    expect(result.ok && result.value).not.toHaveProperty('creationOptions');
  });

  it.each([
    ['a license SKU changes', { 'rg.students.licenseSkus': 'NEW_SKU' }],
    ['a role group is turned off', { 'rg.students.include': 'false' }],
    ['one password is typed', { 'rg.students.password': OTHER_PASSWORD }],
  ])(
    'when %s without the other passwords, then every role group still on needs its password',
    (_, typed) => {
      const result = parseEdit(typed);
      if (result.ok) throw new Error('expected errors');
      const still = ['staff', 'students'].filter(
        (g) => typed[`rg.${g}.include` as never] !== 'false',
      );
      const needed = still.filter((g) => !typed[`rg.${g}.password` as never]);
      for (const g of needed)
        expect(result.errors[`rg.${g}.password`]).toMatch(
          /again: Graph never shows saved passwords/,
        );
      const typedAgain = still.filter((g) => typed[`rg.${g}.password` as never]);
      for (const g of typedAgain)
        expect(result.errors[`rg.${g}.password`]).toBe(
          'Enter this password again: passwords are never kept on the card.',
        );
      const card = flowFormCard('user', {
        ...FORM_BASE,
        mode: 'edit',
        current: DOC_USER_FLOW,
        ...result,
      });
      for (const g of needed) expect(errorBeside(card, `rg.${g}.password`)).toContain('again');
      expect(JSON.stringify(card)).not.toContain(OTHER_PASSWORD);
      for (const [id, value] of Object.entries(typed))
        if (!id.endsWith('password')) expect(cardInputs(card)[id]).toBe(value);
    },
  );

  it('when a SKU changes and every password is entered again, then all configurations are sent', () => {
    const result = parseEdit({
      'rg.staff.password': PASSWORD,
      'rg.students.password': OTHER_PASSWORD,
      'rg.students.licenseSkus': 'NEW_SKU',
    });
    expect(result.ok && result.value).toMatchObject({
      creationOptions: {
        configurations: [
          { roleGroupId: 'staff', defaultPassword: PASSWORD, licenseSkus: ['Strategist'] },
          { roleGroupId: 'students', defaultPassword: OTHER_PASSWORD, licenseSkus: ['NEW_SKU'] },
        ],
      },
    });
  });

  it('when every role group is turned off, then the configurations are cleared without passwords', () => {
    const result = parseEdit({
      createUnmatchedUsers: 'false',
      'rg.staff.include': 'false',
      'rg.students.include': 'false',
    });
    expect(result.ok && result.value).toMatchObject({
      createUnmatchedUsers: false,
      creationOptions: { configurations: [] },
    });
  });

  it('when a flow relies on the deprecated flag only, then "keep" is offered, pre-selected and leaves the age group out', () => {
    const card = editCard(LEGACY_USER_FLOW);
    expect(cardInputs(card).studentAgeGroup).toBe('keep');
    // The admin set the old flag: it is shown read-only with its deprecation, dated against today.
    expect(JSON.stringify(card)).toContain('Mark all students as minors (deprecated)');
    expect(JSON.stringify(card)).toContain('is deprecated');
    const kept = parseEdit({}, LEGACY_USER_FLOW);
    expect(kept.ok && kept.value.kind === 'user' && kept.value.managementOptions).toEqual({
      additionalAttributes: ['userGradeLevel'],
      additionalOptions: { allowStudentContactAssociation: true },
    });
    const cleared = parseEdit({ studentAgeGroup: 'notSet' }, LEGACY_USER_FLOW);
    expect(cleared.ok && cleared.value).toMatchObject({
      managementOptions: { additionalOptions: { studentAgeGroup: null } },
    });
  });

  it('when the stored flow uses an age group this version does not know, then "keep" leaves it alone', () => {
    const future: UserProvisioningFlow = {
      ...DOC_USER_FLOW,
      managementOptions: {
        additionalOptions: { studentAgeGroup: 'toddler', markAllStudentsAsMinors: null },
      },
    };
    expect(JSON.stringify(editCard(future))).toContain('Keep the current value (toddler)');
    const result = parseEdit({}, future);
    expect(result.ok && result.value).toMatchObject({
      managementOptions: { additionalOptions: { allowStudentContactAssociation: false } },
    });
    expect(JSON.stringify(result)).not.toContain('toddler');
  });

  it('when a configured role group left the live list, then it is shown and kept', () => {
    const card = editCard(UNLISTED_GROUP_FLOW);
    expect(cardInputs(card)).toMatchObject({
      'rg.alumni.include': 'true',
      'rg.alumni.licenseSkus': 'OLD_SKU',
      'rg.staff.include': 'false',
    });
    expect(JSON.stringify(card)).toContain('No longer in the role-group list');
    const unchanged = parseEdit({}, UNLISTED_GROUP_FLOW);
    expect(unchanged.ok && unchanged.value).not.toHaveProperty('creationOptions');
    const added = parseEdit(
      { 'rg.staff.include': 'true', 'rg.staff.password': PASSWORD },
      UNLISTED_GROUP_FLOW,
    );
    expect(added.ok).toBe(false);
    if (!added.ok)
      expect(Object.keys(added.errors)).toEqual(['rg.alumni.password', 'rg.staff.password']);
  });
});
