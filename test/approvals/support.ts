/**
 * Helpers for the peer-approval component tests (the bot itself: test/support/peerApprovalHarness.ts): users talking
 * in the approvals channel or in 1:1, a request made by Avery, and what the loopback connector
 * saw (posts and updates of each copy of a request's card).
 */
import type { SandboxUser } from '../../src/sandbox/users';
import { approvalStores } from '../../src/approvals/stores';
import { createPendingChangeStore } from '../../src/changes/pendingChangeStore';
import {
  AVERY,
  button,
  cardInputs,
  cardOf,
  from,
  invoke,
  type Card,
  type InvokeBody,
  type Talker,
} from '../changes/support';
import type { Activity } from '../support/activities';
import { cardText, type TestBot } from '../support/testBot';

export const ELI = {
  aadObjectId: '55555555-eeee-4eee-8eee-555555555555',
  name: 'Eli ReadOnly',
} as SandboxUser;

/** The approvals channel of the tests (the fixture's team channel). */
export const CHANNEL_ID = '19:sds-alerts@thread.tacv2';

const channelActivity = (bot: Talker, name: string, user: SandboxUser, extra: Activity = {}) =>
  bot.activity(name, {
    ...from(user),
    conversation: {
      isGroup: true,
      conversationType: 'channel',
      id: `${CHANNEL_ID};messageid=1700000000002`,
    },
    channelData: { channel: { id: CHANNEL_ID, name: 'SDS Approvals' } },
    ...extra,
  });

/** `user` says `text` in the channel (with the @mention Teams adds); resolves with the reply text. */
export async function sayInChannel(bot: Talker, text: string, user: SandboxUser): Promise<string> {
  const before = bot.connector.calls.length;
  const res = await bot.send(
    channelActivity(bot, 'message-channel', user, { text: `<at>SDS Flow Admin</at> ${text}` }),
  );
  expect(res.status).toBe(200);
  const sent = bot.connector.calls.slice(before).filter((c) => c.method === 'POST');
  return sent
    .map((c) => c.activity?.text ?? cardText(c.activity?.attachments?.[0]?.content))
    .join('\n');
}

/** A click in the channel, on the message `replyToId`. */
export async function invokeInChannel(
  bot: Talker,
  verb: string,
  data: unknown,
  user: SandboxUser,
  replyToId: string,
): Promise<InvokeBody> {
  const activity = channelActivity(bot, 'invoke-action', user, { replyToId });
  activity.value = { action: { type: 'Action.Execute', verb, data } };
  const res = await bot.send(activity);
  expect(res.status).toBe(200);
  return res.body as InvokeBody;
}

/** Each user's own 1:1 chat with the bot (the fixtures share one id; Teams does not). */
export const chatOf = (user: SandboxUser) => `a:1personal-chat-${user.aadObjectId.slice(0, 8)}`;
const inChat = (user: SandboxUser): Activity => ({
  ...from(user),
  conversation: { conversationType: 'personal', id: chatOf(user) },
});

/** What the bot answered to `text` in the user's own 1:1 chat: the last card, or the last text. */
export async function say(bot: Talker, text: string, user: SandboxUser = AVERY): Promise<Card> {
  const before = bot.connector.calls.length;
  expect((await bot.send(bot.activity('message-personal', { text, ...inChat(user) }))).status).toBe(
    200,
  );
  const last = bot.connector.calls
    .slice(before)
    .filter((c) => c.method === 'POST')
    .at(-1)?.activity;
  return last?.attachments?.[0]?.content ?? last?.text;
}

/** Presses a button as `user` in their own 1:1 chat (data + the card's inputs + `typed`). */
export async function pressIn(
  bot: Talker,
  card: Card,
  title: string,
  options: { user?: SandboxUser; typed?: Record<string, string>; replyToId?: string } = {},
): Promise<InvokeBody> {
  const user = options.user ?? AVERY;
  const action = button(card, title);
  const activity = bot.activity('invoke-action', {
    ...inChat(user),
    replyToId: options.replyToId ?? 'some-card',
  });
  activity.value = {
    action: {
      type: 'Action.Execute',
      verb: action.verb,
      data: { ...action.data, ...cardInputs(card), ...options.typed },
    },
  };
  const res = await bot.send(activity);
  expect(res.status).toBe(200);
  return res.body as InvokeBody;
}

/** The user says hello in 1:1, so the bot has their chat (for 1:1 delivery). */
export async function greet(bot: Talker, user: SandboxUser): Promise<void> {
  await say(bot, 'help', user);
}

export interface Requested {
  changeId: string;
  preview: Card;
  /** The requester's card after Request approval (the invoke's answer). */
  waiting: Card;
  previewActivityId: string;
}

let previews = 0;

/** Avery previews `command` in 1:1 and requests approval with `reason`. */
export async function request(
  bot: Talker,
  command: string,
  reason = 'Term starts Monday',
  user = AVERY,
): Promise<Requested> {
  const preview = await say(bot, command, user);
  const changeId = button(preview, 'Request approval').data.changeId as string;
  const previewActivityId = `preview-${++previews}`;
  const answer = await pressIn(bot, preview, 'Request approval', {
    typed: { reason },
    user,
    replyToId: previewActivityId,
  });
  return { changeId, preview, waiting: cardOf(answer), previewActivityId };
}

/** The cards the connector received as new posts in a conversation (with their activity ids). */
export function postsTo(bot: Talker, conversationId: string) {
  return bot.connector.calls
    .filter(
      (c) =>
        c.method === 'POST' &&
        c.conversationId === conversationId &&
        c.activity?.attachments?.length,
    )
    .map((c) => ({ activityId: c.assignedId, card: c.activity.attachments[0].content as Card }));
}

export const stateOf = async (bot: TestBot, changeId: string) =>
  (await createPendingChangeStore(bot.app.services.storage).get(changeId))?.state;

export const requestOf = async (bot: TestBot, changeId: string) =>
  (await approvalStores(bot.app.services.storage).requests.get(changeId))?.value;

export { invoke };
