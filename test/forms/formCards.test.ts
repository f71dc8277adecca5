/**
 * Every form state is a card Teams accepts (Adaptive Cards 1.5, ≤ 28 KB), carries its input ids
 * only once and never under a key the action data uses, and never holds a password.
 */
import { RESERVED_DATA_KEYS } from '../../src/forms';
import { MAX_CARD_BYTES, validateAdaptiveCard } from '../support/adaptiveCardSchema';
import { FORM_CARD_STATES } from './formCardStates';
import { cardInputs } from './submit';

const cases = Object.entries(FORM_CARD_STATES).flatMap(([template, states]) =>
  Object.entries(states).map(([state, render]) => ({ template, state, render })),
);

describe('form cards', () => {
  it.each(cases)(
    'when $template is rendered for "$state", then it is a valid 1.5 card',
    ({ render }) => {
      const card = render();
      expect(validateAdaptiveCard(card)).toEqual([]);
      expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(MAX_CARD_BYTES);
    },
  );

  it.each(cases)(
    'when $template is rendered for "$state", then no input id is a reserved data key',
    ({ render }) => {
      const ids = Object.keys(cardInputs(render()));
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.filter((id) => (RESERVED_DATA_KEYS as readonly string[]).includes(id))).toEqual(
        [],
      );
    },
  );
});
