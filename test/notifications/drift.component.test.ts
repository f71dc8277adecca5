/**
 * Changes made outside the bot, end to end inside the real app (restify + CloudAdapter + SQLite +
 * Graph emulator) with the loopback connector: a channel subscribes with `notify here`, someone
 * PATCHes the emulator directly (as the portal or PowerShell would), the poller notices, and the
 * card's Revert and Accept go through the real /api/messages. Background polling is off: each test
 * polls when it wants to.
 */
import { SEED_IDS } from '../../src/sandbox/emulator';
import { cardText, startTestBot, type TestBot } from '../support/testBot';
import { adminGraph, button, cardOf, invoke, press, type Card } from '../changes/support';
import { editSet } from '../history/support';
import { ALERTS, GENERAL, notificationsIn, pollAndDeliver, sayInChannel } from './support';
import { cardsSentTo } from '../support/testBot';
import { driftStore } from '../../src/notifications/drift';
import { validateAdaptiveCard } from '../support/adaptiveCardSchema';

let bot: TestBot;

beforeEach(async () => {
  bot = await startTestBot({ NOTIFY_POLL_SECONDS: '0', SANDBOX_READY_DELAY_MS: '3600000' });
});
afterEach(async () => {
  await bot.stop();
});

/** "Changed outside the bot" cards posted in a conversation, in order. */
const driftCardsIn = (conversationId: string): Card[] =>
  cardsSentTo(bot.connector, conversationId).filter((card: Card) =>
    JSON.stringify(card).includes('Changed outside the bot'),
  );

/** The last card the bot posted as a new message. */
const lastPosted = (): Card =>
  bot.connector.calls.filter((c) => c.method === 'POST' && c.activity?.attachments?.length).at(-1)
    ?.activity.attachments[0].content;

/** Subscribed, and the first poll (which only records) done. */
async function subscribed(text = 'notify here'): Promise<void> {
  const { text: said } = await sayInChannel(bot, ALERTS, text);
  expect(said).toMatch(/Notifications on/);
  await pollAndDeliver(bot);
}

/** The portal (or a script) turns on "create unmatched users" of Northwind's user flow. */
const patchUserFlowOutside = () =>
  adminGraph(bot).updateFlow(SEED_IDS.northwind, SEED_IDS.northwindUser, {
    kind: 'user',
    createUnmatchedUsers: true,
    // The rest as seeded (a PATCH body names the whole management section).
    managementOptions: {
      additionalAttributes: ['userGradeLevel'],
      additionalOptions: { allowStudentContactAssociation: false, studentAgeGroup: 'notAdult' },
    },
  });

