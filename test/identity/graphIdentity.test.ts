/** Real msal-node against the local IdP over real HTTP on 127.0.0.1. */
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import { decodeJwt, generateKeyPair, SignJWT } from 'jose';
import { AppError } from '../../src/errors';
import { createSandboxGraphIdentity, type GraphIdentity } from '../../src/identity';
import { createMemoryLogger } from '../../src/log';
import { startLocalIdentityProvider, type LocalIdentityProvider } from '../../src/sandbox/idp';
import {
  READ_SCOPE,
  RUN_READ_SCOPE,
  RUN_START_SCOPE,
  READWRITE_SCOPE,
  SANDBOX_TENANT_ID,
  SANDBOX_USERS,
} from '../../src/sandbox/users';

const [avery, blake, casey] = SANDBOX_USERS;
const { logger } = createMemoryLogger();
let idp: LocalIdentityProvider;
let identity: GraphIdentity;

beforeAll(async () => {
  idp = await startLocalIdentityProvider({ logger });
  identity = createSandboxGraphIdentity(idp, { logger });
});
afterAll(() => idp.close());

async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('onBehalfOf', () => {
  it('when the user consented, then the Graph token has the user oid and scopes', async () => {
    const token = await identity.onBehalfOf(await idp.mintSsoToken(avery.aadObjectId))();
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ aud: 'https://graph.microsoft.com', oid: avery.aadObjectId });
    expect(String(claims.scp).split(' ').sort()).toEqual(
      [READ_SCOPE, READWRITE_SCOPE, RUN_READ_SCOPE, RUN_START_SCOPE].sort(),
    );
    await expect(idp.authenticateGraphRequest(`Bearer ${token}`)).resolves.toMatchObject({
      kind: 'delegated',
      oid: avery.aadObjectId,
    });
  });

  it('when called again within the token lifetime, then no token request is made', async () => {
    const provider = identity.onBehalfOf(await idp.mintSsoToken(blake.aadObjectId));
    const before = idp.tokenRequests.onBehalfOf;
    const first = await provider();
    const second = await provider();
    expect(second).toBe(first);
    expect(idp.tokenRequests.onBehalfOf).toBe(before + 1);
  });

  it('when called concurrently with one SSO token, then one token request is made', async () => {
    const provider = identity.onBehalfOf(await idp.mintSsoToken(blake.aadObjectId));
    const before = idp.tokenRequests.onBehalfOf;
    const tokens = await Promise.all([provider(), provider(), provider()]);
    expect(new Set(tokens).size).toBe(1);
    expect(idp.tokenRequests.onBehalfOf).toBe(before + 1);
  });

  it('when a different SSO token of the same user arrives, then a new token request is made', async () => {
    await identity.onBehalfOf(await idp.mintSsoToken(avery.aadObjectId))();
    const before = idp.tokenRequests.onBehalfOf;
    await identity.onBehalfOf(await idp.mintSsoToken(avery.aadObjectId))();
    expect(idp.tokenRequests.onBehalfOf).toBe(before + 1);
  });

  it('when nobody consented, then consent_required with the admin-consent URL', async () => {
    const err = await appErrorOf(identity.onBehalfOf(await idp.mintSsoToken(casey.aadObjectId))());
    expect(err.code).toBe('consent_required');
    expect(err.retryable).toBe(false);
    expect(err.userMessage).toContain(
      `${idp.issuerBaseUrl}/${SANDBOX_TENANT_ID}/adminconsent?client_id=`,
    );
    expect(err.userMessage).toContain(identity.adminConsentUrl);
    // The link is served (sandbox explanation page), so clicking it does not 404.
    expect((await fetch(identity.adminConsentUrl)).status).toBe(200);
  });

  it.each([
    ['expired', () => idp.mintSsoToken(avery.aadObjectId, { expiresInSeconds: -60 })],
    ['for another audience', () => idp.mintSsoToken(avery.aadObjectId, { audience: 'api://x' })],
    ['signed by someone else', forgeSsoToken],
  ])('when the SSO token is %s, then sign_in_required', async (_n, mint) => {
    const err = await appErrorOf(identity.onBehalfOf(await mint())());
    expect(err.code).toBe('sign_in_required');
    expect(err.userMessage).toMatch(/sign in again/);
  });

  it('when there is no SSO token, then sign_in_required without a request', async () => {
    const before = idp.tokenRequests.onBehalfOf;
    expect((await appErrorOf(identity.onBehalfOf('')())).code).toBe('sign_in_required');
    expect(idp.tokenRequests.onBehalfOf).toBe(before);
  });

  it('when the client secret is wrong, then a config error naming the secret', async () => {
    const wrong = createSandboxGraphIdentity(idp, { logger, clientSecret: 'not-the-secret' });
    const err = await appErrorOf(wrong.onBehalfOf(await idp.mintSsoToken(avery.aadObjectId))());
    expect(err.code).toBe('config');
    expect(err.userMessage).toMatch(/AADSTS7000215/);
    expect(err.userMessage).toMatch(/secret/);
  });
});

