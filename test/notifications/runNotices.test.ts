/**
 * Issue 16: a conversation subscribed with `notify here` also gets a card when a sync run ends
 * failed, with the blocking error and the deltas against the previous run: exactly one, through
 * the outbox, and not again after the bot is killed and started on the same DATA_DIR (the run's
 * status is stored with the delivery, src/notifications/runWatch.ts). Real process, real HTTP.
 */
import { fixture } from '../support/activities';
import type { BotProcess, LogEntry } from '../support/botProcess';
import { useRestartHarness } from '../support/restartHarness';
import { cardText } from '../support/testBot';
import { validateAdaptiveCard } from '../support/adaptiveCardSchema';
import { ALERTS, notificationsIn, waitFor } from './support';

const harness = useRestartHarness({
  env: {
    NOTIFY_POLL_SECONDS: '0.5',
    NOTIFY_LEASE_SECONDS: '1.5',
    SANDBOX_READY_DELAY_MS: '3600000',
  },
  name: 'run-notices',
});
const inChannel = (text: string) =>
  fixture('message-channel', harness.connector.serviceUrl, {
    text: `<at>SDS Flow Admin</at> ${text}`,
    conversation: { id: `${ALERTS};messageid=${Date.now()}` },
  });
const count = (bot: BotProcess, msg: string) =>
  bot.logs.filter((e: LogEntry) => e.msg === msg).length;
const morePolls = async (bot: BotProcess, n: number) => {
  const target = count(bot, 'notify poll') + n;
  await waitFor(() => count(bot, 'notify poll') >= target, 20_000, `${n} more polls`);
};
const runCards = () =>
  notificationsIn(harness.connector, ALERTS).filter((c) => cardText(c).includes('Sync run'));

describe('sync-run notices (real process, restart)', () => {
  it('when a run is forced to fail, then the subscribed channel gets one card with the blocking error and the deltas, and not again after a restart', async () => {
    const first = await harness.start();
    expect((await first.send(inChannel('notify here'))).status).toBe(200);
    await morePolls(first, 2); // the runs as they are now are the baseline: no card for them
    expect(runCards()).toHaveLength(0);

    const blockingError = {
      code: 'RequiredFileNotFound',
      message: 'The file orgs.csv was not found.',
      target: 'orgs.csv',
    };
    expect(
      await first.sandbox('PUT', 'runs/next-outcome', { status: 'failed', blockingError }),
    ).toBe(204);
    expect(await first.sandbox('POST', 'runs/scheduled')).toBe(201);
    expect(await first.sandbox('POST', 'runs/finish')).toBe(200);
    await waitFor(() => runCards().length > 0, 20_000, 'the run notice');
    await morePolls(first, 3);

    const [card] = runCards();
    expect(runCards()).toHaveLength(1);
    expect(validateAdaptiveCard(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toMatch(/Sync run failed: Run /);
    expect(text).toContain(
      'The run stopped before it finished: The file orgs.csv was not found (in orgs.csv).',
    );
    expect(text).toMatch(
      /Since the previous run \(Run .*\):|No count changed since the previous run/,
    );
    await first.kill('SIGKILL');

    const second = await harness.start();
    await second.waitForLog((e) => e.msg === 'notifications lease acquired');
    await morePolls(second, 3);
    expect(runCards()).toHaveLength(1);
  }, 90_000);
});
