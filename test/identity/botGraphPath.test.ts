/**
 * The whole delegated path over real HTTP: Teams activity → bot → local identity provider
 * (real msal-node on-behalf-of) → Graph emulator, which records whose token made each call.
 */
import { SANDBOX_USERS } from '../../src/sandbox/users';
import { useTestBot, cardText, cardsSentTo } from '../support/testBot';

const user = (first: string) => SANDBOX_USERS.find((u) => u.name.startsWith(first))!;
const turnOf = (oid: string) => ({
  user: { aadObjectId: oid, name: 'test' },
  conversation: { id: 'c', type: 'personal' as const },
});

describe('delegated Graph path (component)', () => {
  const bot = useTestBot();

  const whoami = async (oid: string) => {
    const activity = bot.activity('message-personal', {
      text: 'whoami',
      from: { aadObjectId: oid },
    });
    await bot.send(activity);
    return cardText(cardsSentTo(bot.connector, activity.conversation.id).slice(-1)[0]);
  };

  it('when an admin asks whoami twice, then one on-behalf-of request serves both and the scopes are shown', async () => {
    const before = bot.app.sandbox!.idp.tokenRequests.onBehalfOf;
    const first = await whoami(user('Avery').aadObjectId);
    const second = await whoami(user('Avery').aadObjectId);
    expect(first).toContain('IndustryData-OutboundFlow.ReadWrite.All');
    expect(first).toMatch(/Can change flow sets\nYes/);
    expect(second).toContain('avery@contoso-schools.example');
    expect(bot.app.sandbox!.idp.tokenRequests.onBehalfOf - before).toBe(1);
  });

  it('when a user whose tenant never consented asks, then the card gives the admin-consent link', async () => {
    const text = await whoami(user('Casey').aadObjectId);
    expect(text).toContain('Admin consent needed');
    expect(text).toContain('adminconsent?client_id=');
  });

  it('when a non-admin asks whoami, then the bot says plainly that changes are not possible', async () => {
    const text = await whoami(user('Dana').aadObjectId);
    expect(text).toMatch(/Can change flow sets\nNo/);
  });

  it("when the bot lists and writes as a user, then the emulator sees that user's token on both calls", async () => {
    const avery = user('Avery').aadObjectId;
    const api = bot.app.services.graph.forUser(turnOf(avery));
    const listed = await api.listFlowSets();
    const created = await api.createFlowSet({ displayName: 'Delegated write test' });
    expect(listed.data.length).toBeGreaterThan(0);
    expect(created.data.displayName).toBe('Delegated write test');
    const calls = bot.app.sandbox!.emulator.requests.filter(
      (r) => r.requestId === listed.requestId || r.requestId === created.requestId,
    );
    expect(calls.map((c) => [c.method, c.callerOid])).toEqual([
      ['GET', avery],
      ['POST', avery],
    ]);
  });

  it('when a non-admin tries to write, then Graph refuses with a permission error naming what is missing', async () => {
    const api = bot.app.services.graph.forUser(turnOf(user('Dana').aadObjectId));
    await expect(api.createFlowSet({ displayName: 'Should not exist' })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('when the app reads with its own token, then reads work and writes are refused', async () => {
    const app = bot.app.services.graph.forApp();
    expect((await app.listFlowSets()).data.length).toBeGreaterThan(0);
    await expect(app.createFlowSet({ displayName: 'App write' })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('when a turn has no Entra object id, then nothing is sent to Graph on its behalf', async () => {
    const api = bot.app.services.graph.forUser(turnOf(''));
    await expect(api.listFlowSets()).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('then no token or secret appears anywhere in the log', () => {
    const log = bot.logLines.join('\n');
    expect(log).not.toMatch(/eyJ[\w-]{5,}\.[\w-]{5,}\./);
    expect(log).not.toContain('sandbox-only-secret');
  });
});
