/** The SSO path's small stores: the in-memory token cache, the exchange ledger, pending commands. */
import { createMemoryStorage } from '../../../src/store/memoryStorage';
import { createExchangeLedger } from '../../../src/teams/sso/exchangeLedger';
import { createPendingCommands } from '../../../src/teams/sso/pendingCommands';
import { createSsoTokenCache } from '../../../src/teams/sso/tokenCache';

describe('SSO token cache (memory only)', () => {
  it('when a token nears its expiry, then it is no longer handed out', () => {
    let now = 1_000_000;
    const cache = createSsoTokenCache({ now: () => now });
    cache.remember('oid-1', 'token-1', now + 10 * 60_000);
    expect(cache.get('oid-1')).toBe('token-1');
    now += 9.5 * 60_000; // 30 s left: too little for an exchange plus a Graph call
    expect(cache.get('oid-1')).toBeUndefined();
  });

  it('when a user is forgotten, then their token is gone and others stay', () => {
    const cache = createSsoTokenCache();
    cache.remember('oid-1', 'token-1', Date.now() + 3_600_000);
    cache.remember('oid-2', 'token-2', Date.now() + 3_600_000);
    expect(cache.forget('oid-1')).toBe(true);
    expect([cache.get('oid-1'), cache.get('oid-2')]).toEqual([undefined, 'token-2']);
  });

  it('when more users sign in than it holds, then the least recent one is dropped', () => {
    const cache = createSsoTokenCache({ maxUsers: 2 });
    const later = Date.now() + 3_600_000;
    cache.remember('a', 'ta', later);
    cache.remember('b', 'tb', later);
    cache.remember('a', 'ta2', later); // a signed in again: now b is the oldest
    cache.remember('c', 'tc', later);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual(['ta2', undefined, 'tc']);
  });
});

describe('exchange ledger', () => {
  const key = { channelId: 'msteams', conversationId: 'a:1', exchangeId: 'x-1' };

  it('when two successes are recorded for one id, then only the first is first', async () => {
    const ledger = createExchangeLedger(createMemoryStorage());
    expect(await ledger.alreadyExchanged(key)).toBe(false);
    expect(await ledger.recordExchanged(key)).toBe('first');
    expect(await ledger.recordExchanged(key)).toBe('duplicate');
    expect(await ledger.alreadyExchanged(key)).toBe(true);
  });

  it('when a failure came first, then a later success still wins once', async () => {
    const ledger = createExchangeLedger(createMemoryStorage());
    expect(await ledger.recordFailed(key)).toBe('first');
    expect(await ledger.recordFailed(key)).toBe('repeat');
    expect(await ledger.alreadyExchanged(key)).toBe(false);
    expect(await ledger.recordExchanged(key)).toBe('first');
    expect(await ledger.recordFailed(key)).toBe('repeat');
  });

  it('when ids differ by conversation, then they are separate records', async () => {
    const ledger = createExchangeLedger(createMemoryStorage());
    await ledger.recordExchanged(key);
    expect(await ledger.alreadyExchanged({ ...key, conversationId: 'a:2' })).toBe(false);
  });

  it('when concurrent successes race, then exactly one is first', async () => {
    const ledger = createExchangeLedger(createMemoryStorage());
    const outcomes = await Promise.all([1, 2, 3, 4].map(() => ledger.recordExchanged(key)));
    expect(outcomes.filter((o) => o === 'first')).toHaveLength(1);
  });
});

describe('pending commands', () => {
  it('when claimed twice, then the command is handed out once', async () => {
    const pending = createPendingCommands(createMemoryStorage());
    await pending.save('oid-1', { text: 'whoami', conversationId: 'a:1' });
    const claims = await Promise.all([
      pending.claim('oid-1', 'a:1'),
      pending.claim('oid-1', 'a:1'),
    ]);
    expect(claims.filter(Boolean)).toEqual(['whoami']);
    expect(await pending.claim('oid-1', 'a:1')).toBeUndefined();
  });

  it.each([
    ['it expired', 11 * 60_000, 'a:1'],
    ['the sign-in happened in another conversation', 0, 'a:2'],
  ])('when %s, then nothing runs', async (_name, elapsed, conversationId) => {
    let now = 5_000_000;
    const pending = createPendingCommands(createMemoryStorage(), { now: () => now });
    await pending.save('oid-1', { text: 'whoami', conversationId: 'a:1' });
    now += elapsed;
    expect(await pending.claim('oid-1', conversationId)).toBeUndefined();
  });

  it('when a newer command is saved, then it replaces the older one', async () => {
    const pending = createPendingCommands(createMemoryStorage());
    await pending.save('oid-1', { text: 'whoami', conversationId: 'a:1' });
    await pending.save('oid-1', { text: 'list', conversationId: 'a:1' });
    expect(await pending.claim('oid-1', 'a:1')).toBe('list');
  });
});
