/**
 * Undo of a create when the created set moved on: the bot recorded the set's id, so it says
 * what happened (renamed to …, or deleted) instead of guessing "deleted or renamed".
 */
import { useTestBot, cardText } from '../support/testBot';
import { adminGraph, cardFor, cardOf, press } from '../changes/support';
import { changeIdOf, editSet } from './support';

describe('undo of a create after the set moved on (component)', () => {
  const bot = useTestBot({}, { resetEach: 'state' });

  async function createLakeside(): Promise<string> {
    const form = await cardFor(bot, 'create Lakeside Academy');
    const created = cardOf(await press(bot, form, 'flowset.preview'));
    cardOf(await press(bot, created, 'Apply'));
    return changeIdOf(created);
  }

  it('when the created set was renamed since, then the undo preview says it was renamed to the new name and deletes it', async () => {
    const changeId = await createLakeside();
    await editSet(bot, 'Lakeside Academy', { displayName: 'Lakeside HS' });
    const text = cardText(await cardFor(bot, `undo ${changeId}`));
    expect(text).toContain('Delete flow set "Lakeside HS"');
    expect(text).toContain('created as "Lakeside Academy", renamed to "Lakeside HS" since');
    expect(text).not.toContain('deleted or renamed');
  });

  it('when the created set was deleted since, then undo says it was deleted, not "deleted or renamed"', async () => {
    const changeId = await createLakeside();
    const set = (await adminGraph(bot).listFlowSets()).data.find(
      (s) => s.displayName === 'Lakeside Academy',
    )!;
    await adminGraph(bot).deleteFlowSet(set.id);
    const text = cardText(await cardFor(bot, `undo ${changeId}`));
    expect(text).toContain('Flow set "Lakeside Academy" was deleted since');
    expect(text).not.toContain('renamed');
  });
});
