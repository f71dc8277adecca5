import { useTestBot, cardText } from '../support/testBot';
import { graphCallsDuring, say } from './support';

describe('rolegroups (component, sandbox Graph emulator)', () => {
  const bot = useTestBot();

  it('when rolegroups is asked, then each role group is shown with its roles', async () => {
    const text = cardText(await say(bot, 'rolegroups'));
    expect(text).toContain('Staff');
    expect(text).toContain('id staff · 29 roles');
    expect(text).toMatch(/adjunct, administrator, .*teacher, teacherAssistant, visionTherapist/);
    expect(text).toContain('Students');
    expect(text).toContain('id students · 1 role');
  });

  it.each(['role groups', 'Roles'])(
    'when written as "%s", then the same card is shown',
    async (text) => {
      expect(cardText(await say(bot, text))).toContain('id students · 1 role');
    },
  );

  it('when rolegroups runs, then Graph is called once', async () => {
    expect(await graphCallsDuring(bot, () => say(bot, 'rolegroups'))).toEqual([
      { method: 'GET', path: '/beta/external/industryData/roleGroups' },
    ]);
  });

  it('when rolegroups gets arguments, then the usage is shown', async () => {
    expect(cardText(await say(bot, 'rolegroups staff'))).toContain('Usage\nrolegroups');
  });
});
