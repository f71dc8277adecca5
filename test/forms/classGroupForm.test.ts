/** The class-group flow form: documented defaults, edit round trip, errors per input. */
import { defaultFlowValues, flowFormCard, parseFlowForm } from '../../src/forms';
import type { ClassGroupProvisioningFlow } from '../../src/domain/flowSchemas';
import { DOC_FLOWS, FORM_BASE, ROLE_GROUPS } from './formFixtures';
import { cardInputs, errorBeside, submit } from './submit';

const DOC = DOC_FLOWS.classGroup as ClassGroupProvisioningFlow;
const card = (current?: ClassGroupProvisioningFlow) =>
  flowFormCard('classGroup', {
    ...FORM_BASE,
    mode: current ? 'edit' : 'add',
    flowId: current?.id,
    current,
  });
const parse = (typed: Record<string, string>, current?: ClassGroupProvisioningFlow) =>
  parseFlowForm('classGroup', submit(card(current), 'flow.preview', typed), {
    mode: current ? 'edit' : 'add',
    roleGroups: ROLE_GROUPS,
    current,
  });

const OWNERS = [
  'teacher',
  'proctor',
  'teacherAssistant',
  'paraprofessional',
  'physicalTherapist',
  'speechTherapist',
  'visionTherapist',
  'occupationalTherapist',
  'staff',
];
const MEMBERS = ['student', 'substitute', 'aide', ...OWNERS.slice(1, -1), 'staff'];

describe('class group flow form', () => {
  it('when a new flow is added with the defaults, then it is the documented example without a Team per class', () => {
    expect(cardInputs(card())).toEqual(defaultFlowValues('classGroup', ROLE_GROUPS));
    expect(parse({})).toEqual({
      ok: true,
      value: {
        kind: 'classGroup',
        configuration: {
          additionalAttributes: [
            'courseTitle',
            'courseCode',
            'courseSubject',
            'courseGradeLevel',
            'courseExternalId',
            'academicSessionTitle',
            'academicSessionExternalId',
          ],
          additionalOptions: { createTeam: false, writeDisplayNameOnCreateOnly: true },
          enrollmentMappings: { ownerCodes: OWNERS, memberCodes: MEMBERS },
        },
      },
    });
  });

  it('when the documented flow is edited unchanged, then the input equals what is stored', () => {
    const result = parse({}, DOC);
    const { configuration } = DOC;
    expect(result).toEqual({
      ok: true,
      value: {
        kind: 'classGroup',
        configuration: {
          additionalAttributes: configuration.additionalAttributes,
          additionalOptions: { createTeam: true, writeDisplayNameOnCreateOnly: true },
          enrollmentMappings: { ownerCodes: OWNERS, memberCodes: MEMBERS },
        },
      },
    });
  });

  it('when every role code is offered, then owners and members both list all twelve documented codes', () => {
    const json = JSON.stringify(card());
    for (const title of [
      'Teacher assistant',
      'Occupational therapist',
      'Substitute',
      'Aide',
      'Student',
    ])
      expect(json.split(`"title":"${title}"`).length - 1).toBe(2);
  });

  it('when the stored flow uses other casing or codes we do not list, then they are matched or kept', () => {
    const stored: ClassGroupProvisioningFlow = {
      ...DOC,
      configuration: {
        ...DOC.configuration,
        enrollmentMappings: {
          ownerEnrollmentMappings: [{ code: 'paraProfessional' }, { code: 'adjunct' }],
          memberEnrollmentMappings: null,
        },
      },
    };
    expect(cardInputs(card(stored))).toMatchObject({
      ownerRoles: 'paraprofessional,adjunct',
      memberRoles: '',
    });
    const result = parse({}, stored);
    expect(result.ok && result.value).toMatchObject({
      configuration: {
        enrollmentMappings: { ownerCodes: ['paraprofessional', 'adjunct'], memberCodes: [] },
      },
    });
  });

  it('when Create a Team is shown, then the SDS warning is beside it', () => {
    expect(JSON.stringify(card())).toContain(
      'Students see a class Team only after a teacher activates it',
    );
  });

  it.each<{ id: string; typed: Record<string, string>; message: string }>([
    {
      id: 'ownerRoles',
      typed: { ownerRoles: 'teacher,wizard' },
      message: '"wizard" is not one of the roles',
    },
    {
      id: 'memberRoles',
      typed: { memberRoles: 'adjunct' },
      message: '"adjunct" is not one of the roles',
    },
    {
      id: 'classAttributes',
      typed: { classAttributes: 'courseTitle,shoeSize' },
      message: '"shoeSize"',
    },
    { id: 'createTeam', typed: { createTeam: 'on' }, message: 'Turn this on or off' },
    {
      id: 'writeDisplayNameOnCreateOnly',
      typed: { writeDisplayNameOnCreateOnly: '' },
      message: 'Turn this on or off',
    },
  ])(
    'when $id is invalid, then the error is beside it and the typed value is kept',
    ({ id, typed, message }) => {
      const result = parse(typed, DOC);
      if (result.ok) throw new Error('expected errors');
      expect(Object.keys(result.errors)).toEqual([id]);
      expect(result.errors[id]).toContain(message);
      const again = flowFormCard('classGroup', {
        ...FORM_BASE,
        mode: 'edit',
        current: DOC,
        ...result,
      });
      expect(errorBeside(again, id)).toBe(result.errors[id]);
      expect(cardInputs(again)[id]).toBe(Object.values(typed)[0]);
    },
  );
});
