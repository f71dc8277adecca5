/**
 * Least privilege over the real /api/messages (issue 11, items 5 and 6): only an approver chooses
 * where approval requests go, and the card says who chose; a conversation is subscribed to
 * notifications (which are read with the app's token) only by someone who can read flow sets with
 * their own token; a request's details (set, diff, reason) are shown only to approvers and the
 * person who asked. Sandbox people: Avery asks, Blake approves (the approver group), Dana is no
 * admin (Graph 403), Casey has no consent, Eli can read but is no approver.
 */
import { CHANNEL_KEY } from '../../src/domain/approvalRecords';
import { approvalStores } from '../../src/approvals/stores';
import { SEED_IDS } from '../../src/sandbox/emulator';
import { SANDBOX_USERS, type SandboxUser } from '../../src/sandbox/users';
import { AVERY, BLAKE, DANA, buttons, from, invoke } from '../changes/support';
import { CHANNEL_ID, ELI, postsTo, request, say, sayInChannel } from '../approvals/support';
import { cardText } from '../support/testBot';
import { usePeerApprovalBot } from '../support/peerApprovalHarness';

const CASEY = SANDBOX_USERS.find((u) => u.name === 'Casey NoConsent')!;
/** Dana's own group chat with the bot (not the approvals channel). */
const DANA_CHAT = '19:dana-staffroom@thread.v2';
// The set names (not the team "Contoso District IT", which the place label names).
const SET_NAMES = /Northwind|Fabrikam|Contoso District –/;
const ONLY_APPROVERS = 'Only approvers and the person who asked can see this request.';

const bot = usePeerApprovalBot();

/** `user` says `text` in a group chat; resolves with everything the bot posted there (text and cards). */
async function sayInGroupChat(
  text: string,
  user: SandboxUser,
  chat = DANA_CHAT,
): Promise<{ said: string; cards: number }> {
  const before = bot.connector.calls.length;
  const activity = bot.activity('message-channel', {
    ...from(user),
    text: `<at>SDS Flow Admin</at> ${text}`,
    conversation: { id: chat, conversationType: 'groupChat', isGroup: true },
    channelData: {
      team: undefined,
      channel: undefined,
      teamsChannelId: undefined,
      teamsTeamId: undefined,
    },
  });
  expect((await bot.send(activity)).status).toBe(200);
  const sent = bot.connector.calls
    .slice(before)
    .filter((c) => c.method === 'POST' && c.conversationId === chat);
  return {
    said: sent
      .map((c) => c.activity?.text ?? cardText(c.activity?.attachments?.[0]?.content))
      .join('\n'),
    cards: sent.filter((c) => c.activity?.attachments?.length).length,
  };
}

/** Everything the bot posted anywhere since connector call `since` (text and card text). */
const postedSince = (since: number) =>
  bot.connector.calls
    .slice(since)
    .filter((c) => c.method === 'POST' || c.method === 'PUT')
    .map((c) => c.activity?.text ?? cardText(c.activity?.attachments?.[0]?.content))
    .join('\n');

const storedChannel = async () =>
  (await approvalStores(bot.app.services.storage).channel.get(CHANNEL_KEY))?.value;

const subscriptionOf = (conversationId: string) =>
  bot.app.notifications.subscriptions.get(conversationId);

describe('who chooses where approval requests go', () => {
  it('when an approver says "approvals here", then requests go there and every card names who chose', async () => {
    expect(await sayInChannel(bot, 'approvals here', BLAKE)).toContain(
      'Approval requests will be posted in this channel',
    );
    expect((await storedChannel())?.setBy).toEqual({
      aadObjectId: BLAKE.aadObjectId,
      name: BLAKE.name,
    });

    const { changeId, waiting } = await request(bot, `delete ${SEED_IDS.fabrikamPilot}`);
    const post = postsTo(bot, CHANNEL_ID).at(-1)!;
    expect(cardText(post.card)).toContain(
      'Requests go to\nSDS Approvals in Contoso District IT (chosen by Blake Approver)',
    );
    expect(cardText(waiting)).toContain(
      'SDS Approvals in Contoso District IT (chosen by Blake Approver)',
    );
    expect(cardText(await say(bot, 'approvals', BLAKE))).toContain(
      'Requests go to SDS Approvals in Contoso District IT (chosen by Blake Approver).',
    );
    await invoke(bot, 'approval.cancel', { changeId }, AVERY);
  });

  it('when Dana (no approver) says "approvals here" in her group chat, then she is told why not and requests still go to the approvals channel', async () => {
    await sayInChannel(bot, 'approvals here', BLAKE);
    const { said } = await sayInGroupChat('approvals here', DANA);
    expect(said).toContain('Permission needed');
    expect(said).toContain(
      'Only approvers can choose where approval requests go, and you are not one of them',
    );
    expect(said).toContain(
      'Requests still go to SDS Approvals in Contoso District IT (chosen by Blake Approver).',
    );
    const channel = await storedChannel();
    expect(channel?.setBy.aadObjectId).toBe(BLAKE.aadObjectId);
    expect(channel?.reference.conversation.id).toBe(CHANNEL_ID);

    const inChannel = postsTo(bot, CHANNEL_ID).length;
    const inDanasChat = postsTo(bot, DANA_CHAT).length;
    const { changeId } = await request(bot, `delete ${SEED_IDS.northwind}`);
    expect(postsTo(bot, CHANNEL_ID)).toHaveLength(inChannel + 1);
    expect(postsTo(bot, DANA_CHAT)).toHaveLength(inDanasChat);
    await invoke(bot, 'approval.cancel', { changeId }, AVERY);
  });

  it('when Eli (can read flow sets, no approver) says "approvals here", then it is refused too', async () => {
    await sayInChannel(bot, 'approvals here', BLAKE);
    const { said } = await sayInGroupChat('approvals here', ELI, '19:eli-room@thread.v2');
    expect(said).toContain('Only approvers can choose where approval requests go');
    expect((await storedChannel())?.setBy.aadObjectId).toBe(BLAKE.aadObjectId);
  });
});

