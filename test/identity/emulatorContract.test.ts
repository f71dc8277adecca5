/** The tokens the bot gets through msal are accepted (or refused) by the Graph emulator as Graph would. */
import { createSandboxGraphIdentity, type GraphIdentity } from '../../src/identity';
import { createMemoryLogger } from '../../src/log';
import { startGraphEmulator, type GraphEmulator } from '../../src/sandbox/emulator';
import { startLocalIdentityProvider, type LocalIdentityProvider } from '../../src/sandbox/idp';
import { SANDBOX_USERS } from '../../src/sandbox/users';

const [avery, , , dana] = SANDBOX_USERS;
const { logger } = createMemoryLogger();
let idp: LocalIdentityProvider;
let emulator: GraphEmulator;
let identity: GraphIdentity;

beforeAll(async () => {
  idp = await startLocalIdentityProvider({ logger });
  emulator = await startGraphEmulator({ logger, authenticate: idp.authenticateGraphRequest });
  identity = createSandboxGraphIdentity(idp, { logger });
});
afterAll(() => Promise.all([emulator.close(), idp.close()]));

async function listFlowSets(authorization?: string) {
  const res = await fetch(
    `${emulator.baseUrl}/external/industryData/outboundProvisioningFlowSets`,
    {
      headers: authorization ? { authorization } : {},
    },
  );
  return { status: res.status, body: (await res.json()) as { error?: { code: string } } };
}

describe('identity → Graph emulator', () => {
  it('when Avery’s OBO token is used, then the emulator serves the list', async () => {
    const token = await identity.onBehalfOf(await idp.mintSsoToken(avery.aadObjectId))();
    expect((await listFlowSets(`Bearer ${token}`)).status).toBe(200);
  });

  it('when the app-only token is used, then reads are allowed', async () => {
    expect((await listFlowSets(`Bearer ${await identity.appOnly()()}`)).status).toBe(200);
  });

  it('when Dana (not an admin) calls, then 403', async () => {
    const token = await identity.onBehalfOf(await idp.mintSsoToken(dana.aadObjectId))();
    expect((await listFlowSets(`Bearer ${token}`)).status).toBe(403);
  });

  it.each([
    ['no token', undefined],
    ['an SSO token instead of a Graph token', 'sso'],
  ])('when called with %s, then 401 InvalidAuthenticationToken', async (_n, kind) => {
    const header = kind ? `Bearer ${await idp.mintSsoToken(avery.aadObjectId)}` : undefined;
    const { status, body } = await listFlowSets(header);
    expect(status).toBe(401);
    expect(body.error?.code).toBe('InvalidAuthenticationToken');
  });
});
