/**
 * Crash safety with a real process: the built bot is SIGKILLed (no shutdown code runs) between
 * detecting a readiness change and sending it, and started again on the same DATA_DIR.
 *  - killed while the notification waits in the outbox (Teams had said 429, retry in 3 s):
 *    after the restart it is sent exactly once, and never again after that;
 *  - killed while the post is in flight (the connector took it but never answered): after the
 *    restart it is NOT sent again on its own (it may have landed); `notify list` shows it as
 *    "delivery uncertain" with a Send again button, which sends it once more.
 */
import { SEED_IDS } from '../../src/sandbox/emulator';
import { fixture } from '../support/activities';
import type { BotProcess, LogEntry } from '../support/botProcess';
import { useRestartHarness } from '../support/restartHarness';
import { cardText } from '../support/testBot';
import { executeActions } from '../commands/support';
import { ALERTS, notificationsIn, waitFor } from './support';

const harness = useRestartHarness({
  env: {
    NOTIFY_POLL_SECONDS: '0.5',
    NOTIFY_LEASE_SECONDS: '1.5',
    NOTIFY_SEND_TIMEOUT_SECONDS: '1',
    SANDBOX_READY_DELAY_MS: '3600000',
  },
  name: 'notify',
});
const start = () => harness.start();
const inChannel = (text: string, over = {}) =>
  fixture('message-channel', harness.connector.serviceUrl, {
    text: `<at>SDS Flow Admin</at> ${text}`,
    conversation: { id: `${ALERTS};messageid=${Date.now()}` },
    ...over,
  });
const count = (bot: BotProcess, msg: string) =>
  bot.logs.filter((e: LogEntry) => e.msg === msg).length;
/** Waits until `bot` has polled `n` more times than now (its outbox worker scans at least as often). */
const morePolls = async (bot: BotProcess, n: number) => {
  const target = count(bot, 'notify poll') + n;
  await waitFor(() => count(bot, 'notify poll') >= target, 20_000, `${n} more polls`);
};

describe('restart after SIGKILL (real process)', () => {
  it('when the bot is killed after a change is recorded but before it is sent, then after a restart it is sent exactly once', async () => {
    const first = await start();
    expect((await first.send(inChannel('notify here'))).status).toBe(200);
    await morePolls(first, 1); // the current readiness is the baseline
    harness.connector.faults.push({
      status: 429,
      retryAfterSeconds: 3,
      times: 1,
      conversationContains: ALERTS,
    });
    expect(
      await first.sandbox('POST', `flows/${SEED_IDS.northwindUser}/readiness`, {
        status: 'failed',
      }),
    ).toBe(204);
    await first.waitForLog((e) => e.msg === 'notification deferred'); // recorded, first attempt refused
    await first.kill('SIGKILL');
    expect(notificationsIn(harness.connector, ALERTS)).toHaveLength(0);

    const second = await start();
    await waitFor(
      () => notificationsIn(harness.connector, ALERTS).length > 0,
      20_000,
      'the notification',
    );
    await morePolls(second, 3);
    expect(notificationsIn(harness.connector, ALERTS).map(cardText)).toEqual([
      expect.stringContaining('Users ✗ failed'),
    ]);
    await second.kill('SIGKILL');

    const third = await start();
    await third.waitForLog((e) => e.msg === 'notifications lease acquired');
    await morePolls(third, 3);
    expect(notificationsIn(harness.connector, ALERTS)).toHaveLength(1);
  }, 90_000);

  it('when the bot is killed while the post is in flight, then it is not re-posted by itself but shown as uncertain, and Send again posts it', async () => {
    const first = await start();
    await first.send(inChannel('notify here'));
    await morePolls(first, 1);
    harness.connector.faults.push({
      status: 200,
      times: 1,
      mode: 'acceptThenHang',
      conversationContains: ALERTS,
    });
    await first.sandbox('POST', `flows/${SEED_IDS.northwindUser}/readiness`, { status: 'failed' });
    await waitFor(
      () => notificationsIn(harness.connector, ALERTS).length === 1,
      20_000,
      'the post to land',
    );
    await first.kill('SIGKILL');

    const second = await start();
    await second.waitForLog((e) => e.msg === 'notification delivery uncertain');
    await morePolls(second, 3);
    expect(notificationsIn(harness.connector, ALERTS)).toHaveLength(1);

    const list = inChannel('notify list');
    await second.send(list);
    const reply = harness.connector.calls
      .filter((c) => c.conversationId === list.conversation.id)
      .at(-1);
    const card = reply?.activity.attachments[0].content;
    expect(cardText(card)).toMatch(
      /Delivery uncertain\nNorthwind High School · Users: .*may or may not have been posted/,
    );
    const resend = executeActions(card).find((a) => a.verb === 'notify.resend')!;
    const click = fixture('invoke-action', harness.connector.serviceUrl, {
      conversation: { id: `${ALERTS};messageid=1` },
    });
    click.value = { action: { type: 'Action.Execute', verb: resend.verb, data: resend.data } };
    expect(JSON.stringify((await second.send(click)).body)).toMatch(/post it again/);
    await waitFor(
      () => notificationsIn(harness.connector, ALERTS).length === 2,
      20_000,
      'the re-sent post',
    );
    await morePolls(second, 2);
    expect(notificationsIn(harness.connector, ALERTS)).toHaveLength(2);
  }, 90_000);
});
