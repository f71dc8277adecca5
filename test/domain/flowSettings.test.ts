import { flowSettingFacts, type Fact } from '../../src/domain/flowSettings';
import { ProvisioningFlow } from '../../src/domain/flowSchemas';
import { flow } from './flowFixtures';

const factsOf = (facts: Fact[]) => Object.fromEntries(facts.map((f) => [f.title, f.value]));

describe('flowSettingFacts', () => {
  it('when a user flow is fully configured, then every key setting is a fact and no password is', () => {
    const facts = flowSettingFacts(
      flow('user', 'ready', {
        createUnmatchedUsers: true,
        creationOptions: {
          configurations: [
            {
              roleGroup: { id: 'staff', displayName: 'Staff', roles: [] },
              licenseSkus: ['A3_FACULTY', 'EMS'],
              defaultPasswordSettings: { password: '***************' },
            },
            { 'roleGroup@odata.bind': 'https://x/beta/external/industryData/roleGroups/students' },
          ],
        },
        managementOptions: {
          additionalAttributes: ['userGradeLevel', 'userNumber'],
          additionalOptions: { allowStudentContactAssociation: false, studentAgeGroup: 'adult' },
        },
      }),
    );
    expect(factsOf(facts)).toEqual({
      'Create unmatched users': 'Yes',
      'Staff licences': 'A3_FACULTY, EMS',
      'students licences': 'None',
      // The same words as the form and the preview (fieldLabels.ts).
      'Extra user attributes': 'Grade level, User number',
      'Student age group': 'Adult',
      'Allow student–contact association': 'No',
    });
    expect(JSON.stringify(facts)).not.toContain('*');
  });

  it.each([
    [{ studentAgeGroup: 'minor' }, 'Minor'],
    [{ studentAgeGroup: 'notAdult' }, 'Not adult'],
    [{ studentAgeGroup: 'youngAdult' }, 'young adult'],
    [{ markAllStudentsAsMinors: true }, 'All students are minors (older setting)'],
    [{ studentAgeGroup: null }, 'Not set (no age-group enforcement)'],
  ])('when the user options are %j, then the age group reads "%s"', (options, expected) => {
    const facts = factsOf(
      flowSettingFacts(
        flow('user', 'ready', { managementOptions: { additionalOptions: options } }),
      ),
    );
    expect(facts['Student age group']).toBe(expected);
    expect(facts['Create unmatched users']).toBe('Not set');
    expect(facts['Extra user attributes']).toBe('None');
  });

  it('when a class group flow is shown, then team, display name, attributes and mappings are facts', () => {
    const facts = flowSettingFacts(
      flow('classGroup', 'ready', {
        configuration: {
          additionalAttributes: ['courseTitle', 'classCode'],
          additionalOptions: { createTeam: false, writeDisplayNameOnCreateOnly: true },
          enrollmentMappings: {
            ownerEnrollmentMappings: [{ code: 'teacher' }, { code: 'teacherAssistant' }],
            memberEnrollmentMappings: [{ code: 'student' }],
          },
        },
      }),
    );
    expect(factsOf(facts)).toEqual({
      'Create a Team for each class': 'No',
      'Set the group name only when it is created': 'Yes',
      'Extra class attributes': 'Course title, Class code',
      'Owner enrollment roles': 'Teacher, Teacher assistant',
      'Member enrollment roles': 'Student',
    });
  });

  it.each<['securityGroup' | 'administrativeUnit', Record<string, string>]>([
    [
      'securityGroup',
      {
        'Security group for each role group': 'Yes',
        'Security group for each school and role group': 'No',
      },
    ],
    [
      'administrativeUnit',
      {
        'Administrative unit for each school': 'No',
        'Administrative unit for each school and role group': 'Yes',
      },
    ],
  ])('when a %s flow is shown, then its two creation options are facts', (kind, expected) => {
    expect(factsOf(flowSettingFacts(flow(kind, 'ready')))).toEqual(expected);
  });

  it.each([
    [
      'a flow type this version does not know',
      { '@odata.type': '#microsoft.graph.industryData.futureFlow' },
    ],
    [
      'a known type without its required parts',
      { '@odata.type': '#microsoft.graph.industryData.userProvisioningFlow' },
    ],
  ])('when it is %s, then only its type is shown, without crashing', (_case, body) => {
    const facts = flowSettingFacts(ProvisioningFlow.parse({ id: 'f', ...body }));
    expect(facts).toHaveLength(1);
    expect(facts[0]!.value).toContain('settings not shown');
  });
});