describe('who sees a request', () => {
  let changeId: string;
  beforeAll(async () => {
    await sayInChannel(bot, 'approvals here', BLAKE);
    ({ changeId } = await request(bot, `delete ${SEED_IDS.northwind}`, 'Merging schools'));
  });
  afterAll(async () => {
    await invoke(bot, 'approval.cancel', { changeId }, AVERY);
  });

  it.each([
    ['Eli (can read, no approver)', ELI],
    ['Dana (no admin)', DANA],
  ])('when %s lists approvals, then the request is counted but not shown', async (_who, user) => {
    const list = await say(bot, 'approvals', user);
    const text = cardText(list);
    expect(text).toContain('1 waiting for a decision');
    expect(text).toContain(
      'Only approvers and the person who asked can see a request, so 1 is not shown.',
    );
    expect(text).not.toMatch(SET_NAMES);
    expect(text).not.toContain('Merging schools');
    expect(text).not.toContain('Avery Admin');
    expect(buttons(list).map((b) => b.title)).not.toContain('Open');
  });

  it.each([
    ['Eli (can read, no approver)', ELI],
    ['Dana (no admin)', DANA],
  ])('when %s opens the request, then the answer has no details', async (_who, user) => {
    const since = bot.connector.calls.length;
    const answer = await invoke(bot, 'approval.show', { changeId }, user);
    expect(answer.value).toBe(ONLY_APPROVERS);
    expect(JSON.stringify(answer)).not.toMatch(SET_NAMES);
    expect(postedSince(since)).not.toMatch(SET_NAMES);
  });

  it.each([
    ['Avery, who asked', AVERY],
    ['Blake, an approver', BLAKE],
  ])('when %s lists and opens it, then they see the details', async (_who, user) => {
    const list = cardText(await say(bot, 'approvals', user));
    expect(list).toContain('Northwind High School');
    expect(list).toContain('Merging schools');
    const since = bot.connector.calls.length;
    const answer = await invoke(bot, 'approval.show', { changeId }, user);
    expect(answer.value).toBe('Here is that request.');
    expect(postedSince(since)).toContain('Northwind High School');
  });
});

describe('who subscribes a conversation to notifications', () => {
  it.each(['notify here', 'notify here for northwind', 'notify here for north only failed'])(
    'when Dana (Graph 403) says "%s" in her group chat, then she gets the permission card, no set name, and nothing is subscribed',
    async (text) => {
      const since = bot.connector.calls.length;
      const { said } = await sayInGroupChat(text, DANA);
      expect(said).toContain('Permission needed');
      expect(said).toContain('Microsoft Graph refused this');
      expect(postedSince(since)).not.toMatch(SET_NAMES);
      expect(await subscriptionOf(DANA_CHAT)).toBeUndefined();
    },
  );

  it('when Dana says "notify here for northwind" in a channel, then the channel is not subscribed either', async () => {
    const since = bot.connector.calls.length;
    const said = await sayInChannel(bot, 'notify here for northwind', DANA);
    expect(said).toContain('Permission needed');
    expect(postedSince(since)).not.toMatch(SET_NAMES);
    expect(await subscriptionOf(CHANNEL_ID)).toBeUndefined();
  });

  it('when Dana says "notify off for north", then no set is named either', async () => {
    const since = bot.connector.calls.length;
    const { said } = await sayInGroupChat('notify off for north', DANA);
    expect(said).toContain('Permission needed');
    expect(postedSince(since)).not.toMatch(SET_NAMES);
  });

  it('when Casey (no consent) says "notify here", then she is told consent is missing and nothing is subscribed', async () => {
    const chat = '19:casey-room@thread.v2';
    const { said } = await sayInGroupChat('notify here', CASEY, chat);
    expect(said).toContain('Admin consent needed');
    expect(await subscriptionOf(chat)).toBeUndefined();
  });

  it('when Eli (can read) says "notify here for northwind", then the chat is subscribed to that set', async () => {
    const chat = '19:eli-notify@thread.v2';
    const { said } = await sayInGroupChat('notify here for northwind', ELI, chat);
    expect(said).toContain(
      'Notifications on: I will post readiness changes of flow set "Northwind High School"',
    );
    expect((await subscriptionOf(chat))?.scopes.map((s) => s.setId)).toEqual([SEED_IDS.northwind]);
  });
});
