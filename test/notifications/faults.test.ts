/**
 * Faults on both sides: Teams throttling the bot (429 with Retry-After) while many notifications
 * are due, and Graph failing while the poller reads (503). What must hold: every notification
 * arrives once, in order, within Teams' per-conversation windows; Graph failures never invent
 * transitions and never lose the last known state.
 */
import { SEED_IDS } from '../../src/sandbox/emulator';
import { setStateStore } from '../../src/notifications/outbox';
import { CONVERSATION_WINDOWS } from '../../src/notifications/rateLimiter';
import { cardText, startTestBot, type TestBot } from '../support/testBot';
import { ALERTS, channelMessage, notificationsIn, pollAndDeliver, waitFor } from './support';

const CHANNELS = [ALERTS, '19:sds-ops@thread.tacv2', '19:sds-audit@thread.tacv2'];
const FLIPPED = [
  SEED_IDS.allSchoolsUser,
  SEED_IDS.allSchoolsClassGroup,
  SEED_IDS.fabrikamClassGroup,
];
const STATUSES = ['failed', 'ready', 'failed', 'ready'] as const;

/** The most calls in any window of `ms` starting at a call. */
const maxInWindow = (times: number[], ms: number) =>
  Math.max(0, ...times.map((t) => times.filter((u) => u >= t && u < t + ms).length));

let bot: TestBot;
const control = () => bot.app.sandbox!.emulator.control;
const subscribe = async (channel: string) => {
  const res = await bot.send(channelMessage(bot, channel, 'notify here'));
  expect(res.status).toBe(200);
};

describe('Teams throttles the bot (429 with Retry-After)', () => {
  beforeAll(async () => {
    bot = await startTestBot({ NOTIFY_POLL_SECONDS: '0', SANDBOX_READY_DELAY_MS: '3600000' });
  });
  afterAll(() => bot.stop());

  it('when many notifications are due and Teams answers 429 for a while, then all arrive once, in order, within the limits', async () => {
    for (const channel of CHANNELS) await subscribe(channel);
    await pollAndDeliver(bot);
    bot.connector.faults.push({
      status: 429,
      retryAfterSeconds: 1,
      times: 4,
      conversationContains: CHANNELS[0],
    });
    bot.connector.faults.push({
      status: 429,
      retryAfterSeconds: 1,
      times: 2,
      conversationContains: CHANNELS[1],
    });
    const expected: string[] = [];
    let previous = 'ready';
    for (const status of STATUSES) {
      for (const id of FLIPPED) control().setReadiness(id, status);
      // 3 changes per poll: one card each (a digest starts above 3), so 12 cards per channel.
      expect((await bot.app.notifications.pollNow()).kind).toBe('done');
      expected.push(
        ...FLIPPED.map(
          () =>
            `${previous === 'ready' ? '✓ ready' : '✗ failed'} → ${status === 'ready' ? '✓ ready' : '✗ failed'}`,
        ),
      );
      previous = status;
    }
    await waitFor(
      () => CHANNELS.every((c) => notificationsIn(bot.connector, c).length >= expected.length),
      30_000,
      'every notification',
    );
    await bot.app.notifications.deliverNow();

    for (const channel of CHANNELS) {
      const cards = notificationsIn(bot.connector, channel).map(cardText);
      expect(cards).toHaveLength(expected.length); // none lost, none twice
      expect(cards.map((t) => /Status\n(.*)/.exec(t)?.[1])).toEqual(expected); // in order
      const times = bot.connector.calls
        .filter((c) => c.conversationId === channel)
        .map((c) => c.time);
      for (const { limit, ms } of CONVERSATION_WINDOWS)
        expect(maxInWindow(times, ms)).toBeLessThanOrEqual(limit);
    }
    // After each 429 the conversation waited its Retry-After before the next attempt.
    for (const refusal of bot.connector.refused) {
      const next = bot.connector.calls.find(
        (c) => c.conversationId === refusal.conversationId && c.time > refusal.time,
      );
      const nextRefusal = bot.connector.refused.find(
        (r) => r.conversationId === refusal.conversationId && r.time > refusal.time,
      );
      const nextAttempt = Math.min(next?.time ?? Infinity, nextRefusal?.time ?? Infinity);
      expect(nextAttempt - refusal.time).toBeGreaterThanOrEqual(1000);
    }
    expect(bot.connector.refused).toHaveLength(6);
    const all = bot.connector.calls
      .filter((c) => CHANNELS.includes(c.conversationId))
      .map((c) => c.time);
    expect(maxInWindow(all, 1000)).toBeLessThanOrEqual(50);
  }, 60_000);
});

