/**
 * SANDBOX_SERVICES=external: a bot instance reaches an identity provider another process runs,
 * over real HTTP on 127.0.0.1, and gets the same SSO token for a user as every other instance.
 */
import { createSandboxGraphIdentity } from '../../src/identity';
import { createSandboxSsoTokenValidator } from '../../src/identity/ssoToken';
import { createMemoryLogger } from '../../src/log';
import { connectSandboxIdentity, type SandboxIdentity } from '../../src/sandbox/external';
import {
  SandboxTokenError,
  startLocalIdentityProvider,
  type LocalIdentityProvider,
} from '../../src/sandbox/idp';
import { SANDBOX_CLIENT_ID, SANDBOX_USERS } from '../../src/sandbox/users';

const [avery, blake] = SANDBOX_USERS;
let idp: LocalIdentityProvider;
let remote: SandboxIdentity;

beforeAll(async () => {
  idp = await startLocalIdentityProvider({ logger: createMemoryLogger().logger });
  remote = await connectSandboxIdentity(idp.issuerBaseUrl);
});
afterAll(() => idp.close());

describe('connectSandboxIdentity', () => {
  it('when connected, then msal settings are those of the IdP in process', () => {
    const { issuerBaseUrl, tenantId, authority, knownAuthorities, jwksUri } = idp;
    expect(remote).toMatchObject({ issuerBaseUrl, tenantId, authority, knownAuthorities, jwksUri });
    expect(JSON.parse(remote.authorityMetadata)).toEqual(JSON.parse(idp.authorityMetadata));
  });

  it('when two instances ask for a user’s SSO token, then they get the same valid one, and another user gets another', async () => {
    const other = await connectSandboxIdentity(idp.issuerBaseUrl);
    const token = await remote.mintSsoToken(avery!.aadObjectId);
    expect(await other.mintSsoToken(avery!.aadObjectId)).toBe(token);
    expect(await remote.mintSsoToken(blake!.aadObjectId)).not.toBe(token);
    const validate = createSandboxSsoTokenValidator(remote, SANDBOX_CLIENT_ID);
    await expect(validate(token, { aadObjectId: avery!.aadObjectId })).resolves.toMatchObject({
      oid: avery!.aadObjectId,
    });
  });

  it('when the connected endpoints are used for on-behalf-of, then the IdP issues a Graph token', async () => {
    const identity = createSandboxGraphIdentity(remote, { logger: createMemoryLogger().logger });
    const before = idp.tokenRequests.onBehalfOf;
    await identity.onBehalfOf(await remote.mintSsoToken(avery!.aadObjectId))();
    expect(idp.tokenRequests.onBehalfOf).toBe(before + 1);
  });

  it('when the object id is not a GUID, then SandboxTokenError', async () => {
    await expect(remote.mintSsoToken('not-a-guid')).rejects.toBeInstanceOf(SandboxTokenError);
  });

  it('when nothing listens at the URL, then connecting fails', async () => {
    await expect(connectSandboxIdentity('http://127.0.0.1:9')).rejects.toThrow();
  });
});
