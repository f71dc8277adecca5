/**
 * History and undo under peer approval (src/approvals), over real HTTP: a change Avery asked for
 * and Blake approved shows both identities, and its undo is an ordinary request that again
 * needs someone else's approval (undo never writes directly).
 */
import { SEED_IDS } from '../../src/sandbox/emulator';
import { cardText } from '../support/testBot';
import {
  AVERY,
  BLAKE,
  buttons,
  cardFor,
  cardOf,
  graphWrites,
  press,
  openedBy,
} from '../changes/support';
import { CHANNEL_ID, invokeInChannel, postsTo, request } from '../approvals/support';
import { usePeerApprovalBot } from '../support/peerApprovalHarness';

describe('history under peer approval (component)', () => {
  const bot = usePeerApprovalBot({ channelBy: BLAKE });

  it('when Blake approves Avery’s delete, then history names both, and recreating it needs approval again', async () => {
    const { changeId } = await request(bot, `delete ${SEED_IDS.fabrikamPilot}`, 'Pilot ended');
    const post = postsTo(bot, CHANNEL_ID).at(-1)!;
    cardOf(await invokeInChannel(bot, 'approval.approve', { changeId }, BLAKE, post.activityId));

    const entries = (await bot.app.services.audit.list({ changeId })).entries;
    expect(entries.map((e) => [e.event, e.actor.name])).toEqual([
      ['applied', BLAKE.name],
      ['approved', BLAKE.name],
      ['requested', AVERY.name],
    ]);
    const text = cardText(await cardFor(bot, 'history fabrikam'));
    expect(text).toContain(`Requested by ${AVERY.name} · approved by ${BLAKE.name}`);
    expect(text).toContain('Approved');

    // Recreating what was deleted is a new change: it needs approval like any other.
    bot.app.sandbox!.emulator.control.clearRequests();
    const explained = await cardFor(bot, `undo ${changeId}`);
    const recreate = openedBy(bot, await press(bot, explained, 'Recreate as new'));
    expect(buttons(recreate).map((b) => b.title)).toContain('Request approval');
    expect(buttons(recreate).map((b) => b.title)).not.toContain('Apply');
    expect(graphWrites(bot)).toEqual([]);
  });
});
