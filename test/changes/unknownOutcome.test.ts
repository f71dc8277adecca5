/**
 * A write whose outcome is unknown (sent, but the connection dropped before Graph answered) over
 * real HTTP: the change is recorded `unknown` (its card says the outcome is being checked), and
 * the sweep settles it by reading Graph: `applied` when the write landed, `failed` when it did
 * not, with the card and `history` updated. Nothing is ever sent twice.
 */
import { createPendingChangeStore } from '../../src/changes/pendingChangeStore';
import { UNKNOWN_SETTLE_AFTER_MS } from '../../src/approvals/settleWrites';
import { useTestBot, cardText } from '../support/testBot';
import {
  adminGraph,
  button,
  cardFor,
  cardOf,
  graphWrites,
  invoke,
  press,
  updatesOf,
} from './support';

describe('a write whose outcome is unknown (component)', () => {
  const bot = useTestBot({}, { resetEach: 'state+requests' });
  const changes = () => createPendingChangeStore(bot.app.services.storage);

  /** Previews creating "Lakeside Academy" and applies it with the POST's connection dropped. */
  async function createWithDroppedAnswer(drop: 'beforeStoring' | 'afterStoring', cardId: string) {
    const form = await cardFor(bot, 'create Lakeside Academy');
    // The preview replaces the form in its message; Apply is clicked in that same message.
    const preview = cardOf(await press(bot, form, 'flowset.preview', { replyToId: cardId }));
    const changeId = button(preview, 'Apply').data.changeId as string;
    bot.app.sandbox!.emulator.control.addFault({ drop, method: 'POST' });
    const result = cardOf(await press(bot, preview, 'Apply', { replyToId: cardId }));
    return { changeId, result };
  }

  const posts = () => graphWrites(bot).filter((w) => w.method === 'POST');
  const lakeside = async () =>
    (await adminGraph(bot).listFlowSets()).data.filter((s) => s.displayName === 'Lakeside Academy');
  const settle = () =>
    bot.app.approvals.sweepNow(new Date(Date.now() + UNKNOWN_SETTLE_AFTER_MS + 1000));
  const lastUpdate = (cardId: string) =>
    cardText(updatesOf(bot, cardId).at(-1)!.activity.attachments[0].content);

  it('when a create landed but its answer was lost, then it is unknown until the sweep finds the set and records it applied', async () => {
    const { changeId, result } = await createWithDroppedAnswer('afterStoring', 'unknown-landed');
    expect(cardText(result)).toContain('Outcome unknown: checking');
    expect(cardText(result)).toContain('may or may not have been made');
    expect((await changes().get(changeId))?.state).toBe('unknown');
    expect(await lakeside()).toHaveLength(1);

    // Too early: the write might still be landing, so nothing is decided yet.
    expect((await bot.app.approvals.sweepNow(new Date())).reconciled).toBe(0);
    expect((await changes().get(changeId))?.state).toBe('unknown');

    expect((await settle()).reconciled).toBe(1);
    const settled = await changes().get(changeId);
    expect(settled?.state).toBe('applied');
    expect(settled?.history.map((h) => h.state)).toEqual([
      'pending',
      'applying',
      'unknown',
      'applied',
    ]);
    expect(lastUpdate('unknown-landed')).toContain('✓ Applied');
    const history = cardText(await cardFor(bot, 'history'));
    expect(history).toContain('Outcome unknown — checking');
    expect(history).toContain('✓ Applied');
    expect(history).toContain('So it was made.');
    expect(history).not.toContain('✗ Failed');

    expect(posts()).toHaveLength(1); // never sent again
    expect(await lakeside()).toHaveLength(1);
    expect((await settle()).reconciled).toBe(0); // settled once
  });

  it('when a create was dropped before Graph stored it, then the sweep records it failed and nothing is sent again', async () => {
    const { changeId, result } = await createWithDroppedAnswer('beforeStoring', 'unknown-lost');
    expect(cardText(result)).toContain('Outcome unknown: checking');
    expect(await lakeside()).toHaveLength(0);

    // Apply again while it is being checked: the same state, and nothing is written.
    const again = cardOf(await invoke(bot, 'change.apply', { changeId }));
    expect(cardText(again)).toContain('Outcome unknown: checking');

    expect((await settle()).reconciled).toBe(1);
    const settled = await changes().get(changeId);
    expect(settled?.state).toBe('failed');
    expect(settled?.result.error).toContain('So it was not made; nothing was sent again.');
    expect(lastUpdate('unknown-lost')).toContain('✗ Not applied');
    const history = cardText(await cardFor(bot, 'history'));
    expect(history).toContain('Outcome unknown — checking');
    expect(history).toContain('✗ Failed');

    expect(posts()).toHaveLength(1);
    expect(await lakeside()).toHaveLength(0);
  });
});
