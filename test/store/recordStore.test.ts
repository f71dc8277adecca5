/**
 * The one compare-and-set primitive (RecordStore.update), run against both backends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { createMemoryStorage } from '../../src/store/memoryStorage';
import { CAS_ATTEMPTS, createRecordStore } from '../../src/store/recordStore';
import { createSqliteStorage } from '../../src/store/sqliteStorage';
import {
  isStorageConflict,
  StorageConflictError,
  type DurableStorage,
} from '../../src/store/storage';

const dir = mkdtempSync(join(tmpdir(), 'sds-record-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

const Counter = z.object({ count: z.number() });
type Counter = z.infer<typeof Counter>;

const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

describe.each([
  ['memory', () => createMemoryStorage()],
  ['sqlite', () => createSqliteStorage(join(dir, `r${++n}.sqlite`))],
])('%s record store update', (_name, make: () => DurableStorage) => {
  let storage: DurableStorage;
  beforeEach(() => {
    storage = make();
  });
  afterEach(() => storage.close());

  const counters = () => createRecordStore(storage, 'counter', Counter);
  const increment = (current: Counter | undefined) => {
    const next = { count: (current?.count ?? 0) + 1 };
    return { write: next, result: next.count };
  };

  it('when a function loses a race, then it runs again and sees the winner’s value', async () => {
    await counters().put('a', { count: 1 });
    // Someone else's write lands between our read and our first write.
    let raced = false;
    const racing: DurableStorage = {
      ...storage,
      read: (keys) => storage.read(keys),
      writeReturningETags: async (changes) => {
        if (!raced) {
          raced = true;
          await storage.write({ 'counter/a': { count: 10 } });
        }
        return storage.writeReturningETags(changes);
      },
    };
    const store = createRecordStore(racing, 'counter', Counter);
    const seen: Array<number | undefined> = [];
    const result = await store.update('a', (current) => {
      seen.push(current?.count);
      return { write: { count: (current?.count ?? 0) + 1 }, result: current?.count };
    });
    expect(seen).toEqual([1, 10]);
    expect(result).toBe(10);
    expect((await store.get('a'))?.value).toEqual({ count: 11 });
  });

  it('when N updates run at once, then every one of them lands', async () => {
    const store = counters();
    await store.put('a', { count: 0 });
    const N = 4;
    const results = await Promise.all(
      Array.from({ length: N }, () => store.update('a', increment, { attempts: N + 1 })),
    );
    expect([...results].sort()).toEqual([1, 2, 3, 4]);
    expect((await store.get('a'))?.value).toEqual({ count: N });
  });

  it('when the record is absent, then the write is create-only and a second create is refused', async () => {
    const store = counters();
    const create = (current: Counter | undefined) =>
      current ? { keep: 'exists' as const } : { write: { count: 1 }, result: 'created' as const };
    expect(await store.update('a', create)).toBe('created');
    expect(await store.update('a', create)).toBe('exists');
    // A write that assumes absence conflicts when the record exists (what update relies on).
    expect(isStorageConflict(await failure(store.replace('a', { count: 2 }, undefined)))).toBe(
      true,
    );
    expect((await store.get('a'))?.value).toEqual({ count: 1 });
  });

  it('when the function keeps or deletes, then that is what is stored and its result returned', async () => {
    const store = counters();
    await store.put('a', { count: 3 });
    expect(await store.update('a', (c) => ({ keep: c?.count }))).toBe(3);
    expect(await store.update('a', () => ({ delete: true, result: 'gone' }))).toBe('gone');
    expect(await store.get('a')).toBeUndefined();
  });

  it('when every write conflicts, then the conflict error comes after exactly CAS_ATTEMPTS attempts', async () => {
    let writes = 0;
    const always: DurableStorage = {
      ...storage,
      read: (keys) => storage.read(keys),
      list: (prefix) => storage.list(prefix),
      writeReturningETags: async (changes) => {
        writes++;
        throw new StorageConflictError(Object.keys(changes)[0]!);
      },
    };
    const store = createRecordStore(always, 'counter', Counter);
    let runs = 0;
    const err = await failure(
      store.update('a', (current) => {
        runs++;
        return increment(current);
      }),
    );
    expect(isStorageConflict(err)).toBe(true);
    expect((err as StorageConflictError).code).toBe('conflict');
    expect(writes).toBe(CAS_ATTEMPTS);
    expect(runs).toBe(CAS_ATTEMPTS);
  });
});
