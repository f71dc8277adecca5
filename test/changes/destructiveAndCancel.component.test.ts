/**
 * Issue 12 items 21 and 22: the flow-type chooser has a Cancel; Delete and Remove previews show
 * their Apply in the destructive style (others stay positive).
 */
import { SEED_IDS } from '../../src/sandbox/emulator';
import { cardText, useTestBot } from '../support/testBot';
import { button, cardFor, cardOf, openedBy, press } from './support';

describe('previews and the flow-type chooser', () => {
  const bot = useTestBot({}, { resetEach: 'state' });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const applyOf = (card: any) => button(card, 'Apply') as unknown as { style?: string };

  it.each([
    [`delete ${SEED_IDS.fabrikamPilot}`, 'destructive'],
    ['remove class flow from Northwind', 'destructive'],
    ['reset class flow in Northwind', 'positive'],
  ])('when "%s" is previewed, then its Apply is %s', async (text, style) => {
    const preview = await cardFor(bot, text);
    expect(applyOf(preview).style).toBe(style);
  });

  it('when Cancel is clicked on the flow-type chooser, then it closes and nothing is saved', async () => {
    const show = await cardFor(bot, 'show northwind');
    const chooser = openedBy(bot, await press(bot, show, 'flow.add'));
    const closed = cardOf(await press(bot, chooser, 'Cancel'));
    expect(cardText(closed)).toContain('Cancelled: nothing was saved.');
    expect(cardText(closed)).toContain('Northwind High School');
  });
});
