import { generateKeyPair, SignJWT } from 'jose';
import { createMemoryLogger } from '../../../src/log';
import {
  EmulatorAuthError,
  SANDBOX_SERVICE_PRINCIPAL_ID,
  startLocalIdentityProvider,
  type LocalIdentityProvider,
} from '../../../src/sandbox/idp';
import {
  READ_SCOPE,
  RUN_READ_SCOPE,
  SANDBOX_TENANT_ID,
  SANDBOX_USERS,
} from '../../../src/sandbox/users';

const [avery, , casey, dana] = SANDBOX_USERS;
let idp: LocalIdentityProvider;
let expiringIdp: LocalIdentityProvider;

beforeAll(async () => {
  const { logger } = createMemoryLogger();
  [idp, expiringIdp] = await Promise.all([
    startLocalIdentityProvider({ logger }),
    // Every Graph token of this one is born expired.
    startLocalIdentityProvider({ logger, tokenLifetimeSeconds: -60 }),
  ]);
});
afterAll(() => Promise.all([idp.close(), expiringIdp.close()]));

async function rejection(header: string | undefined, provider = idp): Promise<EmulatorAuthError> {
  try {
    await provider.authenticateGraphRequest(header);
  } catch (err) {
    return err as EmulatorAuthError;
  }
  throw new Error('the request was accepted');
}

describe('authenticateGraphRequest', () => {
  it('when a delegated token it issued is presented, then the caller has oid, scopes and wids', async () => {
    const token = await idp.mintGraphToken({ aadObjectId: dana.aadObjectId });
    const caller = await idp.authenticateGraphRequest(`Bearer ${token}`);
    expect(caller).toEqual({
      kind: 'delegated',
      oid: dana.aadObjectId,
      tid: SANDBOX_TENANT_ID,
      scopes: dana.consentedScopes,
      roles: [],
      wids: [],
      appId: expect.any(String),
    });
  });

  it('when an app token is presented, then the caller is the application with roles', async () => {
    const caller = await idp.authenticateGraphRequest(`bearer ${await idp.mintGraphToken('app')}`);
    expect(caller).toMatchObject({
      kind: 'application',
      oid: SANDBOX_SERVICE_PRINCIPAL_ID,
      scopes: [],
      roles: [READ_SCOPE, 'GroupMember.Read.All', RUN_READ_SCOPE],
    });
  });

  it('when explicit scopes are asked for, then the token carries exactly those', async () => {
    const token = await idp.mintGraphToken(
      { aadObjectId: avery.aadObjectId },
      { scopes: [READ_SCOPE] },
    );
    expect((await idp.authenticateGraphRequest(`Bearer ${token}`)).scopes).toEqual([READ_SCOPE]);
  });

  it('when a user without consent is asked for, then minting refuses', async () => {
    await expect(idp.mintGraphToken({ aadObjectId: casey.aadObjectId })).rejects.toMatchObject({
      reason: 'no_consent',
    });
  });

  it('when signed with another key, then 401 InvalidAuthenticationToken', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({
      oid: avery.aadObjectId,
      tid: SANDBOX_TENANT_ID,
      scp: READ_SCOPE,
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'forged' })
      .setIssuer(`${idp.issuerBaseUrl}/${SANDBOX_TENANT_ID}/v2.0`)
      .setAudience('https://graph.microsoft.com')
      .setExpirationTime('1h')
      .sign(privateKey);
    const err = await rejection(`Bearer ${forged}`);
    expect(err).toBeInstanceOf(EmulatorAuthError);
    expect(err).toMatchObject({ status: 401, code: 'InvalidAuthenticationToken' });
  });

  it('when the token comes from another IdP instance, then it is rejected', async () => {
    const foreign = await expiringIdp.mintSsoToken(avery.aadObjectId);
    expect(await rejection(`Bearer ${foreign}`)).toMatchObject({ status: 401 });
  });

  it.each([
    ['missing', undefined, /empty/],
    ['not a bearer header', 'Basic abc', /empty/],
    ['garbage', 'Bearer not.a.jwt', /validation failure/],
  ])('when the header is %s, then 401', async (_n, header, message) => {
    const err = await rejection(header);
    expect(err).toMatchObject({ status: 401, code: 'InvalidAuthenticationToken' });
    expect(err.message).toMatch(message);
  });

  it('when the token is expired, then 401 with the lifetime message', async () => {
    const expired = await expiringIdp.mintGraphToken({ aadObjectId: avery.aadObjectId });
    const err = await rejection(`Bearer ${expired}`, expiringIdp);
    expect(err).toMatchObject({ status: 401, code: 'InvalidAuthenticationToken' });
    expect(err.message).toMatch(/expired/);
  });

  it('when the token is an SSO token (audience = the bot), then 401 invalid audience', async () => {
    const sso = await idp.mintSsoToken(avery.aadObjectId);
    expect((await rejection(`Bearer ${sso}`)).message).toMatch(/Invalid audience/);
  });
});
