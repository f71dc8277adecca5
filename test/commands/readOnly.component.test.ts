/**
 * Issue 12 item 3: someone whose sign-in cannot change flow sets (Eli: read-only consent) is told
 * so when asking to change, before any form or preview, not at Apply.
 */
import { SEED_IDS } from '../../src/sandbox/emulator';
import { SANDBOX_USERS } from '../../src/sandbox/users';
import { READ_ONLY_MESSAGE } from '../../src/bot/writeAccess';
import { cardText, shownText, useTestBot } from '../support/testBot';
import { button, cardFor, cardOf, graphWrites, invoke } from '../changes/support';

const ELI = SANDBOX_USERS.find((u) => u.name === 'Eli ReadOnly')!;

describe('read-only admins are refused when they ask to change', () => {
  const bot = useTestBot({}, { resetEach: 'state+requests' });

  it.each([
    'create Lakeside Academy',
    'edit northwind',
    `delete ${SEED_IDS.fabrikamPilot}`,
    'add security group flow to northwind',
    'remove class flow from northwind',
    'reset class flow in northwind',
  ])(
    'when Eli says "%s", then the bot refuses at once with the reason, and no form or preview',
    async (text) => {
      const card = await cardFor(bot, text, ELI);
      const said = cardText(card);
      expect(said).toContain(shownText(READ_ONLY_MESSAGE));
      expect(said).not.toMatch(/Apply|Preview/);
      expect(graphWrites(bot)).toEqual([]);
    },
  );

  it('when Eli clicks Edit or Add flow on a set card, then the refusal comes instead of a form', async () => {
    const show = await cardFor(bot, 'show northwind', ELI);
    for (const title of ['Edit', 'Add flow', 'Delete']) {
      const b = button(show, title);
      const body = await invoke(bot, b.verb, b.data, ELI);
      expect(cardText(cardOf(body))).toContain(shownText(READ_ONLY_MESSAGE));
    }
  });

  it('when Eli reads, then nothing changes: show and whoami still work', async () => {
    expect(cardText(await cardFor(bot, 'show northwind', ELI))).toContain('Northwind High School');
    expect(cardText(await cardFor(bot, 'whoami', ELI))).toMatch(/Can change flow sets\nNo/);
  });

  it('when Avery says "create X", then the form opens as before', async () => {
    const said = cardText(await cardFor(bot, 'create Lakeside Academy'));
    expect(said).not.toContain(shownText(READ_ONLY_MESSAGE));
  });
});
