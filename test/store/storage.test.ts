/**
 * The DurableStorage contract (botbuilder's Storage eTag semantics plus list/ping), run against
 * both backends: the in-memory one used by unit tests and SQLite, the default.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryStorage } from '../../src/store/memoryStorage';
import { createSqliteStorage } from '../../src/store/sqliteStorage';
import { isStorageConflict, type DurableStorage } from '../../src/store/storage';

const dir = mkdtempSync(join(tmpdir(), 'sds-storage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

describe.each([
  ['memory', () => createMemoryStorage()],
  ['sqlite', () => createSqliteStorage(join(dir, `s${++n}.sqlite`))],
])('%s storage', (_name, make: () => DurableStorage) => {
  let storage: DurableStorage;
  beforeEach(() => {
    storage = make();
  });
  afterEach(() => storage.close());

  const conflict = async (p: Promise<unknown>) => {
    const err = await p.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isStorageConflict(err)).toBe(true);
  };

  it('when an item is written, then it reads back with a fresh eTag', async () => {
    await storage.write({ a: { value: 1 } });
    const { a } = await storage.read(['a', 'missing']);
    expect(a).toMatchObject({ value: 1 });
    expect(typeof a!.eTag).toBe('string');
    expect(Object.keys(await storage.read(['missing']))).toEqual([]);
  });

  it('when a write carries the current eTag, then it succeeds; with a stale one, it conflicts', async () => {
    await storage.write({ a: { value: 1 } });
    const first = (await storage.read(['a'])).a!.eTag;
    await storage.write({ a: { value: 2, eTag: first } });
    await conflict(storage.write({ a: { value: 3, eTag: first } }));
    expect((await storage.read(['a'])).a).toMatchObject({ value: 2 });
  });

  it('when a write has no eTag or "*", then it overwrites unconditionally', async () => {
    await storage.write({ a: { value: 1 } });
    await storage.write({ a: { value: 2, eTag: '*' } });
    await storage.write({ a: { value: 3 } });
    expect((await storage.read(['a'])).a).toMatchObject({ value: 3 });
  });

  it('when one item of a batch conflicts, then nothing of the batch is written', async () => {
    await storage.write({ a: { value: 1 } });
    await conflict(storage.write({ b: { value: 'new' }, a: { value: 2, eTag: 'stale' } }));
    expect(await storage.read(['a', 'b'])).toEqual({ a: expect.objectContaining({ value: 1 }) });
  });

  it('when 20 writers race with the same eTag, then exactly one wins', async () => {
    await storage.write({ a: { value: 0 } });
    const eTag = (await storage.read(['a'])).a!.eTag;
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => storage.write({ a: { value: i + 1, eTag } })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('when items share a prefix, then list returns exactly those; delete removes', async () => {
    await storage.write({ 'x/1': { v: 1 }, 'x/2': { v: 2 }, 'xy/3': { v: 3 }, 'y/1': { v: 4 } });
    expect(Object.keys(await storage.list('x/')).sort()).toEqual(['x/1', 'x/2']);
    await storage.delete(['x/1']);
    expect(Object.keys(await storage.list('x/'))).toEqual(['x/2']);
    expect(await storage.ping()).toBe(true);
  });
});

describe('sqlite storage across restarts', () => {
  it('when the process reopens the file, then items and their eTags are still there', async () => {
    const file = join(dir, 'restart.sqlite');
    const before = createSqliteStorage(file);
    const eTags = await before.writeReturningETags({ kept: { value: 'survives' } });
    await before.close();
    const after = createSqliteStorage(file);
    expect((await after.read(['kept'])).kept).toEqual({ value: 'survives', eTag: eTags.kept });
    await after.close();
  });

  it('when two connections share the file, then a stale eTag from one conflicts in the other', async () => {
    const file = join(dir, 'shared.sqlite');
    const one = createSqliteStorage(file);
    const two = createSqliteStorage(file);
    const { a: eTag } = await one.writeReturningETags({ a: { value: 1 } });
    await two.write({ a: { value: 2, eTag } });
    const err = await one.write({ a: { value: 3, eTag } }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isStorageConflict(err)).toBe(true);
    await one.close();
    await two.close();
  });
});
