/**
 * The shared token cache: sealed records in our DurableStorage (SQLite here, the same contract as
 * Azure Blob), and real msal-node clients against the local IdP over real HTTP on 127.0.0.1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandboxGraphIdentity, createStorageCacheClient } from '../../src/identity';
import { TOKEN_CACHE_PREFIX } from '../../src/identity/tokenCache';
import { createMemoryLogger } from '../../src/log';
import { startLocalIdentityProvider, type LocalIdentityProvider } from '../../src/sandbox/idp';
import { SANDBOX_USERS } from '../../src/sandbox/users';
import { createSqliteStorage } from '../../src/store/sqliteStorage';
import type { DurableStorage } from '../../src/store/storage';

const [avery, blake] = SANDBOX_USERS;
const KEY = 'k3y-for-tests-only-0123456789abcdef0123456789abcdef=';
let idp: LocalIdentityProvider;
let dir: string;
let storage: DurableStorage;
let memory: ReturnType<typeof createMemoryLogger>;

beforeAll(async () => {
  idp = await startLocalIdentityProvider({ logger: createMemoryLogger().logger });
});
afterAll(() => idp.close());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sds-token-cache-'));
  storage = createSqliteStorage(join(dir, 'bot.sqlite'));
  memory = createMemoryLogger();
});
afterEach(async () => {
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

const stored = async (partition: string) =>
  (await storage.read([`${TOKEN_CACHE_PREFIX}/${partition}`]))[
    `${TOKEN_CACHE_PREFIX}/${partition}`
  ];

describe('the sealed cache client', () => {
  it('when a value is saved and read back, then it round-trips and is not stored in clear', async () => {
    const client = createStorageCacheClient(storage, KEY, memory.logger);
    const value = JSON.stringify({ RefreshToken: { x: { secret: 'refresh-token-value' } } });
    await client.set(avery.aadObjectId, value);
    expect(await client.get(avery.aadObjectId)).toBe(value);
    const record = await stored(avery.aadObjectId);
    expect(JSON.stringify(record)).not.toContain('refresh-token-value');
    // A fresh IV per write: the same value sealed twice differs.
    await client.set(avery.aadObjectId, value);
    expect((await stored(avery.aadObjectId))!.iv).not.toBe(record!.iv);
  });

  it('when nothing is cached for the user, then the answer is empty', async () => {
    expect(await createStorageCacheClient(storage, KEY, memory.logger).get('nobody')).toBe('');
  });

  it('when the entry was sealed under another key, then it is a miss, logged at warn without content', async () => {
    await createStorageCacheClient(storage, 'another key', memory.logger).set('p', 'secret-cache');
    expect(await createStorageCacheClient(storage, KEY, memory.logger).get('p')).toBe('');
    const warn = memory.lines.map((l) => JSON.parse(l)).find((e) => e.level === 'warn');
    expect(warn).toMatchObject({ msg: 'token cache entry unreadable', partition: 'p' });
    expect(memory.lines.join('\n')).not.toContain((await stored('p'))!.data);
  });

  it('when the ciphertext was changed, or moved to another user, then it is a miss', async () => {
    const client = createStorageCacheClient(storage, KEY, memory.logger);
    await client.set('a', 'cache of a');
    const sealed = (await stored('a'))!;
    const flipped = Buffer.from(sealed.data, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    await storage.write({
      [`${TOKEN_CACHE_PREFIX}/a`]: { ...sealed, data: flipped.toString('base64'), eTag: '*' },
      [`${TOKEN_CACHE_PREFIX}/b`]: { ...sealed, eTag: '*' },
    });
    expect(await client.get('a')).toBe('');
    expect(await client.get('b')).toBe('');
  });
});

describe('two instances over one storage', () => {
  const instance = () =>
    createSandboxGraphIdentity(idp, {
      logger: memory.logger,
      userTokenCache: createStorageCacheClient(storage, KEY, memory.logger),
    });

  it('when the first instance got the user a token, then the second gets it from the cache without a token request', async () => {
    const sso = await idp.mintSsoToken(avery.aadObjectId);
    const before = idp.tokenRequests.onBehalfOf;
    const token = await instance().onBehalfOf(sso)();
    expect(idp.tokenRequests.onBehalfOf).toBe(before + 1);
    expect(await instance().onBehalfOf(sso)()).toBe(token);
    expect(idp.tokenRequests.onBehalfOf).toBe(before + 1);
    // One record, in the user's own partition, sealed.
    expect(Object.keys(await storage.list(`${TOKEN_CACHE_PREFIX}/`))).toEqual([
      `${TOKEN_CACHE_PREFIX}/${avery.aadObjectId}`,
    ]);
    expect(memory.lines.join('\n')).not.toContain(token);
  });

  it('when two users use one instance, then each partition holds only its own user', async () => {
    const one = instance();
    await Promise.all([
      one.onBehalfOf(await idp.mintSsoToken(avery.aadObjectId))(),
      one.onBehalfOf(await idp.mintSsoToken(blake.aadObjectId))(),
    ]);
    const client = createStorageCacheClient(storage, KEY, memory.logger);
    for (const [user, other] of [
      [avery, blake],
      [blake, avery],
    ]) {
      const cache = await client.get(user!.aadObjectId);
      expect(cache).toContain(user!.aadObjectId);
      expect(cache).not.toContain(other!.aadObjectId);
    }
  });

  it('when concurrent first requests of one user arrive, then one token request is made', async () => {
    const provider = instance().onBehalfOf(await idp.mintSsoToken(blake.aadObjectId));
    const before = idp.tokenRequests.onBehalfOf;
    const tokens = await Promise.all([provider(), provider(), provider()]);
    expect(new Set(tokens).size).toBe(1);
    expect(idp.tokenRequests.onBehalfOf).toBe(before + 1);
  });

  it('when the user signs out on one instance, then an instance started later makes a new request', async () => {
    const sso = await idp.mintSsoToken(avery.aadObjectId);
    const first = instance();
    await first.onBehalfOf(sso)();
    expect(await first.signOut({ aadObjectId: avery.aadObjectId })).toEqual({ accountsRemoved: 1 });
    const before = idp.tokenRequests.onBehalfOf;
    await instance().onBehalfOf(sso)();
    expect(idp.tokenRequests.onBehalfOf).toBe(before + 1);
  });

  it('when the stored entry was sealed under another key, then the token is requested again', async () => {
    const sso = await idp.mintSsoToken(avery.aadObjectId);
    await createSandboxGraphIdentity(idp, {
      logger: memory.logger,
      userTokenCache: createStorageCacheClient(storage, 'the old key', memory.logger),
    }).onBehalfOf(sso)();
    const before = idp.tokenRequests.onBehalfOf;
    await instance().onBehalfOf(sso)();
    expect(idp.tokenRequests.onBehalfOf).toBe(before + 1);
  });
});
