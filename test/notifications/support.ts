/** Helpers for the notification tests: talk in a channel, find notification cards, wait. */
import type { LoopbackConnector } from '../../src/sandbox/connector';
import type { Activity } from '../support/activities';
import { cardsSentTo, type TestBot } from '../support/testBot';

export const ALERTS = '19:sds-alerts@thread.tacv2';
export const GENERAL = '19:general@thread.tacv2';

let thread = 0;

/** A message @mentioning the bot in a new thread of `channelId` (Teams: `…;messageid=…`). */
export function channelMessage(
  bot: Pick<TestBot, 'activity'>,
  channelId: string,
  text: string,
  over: Activity = {},
): Activity {
  const id = `17000${++thread}`;
  return bot.activity('message-channel', {
    text: `<at>SDS Flow Admin</at> ${text}`,
    conversation: { id: `${channelId};messageid=${id}` },
    channelData: { teamsChannelId: channelId, channel: { id: channelId, name: channelId } },
    ...over,
  });
}

/** Says something in a channel; returns the card or text the bot answered with in that thread. */
export async function sayInChannel(
  bot: TestBot,
  channelId: string,
  text: string,
  over: Activity = {},
) {
  const activity = channelMessage(bot, channelId, text, over);
  const res = await bot.send(activity);
  expect(res.status).toBe(200);
  const replies = bot.connector.calls.filter((c) => c.conversationId === activity.conversation.id);
  const last = replies[replies.length - 1]?.activity;
  return { activity, text: String(last?.text ?? ''), card: last?.attachments?.[0]?.content };
}

/** Notification cards (new posts, readiness and sync-run notices) in a conversation, in order. */
export function notificationsIn(connector: LoopbackConnector, conversationId: string) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return cardsSentTo(connector, conversationId).filter((card: any) =>
    JSON.stringify(card).match(/Readiness notification|readiness changes|Sync run notification/),
  );
}

/** Polls `check` until it is truthy (or throws after `timeoutMs`): waiting, not a timing assertion. */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** One poll and everything it queued sent (the tests run with background polling off). */
export async function pollAndDeliver(bot: TestBot): Promise<void> {
  const result = await bot.app.notifications.pollNow();
  if (result.kind === 'failed') throw result.error;
  await bot.app.notifications.deliverNow();
}
