import { SEED_IDS } from '../../src/sandbox/emulator';
import { useTestBot, cardText } from '../support/testBot';
import { DANA, say } from './support';

const COMMANDS = ['list', 'show northwind', 'status', 'rolegroups'];

describe('read commands when Graph says no (component, sandbox Graph emulator)', () => {
  const bot = useTestBot();
  const control = () => bot.app.sandbox!.emulator.control;
  afterEach(() => control().clearFaults());

  it.each(COMMANDS)(
    'when a user who is not an admin types "%s", then a permission card explains what is needed',
    async (text) => {
      const card = await say(bot, text, {
        from: { id: '29:1dana-teams-user-id', name: DANA.name, aadObjectId: DANA.aadObjectId },
      });
      const shown = cardText(card);
      expect(shown).toContain('Permission needed');
      expect(shown).toMatch(/you need the IndustryData-[\w.]+ .*permission/);
      expect(shown).toContain('admin role');
      expect(shown).toContain('Graph request-id');
    },
  );

  it.each(COMMANDS)(
    'when Graph answers 503 to "%s", then the "not answering" card is shown',
    async (text) => {
      control().addFault({ status: 503, count: 50, retryAfterSeconds: 0 });
      const shown = cardText(await say(bot, text));
      expect(shown).toContain('Microsoft Graph is not answering');
      expect(shown).toMatch(/try again/i);
    },
  );

  it('when only the flows of one set fail with 503, then list fails as a whole rather than show half the truth', async () => {
    control().addFault({
      status: 503,
      count: 50,
      retryAfterSeconds: 0,
      pathContains: `${SEED_IDS.northwind}/provisioningFlows`,
    });
    expect(cardText(await say(bot, 'list'))).toContain('Microsoft Graph is not answering');
  });

  it('when Graph keeps throttling, then the "busy" card is shown', async () => {
    control().addFault({ status: 429, count: 50, retryAfterSeconds: 0 });
    expect(cardText(await say(bot, 'status'))).toContain('Microsoft Graph is busy');
  });
});
