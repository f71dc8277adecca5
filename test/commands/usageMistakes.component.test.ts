/**
 * Issue 12 item 10: a usage mistake gets a friendly usage card (what is missing, the usage, an
 * example, and a type picker where only the flow type is missing), never the red error box with an
 * activity reference; real failures keep the error box.
 */
import { cardText, useTestBot } from '../support/testBot';
import { executeActions, say } from './support';

const ERROR_BOX = /That did not work|Activity/;

describe('usage mistakes (component)', () => {
  const bot = useTestBot({}, { resetEach: 'state' });

  it('when "show" is said with no set, then a usage card says what is missing, with an example and no activity reference', async () => {
    const text = cardText(await say(bot, 'show'));
    expect(text).toContain('Which flow set?');
    expect(text).toContain('show {set}');
    expect(text).toContain('show Northwind');
    expect(text).not.toMatch(ERROR_BOX);
  });

  it.each(['undo', 'list page 0'])(
    'when "%s" is said, then it gets a usage card, not an error box',
    async (typed) => {
      const text = cardText(await say(bot, typed));
      expect(text).toContain('Usage');
      expect(text).not.toMatch(ERROR_BOX);
    },
  );

  it('when "reset flow in contoso" is said, then a type picker finishes the command', async () => {
    const card = await say(bot, 'reset flow in contoso');
    expect(cardText(card)).not.toMatch(ERROR_BOX);
    const commands = executeActions(card).map((a) => a.data.command);
    expect(commands).toContain('reset class flow in contoso');
    expect(commands).toContain('reset user flow in contoso');
  });
});