describe('Graph fails while the poller reads', () => {
  beforeEach(async () => {
    bot = await startTestBot({ NOTIFY_POLL_SECONDS: '0', SANDBOX_READY_DELAY_MS: '3600000' });
    await subscribe(ALERTS);
    await pollAndDeliver(bot);
  });
  afterEach(() => bot.stop());

  const storedStatus = async (setId: string, flowId: string) =>
    (await setStateStore(bot.app.services.storage).get(setId))?.value.flows[flowId]?.status;

  it("when one set's flows cannot be read (503), then its flows are not 'removed', its state is kept, and the change is reported once Graph is back", async () => {
    control().setReadiness(SEED_IDS.allSchoolsUser, 'failed');
    control().setReadiness(SEED_IDS.northwindUser, 'failed');
    control().addFault({
      status: 503,
      count: 4,
      pathContains: `${SEED_IDS.northwind}/provisioningFlows`,
    });

    const troubled = await bot.app.notifications.pollNow();
    expect(troubled).toMatchObject({ kind: 'partial', error: { code: 'unavailable' } });
    await bot.app.notifications.deliverNow();
    const events = troubled.kind === 'partial' ? troubled.events : [];
    expect(events.map((e) => [e.kind, e.flowId])).toEqual([['status', SEED_IDS.allSchoolsUser]]);
    expect(await storedStatus(SEED_IDS.northwind, SEED_IDS.northwindUser)).toBe('notReady');
    expect(await storedStatus(SEED_IDS.northwind, SEED_IDS.northwindClassGroup)).toBe('disabled');

    await pollAndDeliver(bot);
    const cards = notificationsIn(bot.connector, ALERTS).map(cardText);
    expect(cards).toHaveLength(2);
    expect(cards[0]).toContain('Contoso');
    expect(cards[1]).toContain('Northwind High School · Users ✗ failed');
    expect(cards.join('\n')).not.toMatch(/removed|deleted/);
  });

  it('when the list of sets cannot be read (503), then nothing is compared: no set is "deleted"', async () => {
    control().addFault({
      status: 503,
      count: 4,
      pathContains: 'outboundProvisioningFlowSets',
      method: 'GET',
    });
    expect(await bot.app.notifications.pollNow()).toMatchObject({
      kind: 'failed',
      error: { code: 'unavailable' },
    });
    await pollAndDeliver(bot);
    expect(notificationsIn(bot.connector, ALERTS)).toHaveLength(0);
    expect(await storedStatus(SEED_IDS.northwind, SEED_IDS.northwindUser)).toBe('notReady');
  });

  it('when Graph is throttling (429), then the poll stops early and reports it, with nothing invented', async () => {
    control().setReadiness(SEED_IDS.fabrikamClassGroup, 'failed');
    control().addFault({
      status: 429,
      count: 4,
      retryAfterSeconds: 0,
      pathContains: '/provisioningFlows',
    });
    const result = await bot.app.notifications.pollNow();
    expect(result).toMatchObject({ kind: 'partial', events: [], error: { code: 'throttled' } });
    await pollAndDeliver(bot);
    expect(notificationsIn(bot.connector, ALERTS).map(cardText)).toEqual([
      expect.stringContaining('Fabrikam'),
    ]);
  });
});
