import { decodeJwt } from 'jose';
import { createMemoryLogger } from '../../../src/log';
import { startLocalIdentityProvider, type LocalIdentityProvider } from '../../../src/sandbox/idp';
import {
  READ_SCOPE,
  RUN_READ_SCOPE,
  RUN_START_SCOPE,
  READWRITE_SCOPE,
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  SANDBOX_TENANT_ID,
  SANDBOX_USERS,
} from '../../../src/sandbox/users';

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const [avery, , casey, , eli] = SANDBOX_USERS;
let idp: LocalIdentityProvider;

beforeAll(async () => {
  idp = await startLocalIdentityProvider({ logger: createMemoryLogger().logger });
});
afterAll(() => idp.close());

const tokenUrl = () => `${idp.issuerBaseUrl}/${SANDBOX_TENANT_ID}/oauth2/v2.0/token`;

async function postToken(fields: Record<string, string>) {
  const res = await fetch(tokenUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const client = { client_id: SANDBOX_CLIENT_ID, client_secret: SANDBOX_CLIENT_SECRET };
const obo = async (aadObjectId: string, scope = 'https://graph.microsoft.com/.default openid') => ({
  ...client,
  grant_type: JWT_BEARER,
  requested_token_use: 'on_behalf_of',
  assertion: await idp.mintSsoToken(aadObjectId),
  scope,
});

describe('discovery', () => {
  it.each(['.well-known/openid-configuration', 'v2.0/.well-known/openid-configuration'])(
    'when GET /{tenant}/%s, then it returns the endpoints msal needs',
    async (path) => {
      const res = await fetch(`${idp.issuerBaseUrl}/${SANDBOX_TENANT_ID}/${path}`);
      const doc = (await res.json()) as Record<string, string>;
      expect(res.status).toBe(200);
      expect(doc.token_endpoint).toBe(tokenUrl());
      expect(doc.issuer).toBe(`${idp.issuerBaseUrl}/${SANDBOX_TENANT_ID}/v2.0`);
      expect(doc.jwks_uri).toBe(idp.jwksUri);
      expect(JSON.parse(idp.authorityMetadata)).toEqual(doc);
    },
  );

  it('when the JWKS is fetched, then it holds the RS256 public key of issued tokens', async () => {
    const { keys } = (await (await fetch(idp.jwksUri)).json()) as {
      keys: Record<string, string>[];
    };
    const token = await idp.mintSsoToken(avery.aadObjectId);
    const kid = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()).kid;
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid });
    expect(keys[0]).not.toHaveProperty('d');
  });

  it('when another tenant is asked for, then it answers 400 AADSTS90002', async () => {
    const res = await fetch(`${idp.issuerBaseUrl}/other-tenant/.well-known/openid-configuration`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error_codes: number[] }).error_codes).toEqual([90002]);
  });

  it('exposes an https authority string and host:port known authority for msal', () => {
    const port = new URL(idp.issuerBaseUrl).port;
    expect(idp.authority).toBe(`https://localhost:${port}/${SANDBOX_TENANT_ID}/`);
    expect(idp.knownAuthorities).toEqual([`localhost:${port}`]);
  });
});

