import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryLogger } from '../../../src/log';
import { startLocalIdentityProvider, type LocalIdentityProvider } from '../../../src/sandbox/idp';
import { SANDBOX_USERS } from '../../../src/sandbox/users';

const [avery, , casey] = SANDBOX_USERS;
const { logger } = createMemoryLogger();
let idp: LocalIdentityProvider;

beforeAll(async () => {
  idp = await startLocalIdentityProvider({ logger });
});
afterAll(() => idp.close());

async function sandboxToken(body: unknown) {
  const res = await fetch(`${idp.issuerBaseUrl}/_sandbox/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('/_sandbox routes', () => {
  it('when users are listed, then all five come with their purpose', async () => {
    const res = await fetch(`${idp.issuerBaseUrl}/_sandbox/users`);
    const { users } = (await res.json()) as { users: { name: string; purpose: string }[] };
    expect(users.map((u) => u.name)).toEqual(SANDBOX_USERS.map((u) => u.name));
    expect(users[2].purpose).toBe(casey.purpose);
  });

  it('when a user token is asked for, then it authenticates at the emulator as that user', async () => {
    const { status, body } = await sandboxToken({ user: avery.aadObjectId });
    expect(status).toBe(200);
    const caller = await idp.authenticateGraphRequest(`Bearer ${body.access_token}`);
    expect(caller).toMatchObject({ kind: 'delegated', oid: avery.aadObjectId });
    expect(body.subject).toMatchObject({ name: avery.name });
  });

  it('when the app token is asked for, then it is app-only', async () => {
    const { body } = await sandboxToken({ user: 'app' });
    const caller = await idp.authenticateGraphRequest(`Bearer ${body.access_token}`);
    expect(caller.kind).toBe('application');
    expect(body.subject).toBe('app');
  });

  it.each([
    ['an unknown user', { user: 'nobody' }, 404],
    ['a user without consent', { user: casey.aadObjectId }, 409],
    ['a body without user', { who: 'x' }, 400],
  ])('when %s is asked for, then %i', async (_n, body, status) => {
    expect((await sandboxToken(body)).status).toBe(status);
  });

  it('does not count sandbox tokens as token-endpoint requests', () => {
    expect(idp.tokenRequests).toEqual({ onBehalfOf: 0, clientCredentials: 0 });
  });
});

describe('signing key file', () => {
  it('when restarted with the same key file, then tokens minted before still verify', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'idp-key-'));
    const keyFile = join(dir, 'idp-key.json');
    try {
      const first = await startLocalIdentityProvider({ logger, keyFile });
      const port = Number(new URL(first.issuerBaseUrl).port);
      const token = await first.mintGraphToken({ aadObjectId: avery.aadObjectId });
      await first.close();
      const second = await startLocalIdentityProvider({ logger, keyFile, port });
      try {
        await expect(second.authenticateGraphRequest(`Bearer ${token}`)).resolves.toMatchObject({
          oid: avery.aadObjectId,
        });
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
