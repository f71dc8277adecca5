/**
 * Every template in cards/, expanded for each of its test states, must be a card Teams accepts
 * (Adaptive Cards 1.5 plus the project's rules, see test/support/adaptiveCardSchema.ts).
 * New templates are picked up through cardTemplateNames(); one without states fails here.
 */
import { cardTemplateNames } from '../../src/views/render';
import { validateAdaptiveCard } from '../support/adaptiveCardSchema';
import { fixtureNames, statesFor, VIEW_MODEL_STATES } from './cardStates';

const templates = cardTemplateNames();
const cases = templates.flatMap((template) =>
  Object.entries(statesFor(template) ?? {}).map(([state, render]) => ({ template, state, render })),
);

describe('card templates', () => {
  it('when the cards folder is read, then it holds the templates the bot already uses', () => {
    expect(templates).toEqual(expect.arrayContaining(['help', 'error', 'whoami']));
  });

  it.each(templates)('when cards/%s.json exists, then it has at least one test state', (t) => {
    const states = statesFor(t);
    if (!states)
      throw new Error(
        `cards/${t}.json has no test states: add test/cards/fixtures/${t}.json ` +
          `({"<state>": <view-model>}) or a view-model entry in test/cards/cardStates.ts`,
      );
  });

  it.each(cases)(
    'when $template is expanded for "$state", then it is a valid Teams 1.5 card',
    ({ render }) => {
      expect(validateAdaptiveCard(render())).toEqual([]);
    },
  );

  it('when a fixture or view-model entry names a template, then that template exists', () => {
    const orphans = [...fixtureNames(), ...Object.keys(VIEW_MODEL_STATES)].filter(
      (name) => !templates.includes(name),
    );
    expect(orphans).toEqual([]);
  });
});
