/**
 * Notifications end to end inside the real app (restify + CloudAdapter + SQLite + Graph emulator)
 * with the loopback connector: subscribe with `notify here`, change readiness in the emulator,
 * poll, and look at what Teams would have received. Background polling is off (NOTIFY_POLL_SECONDS=0):
 * each test polls when it wants to.
 */
import { SEED_IDS } from '../../src/sandbox/emulator';
import { cardText, startTestBot, type TestBot } from '../support/testBot';
import { newPendingChange } from '../../src/domain/pendingChange';
import { createPendingChangeStore } from '../../src/changes/pendingChangeStore';
import { AVERY, executeActions } from '../commands/support';
import { startLoopbackConnector } from '../../src/sandbox/connector';
import {
  ALERTS,
  GENERAL,
  channelMessage,
  notificationsIn,
  pollAndDeliver,
  sayInChannel,
} from './support';

let bot: TestBot;
const control = () => bot.app.sandbox!.emulator.control;

beforeEach(async () => {
  // Seeded notReady flows stay notReady: the only changes are the ones a test makes.
  bot = await startTestBot({ NOTIFY_POLL_SECONDS: '0', SANDBOX_READY_DELAY_MS: '3600000' });
});
afterEach(async () => {
  await bot.stop();
});

describe('notify here in a channel other than General', () => {
  it('when a flow fails, then exactly one card with the change arrives as a new post in that channel', async () => {
    const { text } = await sayInChannel(bot, ALERTS, 'notify here');
    expect(text).toMatch(/Notifications on: .*every flow set.*this channel/);
    await pollAndDeliver(bot); // first sight: records the state, says nothing
    expect(notificationsIn(bot.connector, ALERTS)).toHaveLength(0);

    control().setReadiness(SEED_IDS.northwindUser, 'failed');
    await pollAndDeliver(bot);
    await pollAndDeliver(bot); // nothing new: no duplicate

    const cards = notificationsIn(bot.connector, ALERTS);
    expect(cards).toHaveLength(1);
    const text2 = cardText(cards[0]);
    expect(text2).toContain('Northwind High School · Users ✗ failed');
    expect(text2).toContain('… not ready → ✗ failed');
    // In the reader's own time zone: Teams formats {{DATE()}}/{{TIME()}} per user.
    expect(text2).toMatch(
      /When\n\{\{DATE\((\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ), SHORT\)\}\} \{\{TIME\(\1\)\}\}/,
    );
    expect(executeActions(cards[0]).map((a) => [a.title, a.verb, a.data])).toEqual([
      ['Show set', 'command.run', { command: `show ${SEED_IDS.northwind}`, newMessage: true }],
      [
        'Reset flow',
        'flow.reset',
        {
          setId: SEED_IDS.northwind,
          flowId: SEED_IDS.northwindUser,
          kind: 'user',
          version: expect.any(String),
          newMessage: true,
        },
      ],
      [
        'Mute this set here',
        'notify.mute',
        { setId: SEED_IDS.northwind, setName: 'Northwind High School' },
      ],
    ]);
    expect(notificationsIn(bot.connector, GENERAL)).toHaveLength(0);
    // A new post in the channel, not a reply in the thread where "notify here" was typed.
    expect(bot.connector.calls.filter((c) => c.conversationId === ALERTS)).toHaveLength(1);
  });

  it('when "notify off" is said there, then later changes are not posted', async () => {
    await sayInChannel(bot, ALERTS, 'notify here');
    await pollAndDeliver(bot);
    const { text } = await sayInChannel(bot, ALERTS, 'notify off');
    expect(text).toMatch(/Notifications off/);
    control().setReadiness(SEED_IDS.northwindUser, 'failed');
    await pollAndDeliver(bot);
    expect(notificationsIn(bot.connector, ALERTS)).toHaveLength(0);
  });

  it('when the bot is uninstalled from the team, then the subscription is inactive and nothing is sent; a reinstall revives it', async () => {
    await sayInChannel(bot, ALERTS, 'notify here');
    await pollAndDeliver(bot);
    await bot.send(bot.activity('installation-add', { action: 'remove' }));
    expect(await bot.app.notifications.subscriptions.get(ALERTS)).toMatchObject({
      active: false,
      inactive: { reason: 'uninstalled' },
    });
    control().setReadiness(SEED_IDS.northwindUser, 'failed');
    await pollAndDeliver(bot);
    expect(notificationsIn(bot.connector, ALERTS)).toHaveLength(0);

    await bot.send(bot.activity('installation-add'));
    expect((await bot.app.notifications.subscriptions.get(ALERTS))?.active).toBe(true);
    control().setReadiness(SEED_IDS.northwindUser, 'ready');
    await pollAndDeliver(bot);
    expect(cardText(notificationsIn(bot.connector, ALERTS)[0])).toContain('✗ failed → ✓ ready');
  });

  it('when Teams answers 403 to a notification, then it is not retried and `notify list` shows the subscription inactive', async () => {
    await sayInChannel(bot, ALERTS, 'notify here');
    await pollAndDeliver(bot);
    bot.connector.faults.push({ status: 403, times: 5, conversationContains: ALERTS });
    control().setReadiness(SEED_IDS.northwindUser, 'failed');
    await pollAndDeliver(bot);
    control().setReadiness(SEED_IDS.northwindUser, 'ready');
    await pollAndDeliver(bot);
    await bot.app.notifications.deliverNow();

    expect(bot.connector.refused.filter((r) => r.conversationId === ALERTS)).toHaveLength(1);
    bot.connector.faults.length = 0; // the bot is back in the channel for the next message
    const { card } = await sayInChannel(bot, ALERTS, 'notify list');
    const text = cardText(card);
    expect(text).toContain('Notifications in this channel');
    expect(text).toMatch(/Inactive since .*403: the bot is no longer in this conversation/);
    expect(text).toMatch(
      /Not delivered\nNorthwind High School · Users: .*conversation gone \(403\)/,
    );
  });
});

