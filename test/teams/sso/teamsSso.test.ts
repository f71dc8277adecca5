/**
 * Teams SSO over real HTTP with SSO_MODE=teams: the tests play Teams, minting SSO tokens from the
 * sandbox IdP and sending the invokes Teams sends (docs/teams-notes.md#sso-token-exchange, #sso-on-a-card-button).
 */
import {
  CARD_TYPE,
  LOGIN_REQUEST_TYPE,
  PRECONDITION_FAILED_TYPE,
} from '../../../src/teams/invokeResponse';
import { SANDBOX_CLIENT_SECRET, SANDBOX_USERS, type SandboxUser } from '../../../src/sandbox/users';
import type { Activity } from '../../support/activities';
import { cardText } from '../../support/testBot';
import { APP_ID_URI, startSsoTestBot, type SsoTestBot } from './ssoTestBot';

const [avery, blake, casey, dana, eli] = SANDBOX_USERS as [
  SandboxUser,
  SandboxUser,
  SandboxUser,
  SandboxUser,
  SandboxUser,
];
const OAUTH_CARD = 'application/vnd.microsoft.card.oauth';
const EXCHANGE_URI = `${APP_ID_URI}/access_as_user`;

let bot: SsoTestBot;
const minted: string[] = [];

beforeAll(async () => {
  bot = await startSsoTestBot();
});
afterAll(async () => {
  await bot.stop();
});

const personalChat = (user: SandboxUser) => `a:personal-${user.upn}`;
const as = (user: SandboxUser, conversationId = personalChat(user)): Activity => ({
  from: { id: `29:${user.upn}`, name: user.name, aadObjectId: user.aadObjectId },
  conversation: { id: conversationId },
});
async function ssoTokenOf(user: SandboxUser): Promise<string> {
  const token = await bot.idp.mintSsoToken(user.aadObjectId);
  minted.push(token);
  return token;
}
const exchange = (sender: SandboxUser, id: string, token: string) =>
  bot.send(bot.activity('signin-token-exchange', { ...as(sender), value: { id, token } }));
const oboRequests = () => bot.idp.tokenRequests.onBehalfOf;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const sentTo = (conversationId: string): any[] =>
  bot.connector.calls
    .filter((c) => c.method === 'POST' && c.conversationId === conversationId)
    .map((c) => c.activity);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const attachmentsTo = (conversationId: string, contentType: string): any[] =>
  sentTo(conversationId)
    .flatMap((a) => a.attachments ?? [])
    .filter((a: { contentType: string }) => a.contentType === contentType)
    .map((a: { content: unknown }) => a.content);
const textsTo = (conversationId: string): string[] =>
  sentTo(conversationId)
    .map((a) => a.text)
    .filter(Boolean);
const cardAction = (sender: SandboxUser, value: Activity, conversationId?: string) => {
  const activity = bot.activity('invoke-action', as(sender, conversationId));
  activity.value = value;
  return bot.send(activity);
};
const runWhoami = {
  action: { type: 'Action.Execute', verb: 'command.run', data: { command: 'whoami' } },
};

