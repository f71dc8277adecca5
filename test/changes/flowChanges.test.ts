/**
 * Flow changes end to end over real HTTP: every flow type added (form → preview → Apply),
 * edited and removed; reset (notReady, then ready on Refresh); the set card's flow buttons;
 * what happens when the set lacks or already has a type; a stale add.
 */
import { createPendingChangeStore } from '../../src/changes/pendingChangeStore';
import { FLOW_KINDS, flowKindOf, type FlowKind } from '../../src/domain/flowSchemas';
import { SEED_IDS } from '../../src/sandbox/emulator';
import { useTestBot, cardText } from '../support/testBot';
import {
  adminGraph,
  AVERY,
  button,
  buttons,
  cardFor,
  cardInputs,
  cardOf,
  graphWrites,
  press,
  sayAs,
  openedBy,
} from './support';

const WORDS: Record<FlowKind, string> = {
  user: 'user',
  classGroup: 'class groups',
  securityGroup: 'security group',
  administrativeUnit: 'administrative units',
};
const TITLES: Record<FlowKind, string> = {
  user: 'a user flow',
  classGroup: 'a class group flow',
  securityGroup: 'a security group flow',
  administrativeUnit: 'an administrative unit flow',
};
const PASSWORD = 'Welcome-2025!';
const ADD_TYPED: Record<FlowKind, Record<string, string>> = {
  user: {
    createUnmatchedUsers: 'true',
    'rg.staff.include': 'true',
    'rg.staff.password': PASSWORD,
    'rg.staff.licenseSkus': 'M365EDU_A3_FACULTY',
  },
  classGroup: { createTeam: 'true' },
  securityGroup: {},
  administrativeUnit: {},
};
/** One visible edit per type: a field and the value the edit form gets. */
const EDIT: Record<FlowKind, { input: string; value: (shown: string) => string; row: string }> = {
  user: { input: 'studentAgeGroup', value: () => 'adult', row: 'Student age group' },
  classGroup: {
    input: 'createTeam',
    value: (shown) => (shown === 'true' ? 'false' : 'true'),
    row: 'Create a Team for each class',
  },
  securityGroup: {
    input: 'createBasedOnRoleGroup',
    value: (shown) => (shown === 'true' ? 'false' : 'true'),
    row: 'Security group for each role group',
  },
  administrativeUnit: {
    input: 'createBasedOnOrg',
    value: (shown) => (shown === 'true' ? 'false' : 'true'),
    row: 'Administrative unit for each school',
  },
};

