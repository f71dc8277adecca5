/**
 * Sync-run notices inside the real app (Graph emulator with its run history, loopback connector),
 * polled on demand: one card per run that ends failed / with errors / with warnings, none for
 * the runs that had ended before the first poll, none for a completed run; `notify here only
 * runs|readiness` chooses what a conversation hears.
 */
import { SEED_IDS } from '../../src/sandbox/emulator';
import { cardText, useTestBot } from '../support/testBot';
import { validateAdaptiveCard } from '../support/adaptiveCardSchema';
import { executeActions } from '../commands/support';
import { ALERTS, notificationsIn, pollAndDeliver, sayInChannel } from './support';

const runCards = (bot: Parameters<typeof pollAndDeliver>[0], channel = ALERTS) =>
  notificationsIn(bot.connector, channel).filter((c) => cardText(c).includes('Sync run'));

describe('sync-run notices (component)', () => {
  const bot = useTestBot({ SANDBOX_READY_DELAY_MS: '3600000' }, { resetEach: 'state' });
  const control = () => bot.app.sandbox!.emulator.control;
  /** A scheduled run that starts now and ends at once with `status`. */
  const runEnding = (status: string, extra: object = {}) => {
    control().forceNextRunOutcome({ status, ...extra } as never);
    control().startScheduledRun();
    control().finishRunningRun();
  };

  it('when a run ends with errors, then a subscribed channel gets one card with the deltas and buttons, and a completed run says nothing', async () => {
    await sayInChannel(bot, ALERTS, 'notify here');
    await pollAndDeliver(bot); // baseline: the seeded history is not announced
    expect(runCards(bot)).toHaveLength(0);

    runEnding('completedWithErrors', { errors: 42 });
    await pollAndDeliver(bot);
    await pollAndDeliver(bot);
    const cards = runCards(bot);
    expect(cards).toHaveLength(1);
    expect(validateAdaptiveCard(cards[0])).toEqual([]);
    const text = cardText(cards[0]);
    expect(text).toMatch(/Sync run completed with errors: Run /);
    expect(text).toContain('Errors\n42');
    expect(text).toMatch(/Errors (up|down) by \d+ \(\d+ → 42\)/);
    const latest = control().runs().runs[0]!;
    expect(executeActions(cards[0]).map((a) => a.data.command)).toEqual([
      `run ${latest.id}`,
      'runs',
    ]);

    runEnding('completed');
    await pollAndDeliver(bot);
    expect(runCards(bot)).toHaveLength(1);
  });

  it('when one channel hears only runs and another only readiness, then each gets only its kind', async () => {
    const RUNS_ONLY = '19:sync-runs@thread.tacv2';
    const READINESS_ONLY = '19:readiness@thread.tacv2';
    const runsOnly = await sayInChannel(bot, RUNS_ONLY, 'notify here only runs');
    expect(runsOnly.text).toMatch(/Notifications on: I will post sync runs that end failed/);
    expect(runsOnly.text).not.toMatch(/readiness changes/);
    const readiness = await sayInChannel(bot, READINESS_ONLY, 'notify here only readiness');
    expect(readiness.text).toMatch(/readiness changes of every flow set/);
    expect(readiness.text).not.toMatch(/sync runs/);
    await pollAndDeliver(bot);

    runEnding('failed');
    control().setReadiness(SEED_IDS.northwindUser, 'failed');
    await pollAndDeliver(bot);
    expect(runCards(bot, RUNS_ONLY)).toHaveLength(1);
    expect(notificationsIn(bot.connector, RUNS_ONLY)).toHaveLength(1);
    expect(runCards(bot, READINESS_ONLY)).toHaveLength(0);
    expect(notificationsIn(bot.connector, READINESS_ONLY).map(cardText).join()).toContain(
      'Users ✗ failed',
    );
  });
});
