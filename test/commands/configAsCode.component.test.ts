/**
 * Configuration as code over the real /api/messages (docs/configuration-as-code.md): export a
 * seeded set, import the same document under a new name (the set's preview, Apply, then the
 * flows' previews and the user flow's password form), an invalid document's errors by path, copy,
 * and help. Every card the bot sends here must validate.
 */
import { exportDocument } from '../../src/domain/configExport';
import { PASSWORD_PLACEHOLDER } from '../../src/domain/configDocument';
import { SEED_IDS } from '../../src/sandbox/emulator';
import { validateAdaptiveCard } from '../support/adaptiveCardSchema';
import { cardText, useTestBot } from '../support/testBot';
import {
  adminGraph,
  AVERY,
  button,
  buttons,
  cardOf,
  from,
  graphWrites,
  press,
  type Card,
} from '../changes/support';

/** Every card the bot posted in answer to one message (1:1 unless said), each checked against Teams 1.5. */
async function cardsFor(
  bot: ReturnType<typeof useTestBot>,
  text: string,
  where = 'message-personal',
): Promise<Card[]> {
  const activity = bot.activity(where, { text, ...from(AVERY) });
  const before = bot.connector.calls.length;
  const res = await bot.send(activity);
  expect(res.status).toBe(200);
  const cards = bot.connector.calls
    .slice(before)
    .filter((c) => c.method === 'POST')
    .flatMap((c) => c.activity?.attachments ?? [])
    .filter(
      (a: { contentType: string }) => a.contentType === 'application/vnd.microsoft.card.adaptive',
    )
    .map((a: { content: Card }) => a.content);
  for (const card of cards) expect(validateAdaptiveCard(card)).toEqual([]);
  return cards;
}

/** The JSON an export card shows in its CodeBlock. */
function exportedJson(card: Card): string {
  const block = card.body.find((e: { type: string }) => e.type === 'CodeBlock');
  expect(block.fallback.type).toBe('TextBlock');
  return block.codeSnippet as string;
}

const PASSWORDS = {
  'rg.staff.password': 'Staff-Pass-2026!',
  'rg.students.password': 'Stud-Pass-2026!',
};

