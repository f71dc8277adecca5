/**
 * `undo` end to end over real HTTP: the reverse change goes through the ordinary preview and
 * Apply; edits come back (also when the object moved on since), creates are deleted, and resets
 * and deletes say why they cannot be undone (a delete offers a new create with the old settings).
 */
import { flowKindOf } from '../../src/domain/flowSchemas';
import { SEED_IDS } from '../../src/sandbox/emulator';
import { useTestBot, cardText } from '../support/testBot';
import {
  adminGraph,
  button,
  buttons,
  cardFor,
  cardInputs,
  cardOf,
  graphWrites,
  press,
  sayAs,
  openedBy,
} from '../changes/support';
import { applyCommand, changeIdOf, editSet, entriesOf } from './support';

describe('undo (component)', () => {
  const bot = useTestBot({}, { resetEach: 'state' });
  const graph = () => adminGraph(bot);

  it('when the Undo of a rename is previewed and applied, then the old name and schools are stored again', async () => {
    await editSet(bot, 'northwind', { displayName: 'Northwind HS', filterMode: 'all' });
    const history = await cardFor(bot, 'history northwind');
    bot.app.sandbox!.emulator.control.clearRequests();

    const preview = openedBy(bot, await press(bot, history, 'Undo'));
    const text = cardText(preview);
    expect(text).toContain('Northwind HS → Northwind High School');
    expect(text).toContain('All organisations (no filter) → NHS-0042');
    expect(text).toContain('Undo of change');
    expect(graphWrites(bot)).toEqual([]); // a preview, not a write

    cardOf(await press(bot, preview, 'Apply'));
    const set = (await graph().getFlowSet(SEED_IDS.northwind)).data;
    expect([set.displayName, set.filter?.in]).toEqual(['Northwind High School', ['NHS-0042']]);
    // The undo is itself a change in the history, with its own Undo.
    expect((await entriesOf(bot, changeIdOf(preview))).map((e) => e.event)).toEqual([
      'applied',
      'requested',
    ]);
  });

  it('when the set changed after the edit, then the undo says so, restores only what the edit changed and keeps the later change', async () => {
    const { changeId } = await editSet(bot, 'northwind', { displayName: 'Northwind HS' });
    await graph().updateFlowSet(SEED_IDS.northwind, {
      displayName: 'Northwind HS',
      filter: { in: ['LATER-1'] },
    });
    const preview = await cardFor(bot, `undo ${changeId}`);
    const text = cardText(preview);
    expect(text).toContain('has changed since');
    expect(text).toContain('NHS-0042 → added LATER-1; removed NHS-0042'); // then → now
    expect(text).toContain('Northwind HS → Northwind High School');
    cardOf(await press(bot, preview, 'Apply'));
    const set = (await graph().getFlowSet(SEED_IDS.northwind)).data;
    expect([set.displayName, set.filter?.in]).toEqual(['Northwind High School', ['LATER-1']]);
  });

  it('when the edit was already reversed, then the undo has nothing to change', async () => {
    const { changeId } = await editSet(bot, 'northwind', { displayName: 'Northwind HS' });
    await graph().updateFlowSet(SEED_IDS.northwind, { displayName: 'Northwind High School' });
    expect(cardText(await cardFor(bot, `undo ${changeId.slice(0, 8)}`))).toContain(
      'Nothing to change',
    );
  });

  it('when a flow edit is undone, then its earlier settings are stored again', async () => {
    const form = await cardFor(bot, 'edit class flow in northwind');
    const createTeam = cardInputs(form).createTeam;
    const preview = cardOf(
      await press(bot, form, 'flow.preview', {
        typed: { createTeam: createTeam === 'true' ? 'false' : 'true' },
      }),
    );
    cardOf(await press(bot, preview, 'Apply'));
    const undo = await cardFor(bot, `undo ${changeIdOf(preview)}`);
    expect(cardText(undo)).toContain('Create a Team for each class');
    cardOf(await press(bot, undo, 'Apply'));
    const flow = (await graph().getFlow(SEED_IDS.northwind, SEED_IDS.northwindClassGroup)).data;
    expect(
      String(
        (flow as { configuration: { additionalOptions: { createTeam: boolean } } }).configuration
          .additionalOptions.createTeam,
      ),
    ).toBe(createTeam);
  });

  it('when a user flow edit is undone, then its options come back and its role groups are left for the form (they need passwords)', async () => {
    const read = async () =>
      (await graph().getFlow(SEED_IDS.northwind, SEED_IDS.northwindUser)).data as {
        managementOptions: { additionalOptions: { studentAgeGroup?: string | null } };
        creationOptions?: { configurations?: Array<{ licenseSkus?: string[] | null }> | null };
      };
    const form = await cardFor(bot, 'edit user flow in northwind');
    const typed = {
      studentAgeGroup: 'adult',
      'rg.students.licenseSkus': 'NEW-SKU',
      'rg.students.password': 'Welcome-2025!',
    };
    const preview = cardOf(await press(bot, form, 'flow.preview', { typed }));
    cardOf(await press(bot, preview, 'Apply'));
    const undo = await cardFor(bot, `undo ${changeIdOf(preview)}`);
    const text = cardText(undo);
    expect(text).toContain('Student age group');
    expect(text).toContain('put them back with "edit user flow in Northwind High School"');
    expect(JSON.stringify(undo)).not.toContain('Welcome-2025!');
    cardOf(await press(bot, undo, 'Apply'));
    const restored = await read();
    expect(restored.managementOptions.additionalOptions.studentAgeGroup).toBe('notAdult');
    // Role groups were not sent back (that would have cleared their passwords).
    expect(restored.creationOptions?.configurations?.[0]?.licenseSkus).toEqual(['NEW-SKU']);
  });

  it('when a user flow edit changed only its role groups, then undo explains they are restored in the form', async () => {
    const form = await cardFor(bot, 'edit user flow in northwind');
    const typed = { 'rg.students.licenseSkus': 'NEW-SKU', 'rg.students.password': 'Welcome-2025!' };
    const preview = cardOf(await press(bot, form, 'flow.preview', { typed }));
    cardOf(await press(bot, preview, 'Apply'));
    bot.app.sandbox!.emulator.control.clearRequests();
    const text = cardText(await cardFor(bot, `undo ${changeIdOf(preview)}`));
    expect(text).toContain('Cannot be undone automatically');
    expect(text).toContain('initial password');
    expect(graphWrites(bot)).toEqual([]);
  });

  it('when a created set is undone, then the preview deletes it and Apply removes it', async () => {
    const form = await cardFor(bot, 'create Lakeside Academy');
    const created = cardOf(await press(bot, form, 'flowset.preview'));
    cardOf(await press(bot, created, 'Apply'));
    const undo = await cardFor(bot, `undo ${changeIdOf(created)}`);
    expect(cardText(undo)).toContain('Delete flow set "Lakeside Academy"');
    cardOf(await press(bot, undo, 'Apply'));
    const names = (await graph().listFlowSets()).data.map((s) => s.displayName);
    expect(names).not.toContain('Lakeside Academy');
  });

  it('when an added flow is undone, then the preview removes that flow', async () => {
    const form = await cardFor(bot, 'add security flow to northwind');
    const added = cardOf(await press(bot, form, 'flow.preview'));
    cardOf(await press(bot, added, 'Apply'));
    const undo = await cardFor(bot, `undo ${changeIdOf(added)}`);
    expect(cardText(undo)).toContain('Remove the security group flow from "Northwind High School"');
    cardOf(await press(bot, undo, 'Apply'));
    const kinds = (await graph().listFlows(SEED_IDS.northwind)).data.map(flowKindOf);
    expect(kinds).not.toContain('securityGroup');
  });

  it('when a deleted set is undone, then it explains why not, and Recreate previews a new set with the old settings', async () => {
    const { changeId } = await applyCommand(bot, 'delete northwind');
    const history = await cardFor(bot, 'history northwind');
    expect(buttons(history).map((b) => b.data.command)).not.toContain(`undo ${changeId}`);

    bot.app.sandbox!.emulator.control.clearRequests();
    const explained = await cardFor(bot, `undo ${changeId}`);
    const text = cardText(explained);
    expect(text).toContain('Microsoft Graph has no way to restore a deleted flow set');
    expect(text).toContain('readiness history');
    expect(text).toContain('Its flows are not recreated');
    expect(button(explained, 'Recreate as new').data).toEqual({
      command: `undo ${changeId} recreate`,
      newMessage: true,
    });
    expect(graphWrites(bot)).toEqual([]);

    const recreate = openedBy(bot, await press(bot, explained, 'Recreate as new'));
    expect(cardText(recreate)).toContain('Create flow set "Northwind High School"');
    expect(cardText(recreate)).toContain('NHS-0042');
    cardOf(await press(bot, recreate, 'Apply'));
    const again = (await graph().listFlowSets()).data.find(
      (s) => s.displayName === 'Northwind High School',
    );
    expect(again?.id).not.toBe(SEED_IDS.northwind);
    expect(again?.filter?.in).toEqual(['NHS-0042']);
  });

  it('when a removed user flow is undone, then it explains that passwords cannot come back', async () => {
    const { changeId } = await applyCommand(bot, 'remove user flow from northwind');
    const text = cardText(await cardFor(bot, `undo ${changeId}`));
    expect(text).toContain('no way to restore a deleted flow');
    expect(text).toContain('Initial passwords cannot be restored');
  });

  it('when a reset is undone, then it explains that a reset cannot be undone', async () => {
    const { changeId } = await applyCommand(bot, 'reset user flow in northwind');
    const text = cardText(await cardFor(bot, `undo ${changeId}`));
    expect(text).toContain('A reset cannot be undone');
    expect(text).toContain('reprocess');
  });

  it('when the change was never applied or is unknown, then undo says so and proposes nothing', async () => {
    const preview = await cardFor(bot, 'delete northwind');
    cardOf(await press(bot, preview, 'Cancel'));
    expect(cardText(await cardFor(bot, `undo ${changeIdOf(preview)}`))).toContain(
      'never applied (it was cancelled)',
    );
    const { text } = await sayAs(bot, 'undo 0000000000');
    expect(text).toContain('no record of a change');
  });
});
