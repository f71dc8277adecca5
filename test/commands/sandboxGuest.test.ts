/**
 * Anyone in the sandbox (component, over the real /api/messages): a Teams user who is not one of
 * the five sandbox people (e.g. the Agents Playground's own default user "Alex Wilber") acts as a
 * sandbox admin with consent under their own name and object id; the five keep their roles.
 */
import { decodeJwt } from 'jose';
import { SEED_IDS } from '../../src/sandbox/emulator';
import { GLOBAL_ADMIN_ROLE, SANDBOX_USERS } from '../../src/sandbox/users';
import { useTestBot, cardText } from '../support/testBot';
import { AVERY, DANA, say } from './support';

const ALEX = { aadObjectId: '00000000-0000-0000-0000-000000000020', name: 'Alex Wilber' };
const SOMETHING_WENT_WRONG = /Something went wrong/;

describe('sandbox guest (component, sandbox Graph emulator)', () => {
  const bot = useTestBot({}, { resetEach: 'state' });

  /** A 1:1 message from `from`, in that person's own personal chat. */
  const sayAs = (from: { aadObjectId?: string; name: string }, text: string) =>
    say(bot, text, {
      from: { id: `29:${from.name}`, ...from },
      conversation: { id: `a:1personal-chat-${from.name.replace(/\W/g, '')}` },
    });

  it('when an unknown Teams user asks whoami, then the card shows their own name and id, admin rights, and the guest line', async () => {
    const text = cardText(await sayAs(ALEX, 'whoami'));
    expect(text).toMatch(/Name\nAlex Wilber/);
    expect(text).toMatch(/Entra object id\n00000000-0000-0000-0000-000000000020/);
    expect(text).toContain('IndustryData-OutboundFlow.ReadWrite.All');
    expect(text).toMatch(/Admin roles\nGlobal Administrator/);
    expect(text).toMatch(/Can read flow sets\nYes/);
    expect(text).toMatch(/Can change flow sets\nYes/);
    expect(text).toContain(
      'Sandbox guest: you are not one of the five sandbox people, so you act as an admin with consent',
    );
    expect(text).not.toMatch(SOMETHING_WENT_WRONG);
  });

  it('when an unknown Teams user types list, then every seeded set is listed and the emulator records their id as the caller', async () => {
    const control = bot.app.sandbox!.emulator.control;
    control.clearRequests();
    const text = cardText(await sayAs(ALEX, 'list'));
    expect(text).toContain('3 flow sets');
    expect(text).toContain('Contoso District – All schools');
    expect(text).toContain('Northwind High School');
    expect(text).toContain('Fabrikam Elementary pilot');
    const callers = new Set(control.requests().map((r) => r.callerOid));
    expect([...callers]).toEqual([ALEX.aadObjectId]);
  });

  it('when an unknown Teams user shows a seeded set, then its detail card is shown', async () => {
    const card = await sayAs(ALEX, `show ${SEED_IDS.northwind}`);
    expect(card.body[0].text).toBe('Northwind High School');
    const text = cardText(card);
    expect(text).toMatch(/Filter\nNHS-0042/);
    // Readiness may still be settling after the reset; the flows themselves are there.
    expect(text).toMatch(/\nUsers\n[\s\S]*\nClasses\n/);
    expect(text).not.toMatch(SOMETHING_WENT_WRONG);
  });

  it("when the bot acts for a guest, then the Graph token carries the guest's own oid and name, admin wids and the full consented scopes", async () => {
    const token = await bot.app.services.graph.userToken({
      user: { aadObjectId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', name: 'Megan Bowen' },
      conversation: { id: 'guest-token', type: 'personal' },
    })();
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      oid: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      name: 'Megan Bowen',
      wids: [GLOBAL_ADMIN_ROLE],
    });
    expect(String(claims.scp).split(' ').sort()).toEqual([
      'IndustryData-OutboundFlow.Read.All',
      'IndustryData-OutboundFlow.ReadWrite.All',
      'IndustryData-Run.Read.All',
      'IndustryData-Run.Start',
    ]);
  });

  it('when one of the five asks whoami, then they keep their role and get no guest line', async () => {
    const avery = cardText(await sayAs(AVERY, 'whoami'));
    expect(avery).toContain('avery@contoso-schools.example');
    expect(avery).not.toContain('Sandbox guest');
    const dana = cardText(await sayAs(DANA, 'whoami'));
    expect(dana).toMatch(/Can change flow sets\nNo/);
    expect(dana).not.toContain('Sandbox guest');
    const casey = SANDBOX_USERS.find((u) => u.name.startsWith('Casey'))!;
    expect(cardText(await sayAs(casey, 'whoami'))).toContain('Admin consent needed');
  });

  it('when the object id is not a GUID, then the bot says plainly it cannot act, and Graph is not called', async () => {
    const control = bot.app.sandbox!.emulator.control;
    control.clearRequests();
    const text = cardText(await sayAs({ aadObjectId: 'not-a-guid', name: 'Mallory' }, 'list'));
    expect(text).toContain('object id is a GUID');
    expect(text).not.toMatch(SOMETHING_WENT_WRONG);
    expect(control.requests()).toEqual([]);
  });

  it('when the activity has no Entra object id, then the answer stays the work-or-school-account one', async () => {
    const text = cardText(await sayAs({ aadObjectId: undefined, name: 'Nobody' }, 'whoami'));
    expect(text).toContain('work or school account');
  });
});