describe('signin/tokenExchange', () => {
  it('when the token is the sender’s and consented, then it answers 200 after one exchange', async () => {
    const before = oboRequests();
    const res = await exchange(avery, 'exchange-avery-1', await ssoTokenOf(avery));
    expect(res).toEqual({
      status: 200,
      body: { id: 'exchange-avery-1', connectionName: '', failureDetail: null },
    });
    expect(oboRequests()).toBe(before + 1);
  });

  it('when a second Teams client sends the same id, then it answers 200 without a second exchange', async () => {
    const before = oboRequests();
    const res = await exchange(avery, 'exchange-avery-1', await ssoTokenOf(avery));
    expect(res.status).toBe(200);
    expect(oboRequests()).toBe(before);
  });

  it('when consent is missing, then every client gets 412 and the user is told once what to do', async () => {
    const before = oboRequests();
    const first = await exchange(casey, 'exchange-casey-1', await ssoTokenOf(casey));
    const second = await exchange(casey, 'exchange-casey-1', await ssoTokenOf(casey));
    for (const res of [first, second]) {
      expect(res.status).toBe(412);
      expect(res.body).toMatchObject({ id: 'exchange-casey-1', connectionName: '' });
      expect((res.body as { failureDetail: string }).failureDetail).toContain('adminconsent');
    }
    expect(oboRequests()).toBe(before + 2); // exchange before dedup: both clients were really refused
    const notices = textsTo(personalChat(casey));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('Global Administrator');
  });

  it('when the token belongs to someone else, then it is refused with 412 and never used', async () => {
    const before = oboRequests();
    const res = await exchange(dana, 'exchange-dana-1', await ssoTokenOf(blake));
    expect(res.status).toBe(412);
    expect((res.body as { failureDetail: string }).failureDetail).toContain('someone else');
    expect(oboRequests()).toBe(before);
    // Not remembered for Dana either: her next command asks her to sign in.
    await bot.send(bot.activity('message-personal', { ...as(dana), text: 'whoami' }));
    expect(attachmentsTo(personalChat(dana), OAUTH_CARD)).toHaveLength(1);
    expect(
      bot.logLines.some((l) => l.includes('sso token refused') && l.includes('forbidden')),
    ).toBe(true);
  });

  it('when the value has no token, then it answers 400', async () => {
    const activity = bot.activity('signin-token-exchange', as(avery));
    activity.value = { id: 'exchange-avery-2', connectionName: '' };
    expect((await bot.send(activity)).status).toBe(400);
  });
});

describe('a chat command that needs Graph, in 1:1 chat without a token', () => {
  const chat = personalChat(eli);
  let exchangeId: string;

  it('when it arrives, then the bot sends an OAuthCard for silent SSO and runs nothing yet', async () => {
    await bot.send(bot.activity('message-personal', { ...as(eli), text: 'whoami' }));
    const cards = attachmentsTo(chat, OAUTH_CARD);
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({
      connectionName: '',
      tokenExchangeResource: { uri: EXCHANGE_URI },
    });
    exchangeId = cards[0].tokenExchangeResource.id;
    expect(exchangeId).toMatch(/^[0-9a-f-]{36}$/);
    expect(attachmentsTo(chat, CARD_TYPE)).toHaveLength(0);
  });

  it('when Teams exchanges the token, then the pending command runs and its reply arrives', async () => {
    const res = await exchange(eli, exchangeId, await ssoTokenOf(eli));
    expect(res.status).toBe(200);
    const cards = attachmentsTo(chat, CARD_TYPE);
    expect(cards).toHaveLength(1);
    expect(cardText(cards[0])).toContain(eli.upn);
  });

  it('when the user asks again, then the remembered token answers without a new sign-in or token request', async () => {
    const before = oboRequests();
    await bot.send(bot.activity('message-personal', { ...as(eli), text: 'whoami' }));
    expect(attachmentsTo(chat, CARD_TYPE)).toHaveLength(2);
    expect(attachmentsTo(chat, OAUTH_CARD)).toHaveLength(1);
    expect(oboRequests()).toBe(before);
  });

  it('when another sign-in completes later, then the command does not run a second time', async () => {
    const res = await exchange(eli, 'exchange-eli-2', await ssoTokenOf(eli));
    expect(res.status).toBe(200);
    expect(attachmentsTo(chat, CARD_TYPE)).toHaveLength(2);
  });
});

