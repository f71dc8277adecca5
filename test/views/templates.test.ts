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

  it.each(cases)(
    'when $template is expanded for "$state", then its text is readable without an emoji font and no small yellow text',
    ({ render }) => {
      const problems: string[] = [];
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) return node.forEach(walk);
        if (!node || typeof node !== 'object') return;
        const o = node as Record<string, unknown>;
        // Yellow text on white fails contrast: a warning is a Container with style "warning".
        if (o.type === 'TextBlock' && o.color === 'Warning') problems.push(`yellow: ${o.text}`);
        for (const v of Object.values(o)) {
          // ⌛ ⏳ and other emoji-font glyphs render as empty boxes without one.
          if (typeof v === 'string' && /[\u2300-\u23ff\u2298\u{1f000}-\u{1faff}]/u.test(v))
            problems.push(`glyph: ${v}`);
          else walk(v);
        }
      };
      walk(render());
      expect(problems).toEqual([]);
    },
  );

  it('when a fixture or view-model entry names a template, then that template exists', () => {
    const orphans = [...fixtureNames(), ...Object.keys(VIEW_MODEL_STATES)].filter(
      (name) => !templates.includes(name),
    );
    expect(orphans).toEqual([]);
  });
});
