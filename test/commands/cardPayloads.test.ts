/**
 * The cards of the read commands with worst-case data (50 flow sets, long names, big filters,
 * every flow type fully configured): each stays under Teams' 28 KB message limit with room for
 * the activity around it, and passes the project's Adaptive Card 1.5 validation.
 */
import { validateAdaptiveCard } from '../support/adaptiveCardSchema';
import { cardWithPassword, READ_COMMAND_CARD_STATES } from './readCardStates';

/** Teams' limit for a bot message with its card (docs/teams-notes.md#message-size), less 2 KB for the activity. */
const CARD_BUDGET_BYTES = 28 * 1024 - 2 * 1024;

const cases = Object.entries(READ_COMMAND_CARD_STATES).flatMap(([template, states]) =>
  Object.entries(states).map(([state, render]) => ({ template, state, render })),
);

describe('read-command cards with 50 flow sets', () => {
  it.each(cases)(
    'when $template is rendered for "$state", then it stays under the Teams payload budget',
    ({ render }) => {
      expect(Buffer.byteLength(JSON.stringify(render()), 'utf8')).toBeLessThan(CARD_BUDGET_BYTES);
    },
  );

  it.each(cases)(
    'when $template is rendered for "$state", then it is a valid Teams 1.5 card',
    ({ render }) => {
      expect(validateAdaptiveCard(render())).toEqual([]);
    },
  );

  it('when a password is in a flow, then no card carries it or its mask', () => {
    expect(JSON.stringify(cardWithPassword())).not.toMatch(/\*\*\*|password/i);
  });
});