describe('the stored conversation reference follows what Teams says', () => {
  it('when a later message there carries a new serviceUrl, then notifications go to the new one', async () => {
    await sayInChannel(bot, ALERTS, 'notify here');
    await pollAndDeliver(bot);
    const moved = await startLoopbackConnector();
    try {
      const res = await bot.send({
        ...channelMessage(bot, ALERTS, 'whoami'),
        serviceUrl: moved.serviceUrl,
      });
      expect(res.status).toBe(200);
      control().setReadiness(SEED_IDS.northwindUser, 'failed');
      await pollAndDeliver(bot);
      expect(notificationsIn(moved, ALERTS)).toHaveLength(1);
      expect(notificationsIn(bot.connector, ALERTS)).toHaveLength(0);
    } finally {
      await moved.close();
    }
  });

  it.each([
    ['team deleted', { eventType: 'teamDeleted' }, { eventType: 'teamRestored' }],
    ['bot removed from the team', 'removed', 'added'],
  ])(
    'when %s, then the channel subscription is inactive; when undone, active again',
    async (_name, off, on) => {
      await sayInChannel(bot, ALERTS, 'notify here');
      const update = (change: unknown) => {
        const a = bot.activity('installation-add', { type: 'conversationUpdate' });
        delete a.action;
        if (change === 'removed') a.membersRemoved = [{ id: a.recipient.id }];
        else if (change === 'added') a.membersAdded = [{ id: a.recipient.id }];
        else a.channelData = { ...a.channelData, ...(change as object) };
        return bot.send(a);
      };
      await update(off);
      expect((await bot.app.notifications.subscriptions.get(ALERTS))?.active).toBe(false);
      await update(on);
      expect((await bot.app.notifications.subscriptions.get(ALERTS))?.active).toBe(true);
    },
  );

  it('when the bot is removed from a group chat, then only that chat stops receiving', async () => {
    const chat = '19:district-admins@thread.v2';
    const inChat = (extra: object = {}) =>
      bot.activity('message-channel', {
        conversation: { id: chat, conversationType: 'groupChat' },
        channelData: {
          team: undefined,
          channel: undefined,
          teamsChannelId: undefined,
          teamsTeamId: undefined,
        },
        ...extra,
      });
    await bot.send(inChat({ text: '<at>SDS Flow Admin</at> notify here' }));
    await sayInChannel(bot, ALERTS, 'notify here');
    const removed = inChat({ type: 'conversationUpdate', text: undefined });
    removed.membersRemoved = [{ id: removed.recipient.id }];
    await bot.send(removed);
    expect((await bot.app.notifications.subscriptions.get(chat))?.active).toBe(false);
    expect((await bot.app.notifications.subscriptions.get(ALERTS))?.active).toBe(true);
  });
});

