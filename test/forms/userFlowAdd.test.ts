/** The user-flow form when adding a flow: Graph input, errors per input, passwords never echoed. */
import { defaultFlowValues, flowFormCard, parseFlowForm, type FormResult } from '../../src/forms';
import { FORM_BASE, ROLE_GROUPS } from './formFixtures';
import { cardInputs, errorBeside, submit } from './submit';

const ctx = { mode: 'add' as const, roleGroups: ROLE_GROUPS };
const addCard = () => flowFormCard('user', { ...FORM_BASE, mode: 'add' });
/** The add form as rendered (defaults), with `typed` over it, submitted. */
const parseTyped = (typed: Record<string, string>) =>
  parseFlowForm('user', submit(addCard(), 'flow.preview', typed), ctx);

const PASSWORD = 'Welcome-2025!';
const OTHER_PASSWORD = 'Summer-Term-42';

const failure = (result: FormResult<unknown>) => {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return result;
};

describe('user flow form, add', () => {
  it('when the defaults are submitted unchanged, then nothing is created and students count as minors', () => {
    expect(parseTyped({})).toEqual({
      ok: true,
      value: {
        kind: 'user',
        createUnmatchedUsers: false,
        managementOptions: {
          additionalAttributes: [],
          additionalOptions: { allowStudentContactAssociation: false, studentAgeGroup: 'minor' },
        },
      },
    });
  });

  it('when the add card is shown, then it is pre-filled with defaultFlowValues', () => {
    expect(cardInputs(addCard())).toEqual({
      ...defaultFlowValues('user', ROLE_GROUPS),
      'rg.staff.password': '',
      'rg.students.password': '',
    });
  });

  it('when accounts are created for both role groups, then each configuration carries its password and SKUs', () => {
    const result = parseTyped({
      createUnmatchedUsers: 'true',
      userAttributes: 'userGradeLevel,userNumber',
      studentAgeGroup: 'notSet',
      allowStudentContactAssociation: 'true',
      'rg.staff.include': 'true',
      'rg.staff.password': PASSWORD,
      'rg.staff.licenseSkus': 'M365EDU_A3_FACULTY, EXTRA\nM365EDU_A3_FACULTY',
      'rg.students.include': 'true',
      'rg.students.password': OTHER_PASSWORD,
    });
    expect(result).toEqual({
      ok: true,
      value: {
        kind: 'user',
        createUnmatchedUsers: true,
        managementOptions: {
          additionalAttributes: ['userGradeLevel', 'userNumber'],
          additionalOptions: { allowStudentContactAssociation: true, studentAgeGroup: null },
        },
        creationOptions: {
          configurations: [
            {
              roleGroupId: 'staff',
              defaultPassword: PASSWORD,
              licenseSkus: ['M365EDU_A3_FACULTY', 'EXTRA'],
            },
            { roleGroupId: 'students', defaultPassword: OTHER_PASSWORD, licenseSkus: [] },
          ],
        },
      },
    });
  });

  it('when a role group is off, then its password and SKUs are ignored', () => {
    const result = parseTyped({
      'rg.staff.include': 'true',
      'rg.staff.password': PASSWORD,
      'rg.students.password': OTHER_PASSWORD,
      'rg.students.licenseSkus': 'SKU',
    });
    expect(result.ok && result.value).toMatchObject({
      creationOptions: {
        configurations: [{ roleGroupId: 'staff', defaultPassword: PASSWORD, licenseSkus: [] }],
      },
    });
  });

  const t = (name: string, typed: Record<string, string>, id: string, message: string) => ({
    name,
    typed,
    id,
    message,
  });
  it.each([
    t(
      'unmatched users are created with no role group on',
      { createUnmatchedUsers: 'true' },
      'createUnmatchedUsers',
      'turn on at least one role group',
    ),
    t(
      'a role group is on without password',
      { 'rg.staff.include': 'true' },
      'rg.staff.password',
      'Enter an initial password for new Staff accounts',
    ),
    t(
      'a password is too short',
      { 'rg.students.include': 'true', 'rg.students.password': 'Pw#1x' },
      'rg.students.password',
      '8 to 256 characters',
    ),
    t(
      'a password is only spaces',
      { 'rg.staff.include': 'true', 'rg.staff.password': '     ' },
      'rg.staff.password',
      'Enter an initial password',
    ),
    t(
      'a SKU has a space',
      { 'rg.staff.licenseSkus': 'A3 FACULTY' },
      'rg.staff.licenseSkus',
      'no spaces',
    ),
    t(
      'an attribute is not offered',
      { userAttributes: 'userGradeLevel,shoeSize' },
      'userAttributes',
      '"shoeSize" is not one of',
    ),
    t(
      'the age group is unknown',
      { studentAgeGroup: 'teenager' },
      'studentAgeGroup',
      'Choose a student age group',
    ),
    t(
      '"keep" is chosen on a new flow',
      { studentAgeGroup: 'keep' },
      'studentAgeGroup',
      'Choose a student age group',
    ),
    t(
      'a toggle sends something else',
      { createUnmatchedUsers: 'yes' },
      'createUnmatchedUsers',
      'Turn this on or off',
    ),
    t(
      'a role-group toggle is missing',
      { 'rg.staff.include': '' },
      'rg.staff.include',
      'Turn this on or off',
    ),
  ])(
    'when $name, then the error lands on $id, values are kept, passwords are not',
    ({ typed, id, message }) => {
      const result = failure(parseTyped({ 'rg.students.password': OTHER_PASSWORD, ...typed }));
      expect(result.errors[id]).toContain(message);
      for (const [key, value] of Object.entries(typed))
        if (!key.endsWith('.password')) expect(result.values[key]).toBe(value);
      const card = flowFormCard('user', { ...FORM_BASE, mode: 'add', ...result });
      expect(errorBeside(card, id)).toBe(result.errors[id]);
      for (const secret of [
        OTHER_PASSWORD,
        typed['rg.students.password'],
        typed['rg.staff.password'],
      ])
        if (secret?.trim()) {
          expect(JSON.stringify(result)).not.toContain(secret);
          expect(JSON.stringify(card)).not.toContain(secret);
        }
      expect(Object.keys(result.values).filter((k) => k.endsWith('.password'))).toEqual([]);
    },
  );

  it('when the form fails elsewhere, then every password typed for a role group that is on must be entered again', () => {
    const result = failure(
      parseTyped({
        createUnmatchedUsers: 'true',
        'rg.staff.include': 'true',
        'rg.staff.password': PASSWORD,
        userAttributes: 'nope',
      }),
    );
    expect(result.errors).toEqual({
      userAttributes: expect.stringContaining('"nope"'),
      'rg.staff.password': 'Enter this password again: passwords are never kept on the card.',
    });
    const card = flowFormCard('user', { ...FORM_BASE, mode: 'add', ...result });
    expect(cardInputs(card)['rg.staff.password']).toBe('');
    expect(cardInputs(card)['rg.staff.include']).toBe('true');
    expect(JSON.stringify(card)).not.toContain(PASSWORD);
  });

  it('when the caller passes a password back in values by mistake, then the card still renders it empty', () => {
    const card = flowFormCard('user', {
      ...FORM_BASE,
      mode: 'add',
      values: { 'rg.staff.password': PASSWORD, 'rg.staff.include': 'true' },
    });
    expect(JSON.stringify(card)).not.toContain(PASSWORD);
  });

  it('when data names a role group that is not in the list, then it is ignored', () => {
    const result = parseTyped({
      'rg.intruders.include': 'true',
      'rg.intruders.password': PASSWORD,
    });
    expect(result.ok && result.value).not.toHaveProperty('creationOptions');
  });
});