describe('token endpoint', () => {
  it('when the client secret is wrong, then 401 invalid_client AADSTS7000215', async () => {
    const { status, body } = await postToken({
      ...(await obo(avery.aadObjectId)),
      client_secret: 'x',
    });
    expect(status).toBe(401);
    expect(body).toMatchObject({ error: 'invalid_client', error_codes: [7000215] });
    expect(body.error_description).toMatch(/^AADSTS7000215: Invalid client secret/);
  });

  it('when OBO succeeds, then the Graph token carries the user and consented scopes', async () => {
    const { status, body } = await postToken(await obo(eli.aadObjectId));
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600 });
    const claims = decodeJwt(String(body.access_token));
    expect(claims).toMatchObject({
      aud: 'https://graph.microsoft.com',
      tid: SANDBOX_TENANT_ID,
      oid: eli.aadObjectId,
      scp: `${READ_SCOPE} ${RUN_READ_SCOPE}`,
      wids: eli.wids,
      appid: SANDBOX_CLIENT_ID,
      name: eli.name,
      preferred_username: eli.upn,
    });
    expect(String(body.scope).split(' ')).toContain('https://graph.microsoft.com/.default');
  });

  it('when a guest (not one of the five) asks, then OBO gives an admin token with full consent under their own oid and name', async () => {
    const oid = '00000000-0000-0000-0000-000000000020';
    const assertion = await idp.mintSsoToken(oid, { name: 'Alex Wilber' });
    const { status, body } = await postToken({ ...(await obo(avery.aadObjectId)), assertion });
    expect(status).toBe(200);
    const claims = decodeJwt(String(body.access_token));
    expect(claims).toMatchObject({ oid, sub: oid, name: 'Alex Wilber', wids: avery.wids });
    expect(String(claims.scp).split(' ').sort()).toEqual(
      [READ_SCOPE, READWRITE_SCOPE, RUN_READ_SCOPE, RUN_START_SCOPE].sort(),
    );
    expect(decodeJwt(String(body.id_token))).toMatchObject({ oid, name: 'Alex Wilber' });
  });

  it('when a guest name carries control characters, then the token name has none', async () => {
    const oid = '00000000-0000-0000-0000-000000000021';
    const assertion = await idp.mintSsoToken(oid, { name: 'Eve\n\u0000Hacker' });
    expect(decodeJwt(assertion).name).toBe('Eve  Hacker');
  });

  it.each([['nobody'], ['../../etc'], ['00000000-0000-0000-0000-00000000002g'], ['']])(
    'when an SSO token is asked for object id %j (not a GUID), then none is minted',
    async (oid) => {
      await expect(idp.mintSsoToken(oid)).rejects.toMatchObject({ reason: 'unknown_user' });
    },
  );

  it.each([
    ['a named consented scope', `https://graph.microsoft.com/${READ_SCOPE}`, 200, READ_SCOPE],
    ['a bare scope name', READWRITE_SCOPE, 200, READWRITE_SCOPE],
    [
      '.default with a named scope',
      `https://graph.microsoft.com/.default ${READ_SCOPE}`,
      400,
      70011,
    ],
    ['another resource', 'api://other/.default', 400, 70011],
  ])('when Avery asks for %s, then %i', async (_name, scope, status, expected) => {
    const res = await postToken(await obo(avery.aadObjectId, scope));
    expect(res.status).toBe(status);
    if (status === 200) expect(decodeJwt(String(res.body.access_token)).scp).toBe(expected);
    else expect(res.body.error_codes).toEqual([expected]);
  });

  it('when the user has no consent, then 400 invalid_grant 65001 consent_required', async () => {
    const { status, body } = await postToken(await obo(casey.aadObjectId));
    expect(status).toBe(400);
    expect(body).toMatchObject({
      error: 'invalid_grant',
      error_codes: [65001],
      suberror: 'consent_required',
    });
    expect(body.error_description).toMatch(
      /^AADSTS65001: The user or administrator has not consented to use the application/,
    );
  });

  it('when Eli asks only for a scope he lacks, then consent is required', async () => {
    const { body } = await postToken(
      await obo(eli.aadObjectId, `https://graph.microsoft.com/${READWRITE_SCOPE}`),
    );
    expect(body.error_codes).toEqual([65001]);
  });

  it.each([
    ['expired', { expiresInSeconds: -60 }, /valid time range/],
    ['for another audience', { audience: 'api://someone-else' }, /audience/],
  ])('when the assertion is %s, then 400 invalid_grant 50013', async (_n, options, text) => {
    const form = await obo(avery.aadObjectId);
    form.assertion = await idp.mintSsoToken(avery.aadObjectId, options);
    const { status, body } = await postToken(form);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'invalid_grant', error_codes: [50013] });
    expect(body.error_description).toMatch(text);
  });

  it('when the assertion is a Graph token (wrong audience), then 50013', async () => {
    const form = await obo(avery.aadObjectId);
    form.assertion = await idp.mintGraphToken({ aadObjectId: avery.aadObjectId });
    expect((await postToken(form)).body.error_codes).toEqual([50013]);
  });

  it('when client credentials are used, then the app token has roles and no scp', async () => {
    const { status, body } = await postToken({
      ...client,
      grant_type: 'client_credentials',
      scope: 'https://graph.microsoft.com/.default',
    });
    expect(status).toBe(200);
    const claims = decodeJwt(String(body.access_token));
    expect(claims.roles).toEqual([
      'IndustryData-OutboundFlow.Read.All',
      'GroupMember.Read.All',
      'IndustryData-Run.Read.All',
    ]);
    expect(claims.scp).toBeUndefined();
    expect(claims.idtyp).toBe('app');
  });

  it('when client credentials ask for a named scope, then AADSTS1002012', async () => {
    const { body } = await postToken({
      ...client,
      grant_type: 'client_credentials',
      scope: READ_SCOPE,
    });
    expect(body.error_codes).toEqual([1002012]);
  });

  it('counts token requests by grant type', async () => {
    const before = { ...idp.tokenRequests };
    await postToken(await obo(avery.aadObjectId));
    await postToken({
      ...client,
      grant_type: 'client_credentials',
      scope: 'https://graph.microsoft.com/.default',
    });
    await postToken({ ...client, grant_type: 'password' });
    expect(idp.tokenRequests).toEqual({
      onBehalfOf: before.onBehalfOf + 1,
      clientCredentials: before.clientCredentials + 1,
    });
  });
});
