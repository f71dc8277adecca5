/**
 * Issue 12 item 4: a button on an alert, a result or a history card leaves that card as it was;
 * what it opens (a preview, a form, a set card) comes as a new message. Only a preview's own
 * Apply/Cancel replace the preview.
 */
import { SEED_IDS } from '../../src/sandbox/emulator';
import { cardText, cardsSentTo, startTestBot, type TestBot } from '../support/testBot';
import { executeActions } from '../commands/support';
import { ALERTS, notificationsIn, pollAndDeliver, sayInChannel } from '../notifications/support';
import { button, cardFor, cardOf, invoke, openedBy, press, updatesOf } from '../changes/support';
import { editSet } from '../history/support';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ NOTIFY_POLL_SECONDS: '0', SANDBOX_READY_DELAY_MS: '3600000' });
});
afterAll(async () => {
  await bot.stop();
});

const MESSAGE_TYPE = 'application/vnd.microsoft.activity.message';

/** Clicks a button of a card held by message `replyToId` in `conversationId`, as Avery. */
async function clickIn(
  conversationId: string,
  replyToId: string,
  action: { verb: string; data: unknown },
) {
  const activity = bot.activity('invoke-action', {
    replyToId,
    conversation: { id: conversationId, conversationType: 'channel', isGroup: true },
  });
  activity.value = { action: { type: 'Action.Execute', verb: action.verb, data: action.data } };
  const res = await bot.send(activity);
  expect(res.status).toBe(200);
  return res.body as { statusCode: number; type: string; value: unknown };
}

describe('buttons on alerts, results and history keep their card', () => {
  it('when Reset flow is clicked on a channel readiness alert, then the alert is unchanged and the preview is a new message; Cancel replaces only the preview', async () => {
    await sayInChannel(bot, ALERTS, 'notify here');
    await pollAndDeliver(bot);
    bot.app.sandbox!.emulator.control.setReadiness(SEED_IDS.northwindUser, 'failed');
    await pollAndDeliver(bot);
    const [alert] = notificationsIn(bot.connector, ALERTS);
    const reset = executeActions(alert).find((a) => a.title === 'Reset flow')!;
    const before = cardsSentTo(bot.connector, ALERTS).length;

    const body = await clickIn(ALERTS, 'alert-message', reset);

    // The invoke answers with a message, not a card: Teams leaves the alert as it is.
    expect(body.type).toBe(MESSAGE_TYPE);
    expect(updatesOf(bot, 'alert-message')).toHaveLength(0);
    const sent = cardsSentTo(bot.connector, ALERTS).slice(before);
    expect(sent).toHaveLength(1);
    const preview = sent[0];
    expect(cardText(preview)).toMatch(/Reset/);
    const cancel = executeActions(preview).find((a) => a.title === 'Cancel')!;
    const cancelled = await clickIn(ALERTS, 'preview-message', cancel);
    expect(cancelled.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(updatesOf(bot, 'alert-message')).toHaveLength(0);
  });

  it('when Undo is clicked on a history card, then the history stays and the undo preview is a new message', async () => {
    await editSet(bot, 'northwind', { displayName: 'Northwind HS', filterMode: 'all' });
    const history = await cardFor(bot, 'history northwind');
    const undo = button(history, 'Undo');
    const body = await invoke(bot, undo.verb, undo.data, undefined, 'history-message');
    expect(updatesOf(bot, 'history-message')).toHaveLength(0);
    expect(cardText(openedBy(bot, body))).toContain('Northwind HS → Northwind High School');
  });

  it('when Show flow set is clicked on an applied card, then the applied card stays and the set card is a new message', async () => {
    const preview = await cardFor(bot, 'reset class flow in Northwind');
    const applied = cardOf(await press(bot, preview, 'Apply'));
    const show = button(applied, 'Show flow set');
    const body = await invoke(bot, show.verb, show.data, undefined, 'applied-message');
    expect(openedBy(bot, body).body[0].text).toMatch(/^Northwind/);
  });
});
