/**
 * Issue 13: a turn that changes nothing about its conversation writes nothing (and, once the
 * conversation is cached, reads nothing); a changed reference or an install event writes again,
 * and the notifications hook still sees a conversation first seen and every change.
 */
import { createMemoryStorage } from '../../src/store/memoryStorage';
import type { DurableStorage, StoreItems } from '../../src/store/storage';
import {
  createConversationStore,
  warmUpConversationRecord,
} from '../../src/store/conversationStore';
import { observeConversations } from '../../src/notifications/conversationHook';
import type { Logger } from '../../src/log';

function countingStorage(inner: DurableStorage = createMemoryStorage()) {
  const counts = { reads: 0, writes: 0 };
  const storage: DurableStorage = {
    ...inner,
    read: (keys: string[]) => {
      counts.reads++;
      return inner.read(keys);
    },
    write: (changes: StoreItems) => {
      counts.writes++;
      return inner.write(changes);
    },
    writeReturningETags: (changes: StoreItems) => {
      counts.writes++;
      return inner.writeReturningETags(changes);
    },
    delete: (keys) => inner.delete(keys),
    list: (prefix) => inner.list(prefix),
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
  return { storage, counts, inner };
}

const turn = (serviceUrl = 'https://smba.trafficmanager.net/emea/', installed?: boolean) => ({
  reference: {
    serviceUrl,
    channelId: 'msteams',
    conversation: { id: 'a:1', conversationType: 'personal', tenantId: 't' },
    bot: { id: '28:bot', name: 'SDS Flow Admin' },
    user: { id: '29:u', aadObjectId: 'oid-1' },
  },
  conversationType: 'personal',
  teamId: undefined,
  channelId: undefined,
  ...(installed === undefined ? {} : { installed }),
});

const silent = { error: jest.fn(), warn: jest.fn(), info: jest.fn(), debug: jest.fn() };

describe('conversation store: no write when nothing changed', () => {
  test('two identical turns write once; the second reads nothing either', async () => {
    const { storage, counts } = countingStorage();
    const store = createConversationStore(storage);
    await store.remember(turn());
    expect(counts).toEqual({ reads: 1, writes: 1 });
    const second = await store.remember(turn());
    expect(second).toMatchObject({ written: false, firstSeen: false });
    expect(counts).toEqual({ reads: 1, writes: 1 });
  });

  test('a changed serviceUrl writes again', async () => {
    const { storage, counts } = countingStorage();
    const store = createConversationStore(storage);
    await store.remember(turn());
    await store.remember(turn('https://smba.trafficmanager.net/amer/'));
    expect(counts.writes).toBe(2);
    expect((await store.get('a:1'))?.reference.serviceUrl).toBe(
      'https://smba.trafficmanager.net/amer/',
    );
  });

  test('install and uninstall events always write; an ordinary turn keeps installed', async () => {
    const { storage, counts } = countingStorage();
    const store = createConversationStore(storage);
    await store.remember(turn(undefined, true));
    await store.remember(turn(undefined, true));
    expect(counts.writes).toBe(2);
    await store.remember(turn(undefined, false));
    await store.remember(turn());
    expect(counts.writes).toBe(3);
    expect((await store.get('a:1'))?.installed).toBe(false);
  });

  test('after a restart an unchanged record is read once and not rewritten', async () => {
    const { storage, counts, inner } = countingStorage();
    await createConversationStore(storage).remember(turn());
    const restarted = createConversationStore(storage);
    const first = await restarted.remember(turn());
    expect(first).toMatchObject({ written: false, firstSeen: true });
    await restarted.remember(turn());
    expect(counts).toEqual({ reads: 2, writes: 1 });
    expect(Object.keys(await inner.list('conversations/'))).toHaveLength(1);
  });

  test('the cache is bounded and ages out', async () => {
    let clock = 0;
    const { storage, counts } = countingStorage();
    const store = createConversationStore(storage, {
      cacheSize: 1,
      maxAgeMs: 10,
      now: () => clock,
    });
    const other = turn();
    other.reference.conversation = { ...other.reference.conversation, id: 'a:2' };
    await store.remember(turn());
    await store.remember(other); // evicts a:1
    await store.remember(turn());
    expect(counts).toEqual({ reads: 3, writes: 2 });
    clock = 11;
    await store.remember(turn());
    expect(counts).toEqual({ reads: 4, writes: 2 });
  });

  test('the notifications hook sees a conversation first seen and each change, not repeats', async () => {
    const { storage } = countingStorage();
    await createConversationStore(storage).remember(turn());
    const seen: Array<[string, boolean | undefined]> = [];
    const store = observeConversations(
      createConversationStore(storage),
      async (record, before) => {
        seen.push([record.reference.serviceUrl, before?.installed]);
      },
      silent as unknown as Logger,
    );
    await store.remember(turn());
    await store.remember(turn());
    await store.remember(turn('https://smba.trafficmanager.net/amer/'));
    await store.remember(turn('https://smba.trafficmanager.net/amer/'));
    expect(seen).toEqual([
      ['https://smba.trafficmanager.net/emea/', true],
      ['https://smba.trafficmanager.net/amer/', true],
    ]);
  });
});

describe('conversation record warm-up', () => {
  it('when the app warms the record schema at start, then its sample is a valid record', () => {
    expect(warmUpConversationRecord()).toBe(true);
  });
});
