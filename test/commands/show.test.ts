import { SEED_IDS } from '../../src/sandbox/emulator';
import { useTestBot, cardText } from '../support/testBot';
import { click, createFlowSets, executeActions, graphCallsDuring, say, type Card } from './support';

const nameOf = (card: Card): string => card.body[0].text;

describe('show (component, sandbox Graph emulator)', () => {
  const bot = useTestBot({}, { resetEach: 'state' });

  it.each([
    ['its id', `show ${SEED_IDS.northwind}`, 'Northwind High School'],
    ['its id in upper case', `show ${SEED_IDS.northwind.toUpperCase()}`, 'Northwind High School'],
    ['its exact name, any case', 'SHOW northwind HIGH school', 'Northwind High School'],
    ['a unique prefix', 'show fab', 'Fabrikam Elementary pilot'],
    ['a unique substring', 'show elementary', 'Fabrikam Elementary pilot'],
    ['its quoted name', 'show "Fabrikam Elementary pilot"', 'Fabrikam Elementary pilot'],
    ['its name with typographic quotes', 'show “Northwind High School”', 'Northwind High School'],
    [
      'a hyphen for the en dash',
      'show contoso district - all schools',
      'Contoso District – All schools',
    ],
    ['an alias', 'details northwind', 'Northwind High School'],
  ])('when a set is named by %s, then its detail card is shown', async (_how, text, name) => {
    expect(nameOf(await say(bot, text))).toBe(name);
  });

  it('when a set is shown, then filter, timestamps and each flow with readiness and key settings are on the card', async () => {
    const card = await say(bot, 'show contoso');
    const text = cardText(card);
    for (const expected of [
      'All organisations (no filter)',
      // In the reader's own time zone (Teams formats the macros per user).
      'Created\n{{DATE(2025-08-18T14:05:11Z, SHORT)}} {{TIME(2025-08-18T14:05:11Z)}}',
      'Users',
      'Create unmatched users',
      'Staff licences',
      'M365EDU_A3_FACULTY',
      'Students licences',
      'M365EDU_A3_STUUSEBNFT',
      'Grade level, User number',
      'Minor',
      'Allow student–contact association',
      'Classes',
      'Create a Team for each class',
      'Set the group name only when it is created',
      'Teacher, Teacher assistant, Paraprofessional, Staff',
      'Student, Aide, Substitute, Proctor',
      'Security groups',
      'Security group for each school and role group',
      'Administrative units',
      '✗ failed',
      'Administrative unit for each school',
    ])
      expect(text).toContain(expected);
    // Graph masks passwords; the card must not even carry the mask.
    expect(JSON.stringify(card)).not.toMatch(/\*\*\*|password|Contoso-Staff/i);
  });

  it('when a set is shown, then Graph is called twice: the sets, then its flows', async () => {
    const calls = await graphCallsDuring(bot, () => say(bot, 'show northwind'));
    expect(calls.map((c) => c.method)).toEqual(['GET', 'GET']);
    expect(calls[1]!.path).toContain(`${SEED_IDS.northwind}/provisioningFlows`);
  });

  it('when a set is shown, then its buttons carry only ids and the set version', async () => {
    const actions = executeActions(await say(bot, 'show northwind'));
    const set = (await bot.app.services.graph.forApp().getFlowSet(SEED_IDS.northwind)).data;
    const ref = { setId: SEED_IDS.northwind, version: set.lastModifiedDateTime };
    const perFlow = (a: { data: object }) => 'flowId' in a.data;
    expect(actions.filter((a) => !perFlow(a)).map((a) => [a.title, a.verb, a.data])).toEqual([
      ['Refresh', 'command.run', { command: `show ${SEED_IDS.northwind}` }],
      ['Edit', 'flowset.edit', ref],
      ['Add flow', 'flow.add', { ...ref, newMessage: true }],
      ['Delete', 'flowset.delete', ref],
    ]);
    const flowRefs = [
      { ...ref, flowId: SEED_IDS.northwindUser, kind: 'user' },
      { ...ref, flowId: SEED_IDS.northwindClassGroup, kind: 'classGroup' },
    ];
    for (const verb of ['flow.edit', 'flow.remove', 'flow.reset']) {
      expect(actions.filter((a) => a.verb === verb).map((a) => a.data)).toEqual(flowRefs);
    }
  });

  it('when a set already has all four flow types, then there is no Add flow button', async () => {
    const titles = executeActions(await say(bot, 'show contoso')).map((a) => a.title);
    expect(titles).not.toContain('Add flow');
    expect(titles.filter((t) => t === 'Reset')).toHaveLength(4);
  });

  it('when Refresh is clicked, then the card is shown again with what Graph has now', async () => {
    const refresh = executeActions(await say(bot, 'show fabrikam')).find(
      (a) => a.title === 'Refresh',
    )!;
    bot.app.sandbox!.emulator.control.setReadiness(SEED_IDS.fabrikamSecurityGroup, 'ready');
    const text = cardText(await click(bot, refresh));
    expect(text).toContain('Fabrikam Elementary pilot');
    expect(text).not.toContain('expired');
  });

  it('when a name matches several sets, then a which-one card offers each as a button that shows it', async () => {
    const [middle] = await createFlowSets(bot, ['Northwind Middle School']);
    const card = await say(bot, 'show northwind');
    expect(cardText(card)).toContain('Which flow set do you mean by "northwind"?');
    const choices = executeActions(card).filter((a) => a.title === 'Show');
    expect(choices.map((a) => a.data)).toEqual([
      { command: `show ${SEED_IDS.northwind}` },
      { command: `show ${middle}` },
    ]);
    expect(nameOf(await click(bot, choices[1]!))).toBe('Northwind Middle School');
  });

  it('when a quoted name is not an exact name, then nothing is guessed from it', async () => {
    const card = await say(bot, 'show "Fabrikam"');
    expect(cardText(card)).toContain('There is no flow set named "Fabrikam".');
    expect(cardText(card)).toContain('Did you mean one of these?');
    expect(
      executeActions(card)
        .filter((a) => a.title === 'Show')
        .map((a) => a.data),
    ).toEqual([{ command: `show ${SEED_IDS.fabrikamPilot}` }]);
  });

  it('when a name matches nothing, then the closest names are offered', async () => {
    const card = await say(bot, 'show northwnd');
    const text = cardText(card);
    expect(text).toContain('There is no flow set named "northwnd".');
    expect(text).toContain('Did you mean one of these?');
    expect(
      executeActions(card)
        .filter((a) => a.title === 'Show')
        .map((a) => a.data),
    ).toEqual([{ command: `show ${SEED_IDS.northwind}` }]);
  });

  it('when show gets no name, then the usage is shown', async () => {
    expect(cardText(await say(bot, 'show'))).toContain('Usage\nshow {set}');
  });
});
