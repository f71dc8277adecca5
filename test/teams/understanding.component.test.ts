/**
 * Issue 12 item 19: what people type around a command (trailing punctuation, case) is understood,
 * and suggestion buttons say what they do, not the syntax.
 */
import { cardText, useTestBot } from '../support/testBot';
import { executeActions, say } from '../commands/support';

describe('sentences around commands', () => {
  // No readiness may change between two answers that are compared: the seeded flows stay as seeded.
  const bot = useTestBot({ SANDBOX_READY_DELAY_MS: '3600000' }, { resetEach: 'state' });

  it('when "list." is said, then the answer is the same as for "list"', async () => {
    const plain = cardText(await say(bot, 'list'));
    expect(cardText(await say(bot, 'list.'))).toBe(plain);
    expect(plain).toContain('Northwind High School');
  });

  it.each([
    ['Help?', 'help'],
    ['WHOAMI.', 'whoami'],
  ])('when "%s" is said, then it answers like "%s"', async (typed, plain) => {
    expect(cardText(await say(bot, typed))).toBe(cardText(await say(bot, plain)));
  });

  it('when "Show Northwind!" is said, then the set is shown', async () => {
    expect((await say(bot, 'Show Northwind!')).body[0].text).toBe('Northwind High School');
  });

  it('when the input is unknown, then the suggestion buttons are labelled as actions', async () => {
    const card = await say(bot, 'lsit');
    const titles = executeActions(card).map((a) => a.title);
    expect(titles).toContain('List flow sets');
    expect(titles.join(' ')).not.toMatch(/[[{]/);
  });
});
