/**
 * A preview posted as the reply to a typed command learns its message id, so the expiry sweep
 * can update that very card (buttons removed) instead of leaving a live-looking Apply behind.
 */
import { previewChangeIds } from '../../src/changes/placement';
import { SEED_IDS } from '../../src/sandbox/emulator';
import { useTestBot } from '../support/testBot';
import { button, buttons, cardFor, graphWrites, updatesOf } from './support';

describe('preview placement (component)', () => {
  const bot = useTestBot({ APPROVAL_SWEEP_SECONDS: '0' });

  it('when a typed delete preview expires, then the sweep updates the posted card and nothing is written', async () => {
    const before = bot.connector.calls.length;
    const preview = await cardFor(bot, `delete ${SEED_IDS.fabrikamPilot}`);
    const posted = bot.connector.calls.slice(before).find((c) => c.method === 'POST')!;
    const changeId = (button(preview, 'change.apply').data as { changeId: string }).changeId;
    expect(previewChangeIds(preview)).toEqual([changeId]);

    const swept = await bot.app.approvals.sweepNow(new Date(Date.now() + 60 * 60_000));
    expect(swept.expired).toBe(1);
    const update = updatesOf(bot, posted.assignedId).at(-1);
    expect(update).toBeDefined();
    const verbs = buttons(update!.activity.attachments[0].content).map((b) => b.verb);
    expect(verbs).not.toContain('change.apply');
    expect(graphWrites(bot)).toEqual([]);
  });
});