describe('flow changes through preview and Apply (component)', () => {
  // Long enough that a loaded machine still sees "not ready" right after Apply; the reset test
  // polls Refresh until the flow turns ready.
  const bot = useTestBot({ SANDBOX_READY_DELAY_MS: '1500' });
  let setId: string;
  const flowsOf = async (id: string) => (await adminGraph(bot).listFlows(id)).data;
  beforeEach(async () => {
    bot.app.sandbox!.emulator.control.resetState();
    setId = (await adminGraph(bot).createFlowSet({ displayName: 'Lakeside Academy' })).data.id;
    bot.app.sandbox!.emulator.control.clearRequests();
  });

  it.each(FLOW_KINDS)(
    'when a %s flow is added, edited and removed by command, then each goes through its preview and one Graph write as the user',
    async (kind) => {
      // add → form (defaults) → preview → Apply
      const form = await cardFor(bot, `add ${WORDS[kind]} flow to Lakeside`);
      const preview = cardOf(await press(bot, form, 'flow.preview', { typed: ADD_TYPED[kind] }));
      expect(cardText(preview)).toContain(`Add ${TITLES[kind]} to "Lakeside Academy"`);
      expect(JSON.stringify(preview)).not.toContain(PASSWORD);
      const added = cardOf(await press(bot, preview, 'Apply'));
      expect(cardText(added)).toContain('✓ Applied');
      expect(cardText(added)).toContain('… not ready');
      const [flow] = await flowsOf(setId);
      expect(flowKindOf(flow!)).toBe(kind);

      // edit → form (stored values) → preview (before → after) → Apply
      const editForm = await cardFor(bot, `edit ${WORDS[kind]} flow in Lakeside Academy`);
      const { input, value, row } = EDIT[kind];
      const typed = { [input]: value(cardInputs(editForm)[input] ?? '') };
      const editPreview = cardOf(await press(bot, editForm, 'flow.preview', { typed }));
      expect(cardText(editPreview)).toContain(row);
      expect(cardText(editPreview)).toContain('→');
      const edited = cardOf(await press(bot, editPreview, 'Apply'));
      expect(cardText(edited)).toContain('✓ Applied');

      // remove → preview (blast radius) → Apply
      const removePreview = await cardFor(bot, `remove ${WORDS[kind]} flow from Lakeside`);
      expect(cardText(removePreview)).toContain('Stops provisioning');
      const removed = cardOf(await press(bot, removePreview, 'Apply'));
      expect(cardText(removed)).toContain('✓ Applied');
      expect(await flowsOf(setId)).toEqual([]);

      expect(graphWrites(bot).map((w) => [w.method, w.callerOid])).toEqual([
        ['POST', AVERY.aadObjectId],
        ['PATCH', AVERY.aadObjectId],
        ['DELETE', AVERY.aadObjectId],
      ]);
    },
  );

  it('when a user flow is added, then the password reaches Graph but never a card', async () => {
    const form = await cardFor(bot, 'add users flow to Lakeside Academy');
    const preview = cardOf(await press(bot, form, 'flow.preview', { typed: ADD_TYPED.user }));
    expect(cardText(preview)).toContain('(new password set)');
    const result = cardOf(await press(bot, preview, 'Apply'));
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
    // Kept at rest only until it was sent.
    const stored = await createPendingChangeStore(bot.app.services.storage).get(
      button(preview, 'Apply').data.changeId as string,
    );
    expect(stored?.state).toBe('applied');
    expect(JSON.stringify(stored)).not.toContain(PASSWORD);
    const state = JSON.stringify(bot.app.sandbox!.emulator.control.snapshot());
    expect(state).not.toContain(PASSWORD); // the emulator keeps only a hash: it was sent
    expect(state).toContain('passwordSha256');
  });

  it('when a flow is reset, then the result shows it not ready and Refresh later shows it ready', async () => {
    const preview = await cardFor(bot, 'reset class flow in fabrikam');
    expect(cardText(preview)).toContain('Reset reprocesses everything');
    const result = cardOf(await press(bot, preview, 'Apply'));
    expect(cardText(result)).toContain('… not ready');
    expect(graphWrites(bot).map((w) => [w.method, w.path.endsWith('/reset')])).toEqual([
      ['POST', true],
    ]);
    let card = openedBy(bot, await press(bot, result, 'Show flow set'));
    // SANDBOX_READY_DELAY_MS is 1500 here: poll the card's Refresh until ready.
    for (let i = 0; i < 200 && !cardText(card).includes('Classes\n✓ ready'); i++) {
      await new Promise((r) => setTimeout(r, 20));
      card = cardOf(await press(bot, card, 'Refresh'));
    }
    expect(cardText(card)).toContain('Classes\n✓ ready');
  });

  it('when a set lacks the flow type, then edit, remove and reset say so and how to add one', async () => {
    for (const text of [
      'edit class flow in Lakeside',
      'remove class groups flow from Lakeside',
      'reset classes flow in Lakeside',
    ]) {
      expect((await sayAs(bot, text)).text).toBe(
        '"Lakeside Academy" has no class group flow; add one with "add class flow to Lakeside Academy".',
      );
    }
    expect(graphWrites(bot)).toEqual([]);
  });

  it('when the set already has the type, then add says so before any form', async () => {
    const { text } = await sayAs(bot, 'add class flow to northwind');
    expect(text).toContain('"Northwind High School" already has a class group flow');
    expect(text).toContain('edit class flow in Northwind High School');
  });

  it('when Add flow is clicked on the set card, then the missing types are offered and the chosen one opens its form', async () => {
    const show = await cardFor(bot, 'show northwind');
    const choice = openedBy(bot, await press(bot, show, 'flow.add'));
    expect(buttons(choice).map((b) => b.data.kind)).toEqual([
      'securityGroup',
      'administrativeUnit',
    ]);
    const form = cardOf(await press(bot, choice, 'Add'));
    expect(cardText(form)).toContain('Add security group flow');
    const preview = cardOf(await press(bot, form, 'flow.preview'));
    cardOf(await press(bot, preview, 'Apply'));
    expect((await flowsOf(SEED_IDS.northwind)).map(flowKindOf)).toContain('securityGroup');
  });

  it("when a flow's Edit, Remove and Reset are clicked on the set card, then each leads to its preview", async () => {
    const show = await cardFor(bot, 'show fabrikam');
    const flowButtons = buttons(show).filter((b) => b.verb.startsWith('flow.') && b.data.flowId);
    expect(flowButtons.map((b) => [b.title, b.data.kind])).toEqual([
      ['Edit', 'classGroup'],
      ['Remove', 'classGroup'],
      ['Reset', 'classGroup'],
      ['Edit', 'securityGroup'],
      ['Remove', 'securityGroup'],
      ['Reset', 'securityGroup'],
    ]);
    const form = cardOf(await press(bot, show, 'flow.edit'));
    expect(cardText(form)).toContain('Edit class group flow');
    const reset = cardOf(await press(bot, show, 'flow.reset'));
    expect(cardText(reset)).toContain('Reset the class group flow of "Fabrikam Elementary pilot"');
    const remove = cardOf(await press(bot, show, 'flow.remove'));
    expect(cardText(remove)).toContain(
      'Remove the class group flow from "Fabrikam Elementary pilot"',
    );
    cardOf(await press(bot, remove, 'Apply'));
    expect((await flowsOf(SEED_IDS.fabrikamPilot)).map(flowKindOf)).toEqual(['securityGroup']);
  });

  it('when a flow of the type appears between preview and Apply, then the add is refused as stale and nothing is written', async () => {
    const form = await cardFor(bot, 'add security flow to Lakeside');
    const preview = cardOf(await press(bot, form, 'flow.preview'));
    await adminGraph(bot).createFlow(setId, {
      kind: 'securityGroup',
      creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false },
    });
    bot.app.sandbox!.emulator.control.clearRequests();
    const text = cardText(cardOf(await press(bot, preview, 'Apply')));
    expect(text).toContain('Not applied: changed since the preview');
    expect(text).toContain('got a security group flow');
    expect(graphWrites(bot)).toEqual([]);
  });

  it('when the flow was changed between preview and Apply, then the reset is refused as stale', async () => {
    const preview = await cardFor(bot, 'reset user flow in northwind');
    await adminGraph(bot).updateFlow(SEED_IDS.northwind, SEED_IDS.northwindUser, {
      kind: 'user',
      managementOptions: { additionalOptions: { studentAgeGroup: 'adult' } },
    });
    bot.app.sandbox!.emulator.control.clearRequests();
    const result = cardOf(await press(bot, preview, 'Apply'));
    expect(cardText(result)).toContain('The user flow of "Northwind High School" was changed at');
    expect(graphWrites(bot)).toEqual([]);
    const changeId = button(preview, 'Apply').data.changeId as string;
    const change = await createPendingChangeStore(bot.app.services.storage).get(changeId);
    expect(change?.state).toBe('stale');
  });

  it('when the flow form is submitted with an error, then the same form comes back with the error and no password', async () => {
    const form = await cardFor(bot, 'add user flow to Lakeside');
    const again = cardOf(
      await press(bot, form, 'flow.preview', {
        typed: {
          ...ADD_TYPED.user,
          'rg.students.include': 'true', // …but no initial password for it
        },
      }),
    );
    expect(buttons(again).map((b) => b.verb)).toContain('flow.preview');
    expect(cardText(again)).not.toContain('Preview: nothing has changed yet');
    expect(JSON.stringify(again)).not.toContain(PASSWORD);
  });
});
