/** Issue 11 item 9 over /api/messages: a flow set whose name is markdown is listed literally. */
import { useTestBot, cardText } from '../support/testBot';
import { createFlowSets, say } from './support';

const NAME = '**bold** [link](https://example.invalid/x)';

describe('markdown in a flow set name (component, sandbox Graph emulator)', () => {
  const bot = useTestBot({}, { resetEach: 'state' });

  it('when a set is named **bold** [link](…), then list shows those characters, not a link', async () => {
    await createFlowSets(bot, [NAME]);
    const card = await say(bot, 'list');
    const json = JSON.stringify(card);
    expect(json).toContain(
      JSON.stringify('\\*\\*bold\\*\\* \\[link\\](https://example.invalid/x)'),
    );
    expect(json).not.toContain('[link](');
    expect(json).not.toContain('**bold**');
    expect(cardText(card)).toContain(NAME);
  });

  it('when show names it, then the set card heading shows it literally too', async () => {
    const [id] = await createFlowSets(bot, [NAME]);
    const card = await say(bot, `show ${id}`);
    expect(JSON.stringify(card)).not.toContain('[link](');
    expect(cardText(card)).toContain(NAME);
  });
});