async function forgeSsoToken(): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  const claims = decodeJwt(await idp.mintSsoToken(avery.aadObjectId));
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'forged' }).sign(privateKey);
}

describe('appOnly', () => {
  it('when requested twice, then the app token has roles and comes from cache the second time', async () => {
    const provider = identity.appOnly();
    const before = idp.tokenRequests.clientCredentials;
    const token = await provider();
    expect(await provider()).toBe(token);
    expect(decodeJwt(token)).toMatchObject({
      roles: [READ_SCOPE, 'GroupMember.Read.All', RUN_READ_SCOPE],
      aud: 'https://graph.microsoft.com',
    });
    expect(decodeJwt(token).scp).toBeUndefined();
    expect(idp.tokenRequests.clientCredentials).toBe(before + 1);
  });
});

describe('signOut', () => {
  it.each([
    ['by user', (_sso: string) => ({ aadObjectId: avery.aadObjectId })],
    ['by SSO token', (sso: string) => ({ ssoToken: sso })],
  ])('when signed out %s, then the next call makes a new token request', async (_n, target) => {
    const own = createSandboxGraphIdentity(idp, { logger });
    const sso = await idp.mintSsoToken(avery.aadObjectId);
    await own.onBehalfOf(sso)();
    await own.onBehalfOf(await idp.mintSsoToken(blake.aadObjectId))();
    expect(await own.signOut(target(sso))).toEqual({ accountsRemoved: 1 });
    const before = { ...idp.tokenRequests };
    await own.onBehalfOf(sso)();
    await own.onBehalfOf(await idp.mintSsoToken(blake.aadObjectId))();
    // Avery's cached token is gone; Blake's new SSO token is a new assertion anyway.
    expect(idp.tokenRequests.onBehalfOf).toBe(before.onBehalfOf + 2);
  });

  it('when the user has nothing cached, then nothing is removed', async () => {
    expect(await identity.signOut({ aadObjectId: casey.aadObjectId })).toEqual({
      accountsRemoved: 0,
    });
    expect(await identity.signOut({ ssoToken: 'not a jwt' })).toEqual({ accountsRemoved: 0 });
  });
});

describe('cache plugin', () => {
  it('when instances share a cache plugin, then they reuse each other’s tokens and sign-outs', async () => {
    let stored = '';
    const shared: ICachePlugin = {
      beforeCacheAccess: async (ctx: TokenCacheContext) => ctx.tokenCache.deserialize(stored),
      afterCacheAccess: async (ctx: TokenCacheContext) => {
        if (ctx.cacheHasChanged) stored = ctx.tokenCache.serialize();
      },
    };
    const first = createSandboxGraphIdentity(idp, { logger, cachePlugin: shared });
    const second = createSandboxGraphIdentity(idp, { logger, cachePlugin: shared });
    const sso = await idp.mintSsoToken(avery.aadObjectId);
    const before = idp.tokenRequests.onBehalfOf;
    const token = await first.onBehalfOf(sso)();
    expect(await second.onBehalfOf(sso)()).toBe(token);
    expect(idp.tokenRequests.onBehalfOf).toBe(before + 1);

    // Sign-out empties the shared store; an instance started later no longer finds the token.
    // (Instances already running keep their in-memory copy: msal merges on load, never prunes.)
    expect(await first.signOut({ aadObjectId: avery.aadObjectId })).toEqual({ accountsRemoved: 1 });
    const third = createSandboxGraphIdentity(idp, { logger, cachePlugin: shared });
    await third.onBehalfOf(sso)();
    expect(idp.tokenRequests.onBehalfOf).toBe(before + 2);
  });
});
