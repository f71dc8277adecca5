/**
 * Issue 11 item 9: user text must never render as markdown. Two angles:
 * - every test state of every template, with a markdown payload appended to every string of its
 *   view-model at the render boundary: no markdown property may carry it unescaped;
 * - the real view-models fed a set named `**bold** [link](…)` and a user named `_Eve_ [x](y)`.
 */
import { cardTemplateNames, type AdaptiveCard } from '../../src/views/render';
import { flowSetCard } from '../../src/views/flowSetCard';
import { flowSetListCard } from '../../src/views/flowSetListCard';
import { historyCard } from '../../src/views/historyCard';
import { notificationCard } from '../../src/views/notificationCard';
import { noSuchFlowSetCard, whichOneCard } from '../../src/views/whichOneCard';
import { errorCard } from '../../src/views/messageCards';
import { previewCardFor } from '../../src/views/changeCards';
import { appliedCard } from '../../src/views/changeOutcomeCards';
import { storedSetView } from '../../src/views/changeResultCard';
import { newPendingChange } from '../../src/domain/pendingChange';
import { pageOf } from '../../src/domain/paging';
import { AppError } from '../../src/errors';
import { FlowSet, page, ProvisioningFlow } from '../../src/domain/flowSchemas';
import { signInAndRunCard } from '../../src/teams/sso/signInCards';
import { entry } from '../history/fixtures';
import { statusEvent } from '../notifications/fixtures';
import { graphDocBody } from '../support/graphDocs';
import { statesFor } from './cardStates';

const HOSTILE_SET = '**bold** [link](https://example.invalid/x)';
const HOSTILE_USER = '_Eve_ [x](y)';
const ESCAPED_SET = '\\*\\*bold\\*\\* \\[link\\](https://example.invalid/x)';
const ESCAPED_USER = '\\_Eve\\_ \\[x\\](y)';
const UNESCAPED = ['**bold**', '[link](', '_Eve_', '[x]('];

jest.mock('../../src/views/render', () => {
  const actual = jest.requireActual('../../src/views/render');
  const payload = ' **bold** [link](https://example.invalid/x)';
  // Single words stay: they are colours, styles and states that $when compares.
  const poison = (v: unknown): unknown =>
    typeof v === 'string'
      ? /^[A-Za-z]*$/.test(v)
        ? v
        : v + payload
      : Array.isArray(v)
        ? v.map(poison)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, poison(x)]))
          : v;
  return {
    ...actual,
    poisoned: { on: false },
    renderCard(name: string, model: object) {
      const on = (jest.requireMock('../../src/views/render') as { poisoned: { on: boolean } })
        .poisoned.on;
      return actual.renderCard(name, on ? (poison(model) as object) : model);
    },
  };
});
const poisoned = (jest.requireMock('../../src/views/render') as { poisoned: { on: boolean } })
  .poisoned;

/** Every string Teams renders as markdown, in document order. */
function markdownTexts(card: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const e = node as Record<string, unknown>;
    const push = (v: unknown) => typeof v === 'string' && out.push(v);
    if (e.type === 'TextBlock') push(e.text);
    if (e.type === 'Input.Toggle') push(e.title);
    if (e.type === 'FactSet' && Array.isArray(e.facts))
      for (const f of e.facts as Array<Record<string, unknown>>) {
        push(f.title);
        push(f.value);
      }
    if (
      e.type === 'Input.ChoiceSet' &&
      (e.isMultiSelect === true || e.style === 'expanded') &&
      Array.isArray(e.choices)
    )
      for (const c of e.choices as Array<Record<string, unknown>>) push(c.title);
    Object.values(e).forEach(walk);
  };
  walk(card);
  return out;
}

const unescapedIn = (card: AdaptiveCard): string[] =>
  markdownTexts(card).filter((t) => UNESCAPED.some((u) => t.includes(u)));

describe('every card state with markdown in every view-model string', () => {
  const cases = cardTemplateNames().flatMap((template) =>
    Object.entries(statesFor(template) ?? {}).map(([state, render]) => ({
      template,
      state,
      render,
    })),
  );
  beforeAll(() => (poisoned.on = true));
  afterAll(() => (poisoned.on = false));

  it.each(cases)('$template "$state": shown literally, never as markdown', ({ render }) => {
    const card = render();
    expect(unescapedIn(card)).toEqual([]);
    expect(markdownTexts(card).some((t) => t.includes(ESCAPED_SET))).toBe(true);
  });
});

describe('the real view-models with a set named **bold** [link](…) and a user _Eve_ [x](y)', () => {
  const docs = page(FlowSet).parse(
    graphDocBody('01-list-outboundprovisioningflowsets-response.json'),
  ).value;
  const flows = page(ProvisioningFlow).parse(
    graphDocBody('06-list-provisioningflows-response.json'),
  ).value;
  const set = {
    ...docs[0]!,
    displayName: HOSTILE_SET,
    filter: { in: ['*1*', '[2](x)'] },
  } as FlowSet;
  const EVE = { aadObjectId: 'oid-eve', name: HOSTILE_USER };
  const NOW = new Date('2026-03-01T10:00:00Z');
  const change = newPendingChange({
    kind: 'updateFlowSet',
    target: { setId: set.id },
    body: { displayName: `${HOSTILE_SET} 2`, filter: null },
    baseVersion: null,
    requester: EVE,
    now: NOW,
  });
  const view = {
    setName: HOSTILE_SET,
    before: { displayName: HOSTILE_SET, filter: null },
    effects: [],
  };
  const applied = {
    ...change,
    state: 'applied' as const,
    result: { requestId: 'r-1', appliedAt: NOW.toISOString() },
    history: [...change.history, { state: 'applied' as const, at: NOW.toISOString(), by: EVE }],
  };

  const cards: Record<string, () => AdaptiveCard> = {
    list: () => flowSetListCard(pageOf([{ set, flows }], 1, 10)),
    show: () => flowSetCard(set, flows),
    'which one': () => whichOneCard(HOSTILE_SET, [set, set]),
    'no such set': () => noSuchFlowSetCard(HOSTILE_SET, [set]),
    preview: () => previewCardFor(change, view),
    result: () => appliedCard(applied, view, storedSetView(set, flows)),
    notification: () =>
      notificationCard(
        statusEvent({
          setName: HOSTILE_SET,
          attribution: {
            changeKind: 'updateFlowSet',
            requester: HOSTILE_USER,
            approver: HOSTILE_USER,
            appliedAt: NOW.toISOString(),
          },
        }),
      ),
    history: () =>
      historyCard({
        entries: [
          {
            ...entry({
              actor: EVE,
              requester: EVE,
              setName: HOSTILE_SET,
              reason: HOSTILE_USER,
              event: 'rejected',
            }),
            id: '1',
          },
        ],
        page: 1,
        hasNext: false,
        set: { id: set.id, name: HOSTILE_SET },
      }),
    'Graph error text': () =>
      errorCard(new AppError('forbidden', `Graph said: ${HOSTILE_SET}`), {}),
    'sign-in and run': () => signInAndRunCard(`show ${HOSTILE_SET}`),
  };

  it.each(Object.keys(cards))('%s shows the names literally', (name) => {
    const card = cards[name]!();
    expect(unescapedIn(card)).toEqual([]);
    expect(markdownTexts(card).some((t) => t.includes(ESCAPED_SET))).toBe(true);
  });

  it('the user name is escaped where it is shown', () => {
    for (const card of [cards.history!(), cards.notification!()])
      expect(markdownTexts(card).join('\n')).toContain(ESCAPED_USER);
  });
});