describe('a change made outside the bot', () => {
  it('when a subscribed set’s user flow is PATCHed directly, then within one poll exactly one card names the field with before → after', async () => {
    await subscribed();
    expect(driftCardsIn(ALERTS)).toHaveLength(0);

    await patchUserFlowOutside();
    await pollAndDeliver(bot);
    await pollAndDeliver(bot); // nothing new: no second card

    const cards = driftCardsIn(ALERTS);
    expect(cards).toHaveLength(1);
    expect(validateAdaptiveCard(cards[0])).toEqual([]);
    const text = cardText(cards[0]);
    expect(text).toContain('Northwind High School · Users flow settings changed');
    expect(text).toContain('Changes (before → now)');
    expect(text).toMatch(/Create unmatched users\n\S+ → \S+/);
    expect(text).toMatch(/Last modified\n\{\{DATE\(/);
    expect(button(cards[0], 'Show flow set').data).toMatchObject({
      command: `show ${SEED_IDS.northwind}`,
    });
    expect(button(cards[0], 'Revert').verb).toBe('drift.revert');
    expect(button(cards[0], 'Accept').verb).toBe('drift.accept');
    // A readiness-only view of the channel is not cluttered by it.
    expect(notificationsIn(bot.connector, ALERTS)).toHaveLength(0);
    expect(driftCardsIn(GENERAL)).toHaveLength(0);

    const history = await bot.app.services.audit.list({ setId: SEED_IDS.northwind });
    expect(history.entries).toEqual([
      expect.objectContaining({ event: 'drifted', kind: 'updateFlow', flowKind: 'user' }),
    ]);
    expect(history.entries[0]!.outcome).toMatch(/Create unmatched users: \S+ → \S+/);
  });

  it('when Revert is pressed, then the ordinary preview opens and Apply restores the previous value', async () => {
    await subscribed();
    await patchUserFlowOutside();
    await pollAndDeliver(bot);
    const [card] = driftCardsIn(ALERTS);

    const body = await press(bot, card, 'Revert', { replyToId: 'drift-card-1' });
    // The drift card says a revert was proposed; the preview comes as a new message below it.
    expect(cardText(cardOf(body))).toMatch(/Revert proposed by Avery Admin \(change \w{8}\) at /);
    const preview = lastPosted();
    const previewText = cardText(preview);
    expect(previewText).toContain('Revert of the change made outside the bot');
    expect(previewText).toMatch(/Create unmatched users\n\S+ → \S+/);
    const applied = cardText(cardOf(await press(bot, preview, 'Apply')));
    expect(applied).toMatch(/Applied/);

    const flow = await adminGraph(bot).getFlow(SEED_IDS.northwind, SEED_IDS.northwindUser);
    expect(flow.data).toMatchObject({ createUnmatchedUsers: false });
    // The revert went through the bot: no new drift card for it.
    await pollAndDeliver(bot);
    expect(driftCardsIn(ALERTS)).toHaveLength(1);
    const entries = (await bot.app.services.audit.list({ setId: SEED_IDS.northwind })).entries;
    expect(entries.map((e) => e.event)).toEqual(
      expect.arrayContaining(['drifted', 'revertProposed', 'requested', 'applied']),
    );
  });

  it('when a change is made through the bot, then no drift card is posted', async () => {
    await subscribed();
    await editSet(bot, 'northwind', { displayName: 'Northwind HS' });
    await pollAndDeliver(bot);
    await pollAndDeliver(bot);
    expect(driftCardsIn(ALERTS)).toHaveLength(0);
    expect(
      (await bot.app.services.audit.list({})).entries.filter((e) => e.event === 'drifted'),
    ).toEqual([]);
  });

  it('when the bot renames a set and someone else changes its schools outside the bot, then the card names only the schools', async () => {
    await subscribed();
    await editSet(bot, 'northwind', { displayName: 'Northwind HS' });
    await adminGraph(bot).updateFlowSet(SEED_IDS.northwind, {
      displayName: 'Northwind HS',
      filter: { attribute: 'orgExternalId', in: ['NW-ONLY'] },
    });
    await pollAndDeliver(bot);
    const cards = driftCardsIn(ALERTS);
    expect(cards).toHaveLength(1);
    const text = cardText(cards[0]);
    expect(text).toContain('NW-ONLY');
    expect(text).not.toContain('Flow set name');
  });

  it('when a poll cannot read a set’s flows, then nothing is reported deleted, and the next complete read reports nothing either', async () => {
    await subscribed();
    const control = bot.app.sandbox!.emulator.control;
    control.addFault({
      status: 503,
      count: 4,
      pathContains: `${SEED_IDS.northwind}/provisioningFlows`,
    });
    const failed = await bot.app.notifications.pollNow();
    expect(failed).toMatchObject({ kind: 'partial', error: { code: 'unavailable' } });
    await bot.app.notifications.deliverNow();
    expect(driftCardsIn(ALERTS)).toHaveLength(0);
    control.clearFaults();
    await pollAndDeliver(bot);
    await pollAndDeliver(bot);
    expect(driftCardsIn(ALERTS)).toHaveLength(0);
    expect((await bot.app.services.audit.list({})).entries).toEqual([]);
  });

  it('when the list of flow sets cannot be read, then no set is reported deleted', async () => {
    await subscribed();
    const control = bot.app.sandbox!.emulator.control;
    control.addFault({
      status: 503,
      count: 4,
      pathContains: 'outboundProvisioningFlowSets',
      method: 'GET',
    });
    expect((await bot.app.notifications.pollNow()).kind).toBe('failed');
    control.clearFaults();
    await pollAndDeliver(bot);
    expect(driftCardsIn(ALERTS)).toHaveLength(0);
  });

  it('when Accept is pressed, then the card says who accepted, for everyone, and the history records it', async () => {
    await sayInChannel(bot, GENERAL, 'notify here only drift');
    await subscribed();
    await patchUserFlowOutside();
    await pollAndDeliver(bot);
    const [card] = driftCardsIn(ALERTS);
    expect(driftCardsIn(GENERAL)).toHaveLength(1);
    const driftId = button(card, 'Accept').data.driftId as string;

    const accepted = cardOf(await press(bot, card, 'Accept', { replyToId: 'drift-card-2' }));
    expect(validateAdaptiveCard(accepted)).toEqual([]);
    expect(cardText(accepted)).toMatch(/✓ Accepted by Avery Admin at /);
    expect(accepted.actions.map((a: Card) => a.title)).toEqual(['Show flow set']);
    // The message itself is updated (not only the clicker's view).
    const updates = bot.connector.calls.filter(
      (c) => c.method === 'PUT' && c.activityId === 'drift-card-2',
    );
    expect(updates).toHaveLength(1);
    // …and so is the copy posted in the other subscribed channel.
    const copy = (await bot.app.notifications.outbox.list()).find(
      (d) => d.value.conversationKey === GENERAL,
    )!.value.activityId!;
    const copyUpdates = bot.connector.calls.filter(
      (c) => c.method === 'PUT' && c.activityId === copy,
    );
    expect(copyUpdates).toHaveLength(1);
    expect(JSON.stringify(copyUpdates[0]!.activity)).toContain('Accepted by Avery Admin');
    expect((await driftStore(bot.app.services.storage).get(driftId))?.value).toMatchObject({
      state: 'accepted',
      acceptedBy: { name: 'Avery Admin' },
    });

    // A second click changes nothing more.
    await invoke(bot, 'drift.accept', { driftId }, undefined, 'drift-card-2');
    const entries = (await bot.app.services.audit.list({ changeId: driftId })).entries;
    expect(entries.map((e) => [e.event, e.actor.name])).toEqual([
      ['accepted', 'Avery Admin'],
      ['drifted', 'someone outside the bot'],
    ]);
    const { card: history } = await sayInChannel(bot, ALERTS, 'history northwind');
    expect(cardText(history)).toContain('Changed outside the bot · accepted by Avery Admin');
  });
});

describe('created and deleted outside the bot', () => {
  it('when a flow is deleted and a new one of the same type created, then one "replaced" card; a new set and a deleted set are drift too', async () => {
    await subscribed();
    const graph = adminGraph(bot);
    await graph.deleteFlow(SEED_IDS.northwind, SEED_IDS.northwindClassGroup);
    const flows = await graph.listFlows(SEED_IDS.northwind);
    expect(flows.data.map((f) => f.id)).not.toContain(SEED_IDS.northwindClassGroup);
    await graph.createFlow(SEED_IDS.northwind, {
      kind: 'classGroup',
      configuration: {
        additionalAttributes: [],
        additionalOptions: { createTeam: false, writeDisplayNameOnCreateOnly: false },
        enrollmentMappings: { ownerCodes: ['teacher'], memberCodes: ['student'] },
      },
    });
    const created = (await graph.createFlowSet({ displayName: 'Made in the portal' })).data;
    await pollAndDeliver(bot);
    await graph.deleteFlowSet(created.id);
    await pollAndDeliver(bot);

    const titles = driftCardsIn(ALERTS).map((c) => cardText(c).split('\n')[1]);
    expect(titles).toEqual([
      'Northwind High School · Classes flow replaced',
      'Made in the portal · new flow set',
      'Made in the portal · flow set deleted',
    ]);
    // The same changes as readiness cards ("flow removed", "new flow", "set deleted") are not posted twice.
    expect(notificationsIn(bot.connector, ALERTS)).toHaveLength(0);
  });
});

describe('notify here … only', () => {
  it('when a conversation asked for "only readiness", then drift is not posted there; "only drift" gets it', async () => {
    await sayInChannel(bot, GENERAL, 'notify here only readiness');
    await subscribed('notify here only drift');
    await patchUserFlowOutside();
    await pollAndDeliver(bot);
    expect(driftCardsIn(ALERTS)).toHaveLength(1);
    expect(driftCardsIn(GENERAL)).toHaveLength(0);
  });
});