describe('export, import and copy (component)', () => {
  const bot = useTestBot({}, { resetEach: 'state+requests' });
  const setNamed = async (name: string) =>
    (await adminGraph(bot).listFlowSets()).data.find((s) => s.displayName === name);
  const documentOf = async (setId: string) => {
    const graph = adminGraph(bot);
    const set = (await graph.getFlowSet(setId)).data;
    const flows = (await graph.listFlows(setId)).data;
    const groups = (await graph.listRoleGroups()).data;
    return exportDocument(set, flows, groups, new Date()).document;
  };

  it('when a seeded set is exported and imported under a new name, then the set is previewed, then its flows (passwords asked for), and the result is identical', async () => {
    const [exported] = await cardsFor(bot, `export ${SEED_IDS.allSchools}`);
    const json = exportedJson(exported);
    expect(json).toContain(PASSWORD_PLACEHOLDER);
    expect(json).not.toMatch(/Contoso-Sta|Contoso-Stu|passwordSha/);
    const doc = JSON.parse(json);
    expect(doc.flows.user.creationOptions.configurations[0].roleGroup).toEqual({
      id: 'staff',
      displayName: expect.any(String),
    });
    doc.flowSet.displayName = 'Contoso District – copy';
    const text = `import ${JSON.stringify(doc, null, 2)}`;

    const writesBefore = graphWrites(bot).length;
    const [plan, setPreview] = await cardsFor(bot, text);
    expect(graphWrites(bot)).toHaveLength(writesBefore);
    expect(cardText(plan)).toContain('a new flow set');
    expect(cardText(plan)).toMatch(/user flow.*once the set exists/is);
    expect(cardText(setPreview)).toContain('Contoso District – copy');
    cardOf(await press(bot, setPreview, 'Apply'));
    const created = await setNamed('Contoso District – copy');
    expect(created).toBeDefined();

    const cards = await cardsFor(bot, text);
    expect(cards).toHaveLength(5); // the plan, the user form, three previews
    const [again, userForm, ...previews] = cards;
    expect(cardText(again)).toContain('Contoso District – copy');
    expect(cardText(userForm)).toContain('Documents never hold passwords');
    for (const preview of previews) cardOf(await press(bot, preview, 'Apply'));
    const userPreview = cardOf(await press(bot, userForm, 'flow.preview', { typed: PASSWORDS }));
    expect(JSON.stringify(userPreview)).not.toContain('Staff-Pass');
    cardOf(await press(bot, userPreview, 'Apply'));

    const copy = await documentOf(created!.id);
    const original = await documentOf(SEED_IDS.allSchools);
    expect(copy.flows).toEqual(original.flows);
    expect(copy.flowSet.filter).toEqual(original.flowSet.filter);

    // A third time: everything matches, nothing to change.
    const [done, ...rest] = await cardsFor(bot, text);
    expect(rest).toEqual([]);
    expect(cardText(done)).toContain('already matches the document');
  });

  it('when an invalid document is imported, then its errors are listed by path and nothing is written', async () => {
    const [exported] = await cardsFor(bot, `export Northwind`);
    const doc = JSON.parse(exportedJson(exported));
    doc.flowSet.displayName = '';
    doc.flows.classGroup = { configuration: { ...doc.flows.classGroup?.configuration, extra: 1 } };
    doc.flows.user = { ...doc.flows.user, createUnmatchedUsers: 'yes' };
    const [card] = await cardsFor(bot, `import ${JSON.stringify(doc)}`);
    const shown = cardText(card);
    expect(shown).toContain('cannot be imported');
    expect(shown).toContain('flowSet.displayName');
    expect(shown).toContain('flows.classGroup.configuration.extra');
    expect(shown).toContain('flows.user.createUnmatchedUsers');
    expect(graphWrites(bot)).toEqual([]);
  });

  it('when a document names a role group that does not exist, then the error names its path', async () => {
    const [exported] = await cardsFor(bot, `export ${SEED_IDS.allSchools}`);
    const doc = JSON.parse(exportedJson(exported));
    doc.flows.user.creationOptions.configurations[0].roleGroup = { displayName: 'Governors' };
    const [card] = await cardsFor(bot, `import ${JSON.stringify(doc)}`);
    expect(cardText(card)).toContain('flows.user.creationOptions.configurations[0].roleGroup');
  });

  it('when a set is copied for other schools, then the new set is previewed with those schools and Continue previews its flows', async () => {
    const [plan, preview] = await cardsFor(
      bot,
      'copy Northwind as "Southridge High" for schools SHS-0107, SHS-0108',
    );
    expect(cardText(plan)).toContain('Copy of "Northwind High School"');
    expect(cardText(preview)).toContain('Southridge High');
    expect(cardText(preview)).toContain('SHS-0107');
    cardOf(await press(bot, preview, 'Apply'));
    const set = await setNamed('Southridge High');
    expect(set?.filter?.in).toEqual(['SHS-0107', 'SHS-0108']);
    expect(buttons(plan).map((b) => b.title)).toContain('Continue');
    const cont = button(plan, 'Continue');
    expect(cont.data.command).toMatch(
      /^copy .* as "Southridge High" for schools SHS-0107, SHS-0108$/,
    );
    const flows = await cardsFor(bot, String(cont.data.command));
    expect(flows.length).toBeGreaterThan(1);
    expect(cardText(flows[0])).toContain('Southridge High');
  });

  it('when help is asked for, then it lists export, import and copy', async () => {
    const [help] = await cardsFor(bot, 'help');
    const shown = cardText(help);
    for (const usage of ['export {set}', 'import {document}', 'copy {set} as {name}'])
      expect(shown).toContain(usage);
  });
});
