/**
 * Flow-set changes end to end over real HTTP (app + Graph emulator + IdP + loopback connector):
 * create, edit and delete, by command and by the set card's buttons, each through its preview
 * and Apply; stale and out-of-date cards; form errors; cancel; a non-admin's Apply.
 */
import { createPendingChangeStore } from '../../src/changes/pendingChangeStore';
import { SEED_IDS } from '../../src/sandbox/emulator';
import { useTestBot, cardText } from '../support/testBot';
import {
  adminGraph,
  AVERY,
  button,
  buttons,
  cardFor,
  cardOf,
  DANA,
  graphWrites,
  press,
  updatesOf,
  openedBy,
} from './support';

describe('flow-set changes through preview and Apply (component)', () => {
  const bot = useTestBot({}, { resetEach: 'state+requests' });
  const changes = () => createPendingChangeStore(bot.app.services.storage);
  const changeIdOf = (preview: unknown) => button(preview, 'Apply').data.changeId as string;

  it('when a set is created through form, preview and Apply, then Graph stores it as the user and the card shows it for everyone', async () => {
    const form = await cardFor(bot, 'CREATE Lakeside Academy');
    const preview = cardOf(
      await press(bot, form, 'flowset.preview', {
        typed: { filterMode: 'schools', orgExternalIds: 'LAKE-01\nLAKE-02' },
      }),
    );
    expect(cardText(preview)).toContain('Create flow set "Lakeside Academy"');
    expect(cardText(preview)).toContain('LAKE-01, LAKE-02');
    expect(graphWrites(bot)).toHaveLength(0);

    const result = cardOf(await press(bot, preview, 'Apply', { replyToId: 'preview-create' }));
    expect(cardText(result)).toContain('✓ Applied');
    expect(buttons(result).map((b) => b.verb)).not.toContain('change.apply');
    expect(graphWrites(bot).map((w) => [w.method, w.status, w.callerOid])).toEqual([
      ['POST', 201, AVERY.aadObjectId],
    ]);
    // The message itself is updated (updateActivity), not only the clicker's view.
    expect(
      cardText(updatesOf(bot, 'preview-create')[0]!.activity.attachments[0].content),
    ).toContain('✓ Applied');
    const stored = (await adminGraph(bot).listFlowSets()).data.find(
      (s) => s.displayName === 'Lakeside Academy',
    );
    expect(stored?.filter?.in).toEqual(['LAKE-01', 'LAKE-02']);
    expect((await changes().get(changeIdOf(preview)))?.state).toBe('applied');
  });

  it('when a set is edited by command, then the preview shows each field before → after and Apply PATCHes it', async () => {
    const form = await cardFor(bot, 'edit northwind');
    const preview = cardOf(
      await press(bot, form, 'flowset.preview', {
        typed: { displayName: 'Northwind HS', filterMode: 'all' },
      }),
    );
    const text = cardText(preview);
    expect(text).toContain('Northwind High School → Northwind HS');
    expect(text).toContain('NHS-0042 → All organisations (no filter)');
    const result = cardOf(await press(bot, preview, 'Apply'));
    expect(cardText(result)).toContain('✓ Applied');
    expect(cardText(result)).toContain('All organisations (no filter)');
    expect(graphWrites(bot).map((w) => [w.method, w.callerOid])).toEqual([
      ['PATCH', AVERY.aadObjectId],
    ]);
    const set = (await adminGraph(bot).getFlowSet(SEED_IDS.northwind)).data;
    expect([set.displayName, set.filter]).toEqual(['Northwind HS', null]);
  });

  it('when a set is edited from its card, then Edit opens the form and Apply changes it', async () => {
    const show = await cardFor(bot, 'show fabrikam');
    const form = cardOf(await press(bot, show, 'flowset.edit'));
    const preview = cardOf(
      await press(bot, form, 'flowset.preview', { typed: { displayName: 'Fabrikam pilot 2' } }),
    );
    cardOf(await press(bot, preview, 'Apply'));
    expect((await adminGraph(bot).getFlowSet(SEED_IDS.fabrikamPilot)).data.displayName).toBe(
      'Fabrikam pilot 2',
    );
  });

  it('when a set is deleted, then the preview gives the blast radius in words and Apply deletes it and its flows', async () => {
    const preview = await cardFor(bot, 'delete "Fabrikam Elementary pilot"');
    const text = cardText(preview);
    expect(text).toContain('Delete flow set "Fabrikam Elementary pilot"');
    expect(text).toContain('Deletes the set and its 2 flows (class group, security group)');
    expect(text).toContain('cannot be undone');
    const result = cardOf(await press(bot, preview, 'Apply'));
    expect(cardText(result)).toContain('are deleted');
    expect(buttons(result)).toEqual([]);
    expect(graphWrites(bot).map((w) => w.method)).toEqual(['DELETE']);
    await expect(adminGraph(bot).getFlowSet(SEED_IDS.fabrikamPilot)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('when Delete is clicked on the set card, then its preview is shown and Apply deletes the set', async () => {
    const show = await cardFor(bot, 'show northwind');
    const preview = cardOf(await press(bot, show, 'flowset.delete'));
    expect(cardText(preview)).toContain('Deletes the set and its 2 flows');
    cardOf(await press(bot, preview, 'Apply'));
    expect(graphWrites(bot).map((w) => w.method)).toEqual(['DELETE']);
  });

  it('when the set changed between preview and Apply, then Apply is refused as stale, says what changed and writes nothing', async () => {
    const form = await cardFor(bot, 'edit northwind');
    const preview = cardOf(
      await press(bot, form, 'flowset.preview', { typed: { displayName: 'Mine' } }),
    );
    await adminGraph(bot).updateFlowSet(SEED_IDS.northwind, { displayName: 'Theirs' });
    bot.app.sandbox!.emulator.control.clearRequests();
    const result = cardOf(await press(bot, preview, 'Apply'));
    const text = cardText(result);
    expect(text).toContain('Not applied: changed since the preview');
    expect(text).toContain('Flow set name');
    expect(text).toContain('Northwind High School → Theirs');
    // Preview again keeps the admin's edits (issue 12 item 9, test/changes/repreview.test.ts).
    expect(button(result, 'Preview again')).toMatchObject({
      verb: 'change.repreview',
      data: { changeId: changeIdOf(preview), newMessage: true },
    });
    expect(graphWrites(bot)).toEqual([]);
    expect((await changes().get(changeIdOf(preview)))?.state).toBe('stale');
    expect((await adminGraph(bot).getFlowSet(SEED_IDS.northwind)).data.displayName).toBe('Theirs');
  });

  it('when the set was deleted between preview and Apply, then Apply says so and writes nothing', async () => {
    const preview = await cardFor(bot, 'delete northwind');
    await adminGraph(bot).deleteFlowSet(SEED_IDS.northwind);
    bot.app.sandbox!.emulator.control.clearRequests();
    const text = cardText(cardOf(await press(bot, preview, 'Apply')));
    expect(text).toContain('no longer exists');
    expect(graphWrites(bot)).toEqual([]);
  });

  it.each(['flowset.edit', 'flowset.delete', 'flow.add', 'flow.reset', 'flow.edit', 'flow.remove'])(
    'when %s is clicked on an out-of-date set card, then the current card comes back with a note and nothing is proposed',
    async (verb) => {
      const show = await cardFor(bot, 'show northwind');
      await adminGraph(bot).updateFlowSet(SEED_IDS.northwind, { displayName: 'Northwind renamed' });
      const before = (await changes().list()).length;
      const body = await press(bot, show, verb);
      // Add flow leaves the set card and answers as a new message (issue 12 item 4).
      const card = verb === 'flow.add' ? openedBy(bot, body) : cardOf(body);
      expect(cardText(card)).toContain('This card was out of date');
      expect(card.body.find((b: { text?: string }) => b.text === 'Northwind renamed')).toBeTruthy();
      expect((await changes().list()).length).toBe(before);
      expect(graphWrites(bot).filter((w) => w.callerOid === AVERY.aadObjectId)).toHaveLength(1);
    },
  );

  it('when the form is submitted without a name, then the same form comes back with the error beside the field and the input kept', async () => {
    const before = (await changes().list()).length;
    const form = await cardFor(bot, 'create');
    const again = cardOf(
      await press(bot, form, 'flowset.preview', {
        typed: { displayName: '  ', filterMode: 'schools', orgExternalIds: 'KEEP-ME' },
      }),
    );
    const text = cardText(again);
    expect(text).toContain('Give the flow set a name.');
    expect(JSON.stringify(again)).toContain('KEEP-ME');
    expect(buttons(again).map((b) => b.verb)).toContain('flowset.preview');
    expect((await changes().list()).length).toBe(before);
  });

  it('when nothing was changed in the edit form, then there is nothing to apply', async () => {
    const form = await cardFor(bot, 'edit northwind');
    const card = cardOf(await press(bot, form, 'flowset.preview'));
    expect(cardText(card)).toContain('Nothing to change');
    expect(buttons(card).map((b) => b.verb)).not.toContain('change.apply');
  });

  it('when a preview is cancelled, then it is cancelled for everyone, loses its buttons and nothing is written', async () => {
    const preview = await cardFor(bot, 'delete northwind');
    const card = cardOf(await press(bot, preview, 'Cancel', { replyToId: 'preview-cancel' }));
    expect(cardText(card)).toContain('Cancelled by Avery Admin');
    expect(buttons(card)).toEqual([]);
    expect(updatesOf(bot, 'preview-cancel')).toHaveLength(1);
    expect(graphWrites(bot)).toEqual([]);
    expect((await changes().get(changeIdOf(preview)))?.state).toBe('cancelled');
    const late = cardOf(await press(bot, preview, 'Apply'));
    expect(cardText(late)).toContain('Cancelled');
    expect(graphWrites(bot)).toEqual([]);
  });

  it('when a form is cancelled, then the set card comes back and nothing is saved', async () => {
    const form = await cardFor(bot, 'edit northwind');
    const card = cardOf(await press(bot, form, 'form.cancel'));
    expect(cardText(card)).toContain('Cancelled: nothing was saved.');
    expect(cardText(card)).toContain('Northwind High School');
  });

  it('when a non-admin applies their own change, then Graph 403 is shown in plain words and the change is recorded failed', async () => {
    const form = await cardFor(bot, 'create Dana set', DANA);
    const preview = cardOf(await press(bot, form, 'flowset.preview', { user: DANA }));
    const result = cardOf(await press(bot, preview, 'Apply', { user: DANA }));
    const text = cardText(result);
    expect(text).toContain('✗ Not applied');
    expect(text).toContain('Microsoft Graph refused this');
    expect(text).toContain('Global Administrator');
    expect(graphWrites(bot).map((w) => [w.method, w.status, w.callerOid])).toEqual([
      ['POST', 403, DANA.aadObjectId],
    ]);
    const change = await changes().get(changeIdOf(preview));
    expect(change?.state).toBe('failed');
    expect(change?.result.error).toContain('Microsoft Graph refused this');
  });

  it('when a name matches several sets, then a which-one card offers each set, and a choice runs the same command for it', async () => {
    const { data: middle } = await adminGraph(bot).createFlowSet({
      displayName: 'Northwind Middle School',
    });
    const card = await cardFor(bot, 'delete northwind');
    expect(cardText(card)).toContain('Which flow set do you mean by "northwind"?');
    const choices = buttons(card).filter((b) => b.title === 'Choose');
    expect(choices.map((b) => b.data)).toEqual([
      { command: `delete ${SEED_IDS.northwind}` },
      { command: `delete ${middle.id}` },
    ]);
    const preview = cardOf(await press(bot, card, 'Choose', {}));
    expect(cardText(preview)).toContain('Delete flow set "Northwind High School"');
  });

  it('when a name matches nothing, then the closest names are offered for the same command', async () => {
    const card = await cardFor(bot, 'edit northwnd');
    expect(cardText(card)).toContain('There is no flow set named "northwnd".');
    expect(button(card, 'Choose').data).toEqual({ command: `edit ${SEED_IDS.northwind}` });
  });
});