describe('Action.Execute that needs Graph', () => {
  it('when there is no token, then it answers a 401 loginRequest with the token exchange resource', async () => {
    const res = await cardAction(blake, runWhoami);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      statusCode: 401,
      type: LOGIN_REQUEST_TYPE,
      value: { connectionName: '', tokenExchangeResource: { uri: EXCHANGE_URI } },
    });
  });

  it('when Teams resends it with the user’s token, then the action runs as that user', async () => {
    const authentication = { id: 'auth-1', connectionName: '', token: await ssoTokenOf(blake) };
    const res = await cardAction(blake, { ...runWhoami, authentication });
    expect(res.body).toMatchObject({ statusCode: 200, type: CARD_TYPE });
    expect(cardText((res.body as { value: unknown }).value)).toContain(blake.upn);
  });

  it('when the token’s exchange fails (no consent), then it answers 412 preconditionFailed', async () => {
    const authentication = { id: 'auth-2', connectionName: '', token: await ssoTokenOf(casey) };
    const res = await cardAction(casey, { ...runWhoami, authentication });
    expect(res.body).toMatchObject({ statusCode: 412, type: PRECONDITION_FAILED_TYPE });
  });

  it('when the token belongs to someone else, then it answers 412 and never uses it', async () => {
    const before = oboRequests();
    const authentication = { id: 'auth-3', connectionName: '', token: await ssoTokenOf(avery) };
    const res = await cardAction(dana, { ...runWhoami, authentication });
    expect(res.body).toMatchObject({ statusCode: 412, type: PRECONDITION_FAILED_TYPE });
    expect(cardText(res.body)).not.toContain(avery.upn);
    expect(oboRequests()).toBe(before);
  });
});

describe('sign-out', () => {
  it('when the user signs out, then their tokens are dropped and the next command asks to sign in', async () => {
    const chat = personalChat(eli); // signed in above
    const cardsBefore = attachmentsTo(chat, OAUTH_CARD).length;
    const { accountsRemoved } = await bot.sso.forgetUser(eli.aadObjectId);
    expect(accountsRemoved).toBeGreaterThanOrEqual(1);
    await bot.send(bot.activity('message-personal', { ...as(eli), text: 'whoami' }));
    expect(attachmentsTo(chat, OAUTH_CARD)).toHaveLength(cardsBefore + 1);
  });
});

describe('other sign-in activities', () => {
  it('when a command needs Graph in a channel, then a sign-in-and-run card offers Action.Execute', async () => {
    const channel = '19:sso-test@thread.tacv2;messageid=1';
    await bot.send(
      bot.activity('message-channel', {
        ...as(dana, channel),
        text: '<at>SDS Flow Admin</at> whoami',
      }),
    );
    const [card] = attachmentsTo(channel, CARD_TYPE);
    expect(card.actions).toEqual([
      expect.objectContaining({
        type: 'Action.Execute',
        verb: 'command.run',
        data: { command: 'whoami' },
      }),
    ]);
    expect(attachmentsTo(channel, OAUTH_CARD)).toHaveLength(0);
  });

  it('when signin/verifyState arrives, then the OAuthCard is sent again and it answers 200', async () => {
    const before = attachmentsTo(personalChat(avery), OAUTH_CARD).length;
    const res = await bot.send(bot.activity('signin-verify-state', as(avery)));
    expect(res.status).toBe(200);
    expect(attachmentsTo(personalChat(avery), OAUTH_CARD)).toHaveLength(before + 1);
  });

  it('when signin/failure says resourcematchfailed, then the user learns the URIs must match', async () => {
    const res = await bot.send(bot.activity('signin-failure', as(blake)));
    expect(res.status).toBe(200);
    expect(textsTo(personalChat(blake)).join('\n')).toContain(`Application ID URI`);
    expect(textsTo(personalChat(blake)).join('\n')).toContain(APP_ID_URI);
    expect(bot.logLines.some((l) => l.includes('resourcematchfailed'))).toBe(true);
  });
});

describe('secrets', () => {
  it('when all of the above ran, then no SSO token or client secret is in the log or the durable store', async () => {
    expect(minted.length).toBeGreaterThan(8);
    const stored = JSON.stringify(await bot.storage.list(''));
    expect(stored).toContain('sso-exchange'); // the ledger is there …
    for (const secret of [...minted, SANDBOX_CLIENT_SECRET]) {
      expect(stored).not.toContain(secret); // … but no token
      for (const line of bot.logLines) expect(line).not.toContain(secret);
    }
    expect(bot.logLines.join('\n')).not.toMatch(/eyJ[\w-]{5,}\.[\w-]{5,}\./);
  });
});