describe('what a notification card can do', () => {
  it('when "Mute this set here" is clicked, then that set is quiet here and other sets still notify', async () => {
    await sayInChannel(bot, ALERTS, 'notify here');
    await pollAndDeliver(bot);
    control().setReadiness(SEED_IDS.northwindUser, 'failed');
    await pollAndDeliver(bot);
    const mute = executeActions(notificationsIn(bot.connector, ALERTS)[0]).find(
      (a) => a.verb === 'notify.mute',
    )!;
    const clicked = bot.activity('invoke-action', {
      conversation: { id: `${ALERTS};messageid=99` },
    });
    clicked.value = { action: { type: 'Action.Execute', verb: mute.verb, data: mute.data } };
    const res = await bot.send(clicked);
    expect(JSON.stringify(res.body)).toMatch(
      /Muted: no more notifications about \\"Northwind High School\\" here/,
    );

    control().setReadiness(SEED_IDS.northwindUser, 'ready');
    control().setReadiness(SEED_IDS.fabrikamClassGroup, 'failed');
    await pollAndDeliver(bot);
    const cards = notificationsIn(bot.connector, ALERTS).map(cardText);
    expect(cards).toHaveLength(2);
    expect(cards[1]).toContain('Fabrikam');
  });

  it('when the change follows a reset made through the bot, then the card says who asked and who approved', async () => {
    await sayInChannel(bot, ALERTS, 'notify here');
    await pollAndDeliver(bot);
    const now = new Date();
    const reset = newPendingChange({
      kind: 'resetFlow',
      target: { setId: SEED_IDS.northwind, flowId: SEED_IDS.northwindUser, flowKind: 'user' },
      body: null,
      baseVersion: null,
      requester: { aadObjectId: AVERY.aadObjectId, name: 'Avery Admin' },
      now,
    });
    await createPendingChangeStore(bot.app.services.storage).create({
      ...reset,
      state: 'applied',
      approver: { aadObjectId: '22222222-bbbb-4bbb-8bbb-222222222222', name: 'Blake Approver' },
      result: { appliedAt: now.toISOString() },
    });
    control().setReadiness(SEED_IDS.northwindUser, 'ready');
    await pollAndDeliver(bot);
    expect(cardText(notificationsIn(bot.connector, ALERTS)[0])).toMatch(
      /After the reset requested by Avery Admin \(approved by Blake Approver\) at \{\{DATE\(\d{4}-/,
    );
  });

  it('when a filter and a set are given, then only those statuses of that set notify', async () => {
    const { text } = await sayInChannel(bot, ALERTS, 'notify here for northwind only failed');
    expect(text).toMatch(/flow set "Northwind High School".*only when a flow becomes failed/);
    await pollAndDeliver(bot);
    control().setReadiness(SEED_IDS.northwindUser, 'ready');
    control().setReadiness(SEED_IDS.fabrikamClassGroup, 'failed');
    await pollAndDeliver(bot);
    expect(notificationsIn(bot.connector, ALERTS)).toHaveLength(0);
    control().setReadiness(SEED_IDS.northwindUser, 'failed');
    await pollAndDeliver(bot);
    expect(notificationsIn(bot.connector, ALERTS).map(cardText)).toEqual([
      expect.stringContaining('✓ ready → ✗ failed'),
    ]);
  });

  it('when "notify here" is followed by a narrower rule for one set, then that set follows only its own rule and notify list says so', async () => {
    await sayInChannel(bot, ALERTS, 'notify here');
    const again = await sayInChannel(bot, ALERTS, 'notify here');
    expect(again.text).toMatch(/^Notifications were already on: /);
    const { text } = await sayInChannel(
      bot,
      ALERTS,
      'notify here for northwind only failed,expired',
    );
    expect(text).toMatch(
      /For this set it replaces the all-sets rule \(for every readiness change\)/,
    );
    const scopes = (await bot.app.notifications.subscriptions.get(ALERTS))!.scopes;
    expect(scopes.map((s) => [s.setId, s.statuses])).toEqual([
      [null, null],
      [SEED_IDS.northwind, ['failed', 'expired']],
    ]);

    const listed = cardText((await sayInChannel(bot, ALERTS, 'notify list')).card);
    expect(listed).toContain('Every other flow set\nevery readiness change');
    expect(listed).toContain(
      'Northwind High School\nonly when a flow becomes failed or expired (its own rule, instead of the all-sets rule)',
    );

    await pollAndDeliver(bot);
    control().setReadiness(SEED_IDS.northwindUser, 'ready'); // Northwind: not failed/expired
    control().setReadiness(SEED_IDS.fabrikamClassGroup, 'failed'); // another set: all-sets rule
    await pollAndDeliver(bot);
    const cards = notificationsIn(bot.connector, ALERTS).map(cardText);
    expect(cards).toHaveLength(1);
    expect(cards[0]).toContain('Fabrikam');

    const broad = await sayInChannel(bot, ALERTS, 'notify here only failed');
    expect(broad.text).toMatch(/Sets with their own rule keep it: "Northwind High School"/);
  });

  it('when many flows change in one poll, then the channel gets one digest card', async () => {
    await sayInChannel(bot, ALERTS, 'notify here');
    await pollAndDeliver(bot);
    for (const id of [
      SEED_IDS.allSchoolsUser,
      SEED_IDS.allSchoolsClassGroup,
      SEED_IDS.northwindUser,
      SEED_IDS.fabrikamClassGroup,
      SEED_IDS.fabrikamSecurityGroup,
    ])
      control().setReadiness(id, 'failed');
    await pollAndDeliver(bot);
    const cards = notificationsIn(bot.connector, ALERTS);
    expect(cards).toHaveLength(1);
    expect(cardText(cards[0])).toMatch(/5 readiness changes\nIn 3 flow sets/);
  });

  it('when someone without an Entra object id says notify here, then it is refused', async () => {
    const { card } = await sayInChannel(bot, ALERTS, 'notify here', {
      from: { id: '29:guest', name: 'Guest', aadObjectId: '' },
    });
    expect(cardText(card)).toMatch(/Only people signed in with a work or school account/);
    expect(await bot.app.notifications.subscriptions.get(ALERTS)).toBeUndefined();
  });
});
