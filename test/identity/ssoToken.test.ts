/**
 * The Teams SSO token validator against real JWKS endpoints on 127.0.0.1: the sandbox IdP, and a
 * small Entra look-alike (tenant JWKS path, v1/v2 issuers) for the production factory.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload, type KeyLike } from 'jose';
import { AppError } from '../../src/errors';
import {
  createEntraSsoTokenValidator,
  createSandboxSsoTokenValidator,
  createSsoTokenValidator,
  type SsoTokenValidator,
} from '../../src/identity/ssoToken';
import { createMemoryLogger } from '../../src/log';
import { startLocalIdentityProvider, type LocalIdentityProvider } from '../../src/sandbox/idp';
import { SANDBOX_CLIENT_ID, SANDBOX_TENANT_ID, SANDBOX_USERS } from '../../src/sandbox/users';

const [avery, blake] = SANDBOX_USERS;
const AVERY = { aadObjectId: avery!.aadObjectId };

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('createSandboxSsoTokenValidator (sandbox IdP JWKS)', () => {
  let idp: LocalIdentityProvider;
  let validate: SsoTokenValidator;
  beforeAll(async () => {
    idp = await startLocalIdentityProvider({ logger: createMemoryLogger().logger });
    validate = createSandboxSsoTokenValidator(idp, SANDBOX_CLIENT_ID);
  });
  afterAll(() => idp.close());

  it('when the token is the sender’s, then its claims come back', async () => {
    const claims = await validate(await idp.mintSsoToken(avery!.aadObjectId), {
      ...AVERY,
      tenantId: SANDBOX_TENANT_ID,
    });
    expect(claims).toMatchObject({
      oid: avery!.aadObjectId,
      tid: SANDBOX_TENANT_ID,
      name: avery!.name,
      upn: avery!.upn,
    });
    expect(claims.expiresAt).toBeGreaterThan(Date.now());
  });

  it('when the audience is the client id (v2 token), then it is accepted', async () => {
    const token = await idp.mintSsoToken(avery!.aadObjectId, { audience: SANDBOX_CLIENT_ID });
    await expect(validate(token, AVERY)).resolves.toMatchObject({ oid: avery!.aadObjectId });
  });

  it('when the token belongs to someone else, then it is refused as forbidden', async () => {
    const error = await refusal(validate(await idp.mintSsoToken(blake!.aadObjectId), AVERY));
    expect(error.code).toBe('forbidden');
    expect(error.userMessage).toContain('belongs to someone else');
  });

  it('when the conversation is in another tenant, then it is refused as forbidden', async () => {
    const token = await idp.mintSsoToken(avery!.aadObjectId);
    const error = await refusal(validate(token, { ...AVERY, tenantId: 'another-tenant' }));
    expect(error.code).toBe('forbidden');
  });

  it.each([
    ['expired', () => idp.mintSsoToken(avery!.aadObjectId, { expiresInSeconds: -600 })],
    [
      'for another app',
      () => idp.mintSsoToken(avery!.aadObjectId, { audience: 'api://botid-someone-else' }),
    ],
    ['not a JWT', async () => 'not-a-token'],
    ['empty', async () => ''],
  ])('when the token is %s, then sign-in is required again', async (_name, make) => {
    const error = await refusal(validate(await make(), AVERY));
    expect(error.code).toBe('sign_in_required');
    expect(error.userMessage).not.toMatch(/eyJ/);
  });

  it('when the configured issuer differs, then the token is refused', async () => {
    const strict = createSsoTokenValidator({
      jwksUri: idp.jwksUri,
      tenantId: SANDBOX_TENANT_ID,
      audiences: [`api://botid-${SANDBOX_CLIENT_ID}`],
      issuers: ['https://login.microsoftonline.com/x/v2.0'],
    });
    const error = await refusal(strict(await idp.mintSsoToken(avery!.aadObjectId), AVERY));
    expect(error.code).toBe('sign_in_required');
  });

  it('when the configured tenant differs, then the token is refused', async () => {
    const other = createSsoTokenValidator({
      jwksUri: idp.jwksUri,
      tenantId: '00000000-0000-4000-8000-000000000000',
      audiences: [`api://botid-${SANDBOX_CLIENT_ID}`],
      issuers: [JSON.parse(idp.authorityMetadata).issuer],
    });
    const error = await refusal(other(await idp.mintSsoToken(avery!.aadObjectId), AVERY));
    expect(error.code).toBe('sign_in_required');
  });

  it('when the signing keys cannot be fetched, then it is a retryable outage, not a sign-in', async () => {
    const unreachable = createSsoTokenValidator({
      jwksUri: 'http://127.0.0.1:9/keys',
      tenantId: SANDBOX_TENANT_ID,
      audiences: [`api://botid-${SANDBOX_CLIENT_ID}`],
      issuers: [JSON.parse(idp.authorityMetadata).issuer],
    });
    const error = await refusal(unreachable(await idp.mintSsoToken(avery!.aadObjectId), AVERY));
    expect(error.code).toBe('unavailable');
    expect(error.retryable).toBe(true);
  });
});

describe('createEntraSsoTokenValidator (tenant JWKS, v1 and v2 issuers)', () => {
  const tenantId = SANDBOX_TENANT_ID;
  const clientId = '6f1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b';
  let server: Server;
  let host: string;
  let privateKey: KeyLike;
  let forgerKey: KeyLike;
  let validate: SsoTokenValidator;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    forgerKey = (await generateKeyPair('RS256')).privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = createServer((req, res) => {
      const ok = req.url === `/${tenantId}/discovery/v2.0/keys`;
      res.writeHead(ok ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(ok ? { keys: [jwk] } : {}));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    validate = createEntraSsoTokenValidator({ tenantId, clientId, authorityHost: host });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const sign = (claims: JWTPayload, options: { iss: string; aud: string; key?: KeyLike }) =>
    new SignJWT({ tid: tenantId, oid: avery!.aadObjectId, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(options.iss)
      .setAudience(options.aud)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(options.key ?? privateKey);

  it.each([
    [
      'v2 issuer, client id audience',
      `https://login.microsoftonline.com/${tenantId}/v2.0`,
      clientId,
    ],
    [
      'v1 issuer, Application ID URI audience',
      `https://sts.windows.net/${tenantId}/`,
      `api://botid-${clientId}`,
    ],
  ])('when the token has the %s, then it is accepted', async (_name, iss, aud) => {
    await expect(validate(await sign({ upn: 'a@b' }, { iss, aud }), AVERY)).resolves.toMatchObject({
      oid: avery!.aadObjectId,
      upn: 'a@b',
    });
  });

  const V1 = `https://sts.windows.net/${tenantId}/`;
  it.each([
    ['another tenant’s issuer', 'https://login.microsoftonline.com/other/v2.0', clientId, false],
    ['another audience', V1, 'api://botid-other', false],
    ['a signature by another key', V1, clientId, true],
  ])('when the token has %s, then sign-in is required', async (_name, iss, aud, forged) => {
    const token = await sign({}, { iss, aud, key: forged ? forgerKey : privateKey });
    expect((await refusal(validate(token, AVERY))).code).toBe('sign_in_required');
  });

  it('when the token has no oid, then sign-in is required', async () => {
    const token = await sign({ oid: undefined }, { iss: V1, aud: clientId });
    expect((await refusal(validate(token, AVERY))).code).toBe('sign_in_required');
  });
});
